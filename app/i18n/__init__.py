"""Buyer-facing texts in the 14 shop languages (one catalog: buyer_texts.yaml)."""
