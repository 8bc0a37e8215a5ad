"""Card-number masking for free text (claims, chat transcripts, model output, captions).

The code lives in app.services.text_safety (shared with refunds); it is re-exported here for the chargeback modules.

A primary account number (PAN) is 12–19 digits with a valid Luhn checksum, written either as one run of digits or
in the usual groups (4-4-4-4, 4-6-5, 4-4-4-4-3) separated by spaces or hyphens. A digit run glued to letters
is usually an identifier (tracking number 'YT2624711052301'), so there it is masked only when it also looks like a
card (15 or 16 digits starting with 2–6, Luhn-valid), e.g. 'card4111111111111111'.
"""

from __future__ import annotations

from app.services.text_safety import find_pans, luhn_valid, mask_pans

__all__ = ["find_pans", "luhn_valid", "mask_pans"]
