"""One listing from the configured chat model (JSON-schema output), checked by code before anyone sees it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from app.domain.listings import CheckIssue, GlossaryTerm, Listing
from app.services.language import LanguageIdentifier
from app.services.listings.checks import check_listing
from app.services.listings.fact_check import build_index
from app.services.listings.marketplaces import MarketplaceProfile
from app.services.listings.prompt import build_messages, listing_schema
from knowledge.products import Product
from models.errors import ModelError
from models.types import ChatModel, GenerationParams


@dataclass(frozen=True)
class Draft:
    listing: Listing
    issues: list[CheckIssue]
    seconds: float


class ListingGenerator:
    def __init__(self, model: ChatModel | None, identifier: LanguageIdentifier, max_tokens: int = 900) -> None:
        self._model = model
        self._identifier = identifier
        self._max_tokens = max_tokens

    @property
    def model_name(self) -> str:
        return self._model.info.model if self._model is not None else ""

    def check(
        self, listing: Listing, product: Product, language: str, profile: MarketplaceProfile,
        glossary: Sequence[GlossaryTerm],
    ) -> list[CheckIssue]:
        return check_listing(listing, product=product, index=build_index(product), language=language,
                             profile=profile, glossary=glossary, identifier=self._identifier)

    def generate(
        self, product: Product, language: str, profile: MarketplaceProfile, glossary: Sequence[GlossaryTerm],
        *, previous: Listing | None = None, reasons: Sequence[CheckIssue] = (),
    ) -> Draft:
        """A checked draft. A model failure or an answer that is not a listing becomes an empty draft whose
        issue says why, so a long run goes on and the merchant sees the reason."""
        if self._model is None:
            empty = Listing(title="", description="")
            return Draft(empty, [CheckIssue("model", "listing", "no chat model is configured")], 0.0)
        started = time.perf_counter()
        messages = build_messages(product, language, profile, glossary, previous=previous, reasons=reasons)
        params = GenerationParams(max_tokens=self._max_tokens, temperature=0.2, json_schema_name="listing")
        try:
            raw = self._model.complete_json(messages, listing_schema(profile), params)
            listing = Listing.model_validate(raw)
        except ModelError as exc:
            return Draft(Listing(title="", description=""), [CheckIssue("model", "listing", exc.message)],
                         time.perf_counter() - started)
        except ValidationError as exc:
            detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
            return Draft(Listing(title="", description=""),
                         [CheckIssue("model", "listing", f"the model's answer is not a listing ({detail})")],
                         time.perf_counter() - started)
        seconds = time.perf_counter() - started
        return Draft(listing, self.check(listing, product, language, profile, glossary), seconds)
