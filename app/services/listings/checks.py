"""Every check a listing must pass before it can be accepted or exported. The model is never trusted."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.listings import CheckIssue, GlossaryTerm, Listing
from app.services.language import LANGUAGE_NAMES, LanguageIdentifier
from app.services.listings.fact_check import (
    FactIndex,
    normalise,
    unsupported_claims,
    unsupported_facts,
    unsupported_latin_names,
)
from app.services.listings.marketplaces import MarketplaceProfile
from knowledge.products import Product

_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z!?]|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|\bon[a-z]+\s*=|&#x?[0-9a-f]+;|&lt;|&gt;|\[[^\]]*\]\([^)]*\)",
    re.IGNORECASE,
)


def length_issues(listing: Listing, profile: MarketplaceProfile) -> list[CheckIssue]:
    issues = []
    if not listing.title.strip():
        issues.append(CheckIssue("empty", "title", "the title is empty"))
    if not listing.description.strip():
        issues.append(CheckIssue("empty", "description", "the description is empty"))
    if len(listing.title) > profile.title_max:
        issues.append(CheckIssue("length", "title", f"{len(listing.title)} characters; {profile.name} allows {profile.title_max}"))
    if len(listing.bullets) > profile.bullets_max:
        issues.append(CheckIssue("length", "bullets", f"{len(listing.bullets)} bullets; {profile.name} allows {profile.bullets_max}"))
    for number, bullet in enumerate(listing.bullets, start=1):
        if len(bullet) > profile.bullet_max:
            issues.append(CheckIssue("length", f"bullet {number}", f"{len(bullet)} characters; the limit is {profile.bullet_max}"))
    if len(listing.description) > profile.description_max:
        issues.append(CheckIssue("length", "description", f"{len(listing.description)} characters; the limit is {profile.description_max}"))
    if len(listing.keywords) > profile.keywords_max:
        issues.append(CheckIssue("length", "keywords", f"{len(listing.keywords)} keywords; {profile.name} allows {profile.keywords_max}"))
    joined = ", ".join(listing.keywords)
    # Amazon counts search terms in bytes: a Korean keyword takes three per character.
    size = len(joined.encode("utf-8")) if profile.keyword_limit_unit == "bytes" else len(joined)
    unit = "bytes" if profile.keyword_limit_unit == "bytes" else "characters"
    if listing.keywords and size > profile.keyword_chars_max:
        issues.append(CheckIssue("length", "keywords", f"{size} {unit} together; the limit is {profile.keyword_chars_max} {unit}"))
    return issues


def markup_issues(listing: Listing) -> list[CheckIssue]:
    return [CheckIssue("html", name, f"markup or script not allowed: {match.group(0)!r}")
            for name, text in listing.fields() for match in [_MARKUP.search(text)] if match]


def forbidden_issues(listing: Listing, profile: MarketplaceProfile) -> list[CheckIssue]:
    issues = []
    for char in profile.title_forbidden_chars:
        if char in listing.title:
            issues.append(CheckIssue("forbidden", "title", f"{profile.name} does not allow {char!r} in titles"))
    for name, text in listing.fields():
        lowered = normalise(text)
        for word in profile.forbidden:
            term = normalise(word)
            pattern = rf"(?<!\w){re.escape(term)}(?!\w)" if term.isascii() else re.escape(term)
            if re.search(pattern, lowered):
                issues.append(CheckIssue("forbidden", name, f"{profile.name} forbids {word!r}"))
    return issues


def glossary_issues(listing: Listing, product: Product, language: str, glossary: Sequence[GlossaryTerm]) -> list[CheckIssue]:
    issues = []
    facts = normalise(product.fact_text())
    title = normalise(product.title)
    text = listing.all_text()
    for term in glossary:
        if term.language not in ("*", language):
            continue
        if term.kind == "keep" and normalise(term.source) in title and term.source not in listing.title:
            issues.append(CheckIssue("glossary", "title", f"'{term.source}' must appear in the title exactly as written"))
        elif term.kind == "keep" and normalise(term.source) in normalise(text) and term.source not in text:
            issues.append(CheckIssue("glossary", "text", f"'{term.source}' must be written exactly as '{term.source}'"))
        elif term.kind == "prefer" and term.target and normalise(term.source) in facts \
                and normalise(term.target) not in normalise(text):
            issues.append(CheckIssue("glossary", "text", f"say '{term.target}' for '{term.source}' in this market"))
    return issues


def language_issues(listing: Listing, language: str, identifier: LanguageIdentifier) -> list[CheckIssue]:
    issues = []
    prose = "\n".join([listing.title, *listing.bullets, listing.description])
    for name, text in (("listing", prose), ("description", listing.description)):
        found = identifier.detect(text)
        if found is None:
            if name == "listing":
                issues.append(CheckIssue("language", name, "too little text to confirm the language"))
            continue
        if found.code != language:
            issues.append(CheckIssue(
                "language", name,
                f"written in {LANGUAGE_NAMES.get(found.code, found.code)}, not {LANGUAGE_NAMES.get(language, language)}"))
    # One finding per field is enough: the whole text and the description usually agree.
    return issues[:1] if len(issues) == 2 and issues[0].detail == issues[1].detail else issues


def fact_issues(listing: Listing, language: str, index: FactIndex) -> list[CheckIssue]:
    issues = []
    for name, text in listing.fields():
        unsupported = unsupported_facts(text, index)
        for value in unsupported["number"]:
            issues.append(CheckIssue("unsupported_number", name, f"'{value}' is not in the product's facts"))
        for value in unsupported["identifier"]:
            issues.append(CheckIssue("unsupported_identifier", name, f"'{value}' is not a model name or SKU of this product"))
        for name_ in unsupported_latin_names(text, language, index):
            issues.append(CheckIssue("unsupported_identifier", name, f"'{name_}' is not a name in the product's facts"))
        for claim in unsupported_claims(text, language, index):
            issues.append(CheckIssue("unsupported_claim", name, f"claims {claim}, which the product's facts do not state"))
    return issues


def check_listing(
    listing: Listing, *, product: Product, index: FactIndex, language: str, profile: MarketplaceProfile,
    glossary: Sequence[GlossaryTerm], identifier: LanguageIdentifier,
) -> list[CheckIssue]:
    """All reasons the listing cannot be exported as is; empty when it passes every check."""
    return [
        *length_issues(listing, profile),
        *markup_issues(listing),
        *forbidden_issues(listing, profile),
        *fact_issues(listing, language, index),
        *glossary_issues(listing, product, language, glossary),
        *language_issues(listing, language, identifier),
    ]
