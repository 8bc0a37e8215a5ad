"""The buyer widget: a lightweight page a storefront embeds in an iframe (no merchant login).

Two tabs: the chat, and the return / refund claim form (built by the refund feature). The form's texts come from
the buyer text catalog; `widget_i18n`, `WIDGET_CSS` and `WIDGET_JS` are handed to `gr.mount_gradio_app`.
"""

from __future__ import annotations

import json

import gradio as gr

from app.services.language import RTL_LANGUAGES
from app.ui.buyer_i18n import gradio_i18n, t
from app.ui.chat_tab import build_chat_tab
from app.ui.refund_claim_form import FORM_CLASS, build_refund_claim_form
from app.wiring import Services

# Gradio's frontend picks the translation from the browser's language; the form must then also read right to left.
# The tab's content may be rendered later than this runs, so the page gets a class and CSS does the rest.
WIDGET_JS = (
    "() => { const rtl = " + json.dumps(sorted(RTL_LANGUAGES)) + ";"
    " const lang = (navigator.language || '').toLowerCase().split('-')[0];"
    " if (rtl.includes(lang)) { document.body.classList.add('buyer-rtl'); } }"
)
# Gradio marks labels and text inputs dir="ltr" itself: those are turned too, while what a buyer types (an order
# number, an email, a description in any language) keeps its own direction (unicode-bidi: plaintext).
WIDGET_CSS = (
    f".buyer-rtl .{FORM_CLASS}, .buyer-rtl .{FORM_CLASS} [dir='ltr'] {{ direction: rtl; text-align: right; }}"
    f" .buyer-rtl .{FORM_CLASS} textarea, .buyer-rtl .{FORM_CLASS} input {{ unicode-bidi: plaintext; }}"
)


def widget_i18n(services: Services) -> gr.I18n:
    settings = services.settings
    return gradio_i18n(images=settings.max_images_per_claim, videos=settings.max_videos_per_claim)


def build_widget(services: Services) -> gr.Blocks:
    with gr.Blocks(title=services.merchant_profile.get().store_name, fill_height=True) as widget, gr.Tabs():
        with gr.Tab(t("tab.chat"), id="chat"):
            build_chat_tab(services, persistent=True)
        with gr.Tab(t("tab.refund"), id="refund", elem_classes=[FORM_CLASS]):
            build_refund_claim_form(services)
    widget.queue(default_concurrency_limit=None)
    return widget
