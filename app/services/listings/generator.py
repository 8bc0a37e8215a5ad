"""One listing from the configured chat model (JSON-schema output, streamed), checked by code before anyone sees it.

Streaming is what makes a slow model usable: the model's read timeout then limits the gap between two chunks
(a stuck server fails fast), not the whole answer (a 4 token/s CPU model writing 300 tokens is slow, not stuck).
`GenerationLimits.total_s` caps one listing, all attempts together. A timeout is never retried (the same input on
the same slow model would only wait again); an answer that is not a listing is retried with the reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from app.domain.listings import CheckIssue, GlossaryTerm, Listing
from app.services.language import LanguageIdentifier
from app.services.listings.budget import ListingBudget, listing_budget
from app.services.listings.checks import check_listing
from app.services.listings.fact_check import build_index
from app.services.listings.marketplaces import MarketplaceProfile
from app.services.listings.prompt import build_messages, listing_schema
from knowledge.products import Product
from models.errors import ModelError, ModelRequestError, ModelResponseError, ModelTimeoutError
from models.structured import parse_json_object, with_json_instruction
from models.types import ChatMessage, ChatModel, GenerationParams


@dataclass(frozen=True)
class GenerationLimits:
    """What one listing may cost (from settings)."""

    total_s: float = 600.0  # one listing, every attempt together
    malformed_retries: int = 1  # extra attempts for an answer that is not a listing
    bullets: int = 5  # asked for: at most this many bullets (and the marketplace's limit)
    bullet_chars: int = 150
    description_chars: int = 600
    keywords: int = 8
    max_tokens: int = 1024  # ceiling of the per-listing token budget (prompt + budget must fit the context)


@dataclass(frozen=True)
class Progress:
    """Text arriving for the listing being written (vLLM streams one chunk per token)."""

    attempt: int
    tokens: int
    max_tokens: int
    seconds: float


@dataclass(frozen=True)
class Draft:
    listing: Listing
    issues: list[CheckIssue]
    seconds: float
    attempts: int = 1
    tokens: int = 0


class _OverTime(Exception):
    def __init__(self, tokens: int) -> None:
        super().__init__(tokens)
        self.tokens = tokens


def _empty(reason: str, seconds: float, attempts: int, tokens: int) -> Draft:
    return Draft(Listing(title="", description=""), [CheckIssue("model", "listing", reason)], seconds, attempts,
                 tokens)


class ListingGenerator:
    def __init__(
        self, model: ChatModel | None, identifier: LanguageIdentifier, limits: GenerationLimits | None = None,
        *, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._model = model
        self._identifier = identifier
        self.limits = limits or GenerationLimits()
        self._clock = clock

    @property
    def model_name(self) -> str:
        return self._model.info.model if self._model is not None else ""

    def budget(self, profile: MarketplaceProfile, language: str) -> ListingBudget:
        limits = self.limits
        return listing_budget(profile, language, bullets=limits.bullets, bullet_chars=limits.bullet_chars,
                              description_chars=limits.description_chars, keywords=limits.keywords,
                              ceiling=limits.max_tokens)

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
        """The checked draft, without the progress."""
        steps = self.stream(product, language, profile, glossary, previous=previous, reasons=reasons)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]

    def stream(
        self, product: Product, language: str, profile: MarketplaceProfile, glossary: Sequence[GlossaryTerm],
        *, previous: Listing | None = None, reasons: Sequence[CheckIssue] = (),
    ) -> Generator[Progress, None, Draft]:
        """Progress while the model writes; returns the checked draft. A model failure or an answer that is not a
        listing becomes an empty draft whose issue says why, so a long run goes on and the merchant sees it.
        Closing this generator (a stopped run) closes the model's stream."""
        started = self._clock()
        if self._model is None:
            return _empty("no chat model is configured", 0.0, 0, 0)
        budget = self.budget(profile, language)
        schema = listing_schema(budget)
        ask_reasons = list(reasons)
        tokens = 0
        attempts = self.limits.malformed_retries + 1
        for attempt in range(1, attempts + 1):
            messages = build_messages(product, language, profile, budget, glossary, previous=previous,
                                      reasons=ask_reasons)
            try:
                text, tokens = yield from self._stream_text(messages, schema, budget, attempt, started)
            except _OverTime as over:
                return _empty(
                    f"stopped after {self.limits.total_s:g} s (listing_generation_timeout_s) with {over.tokens} "
                    f"tokens written: the model is too slow for this listing", self._clock() - started, attempt,
                    over.tokens)
            except ModelTimeoutError as exc:
                return _empty(f"{exc.message} The model stopped sending text; not retried, since the same request "
                              "would wait again.", self._clock() - started, attempt, tokens)
            except ModelRequestError as exc:  # e.g. prompt + budget longer than the model's context
                return _empty(f"{exc.message} ({exc.detail})" if exc.detail else exc.message,
                              self._clock() - started, attempt, tokens)
            except ModelError as exc:
                return _empty(exc.message, self._clock() - started, attempt, tokens)
            try:
                listing = Listing.model_validate(parse_json_object(text))
            except ModelResponseError as exc:
                reason = (f"the answer was cut off at the {budget.max_tokens}-token budget: write less"
                          if tokens >= budget.max_tokens else f"the answer is not valid JSON ({exc.message})")
            except ValidationError as exc:
                detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
                reason = f"the model's answer is not a listing ({detail})"
            else:
                return Draft(listing, self.check(listing, product, language, profile, glossary),
                             self._clock() - started, attempt, tokens)
            ask_reasons = [CheckIssue("format", "listing", reason)]
        return _empty(f"{ask_reasons[0].detail} (after {attempts} attempt(s))", self._clock() - started, attempts,
                      tokens)

    def _stream_text(
        self, messages: list[ChatMessage], schema: dict[str, object], budget: ListingBudget, attempt: int,
        started: float,
    ) -> Generator[Progress, None, tuple[str, int]]:
        """The streamed answer and how many chunks it came in."""
        assert self._model is not None
        params = GenerationParams(max_tokens=budget.max_tokens, temperature=0.2, json_schema_name="listing")
        if self._model.capabilities.json_schema:
            params = params.model_copy(update={"json_schema": schema})
        else:
            messages = with_json_instruction(messages, schema)
        deadline = started + self.limits.total_s
        if self._clock() > deadline:  # a retry after an attempt that used the time up
            raise _OverTime(0)
        deltas: Iterator[str] = self._model.stream(messages, params)
        parts: list[str] = []
        try:
            for delta in deltas:
                parts.append(delta)
                now = self._clock()
                if now > deadline:
                    raise _OverTime(len(parts))
                yield Progress(attempt, len(parts), budget.max_tokens, now - started)
        finally:
            close = getattr(deltas, "close", None)
            if close is not None:
                close()  # a stopped run or the cap: the server stops generating
        return "".join(parts), len(parts)
