"""The buyer widget: a lightweight page a storefront embeds in an iframe (no merchant login).

Two tabs: the chat, and the return / refund claim form (built by the refund feature).
"""

from __future__ import annotations

import gradio as gr

from app.ui.chat_tab import build_chat_tab
from app.ui.refund_claim_form import build_refund_claim_form
from app.wiring import Services


def build_widget(services: Services) -> gr.Blocks:
    with gr.Blocks(title=services.merchant_profile.get().store_name, fill_height=True) as widget, gr.Tabs():
        with gr.Tab("Chat", id="chat"):
            build_chat_tab(services, persistent=True)
        with gr.Tab("Return / refund", id="refund"):
            build_refund_claim_form(services)
    widget.queue(default_concurrency_limit=None)
    return widget
