"""Refund review tab: queue with filters, case page (evidence, finding, rules, proposal), decisions,
audit trail, CSV export, savings report and the refund policy editor. Wiring only: RefundService decides."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import gradio as gr
from pydantic import ValidationError

from app.domain.refunds import CASE_STATUSES, CLAIM_REASONS, OPEN_CASE_STATUSES, OUTCOME_LABELS, Finding
from app.errors import CopilotError
from app.services.refunds.finding_text import finding_lines
from app.services.refunds.policy_preview import preview_markdown
from app.services.refunds.review import CaseDetail, CaseFilters, case_amount
from app.wiring import Services

# The policy numbers a shop owner changes most, as form fields: (policy field, label). Severity percentages are
# "refund_pct_by_severity.<severity>". Everything else stays in "All settings (JSON)".
POLICY_FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("return_window_days", "Return window (days after delivery)"),
    ("damage_report_days", "Report damage within (days after delivery)"),
    ("refund_business_days", "Refund reaches the buyer within (business days)"),
    ("returnless_threshold_pct", "No return when the label costs more than (% of item value)"),
    ("refund_pct_by_severity.minor", "Refund without return for minor damage (%)"),
    ("refund_pct_by_severity.moderate", "… moderate damage (%)"),
    ("refund_pct_by_severity.severe", "… severe damage (%)"),
    ("change_of_mind_returnless_pct", "Change of mind, label too expensive: refund without return (%)"),
    ("max_auto_offer", "Offers above this amount need your approval (policy currency)"),
    ("counter_max_extra_pct", "Accept a buyer's counter-offer up to offer + (% of item value)"),
    ("repeat_claim_limit", "Claims per buyer per window before you review them"),
)

QUEUE_HEADERS = ["case", "created", "order", "country", "reason", "status", "proposal", "amount", "currency"]
ALL = "all"
BADGES = {"good": "🟢 **OK**", "note": "⚪ **Note**", "check": "🟡 **Check**", "problem": "🔴 **Problem**"}


def _finding_markdown(value: Any) -> str:
    """The finding (as the JSON component holds it) as badged sentences."""
    try:
        finding: Finding | None = Finding.model_validate(value)
    except ValidationError:
        finding = None  # the placeholder shown before any analysis
    if not value:
        return ""
    lines = [f"- {BADGES[line.level]} {line.text}" for line in finding_lines(finding)]
    if finding is not None and finding.model:
        lines.append(f"\n<sub>Model {finding.model}, prompt {finding.prompt_version or '—'}</sub>")
    return "\n".join(lines)


def _money(value: float | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_OPENED = {True: "yes", False: "no"}


def _detail_markdown(detail: CaseDetail) -> str:
    case = detail.case
    proposal = OUTCOME_LABELS.get(case.proposed_outcome or "", "—")
    if case.suggested_outcome:
        proposal += f" (engine suggests: {OUTCOME_LABELS[case.suggested_outcome]})"
    lines = [
        f"### Case {case.number or case.id} · {case.status}",
        f"**Order** {case.order_no} · {case.country_code} · buyer {case.buyer_email} · language {case.language}",
        f"**Reason** {case.reason.replace('_', ' ')} · item value {case.item_value} {case.currency} · "
        f"paid {case.total_paid} {case.currency}",
        f"**Buyer's words** {case.description or '—'}",
        f"**Item opened** {_OPENED[case.item_opened] if case.item_opened is not None else 'not answered'}",
        f"**Proposal** {proposal} · {case.proposed_amount if case.proposed_amount is not None else '—'} {case.currency}",
    ]
    if case.final_outcome:
        lines.append(
            f"**Final** {OUTCOME_LABELS.get(case.final_outcome, case.final_outcome)} · {case.final_amount} {case.currency}"
        )
    return "\n\n".join(lines)


def _policy_field(policy: dict[str, Any], name: str) -> Any:
    value: Any = policy
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return float(value) if value is not None else None


def policy_with_form(policy: dict[str, Any], values: list[float | None]) -> dict[str, Any]:
    """The policy (JSON form) with the form's values set; a cleared field is an error naming it."""
    changed = json.loads(json.dumps(policy))
    for (name, label), value in zip(POLICY_FORM_FIELDS, values, strict=True):
        if value is None:
            raise CopilotError(f"{label}: enter a number.")
        target = changed
        *parents, leaf = name.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        # Whole numbers stay whole ("30", not "30.0"): day counts are integers in the policy.
        target[leaf] = int(value) if float(value).is_integer() else str(Decimal(str(value)))
    return changed


