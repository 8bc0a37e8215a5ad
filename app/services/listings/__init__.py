"""Listing localizer: product titles and descriptions per market, every fact checked by code."""
