"""Chargeback defense tab."""

from __future__ import annotations

import gradio as gr

from app.wiring import Services


def build_chargeback_tab(services: Services) -> None:
    gr.Markdown("Chargeback defense: not wired yet.")
