"""Buyer-side refund/return claim form (the widget's "Return / refund" tab). Wiring only: RefundService decides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from app.domain.refunds import CLAIM_REASONS
from app.errors import CopilotError
from app.services.refunds.service import BuyerView
from app.wiring import Services

# Claims submitted at once (the rest queue): image decoding and video checks must not take every core.
CLAIM_SUBMIT_CONCURRENCY = 2

REASON_LABELS = {
    "damaged": "Arrived damaged", "defective": "Does not work properly / defective", "wrong_item": "Wrong item",
    "missing_parts": "Parts missing", "not_as_described": "Not as described", "not_received": "Not received",
    "changed_mind": "Changed my mind", "refused_import_charges": "I refused the parcel because of import charges",
}  # fmt: skip
# "Has the item been opened?" -> the claim's `opened` (screen protectors, cleaning kits… are not returned once opened).
OPENED_CHOICES = [("Not opened", "no"), ("Opened", "yes"), ("Not sure / does not apply", "")]


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
    ) -> tuple[Any, ...]:
        uploads = [(Path(path), Path(path).name) for path in (files or [])]
        opened_flag = {"yes": True, "no": False}.get(opened or "")
        try:
            receipt = refunds.file_claim(
                order_no, email, reason or "", description, uploads, opened=opened_flag,
                progress=lambda fraction, step: progress(fraction, desc=step),
            )
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        notes = "\n".join(f"- {r.message}" for r in receipt.rejected)
        if notes:
            notes = "**Some files were not added** (the rest of your claim was kept):\n" + notes
        return (receipt.case.number or receipt.case.id, *_offer_updates(receipt.view), notes)

    def respond(action: str, case_id: str, email: str, counter: str = "") -> tuple[Any, ...]:
        try:
            view = refunds.respond_to_offer(case_id, email, action, counter)  # type: ignore[arg-type]
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return _offer_updates(view)

    def accept(case_id: str, email: str) -> tuple[Any, ...]:
        return respond("accept", case_id, email)

    def decline(case_id: str, email: str) -> tuple[Any, ...]:
        return respond("decline", case_id, email)

    def counter(case_id: str, email: str, amount: str) -> tuple[Any, ...]:
        return respond("counter", case_id, email, amount)

    gr.Markdown(
        "Tell us what went wrong. Photos or a short video of the problem and of the shipping box help us "
        f"decide quickly (up to {settings.max_images_per_claim} photos and {settings.max_videos_per_claim} videos)."
    )
    with gr.Row():
        order_no = gr.Textbox(label="Order number", placeholder=services.shop_rules.current().example() or "")
        email = gr.Textbox(label="Email used for the order", type="email")
    reason = gr.Dropdown(
        choices=[(REASON_LABELS[r], r) for r in CLAIM_REASONS], value=None, label="What went wrong?"
    )
    opened = gr.Radio(OPENED_CHOICES, value="", label="Has the item been opened?")
    description = gr.Textbox(
        label="Describe the problem (any language)", lines=4, max_length=settings.max_message_chars
    )
    files = gr.File(
        label="Photos (JPG, PNG, WebP, HEIC) and videos (MP4, MOV, WebM)",
        file_count="multiple",
        type="filepath",
    )
    submit_button = gr.Button("Send claim", variant="primary")
    case_ref = gr.Textbox(label="Your claim reference", interactive=False)
    file_notes = gr.Markdown()
    offer = gr.Markdown()
    with gr.Row(visible=False) as response_row:
        accept_button = gr.Button("Accept", variant="primary")
        decline_button = gr.Button("Decline")
    with gr.Row(visible=False) as counter_row:
        counter_amount = gr.Textbox(
            label="Or propose another amount (one counter-offer)", placeholder="95.00"
        )
        counter_button = gr.Button("Send counter-offer")

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
