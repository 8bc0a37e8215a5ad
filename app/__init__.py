"""Marketplace Copilot: AI staff for small cross-border e-commerce merchants."""
