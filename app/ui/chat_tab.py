"""Buyer chat tab."""

from __future__ import annotations

import gradio as gr

from app.wiring import Services


def build_chat_tab(services: Services) -> None:
    gr.Markdown("Buyer chat: not wired yet.")
