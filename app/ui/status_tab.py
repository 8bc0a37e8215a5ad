"""Status tab: configured backends, whether they answer, index size, warnings about demo models."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from app.wiring import Services


def build_status_tab(services: Services) -> tuple[Callable[[], tuple[str, list[list[str]]]], list[gr.Component]]:
    """Returns the refresh function and its outputs so the page can also run it on load."""

    def refresh() -> tuple[str, list[list[str]]]:
        report = services.status.report()
        warnings = "\n\n".join(f"⚠️ {warning}" for warning in report.warnings) or "All configured components answer."
        rows = [[c.component, c.configured, c.state, c.detail] for c in report.components]
        return warnings, rows

    warnings = gr.Markdown(elem_id="status-warnings")
    table = gr.Dataframe(headers=["component", "configured", "state", "detail"], interactive=False, wrap=True)
    refresh_button = gr.Button("Refresh")
    refresh_button.click(refresh, outputs=[warnings, table], api_name="status")
    return refresh, [warnings, table]
