"""`python -m app listings generate|list|show|retry|accept|export|glossary`: the listing localizer from a terminal.

`generate` prints one line per listing; Ctrl-C stops it, and running the same command again resumes (listings
unchanged since the last run are skipped).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli_support import guarded


@contextmanager
def _service(with_model: bool = False) -> Iterator[Any]:
    from app.settings import Settings
    from app.wiring import build_services

    services = build_services(Settings(), start_models=with_model)
    try:
        if with_model and services.embedded_server is not None:
            print("waiting for the local model server…", file=sys.stderr)
            services.embedded_server.wait_until_ready()
        yield services.listings
    finally:
        services.close()


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _describe(version: Any) -> str:
    checks = "passed" if version.passed else "FLAGGED: " + "; ".join(str(i) for i in version.issues)
    return (f"{version.id}  {version.product_id} {version.language} {version.marketplace} v{version.version} "
            f"[{version.status}] {checks}")


def _generate(args: argparse.Namespace) -> int:
    from app.services.listings.service import RunProgress

    # Tokens arriving, on stderr: redrawn in place on a terminal, an occasional line in a log.
    live = sys.stderr.isatty()
    every = 0.5 if live else 15.0
    with _service(with_model=True) as service:
        products = _split(args.products) or [p.id for p in service.products()]
        passed = total = 0
        shown = time.monotonic()
        try:
            for event in service.run_live(products, _split(args.languages), args.marketplace, force=args.force):
                if isinstance(event, RunProgress):
                    if time.monotonic() - shown >= every:
                        shown = time.monotonic()
                        step = event.progress
                        line = (f"{event.index}/{event.total} writing {event.product_id} {event.language}: "
                                f"{step.tokens}/{step.max_tokens} tokens, {step.seconds:.0f} s")
                        print(f"\r{line}\033[K" if live else line, end="" if live else "\n", file=sys.stderr,
                              flush=True)
                    continue
                if live:
                    print("\r\033[K", end="", file=sys.stderr, flush=True)
                total += 1
                passed += bool(event.version and event.version.passed)
                print(f"{event.index}/{event.total} {event.outcome:9} "
                      f"{_describe(event.version) if event.version else ''}", flush=True)
        except KeyboardInterrupt:
            print("stopped; run the same command again to resume", file=sys.stderr)
            return 130
    print(f"{passed}/{total} listings pass every check")
    return 0


def _list(args: argparse.Namespace) -> int:
    with _service() as service:
        for version in service.versions(status=args.status, language=args.language, marketplace=args.marketplace):
            print(_describe(version))
    return 0


def _show(args: argparse.Namespace) -> int:
    with _service() as service:
        version = service.version(args.version_id)
    print(_describe(version))
    print(version.listing.model_dump_json(indent=2))
    return 0


def _retry(args: argparse.Namespace) -> int:
    with _service(with_model=True) as service:
        print(_describe(service.retry(args.version_id)))
    return 0


def _accept(args: argparse.Namespace) -> int:
    with _service() as service:
        print(_describe(service.accept(args.version_id, args.reason)))
    return 0


def _export(args: argparse.Namespace) -> int:
    with _service() as service:
        report = service.export(args.format, marketplace=args.marketplace, language=args.language,
                                path=Path(args.out) if args.out else None,
                                shopify_export=Path(args.shopify_ids) if args.shopify_ids else None)
    print(f"{report.rows} rows -> {report.path}")
    if report.unmatched:
        print("warning: no Shopify product ID for " + ", ".join(report.unmatched) + " (their rows carry the "
              "SKU/handle, which Shopify's import does not match): pass --shopify-ids with your store's "
              "translations export", file=sys.stderr)
    for flag in report.flagged:
        print(f"warning: {flag}", file=sys.stderr)
    return 0


def _glossary(args: argparse.Namespace) -> int:
    with _service() as service:
        rows = [[t.kind, t.language, t.source, t.target] for t in service.glossary()]
        if args.add:
            rows.append([args.kind, args.language or "*", args.add, args.target or ""])
        if args.remove:
            rows = [row for row in rows if row[2] != args.remove]
        terms = service.save_glossary(rows) if (args.add or args.remove) else service.glossary()
    for term in terms:
        print(f"{term.kind:6} {term.language:2} {term.source}{' -> ' + term.target if term.target else ''}")
    return 0


def register_listing_commands(commands: Any) -> None:
    parser = commands.add_parser("listings", help="localized product listings, every fact checked by code")
    sub = parser.add_subparsers(dest="listings_command", required=True)
    gen = sub.add_parser("generate", help="generate listings with the configured chat model (resumable)")
    gen.add_argument("--products", help="comma-separated SKUs (default: the whole catalog)")
    gen.add_argument("--languages", required=True, help="comma-separated, e.g. ko,ja,pt")
    gen.add_argument("--marketplace", required=True, help="amazon, ebay, aliexpress, shopify, mercadolivre, coupang")
    gen.add_argument("--force", action="store_true", help="regenerate listings that are unchanged")
    gen.set_defaults(handler=guarded(_generate))
    lst = sub.add_parser("list", help="stored listing versions")
    lst.add_argument("--status", choices=["draft", "accepted", "superseded"])
    lst.add_argument("--language")
    lst.add_argument("--marketplace")
    lst.set_defaults(handler=guarded(_list))
    show = sub.add_parser("show", help="one version with its checks")
    show.add_argument("version_id")
    show.set_defaults(handler=guarded(_show))
    retry = sub.add_parser("retry", help="ask the model again, telling it why the version failed")
    retry.add_argument("version_id")
    retry.set_defaults(handler=guarded(_retry))
    acc = sub.add_parser("accept", help="accept a version (a failed one only with --reason)")
    acc.add_argument("version_id")
    acc.add_argument("--reason")
    acc.set_defaults(handler=guarded(_accept))
    exp = sub.add_parser("export", help="export accepted listings")
    exp.add_argument("--format", choices=["shopify", "marketplace", "json"], required=True)
    exp.add_argument("--marketplace", required=True)
    exp.add_argument("--language")
    exp.add_argument("--out")
    exp.add_argument("--shopify-ids", metavar="CSV",
                     help="your store's Translate & Adapt export: its handle rows give the product IDs to import by")
    exp.set_defaults(handler=guarded(_export))
    glo = sub.add_parser("glossary", help="list, add or remove glossary terms")
    glo.add_argument("--add", metavar="TERM", help="source term to add")
    glo.add_argument("--kind", choices=["keep", "prefer"], default="keep")
    glo.add_argument("--language", help="language code, or * (default) for every language")
    glo.add_argument("--target", help="the preferred term (kind prefer)")
    glo.add_argument("--remove", metavar="TERM")
    glo.set_defaults(handler=guarded(_glossary))
