"""Settings tab: the store setup (name, support email, currency, language, the shared policy numbers, order-number
patterns, shipping table) and the assistant's tone, opening hours and handoff rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr
from pydantic import ValidationError

from app.errors import CopilotError
from app.services.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from app.services.merchant_profile import MerchantProfile
from app.services.shop_rules import SHIPPING_COLUMNS, PatternCheck, check_order_number_patterns
from app.wiring import Services


def build_settings_tab(services: Services) -> None:
    profile = services.merchant_profile.get()
    # Values are read at each page load (callables): the refund policy form edits the same numbers, and a stale
    # value here would put the old number back on the next "Save store setup".
    def setup_value(field: str) -> Callable[[], Any]:
        return lambda: getattr(services.store_setup.get(), field)

    language_choices = [(f"{LANGUAGE_NAMES[c]} ({c})", c) for c in SUPPORTED_LANGUAGES]

    gr.Markdown("### Store setup\nWho you are, and the policy numbers the buyer chat quotes and the refund engine "
                "decides with (one policy for both; every save is in the audit log). Applies to the next message.")
    with gr.Row():
        store_name = gr.Textbox(label="Store name", value=setup_value("store_name"))
        support_email = gr.Textbox(label="Support email", value=setup_value("support_email"), placeholder="support@your-shop.example")
        currency = gr.Textbox(label="Currency of refunds and policy amounts (ISO code)", value=setup_value("currency"), max_length=3)
        language = gr.Dropdown(language_choices, label="Your language (inbox translations)",
                               value=setup_value("merchant_language"))  # fmt: skip
    with gr.Row():
        return_days = gr.Number(label="Return window (days)", value=setup_value("return_window_days"), precision=0, minimum=0)
        damage_days = gr.Number(label="Report damage within (days)", value=setup_value("damage_report_days"), precision=0,
                                minimum=0)  # fmt: skip
        returnless = gr.Number(label="Returnless when the return label costs more than (% of item value)",
                               value=lambda: float(services.store_setup.get().returnless_threshold_pct), minimum=0)  # fmt: skip
    setup_button = gr.Button("Save store setup", variant="primary")
    setup_saved = gr.Markdown()

    _build_shop_rules(services)

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


def _actor(services: Services, request: gr.Request | None) -> str:
    return getattr(request, "username", None) or services.settings.merchant_username


def _examples(checks: list[PatternCheck]) -> str:
    lines = [f"- `{c.pattern}` — e.g. **{c.example}**" if c.example else f"- `{c.pattern}` — (no example can be "
             "built; check it with a real order number)" for c in checks]  # fmt: skip
    return "\n".join(lines)


def _build_shop_rules(services: Services) -> None:
    """Order-number patterns and the shipping table: validated, stored, audited, used from the next message. Their
    values are read at each page load, so a reload (or another worker's save) shows what is stored now."""
    rules = services.shop_rules
    gr.Markdown("### Order numbers\nHow your shop writes order numbers, one regular expression per line "
                "(Shopify `#\\d{4,}`, AliExpress `\\d{16}`). The chat finds, guards and shows order numbers with "
                "these; a pattern that would take plain words, years or prices for order numbers is refused.")
    patterns = gr.Textbox(label="Order number patterns", value=lambda: "\n".join(rules.order_number_patterns()), lines=3)
    with gr.Row():
        check_button = gr.Button("Check patterns")
        patterns_button = gr.Button("Save order numbers", variant="primary")
    patterns_result = gr.Markdown()

    gr.Markdown("### Shipping table\nOne row per destination; the chat answers shipping questions and the refund "
                "engine prices return labels from it. `incoterm`: DDP (you pay import duties) or DAP (the buyer "
                "does). Until you save, the rows come from the shipping CSV in your knowledge files; saving an "
                "empty table hands the answers back to those files.")
    shipping = gr.Dataframe(
        value=lambda: _shipping_cells(services), headers=list(SHIPPING_COLUMNS), type="array", interactive=True,
        column_count=len(SHIPPING_COLUMNS), label="Shipping table",  # extra columns a merchant adds are ignored
    )  # fmt: skip
    shipping_button = gr.Button("Save shipping table", variant="primary")
    shipping_result = gr.Markdown()

    def check(text: str) -> str:
        try:
            return "Usable:\n" + _examples(check_order_number_patterns((text or "").splitlines()))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc

    def save_patterns(text: str, request: gr.Request) -> str:
        try:
            checks = rules.save_order_number_patterns((text or "").splitlines(), _actor(services, request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return "Saved; the chat uses them from the next message:\n" + _examples(checks)

    def save_shipping(cells: list[list[object]] | None, request: gr.Request) -> tuple[list[list[str]], str]:
        rows = [dict(zip(SHIPPING_COLUMNS, row, strict=False)) for row in (cells or [])]
        try:
            saved = rules.save_shipping_table(rows, _actor(services, request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        note = f"Saved {len(saved)} destinations" if rules.saved_shipping_table() else \
            "Saved empty: the shipping CSV in your knowledge files answers again"
        return _shipping_cells(services), note + "; the chat and refunds use it from the next message."

    check_button.click(check, inputs=patterns, outputs=patterns_result, api_name="check_order_number_patterns")
    patterns_button.click(save_patterns, inputs=patterns, outputs=patterns_result, api_name="save_order_number_patterns")
    shipping_button.click(save_shipping, inputs=shipping, outputs=[shipping, shipping_result],
                          api_name="save_shipping_table")  # fmt: skip


def _shipping_cells(services: Services) -> list[list[str]]:
    return [["" if value is None else str(value) for value in row.model_dump(mode="json").values()]
            for row in services.shop_rules.shipping_table()] or [[""] * len(SHIPPING_COLUMNS)]  # fmt: skip
