"""How long a generated listing may be, and how many tokens that takes.

The marketplace's limits are what a listing must pass; what we ask the model for is those limits capped by the
store's targets (a 50,000-character Mercado Livre description is allowed, not wanted). The JSON schema carries the
asked-for lengths, so the longest answer the schema allows is known, and the token budget is that answer's size in
the target script's tokens: big enough never to cut a valid answer off, no bigger (on a 4 token/s CPU model every
spare token is a quarter second a runaway answer may spend).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.services.listings.marketplaces import MarketplaceProfile

# Characters per token of listing text, per script, rounded down so the budget errs on the large side.
# Measured 2026-12-02 with the embedded model's Qwen2.5 tokenizer on the crafted listings of
# tests/unit/listings/test_listing_checks.py (title, bullets, description, keywords): en 3.36, fr 3.16, de 2.82,
# tr 2.53, pl 2.38, ar 2.13, ru 2.07, zh 1.52, ja 1.38, ko 1.31. Those mix in Latin model names and digits, so the
# denser scripts are taken lower still.
CHARS_PER_TOKEN = {"en": 3.0, "latin": 2.2, "cyrillic": 1.8, "arabic": 1.8, "cjk": 1.0}
SCRIPT_OF = {"en": "en", "ru": "cyrillic", "ar": "arabic", "zh": "cjk", "ja": "cjk", "ko": "cjk"}
# JSON around the text: braces, the four keys, quotes and commas; and per string (quotes, comma, a split escape).
JSON_TOKENS = 24
TOKENS_PER_STRING = 3
KEYWORD_CHARS = 30  # one search keyword, at most
UTF8_BYTES = {"en": 1, "latin": 2, "cyrillic": 2, "arabic": 2, "cjk": 3}  # per character, at most


@dataclass(frozen=True)
class ListingBudget:
    """What the model is asked for (the schema's maxLength / maxItems) and the max_tokens that fits it."""

    title_chars: int
    bullets: int
    bullet_chars: int
    description_chars: int
    keywords: int
    keyword_chars: int
    max_tokens: int

    @property
    def chars(self) -> int:
        return (self.title_chars + self.bullets * self.bullet_chars + self.description_chars
                + self.keywords * self.keyword_chars)


def chars_per_token(language: str) -> float:
    return CHARS_PER_TOKEN[SCRIPT_OF.get(language, "latin")]


def listing_budget(
    profile: MarketplaceProfile, language: str, *, bullets: int, bullet_chars: int, description_chars: int,
    keywords: int, ceiling: int,
) -> ListingBudget:
    """The marketplace's limits capped by the store's targets, and the tokens the longest such answer takes in
    `language`'s script (at most `ceiling`)."""
    title = min(profile.title_max, profile.title_recommended or profile.title_max)
    n_bullets = min(profile.bullets_max, bullets)
    per_bullet = min(profile.bullet_max, bullet_chars) if n_bullets else 0
    n_keywords = min(profile.keywords_max, keywords)
    # The checks count the keywords joined with ", ".
    room = max(0, profile.keyword_chars_max - 2 * (n_keywords - 1)) // max(n_keywords, 1)
    if profile.keyword_limit_unit == "bytes":
        room //= UTF8_BYTES[SCRIPT_OF.get(language, "latin")]
    per_keyword = min(KEYWORD_CHARS, room) if n_keywords else 0
    description = min(profile.description_max, description_chars)
    chars = title + n_bullets * per_bullet + description + n_keywords * per_keyword
    strings = 2 + n_bullets + n_keywords
    tokens = math.ceil(chars / chars_per_token(language)) + strings * TOKENS_PER_STRING + JSON_TOKENS
    return ListingBudget(title_chars=title, bullets=n_bullets, bullet_chars=per_bullet,
                         description_chars=description, keywords=n_keywords, keyword_chars=per_keyword,
                         max_tokens=min(tokens, ceiling))
