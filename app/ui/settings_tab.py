"""Settings tab: the merchant's store name, tone, language, opening hours and handoff rules."""

from __future__ import annotations

import gradio as gr
from pydantic import ValidationError

from app.services.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from app.services.merchant_profile import MerchantProfile
from app.wiring import Services


def build_settings_tab(services: Services) -> None:
    profile = services.merchant_profile.get()
    language_choices = [(f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SUPPORTED_LANGUAGES]

    store_name = gr.Textbox(label="Store name", value=profile.store_name)
    tone = gr.Radio(["friendly", "formal"], label="Tone", value=profile.tone)
    language = gr.Dropdown(language_choices, label="Your language (inbox translations)", value=profile.merchant_language)
    hours = gr.Textbox(label="Opening hours (shown when a human is requested)", value=profile.opening_hours)
    on_request = gr.Checkbox(label="Hand off when the buyer asks for a human", value=profile.handoff_on_request)
    low_conf = gr.Number(
        label="Hand off after this many answers in a row with no relevant knowledge",
        value=profile.handoff_after_low_confidence,
        precision=0,
        minimum=1,
        maximum=10,
    )
    on_abuse = gr.Checkbox(label="Hand off on anger or abuse", value=profile.handoff_on_abuse)
    save_button = gr.Button("Save", variant="primary")
    saved = gr.Markdown()

    def save(name: str, tone_value: str, lang: str, hours_text: str, request: bool, low: float, abuse: bool) -> str:
        try:
            updated = MerchantProfile(
                store_name=name.strip(),
                tone=tone_value,  # type: ignore[arg-type]
                merchant_language=lang,
                opening_hours=hours_text.strip(),
                handoff_on_request=request,
                handoff_after_low_confidence=int(low),
                handoff_on_abuse=abuse,
            )
        except (ValidationError, ValueError) as exc:
            raise gr.Error(f"Not saved: {exc}") from exc
        services.merchant_profile.save(updated)
        return "Saved."

    save_button.click(
        save,
        inputs=[store_name, tone, language, hours, on_request, low_conf, on_abuse],
        outputs=saved,
        api_name="save_settings",
    )
