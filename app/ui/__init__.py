"""Gradio UI: one builder per tab, wiring components to services only."""
