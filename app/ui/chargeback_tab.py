"""Chargeback defense tab: intake (form or CSV/JSON), queue by days left, evidence checklist, one-click Word
rebuttal with its PDF packet and Stripe evidence JSON, outcomes and win rate by reason code. Wiring only: every
decision lives in ChargebackService."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from app.domain.chargebacks import CATEGORY_NAMES, NETWORK_NAMES, QueueRow
from app.domain.money import format_money
from app.errors import CopilotError
from app.wiring import Services

QUEUE_HEADERS = ["case", "dispute id", "network", "code", "category", "order", "amount", "due", "days left", "flag", "status", "evidence"]
CHECKLIST_HEADERS = ["for this code", "status", "evidence", "details"]
WIN_HEADERS = ["network", "reason code", "won", "lost", "accepted", "win rate"]


def _actor(request: gr.Request | None) -> str:
    return (getattr(request, "username", None) or "merchant") if request else "merchant"


def _queue_row(row: QueueRow) -> list[object]:
    notice, reason = row.case.notice, row.case.reason
    return [
        row.case.number, notice.case_id, NETWORK_NAMES[reason.network], reason.code, CATEGORY_NAMES[reason.category], notice.order_no,
        format_money(notice.amount, notice.currency), row.deadline.due_date.isoformat(), row.deadline.days_left,
        row.deadline.flag, row.case.status, f"{row.completeness_score}%",
    ]


def _case_choices(rows: list[QueueRow]) -> list[tuple[str, str]]:
    """Picker entries a person recognises: case number, dispute id, reason code, order and status; the value stays
    the id. A number typed into the picker (CB-000045, cb45) opens that case too."""
    return [
        (f"{r.case.number} · {r.case.notice.case_id} · {NETWORK_NAMES[r.case.reason.network]} {r.case.reason.code} · "
         f"order {r.case.notice.order_no} · {r.case.status}", r.case.notice.case_id)
        for r in rows
    ]  # fmt: skip


def build_chargeback_tab(services: Services) -> None:
    service = services.chargebacks
    exhibit_choices = [(service.catalog.label(key), key) for key in service.catalog.evidence_kinds]

    def queue_view() -> tuple[list[list[object]], Any]:
        rows = service.queue(include_closed=True)
        # The label is set again: an update without one showed the component's type name ("Dropdown").
        return [_queue_row(row) for row in rows], gr.Dropdown(choices=_case_choices(rows), label="Case")

    def win_view() -> list[list[object]]:
        return [
            [NETWORK_NAMES.get(rate.network, rate.network), rate.reason_code, rate.won, rate.lost, rate.accepted,
             f"{rate.win_rate:.0%}" if rate.win_rate is not None else "–"]
            for rate in service.win_rates()
        ]

    def case_view(case_id: str | None) -> tuple[str, list[list[object]]]:
        if not case_id:
            return "Pick a case in the queue.", []
        try:
            review = service.review(case_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        bundle, score = review.bundle, review.completeness
        case, deadline = bundle.case, bundle.deadline
        missing = ", ".join(service.catalog.label(key) for key in score.missing) or "nothing"
        lines = [
            f"**{case.number}** (dispute {case.case_id}) · {case.reason.display} — {case.reason.title} ({CATEGORY_NAMES[case.reason.category]})",
            f"Order {case.notice.order_no} · {format_money(case.notice.amount, case.notice.currency)} · "
            f"disputed {case.notice.dispute_date.isoformat()} · status **{case.status}**",
            f"Response due **{deadline.due_date.isoformat()}** ({deadline.days_left} days left{', ' + deadline.flag if deadline.flag else ''}; "
            f"{deadline.rule})",
            f"Evidence for this code: **{len(score.present)}/{len(score.required)} ({score.score}%)** — missing: {missing}",
        ]
        if not case.reason_known:
            lines.append("⚠ This reason code is not in the catalog: a generic evidence list is used.")
        if case.reason.note:
            lines.append(f"Note: {case.reason.note}")
        rows: list[list[object]] = [
            ["yes" if row.required else "", "✅ present" if row.item.present else "❌ missing", row.item.label,
             row.item.summary if row.item.present else row.item.note]
            for row in review.checklist
        ]
        return "\n\n".join(lines), rows

    def create(case_id: str, network: str, reason_code: str, amount: str, currency: str, dispute_date: str,
               respond_by: str, order_no: str, acquirer: str, claim_text: str, request: gr.Request
               ) -> tuple[str, list[list[object]], Any]:
        raw = {"case_id": case_id, "network": "" if network == "auto" else network, "reason_code": reason_code,
               "amount": amount, "currency": currency, "dispute_date": dispute_date, "respond_by": respond_by,
               "order_no": order_no, "acquirer": acquirer, "claim_text": claim_text}
        try:
            result = service.create(raw, actor=_actor(request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        notes = "".join(f"\n- {warning}" for warning in result.warnings)
        table, picker = queue_view()
        number = service.get(result.notice.case_id).number
        return f"Case {number} ({result.notice.case_id}) added ({result.lookup.reason.display}).{notes}", table, picker

    def import_file(path: str | None, request: gr.Request) -> tuple[str, list[list[object]], Any]:
        if not path:
            raise gr.Error("Choose a .csv or .json file first.")
        try:
            report = service.import_notices(Path(path).read_bytes(), Path(path).name, actor=_actor(request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        table, picker = queue_view()
        return report.summary(), table, picker

    def attach(case_id: str | None, paths: list[str] | None, key: str | None, caption: str, request: gr.Request
               ) -> tuple[str, list[list[object]], str]:
        if not case_id:
            raise gr.Error("Pick a case first.")
        if not paths:
            raise gr.Error("Choose one or more images to attach.")
        try:
            for path in paths:
                service.attach_exhibit(case_id, Path(path).read_bytes(), Path(path).name, caption=caption,
                                       evidence_key=key or None, actor=_actor(request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        summary, rows = case_view(case_id)
        return summary, rows, ""

    def generate(case_id: str | None, request: gr.Request, progress: gr.Progress = gr.Progress()
                 ) -> tuple[Any, Any, Any, str]:
        if not case_id:
            raise gr.Error("Pick a case first.")
        try:
            result = service.generate(case_id, actor=_actor(request), progress=lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        source = "the model" if result.narrative_source == "model" else "the template"
        note = f" ({result.fallback_reason})" if result.fallback_reason else ""
        status = (
            f"Rebuttal ready: argument written by {source}{note}. Evidence {result.completeness_score}% complete. "
            f"Model {result.model_seconds:.2f} s · document {result.document_seconds:.2f} s."
        )
        pdf, stripe = result.pdf, result.stripe
        if pdf is None or stripe is None:
            return gr.DownloadButton(value=result.path, visible=True), gr.DownloadButton(), gr.DownloadButton(), status
        limits = "\n".join(f"- {line}" for line in pdf.limit_summary().splitlines())
        warning = "" if pdf.within_limits else (
            "\n\n⚠ **The PDF packet is over a processor's limit** — remove or crop exhibits before submitting it there.")
        notes = "".join(f"\n- {note}" for note in pdf.notes)
        cut = "".join(f"\n- Stripe field {line}" for line in stripe.truncated)
        status += (f"\n\nPDF packet: {pdf.size_bytes / 1e6:.2f} MB, {pdf.pages} pages ({pdf.seconds:.2f} s)\n"
                   f"{limits}{notes}{cut}{warning}")
        return (gr.DownloadButton(value=result.path, visible=True), gr.DownloadButton(value=pdf.path, visible=True),
                gr.DownloadButton(value=stripe.path, visible=True), status)

    def outcome(case_id: str | None, note: str, value: str, request: gr.Request) -> tuple[str, list[list[object]]]:
        if not case_id:
            raise gr.Error("Pick a case first.")
        try:
            case = service.record_outcome(case_id, value, actor=_actor(request), note=note)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return f"Case {case.number or case.case_id} recorded as **{case.status}**.", win_view()

    def outcome_handler(value: str) -> Any:
        def handler(case_id: str | None, note: str, request: gr.Request) -> tuple[str, list[list[object]]]:
            return outcome(case_id, note, value, request)

        return handler

    def pick(evt: gr.SelectData) -> str:
        return str(evt.row_value[0]) if evt.row_value else ""

    gr.Markdown("Chargebacks by days left. Cases due within a few days are flagged URGENT.")
    queue = gr.Dataframe(headers=QUEUE_HEADERS, value=lambda: queue_view()[0], interactive=False, label="Queue")
    refresh = gr.Button("Refresh queue", size="sm")
    with gr.Accordion("New chargeback notice", open=False):
        with gr.Row():
            case_id = gr.Textbox(label="Case ID (from the notice)")
            network = gr.Dropdown(["auto", "visa", "mastercard", "amex", "discover"], value="auto", label="Network")
            reason_code = gr.Textbox(label="Reason code", placeholder="13.1, 4853, F29, RG…")
            order_no = gr.Textbox(label="Order number", placeholder=services.shop_rules.current().example() or "")
        with gr.Row():
            amount = gr.Textbox(label="Disputed amount", placeholder="229.00")
            currency = gr.Textbox(label="Currency (blank: the order's)", max_length=3)
            dispute_date = gr.Textbox(label="Dispute date (YYYY-MM-DD)")
            respond_by = gr.Textbox(label="Respond by, if the notice says (YYYY-MM-DD)")
        acquirer = gr.Textbox(label="Acquirer (addressee of the cover letter)")
        claim_text = gr.Textbox(label="Cardholder's claim (card numbers are masked)", lines=3)
        create_button = gr.Button("Add case", variant="primary")
    with gr.Accordion("Import notices (CSV or JSON)", open=False):
        gr.Markdown("Columns: case_id, network, reason_code, amount, currency, dispute_date, order_no, claim_text "
                    "(optional: acquirer, respond_by). Good rows are imported; bad rows are listed with the reason.")
        notice_file = gr.File(label="Notices file", file_types=[".csv", ".json"], type="filepath")
        import_button = gr.Button("Import")
    intake_status = gr.Markdown()

    gr.Markdown("### Case")
    picker = gr.Dropdown(
        choices=_case_choices(service.queue(include_closed=True)), value=None, label="Case",
        interactive=True, allow_custom_value=True,
    )
    summary = gr.Markdown()
    checklist = gr.Dataframe(headers=CHECKLIST_HEADERS, interactive=False, wrap=True, label="Evidence checklist")
    with gr.Accordion("Attach exhibits (delivery photo, product photos, documents as images)", open=False), gr.Row():
        exhibit_files = gr.File(label="Images", file_count="multiple", file_types=["image"], type="filepath")
        with gr.Column():
            exhibit_key = gr.Dropdown(exhibit_choices, value="delivery_photo", label="Evidence item it supports")
            exhibit_caption = gr.Textbox(label="Caption", placeholder="Parcel at the buyer's door, 2026-09-26")
            attach_button = gr.Button("Attach")
    with gr.Row():
        generate_button = gr.Button("Generate rebuttal (.docx + PDF packet)", variant="primary")
        download = gr.DownloadButton("Download rebuttal (.docx)", visible=False)
        download_pdf = gr.DownloadButton("Download PDF packet (Stripe, Shopify)", visible=False)
        download_stripe = gr.DownloadButton("Download Stripe evidence (.json)", visible=False)
    generate_status = gr.Markdown()
    with gr.Row():
        outcome_note = gr.Textbox(label="Outcome note (optional)", scale=3)
        won = gr.Button("Won")
        lost = gr.Button("Lost")
        accepted = gr.Button("Accepted (not contested)")
    outcome_status = gr.Markdown()
    wins = gr.Dataframe(headers=WIN_HEADERS, value=win_view, interactive=False, label="Win rate by reason code")

    form = [case_id, network, reason_code, amount, currency, dispute_date, respond_by, order_no, acquirer, claim_text]
    refresh.click(queue_view, outputs=[queue, picker], api_name="chargeback_queue")
    create_button.click(create, inputs=form, outputs=[intake_status, queue, picker], api_name="chargeback_create")
    import_button.click(import_file, inputs=notice_file, outputs=[intake_status, queue, picker], api_name="chargeback_import")
    queue.select(pick, outputs=picker, api_name="chargeback_pick")
    picker.change(case_view, inputs=picker, outputs=[summary, checklist], api_name="chargeback_case")
    attach_button.click(attach, inputs=[picker, exhibit_files, exhibit_key, exhibit_caption],
                        outputs=[summary, checklist, exhibit_caption], api_name="chargeback_attach")
    generate_button.click(generate, inputs=picker, outputs=[download, download_pdf, download_stripe, generate_status],
                          api_name="chargeback_generate")
    for button, value in ((won, "won"), (lost, "lost"), (accepted, "accepted")):
        button.click(
            outcome_handler(value), inputs=[picker, outcome_note], outputs=[outcome_status, wins],
            api_name=f"chargeback_outcome_{value}",
        ).then(queue_view, outputs=[queue, picker], api_name=f"chargeback_outcome_{value}_queue",
               api_visibility="private")
