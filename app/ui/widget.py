"""The buyer widget: a chat-only page a storefront embeds in an iframe (no merchant login)."""

from __future__ import annotations

import gradio as gr

from app.ui.chat_tab import build_chat_tab
from app.wiring import Services


def build_widget(services: Services) -> gr.Blocks:
    with gr.Blocks(title=services.merchant_profile.get().store_name, fill_height=True) as widget:
        build_chat_tab(services)
    widget.queue(default_concurrency_limit=None)
    return widget
