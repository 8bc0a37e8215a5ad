"""Buyer-side refund/return claim form (the widget's "Return / refund" tab). Wiring only: RefundService decides.

Every text comes from the buyer text catalog (app/i18n/buyer_texts.yaml): labels as ``gr.I18n`` keys the browser
translates, server-made texts (errors, notes) in the language of the request's Accept-Language header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from app.domain.refunds import CLAIM_REASONS
from app.errors import CopilotError
from app.i18n.catalog import error_text, localized, text
from app.services.refunds.service import BuyerView
from app.ui.buyer_i18n import request_language, t
from app.wiring import Services

# Claims submitted at once (the rest queue): image decoding and video checks must not take every core.
CLAIM_SUBMIT_CONCURRENCY = 2

# The CSS class the widget's right-to-left rule (Arabic) applies to.
FORM_CLASS = "refund-claim-form"
# "Has the item been opened?" -> the claim's `opened` (screen protectors, cleaning kits… are not returned once opened).
OPENED_CHOICES = [("opened.no", "no"), ("opened.yes", "yes"), ("opened.unsure", "")]


def _offer_updates(view: BuyerView) -> tuple[Any, ...]:
    """(offer text, response row, counter row) for a buyer view."""
    # The decision receipt sits under the outcome, one line per fact (Markdown hard line breaks).
    receipt = "\n\n---\n\n" + view.receipt.replace("\n", "  \n") if view.receipt else ""
    return (
        view.text + receipt,
        gr.update(visible=view.can_respond),
        gr.update(visible=view.can_counter),
    )


def build_refund_claim_form(services: Services) -> None:
    refunds = services.refunds
    settings = services.settings

    def submit(
        order_no: str,
        email: str,
        reason: str | None,
        description: str,
        files: list[str] | None,
        opened: str | None = "",
        progress: gr.Progress = gr.Progress(),
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        language = request_language(request)
        uploads = [(Path(path), Path(path).name) for path in (files or [])]
        opened_flag = {"yes": True, "no": False}.get(opened or "")
        try:
            receipt = refunds.file_claim(
                order_no, email, reason or "", description, uploads, opened=opened_flag,
                progress=lambda fraction, step: progress(fraction, desc=step),
            )
        except CopilotError as exc:
            raise gr.Error(error_text(exc, language)) from exc
        notes = "\n".join(f"- {localized(r.key, r.params, r.message, language)}" for r in receipt.rejected)
        if notes:
            notes = text("form.files_not_added", language) + "\n" + notes
        return (receipt.case.number or receipt.case.id, *_offer_updates(receipt.view), notes)

    def respond(action: str, case_id: str, email: str, counter: str, request: gr.Request | None) -> tuple[Any, ...]:
        try:
            view = refunds.respond_to_offer(case_id, email, action, counter)  # type: ignore[arg-type]
        except CopilotError as exc:
            raise gr.Error(error_text(exc, request_language(request))) from exc
        return _offer_updates(view)

    def accept(case_id: str, email: str, request: gr.Request) -> tuple[Any, ...]:
        return respond("accept", case_id, email, "", request)

    def decline(case_id: str, email: str, request: gr.Request) -> tuple[Any, ...]:
        return respond("decline", case_id, email, "", request)

    def counter(case_id: str, email: str, amount: str, request: gr.Request) -> tuple[Any, ...]:
        return respond("counter", case_id, email, amount, request)

    # The upload limits are filled into the intro's translations when the widget is mounted (app/ui/widget.py).
    gr.Markdown(t("form.intro"))
    with gr.Row():
        order_no = gr.Textbox(label=t("form.order_no"), placeholder=services.shop_rules.current().example() or "")
        email = gr.Textbox(label=t("form.email"), type="email")
    reason = gr.Dropdown(
        choices=[(t(f"reason.{r}"), r) for r in CLAIM_REASONS], value=None, label=t("form.reason")
    )
    opened = gr.Radio([(t(key), value) for key, value in OPENED_CHOICES], value="", label=t("form.opened"))
    description = gr.Textbox(label=t("form.description"), lines=4, max_length=settings.max_message_chars)
    files = gr.File(label=t("form.files"), file_count="multiple", type="filepath")
    submit_button = gr.Button(t("form.send"), variant="primary")
    case_ref = gr.Textbox(label=t("form.reference"), interactive=False)
    file_notes = gr.Markdown()
    offer = gr.Markdown()
    with gr.Row(visible=False) as response_row:
        accept_button = gr.Button(t("form.accept"), variant="primary")
        decline_button = gr.Button(t("form.decline"))
    with gr.Row(visible=False) as counter_row:
        counter_amount = gr.Textbox(label=t("form.counter_amount"), placeholder="95.00")
        counter_button = gr.Button(t("form.counter_send"))

    offer_outputs = [offer, response_row, counter_row]
    submit_button.click(
        submit, inputs=[order_no, email, reason, description, files, opened], outputs=[case_ref, *offer_outputs, file_notes],
        # Decoding photos and remuxing videos is CPU work on this host: at most CLAIM_SUBMIT_CONCURRENCY at a time.
        api_name="refund_claim_submit", concurrency_limit=CLAIM_SUBMIT_CONCURRENCY, concurrency_id="refund_claim_submit",
    )  # fmt: skip
    accept_button.click(
        accept, inputs=[case_ref, email], outputs=offer_outputs, api_name="refund_offer_accept"
    )
    decline_button.click(
        decline, inputs=[case_ref, email], outputs=offer_outputs, api_name="refund_offer_decline"
    )
    counter_button.click(
        counter,
        inputs=[case_ref, email, counter_amount],
        outputs=offer_outputs,
        api_name="refund_offer_counter",
    )
