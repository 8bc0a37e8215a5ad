"""`python -m app chargeback import|list|show|generate|outcome`: the chargeback desk from a terminal."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli_support import guarded


@contextmanager
def _service(with_model: bool = False) -> Iterator[Any]:
    from app.settings import Settings
    from app.wiring import build_services

    # The configured chat model is started only for `generate --model`; otherwise the template writes the argument.
    services = build_services(Settings(), start_models=with_model)
    try:
        yield services.chargebacks
    finally:
        services.close()


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with _service() as service:
        report = service.import_notices(path.read_bytes(), path.name, actor="cli")
    print(report.summary())
    return 0 if not report.errors else 1


def _list(args: argparse.Namespace) -> int:
    with _service() as service:
        rows = service.queue(include_closed=args.all)
    print(f"{'case':<10} {'dispute id':<18} {'reason':<16} {'order':<11} {'amount':>13} {'due':<10} {'left':>4} {'flag':<8} {'status':<9} evidence")
    for row in rows:
        notice = row.case.notice
        print(
            f"{row.case.number:<10} {notice.case_id:<18} {row.case.reason.display:<16} {notice.order_no:<11} "
            f"{str(notice.amount) + ' ' + notice.currency:>13} {row.deadline.due_date.isoformat():<10} "
            f"{row.deadline.days_left:>4} {row.deadline.flag:<8} {row.case.status:<9} {row.completeness_score}%"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    with _service() as service:
        review = service.review(args.case_id)
    score = review.completeness
    case = review.bundle.case
    print(f"{case.number} ({case.case_id}): {score.reason_display}, evidence {score.score}% "
          f"({len(score.present)}/{len(score.required)}), due {review.bundle.deadline.due_date.isoformat()}")
    for row in review.checklist:
        mark = "x" if row.item.present else " "
        print(f"  [{mark}] {row.item.label}{'' if row.required else ' (extra)'}: {row.item.summary or row.item.note}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    with _service(with_model=args.model) as service:
        result = service.generate(args.case_id, out_path=Path(args.out) if args.out else None, actor="cli")
    print(f"{result.path}\nargument: {result.narrative_source}; evidence {result.completeness_score}%; "
          f"document {result.document_seconds:.3f} s")
    if result.pdf is None or result.stripe is None:
        return 0
    pdf = result.pdf
    print(f"{pdf.path}\nPDF packet: {pdf.size_bytes / 1e6:.2f} MB, {pdf.pages} pages, {pdf.seconds:.3f} s")
    print(pdf.limit_summary())
    for note in pdf.notes:
        print(f"note: {note}")
    print(f"{result.stripe.path}\nStripe evidence fields: {', '.join(result.stripe.fields)}")
    for cut in result.stripe.truncated:
        print(f"truncated: {cut}")
    if not pdf.within_limits:
        print("The PDF packet is OVER a processor's limit: remove or crop exhibits before submitting it there.")
        return 3
    return 0


def _outcome(args: argparse.Namespace) -> int:
    with _service() as service:
        case = service.record_outcome(args.case_id, args.outcome, actor="cli", note=args.note or "")
    print(f"{case.number} ({case.case_id}): {case.status}")
    return 0


def register_chargeback_commands(commands: Any) -> None:
    parser = commands.add_parser("chargeback", help="chargeback defense: import notices, list, generate rebuttals")
    sub = parser.add_subparsers(dest="chargeback_command", required=True)
    imp = sub.add_parser("import", help="import notices from a .csv or .json file")
    imp.add_argument("file")
    imp.set_defaults(handler=guarded(_import))
    lst = sub.add_parser("list", help="open cases by days left")
    lst.add_argument("--all", action="store_true", help="include won/lost/accepted cases")
    lst.set_defaults(handler=guarded(_list))
    show = sub.add_parser("show", help="evidence checklist and completeness of one case")
    show.add_argument("case_id", help="the case number (CB-000045) or the dispute id")
    show.set_defaults(handler=guarded(_show))
    gen = sub.add_parser("generate", help="write the rebuttal of one case: .docx, processor-ready PDF, Stripe evidence JSON "
                         "(exit 3 when the PDF is over a processor's size/page limit)")
    gen.add_argument("case_id", help="the case number (CB-000045) or the dispute id")
    gen.add_argument("--out", help="where to write the .docx; the .pdf and .stripe-evidence.json go beside it "
                     "(default: <data dir>/rebuttals/)")
    gen.add_argument("--model", action="store_true", help="let the configured chat model write the argument")
    gen.set_defaults(handler=guarded(_generate))
    out = sub.add_parser("outcome", help="record won / lost / accepted")
    out.add_argument("case_id", help="the case number (CB-000045) or the dispute id")
    out.add_argument("outcome", choices=["won", "lost", "accepted"])
    out.add_argument("--note")
    out.set_defaults(handler=guarded(_outcome))
