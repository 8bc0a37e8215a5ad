"""Settings tab: the store setup (name, support email, currency, language, the shared policy numbers) and the
assistant's tone, opening hours and handoff rules."""

from __future__ import annotations

import gradio as gr
from pydantic import ValidationError

from app.errors import CopilotError
from app.services.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from app.services.merchant_profile import MerchantProfile
from app.wiring import Services


def build_settings_tab(services: Services) -> None:
    profile = services.merchant_profile.get()
    setup = services.store_setup.get()
    language_choices = [(f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SUPPORTED_LANGUAGES]

    gr.Markdown("### Store setup\nWho you are, and the policy numbers the buyer chat quotes and the refund engine "
                "decides with (one policy for both; every save is in the audit log). Applies to the next message.")
    with gr.Row():
        store_name = gr.Textbox(label="Store name", value=setup.store_name)
        support_email = gr.Textbox(label="Support email", value=setup.support_email, placeholder="support@your-shop.example")
        currency = gr.Textbox(label="Currency of refunds and policy amounts (ISO code)", value=setup.currency, max_length=3)
        language = gr.Dropdown(language_choices, label="Your language (inbox translations)",
                               value=setup.merchant_language)  # fmt: skip
    with gr.Row():
        return_days = gr.Number(label="Return window (days)", value=setup.return_window_days, precision=0, minimum=0)
        damage_days = gr.Number(label="Report damage within (days)", value=setup.damage_report_days, precision=0,
                                minimum=0)  # fmt: skip
        returnless = gr.Number(label="Returnless when the return label costs more than (% of item value)",
                               value=float(setup.returnless_threshold_pct), minimum=0)  # fmt: skip
    setup_button = gr.Button("Save store setup", variant="primary")
    setup_saved = gr.Markdown()

    gr.Markdown("### Assistant")
    tone = gr.Radio(["friendly", "formal"], label="Tone", value=profile.tone)
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

    def save_setup(name: str, email: str, money: str, lang: str, window: float | None, damage: float | None,
                   threshold: float | None, request: gr.Request) -> str:
        actor = getattr(request, "username", None) or services.settings.merchant_username
        data = {"store_name": name, "support_email": email, "currency": (money or "").strip().upper(),
                "merchant_language": lang, "return_window_days": window, "damage_report_days": damage,
                "returnless_threshold_pct": str(threshold) if threshold is not None else None}  # fmt: skip
        try:
            services.store_setup.save(data, actor)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return "Saved; the chat and the refund engine use it from the next message."

    def save(name: str, tone_value: str, lang: str, hours_text: str, request: bool, low: float, abuse: bool) -> str:
        try:
            updated = MerchantProfile.model_validate({
                **services.merchant_profile.get().model_dump(),  # keeps what Store setup saved (support email)
                "store_name": name.strip(), "tone": tone_value, "merchant_language": lang,
                "opening_hours": hours_text.strip(), "handoff_on_request": request,
                "handoff_after_low_confidence": int(low), "handoff_on_abuse": abuse,
            })  # fmt: skip
        except (ValidationError, ValueError) as exc:
            raise gr.Error(f"Not saved: {exc}") from exc
        services.merchant_profile.save(updated)
        return "Saved."

    setup_button.click(
        save_setup,
        inputs=[store_name, support_email, currency, language, return_days, damage_days, returnless],
        outputs=setup_saved,
        api_name="save_store_setup",
    )
    save_button.click(
        save,
        inputs=[store_name, tone, language, hours, on_request, low_conf, on_abuse],
        outputs=saved,
        api_name="save_settings",
    )
