"""Refund review tab."""

from __future__ import annotations

import gradio as gr

from app.wiring import Services


def build_refund_tab(services: Services) -> None:
    gr.Markdown("Refund review: not wired yet.")
