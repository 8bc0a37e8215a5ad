"""Inbox tab."""

from __future__ import annotations

import gradio as gr

from app.wiring import Services


def build_inbox_tab(services: Services) -> None:
    gr.Markdown("Inbox: not wired yet.")
