"""Listing localizer values: a listing, glossary terms, check findings, stored versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Listing(BaseModel):
    """One localized listing: what the model must return and what the merchant accepts or edits."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str
    bullets: list[str] = Field(default_factory=list)
    description: str
    keywords: list[str] = Field(default_factory=list)

    def fields(self) -> list[tuple[str, str]]:
        """(field name, text) for every piece of text, bullets and keywords numbered."""
        out = [("title", self.title)]
        out.extend((f"bullet {i}", b) for i, b in enumerate(self.bullets, start=1))
        out.append(("description", self.description))
        out.extend((f"keyword {i}", k) for i, k in enumerate(self.keywords, start=1))
        return out

    def all_text(self) -> str:
        return "\n".join(text for _, text in self.fields())


TermKind = Literal["keep", "prefer"]


@dataclass(frozen=True)
class GlossaryTerm:
    """`keep`: a brand or model name written exactly as `source` in every language.
    `prefer`: where the product's facts mention `source`, the listing in `language` must say `target`."""

    source: str
    kind: TermKind
    language: str = "*"  # "*" = every language
    target: str = ""


@dataclass(frozen=True)
class CheckIssue:
    code: str  # language | unsupported_number | unsupported_identifier | unsupported_claim | glossary | length | html | forbidden | empty | model
    field: str
    detail: str

    def __str__(self) -> str:
        return f"{self.field}: {self.detail}"


VersionStatus = Literal["draft", "accepted", "superseded"]


@dataclass(frozen=True)
class ListingVersion:
    """One stored version of a product's listing for a language and marketplace."""

    id: str
    product_id: str
    language: str
    marketplace: str
    version: int
    status: VersionStatus
    listing: Listing
    issues: tuple[CheckIssue, ...]
    source_hash: str
    prompt_version: str
    model: str
    origin: str  # model | edit
    override_reason: str | None = None

    @property
    def passed(self) -> bool:
        return not self.issues