def build_refund_tab(services: Services) -> None:
    refunds = services.refunds
    exports_dir = services.settings.data_dir / "exports"

    def filters(
        status: str, reason: str, country: str, min_amount: float | None, max_amount: float | None
    ) -> CaseFilters:
        return CaseFilters(
            status=None if status == ALL else status, reason=None if reason == ALL else reason,
            country=country.strip() or None, min_amount=_money(min_amount), max_amount=_money(max_amount),
        )  # fmt: skip

    def queue(
        status: str, reason: str, country: str, min_amount: float | None, max_amount: float | None
    ) -> list[list[Any]]:
        cases = refunds.list_cases(filters(status, reason, country, min_amount, max_amount))
        return [
            [c.number or c.id, c.created_at.strftime("%Y-%m-%d %H:%M"), c.order_no, c.country_code, c.reason, c.status,
             OUTCOME_LABELS.get(c.proposed_outcome or "", ""), str(case_amount(c) or ""), c.currency]
            for c in cases
        ]  # fmt: skip

    def choices(
        status: str = ALL, reason: str = ALL, country: str = "", min_amount: float | None = None,
        max_amount: float | None = None,
    ) -> list[tuple[str, str]]:
        """Cases as a person names them (number, order, reason, status, date), open ones first; the value is the
        id. A number typed into the picker (R-000123, r123) opens that case too."""
        cases = refunds.list_cases(filters(status, reason, country, min_amount, max_amount))
        cases = sorted(cases, key=lambda c: c.status not in OPEN_CASE_STATUSES)
        return [
            (f"{c.number} · Order {c.order_no} · {c.reason.replace('_', ' ')} · {c.status} · {c.created_at:%Y-%m-%d}",
             c.id)
            for c in cases
        ]

    def case_choices(
        status: str, reason: str, country: str, min_amount: float | None, max_amount: float | None
    ) -> Any:
        return gr.Dropdown(choices=choices(status, reason, country, min_amount, max_amount), label="Case")

    def open_case(case_id: str) -> tuple[Any, ...]:
        try:
            detail = refunds.case_detail(case_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        images = [
            (str(path), record.original_name) for record, path in detail.evidence if record.kind == "image"
        ]
        videos = [str(path) for record, path in detail.evidence if record.kind == "video"]
        rules = detail.decisions[-1].rules_fired if detail.decisions else []
        return (
            _detail_markdown(detail),
            images,
            videos[0] if videos else None,
            detail.finding.model_dump(mode="json") if detail.finding else {"status": "not analysed yet"},
            [[r.get("code", ""), r.get("clause", ""), r.get("description", "")] for r in rules if isinstance(r, dict)],
            [[s.created_at.strftime("%Y-%m-%d %H:%M"), s.actor, s.step, s.outcome or "", str(s.amount or ""), s.text]
             for s in detail.steps],
            [[e.created_at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, json.dumps(e.detail, ensure_ascii=False)]
             for e in detail.audit],
            float(case_amount(detail.case) or 0),
        )  # fmt: skip

    def decide(
        action: str, case_id: str, amount: float | None, note: str, request: gr.Request
    ) -> tuple[Any, ...]:
        actor = getattr(request, "username", None) or services.settings.merchant_username
        try:
            refunds.merchant_decide(case_id, actor, action, _money(amount), note)  # type: ignore[arg-type]
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return open_case(case_id)

    def approve(case_id: str, amount: float | None, note: str, request: gr.Request) -> tuple[Any, ...]:
        return decide("approve", case_id, amount, note, request)

    def edit(case_id: str, amount: float | None, note: str, request: gr.Request) -> tuple[Any, ...]:
        return decide("edit", case_id, amount, note, request)

    def reject(case_id: str, amount: float | None, note: str, request: gr.Request) -> tuple[Any, ...]:
        return decide("reject", case_id, amount, note, request)

    def return_received(case_id: str, request: gr.Request) -> tuple[Any, ...]:
        actor = getattr(request, "username", None) or services.settings.merchant_username
        try:
            refunds.mark_return_received(case_id, actor)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return open_case(case_id)

    def close_unreturned(case_id: str, note: str, request: gr.Request) -> tuple[Any, ...]:
        actor = getattr(request, "username", None) or services.settings.merchant_username
        try:
            refunds.close_unreturned(case_id, actor, note)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return open_case(case_id)

    def export(
        status: str, reason: str, country: str, min_amount: float | None, max_amount: float | None
    ) -> str:
        exports_dir.mkdir(parents=True, exist_ok=True)
        target = exports_dir / f"refund-cases-{datetime.now(UTC):%Y%m%d-%H%M%S}.csv"
        target.write_text(
            refunds.export_csv(filters(status, reason, country, min_amount, max_amount)), encoding="utf-8"
        )
        return str(target)

    def savings() -> list[list[Any]]:
        return [
            [m.month, m.currency, m.cases, str(m.refunded), str(m.full_refund_with_return_cost), str(m.savings),
             m.unknown_shipping_cases]
            for m in refunds.savings_report()
        ]  # fmt: skip

    def load_policy() -> str:
        return json.dumps(refunds.policy().model_dump(mode="json"), indent=2)

    def form_values() -> list[float | None]:
        policy = refunds.policy().model_dump(mode="json")
        return [_policy_field(policy, name) for name, _label in POLICY_FORM_FIELDS]

    def preview_form(*values: float | None) -> str:
        try:
            candidate = policy_with_form(refunds.policy().model_dump(mode="json"), list(values))
            return preview_markdown(refunds.preview_policy(candidate))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc

    def save_form(request: gr.Request, *numbers: float | None) -> tuple[str, str]:
        # (The request comes first: Gradio injects it only among the leading positional parameters.)
        actor = getattr(request, "username", None) or services.settings.merchant_username
        try:
            refunds.save_policy(policy_with_form(refunds.policy().model_dump(mode="json"), list(numbers)), actor)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return load_policy(), "Policy saved; it applies to new proposals."

    def save_policy(text: str, request: gr.Request) -> tuple[str, str]:
        actor = getattr(request, "username", None) or services.settings.merchant_username
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise gr.Error(f"The policy is not valid JSON (line {exc.lineno}): {exc.msg}") from exc
        try:
            refunds.save_policy(data, actor)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return load_policy(), "Policy saved; it applies to new proposals."

    with gr.Row():
        status = gr.Dropdown([ALL, *CASE_STATUSES], value=ALL, label="Status")
        reason = gr.Dropdown([ALL, *CLAIM_REASONS], value=ALL, label="Reason")
        country = gr.Textbox(label="Country", placeholder="BR")
        min_amount = gr.Number(label="Min amount", value=None)
        max_amount = gr.Number(label="Max amount", value=None)
        refresh = gr.Button("Refresh")
    filter_inputs = [status, reason, country, min_amount, max_amount]
    # Filled on every page load, so a fresh console shows the queue without pressing Refresh.
    table = gr.Dataframe(
        headers=QUEUE_HEADERS, value=lambda: queue(ALL, ALL, "", None, None), interactive=False,
        label="Cases (click a row to open it)",
    )  # fmt: skip
    with gr.Row():
        case_id = gr.Dropdown(
            choices=choices(), value=None, label="Case", allow_custom_value=True, interactive=True,
            scale=3,
        )  # fmt: skip
        open_button = gr.Button("Open case")
    summary = gr.Markdown()
    with gr.Row():
        gallery = gr.Gallery(label="Photos", columns=3, height=320)
        video = gr.Video(label="Video", interactive=False)
    finding_text = gr.Markdown(label="What the photos show")
    with gr.Accordion("Vision finding as stored (model + prompt version)", open=False):
        finding = gr.JSON(label="Vision finding")
    rules = gr.Dataframe(
        headers=["rule", "policy clause", "why"], interactive=False, label="Rules that fired", wrap=True
    )
    with gr.Row():
        amount = gr.Number(label="Amount to refund", minimum=0)
        note = gr.Textbox(label="Note (required to reject or to close without the return)", scale=2)
    with gr.Row():
        approve_button = gr.Button("Approve", variant="primary")
        edit_button = gr.Button("Refund the amount above")
        reject_button = gr.Button("Reject", variant="stop")
        received_button = gr.Button("Mark return received")
        unreturned_button = gr.Button("Close — item not returned", variant="stop")
    steps = gr.Dataframe(headers=["when", "who", "step", "outcome", "amount", "text"], interactive=False,
                         label="Negotiation", wrap=True)  # fmt: skip
    audit = gr.Dataframe(
        headers=["when (UTC)", "who", "action", "detail"], interactive=False, label="Audit trail", wrap=True
    )
    with gr.Row():
        export_button = gr.Button("Export CSV")
        export_file = gr.File(label="CSV export", interactive=False)
    with gr.Accordion("Savings: returnless refunds vs. full refund with return", open=False):
        savings_button = gr.Button("Refresh report")
        savings_table = gr.Dataframe(
            headers=[
                "month",
                "currency",
                "cases",
                "refunded",
                "full refund + return cost",
                "saved",
                "unknown shipping",
            ],
            interactive=False,
        )
    with gr.Accordion("Refund policy", open=False):
        gr.Markdown("Change a number, press **Preview** to see what the last 30 days of claims would have cost "
                    "under it, then **Save**. New claims are decided with the saved policy.")
        with gr.Row():
            policy_fields = [
                gr.Number(label=label, value=lambda name=name: _policy_field(refunds.policy().model_dump(mode="json"), name),
                          minimum=0)
                for name, label in POLICY_FORM_FIELDS
            ]  # fmt: skip
        with gr.Row():
            preview_button = gr.Button("Preview the change")
            form_save = gr.Button("Save policy", variant="primary")
        policy_preview = gr.Markdown()
        with gr.Accordion("All settings (JSON)", open=False):
            policy_code = gr.Code(value=load_policy, language="json", label="Policy")
            policy_save = gr.Button("Save JSON policy")
        policy_status = gr.Markdown()

    case_outputs = [summary, gallery, video, finding, rules, steps, audit, amount]
    refresh.click(queue, inputs=filter_inputs, outputs=table, api_name="refund_queue").then(
        case_choices, inputs=filter_inputs, outputs=case_id, api_visibility="private"
    )
    open_button.click(open_case, inputs=case_id, outputs=case_outputs, api_name="refund_case")
    case_id.select(open_case, inputs=case_id, outputs=case_outputs, api_visibility="private")
    finding.change(_finding_markdown, inputs=finding, outputs=finding_text, api_visibility="private")

    def pick(event: gr.SelectData, rows: Any) -> str:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        values = rows.values.tolist() if hasattr(rows, "values") else rows
        return str(values[row][0]) if values and 0 <= row < len(values) else ""

    table.select(pick, inputs=table, outputs=case_id, api_visibility="private").then(
        open_case, inputs=case_id, outputs=case_outputs, api_visibility="private"
    )
    decision_inputs = [case_id, amount, note]
    # After a decision the queue shows the case's new status (it used to keep the stale rows).
    decisions = [
        approve_button.click(approve, inputs=decision_inputs, outputs=case_outputs, api_name="refund_approve"),
        edit_button.click(edit, inputs=decision_inputs, outputs=case_outputs, api_name="refund_edit_amount"),
        reject_button.click(reject, inputs=decision_inputs, outputs=case_outputs, api_name="refund_reject"),
        received_button.click(
            return_received, inputs=case_id, outputs=case_outputs, api_name="refund_return_received"
        ),
        unreturned_button.click(
            close_unreturned, inputs=[case_id, note], outputs=case_outputs, api_name="refund_close_unreturned"
        ),
    ]
    for event in decisions:
        event.then(queue, inputs=filter_inputs, outputs=table, api_visibility="private")
    export_button.click(export, inputs=filter_inputs, outputs=export_file, api_name="refund_export_csv")
    savings_button.click(savings, outputs=savings_table, api_name="refund_savings")
    policy_save.click(
        save_policy, inputs=policy_code, outputs=[policy_code, policy_status], api_name="refund_policy_save"
    ).then(form_values, outputs=policy_fields, api_visibility="private")
    preview_button.click(preview_form, inputs=policy_fields, outputs=policy_preview, api_name="refund_policy_preview")
    form_save.click(
        save_form, inputs=policy_fields, outputs=[policy_code, policy_status], api_name="refund_policy_form_save"
    )
