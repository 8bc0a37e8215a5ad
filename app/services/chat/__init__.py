"""The buyer chat: routing, grounded answers, order lookup, handoff and translation (no gradio here)."""
