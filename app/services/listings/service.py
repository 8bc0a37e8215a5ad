"""Listing localizer commands: generate (resumable, skipping unchanged), retry with the reasons, edit, accept,
export, and the glossary. The UI and CLI call only this."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.domain.listings import GlossaryTerm, Listing, ListingVersion
from app.errors import InvalidInputError, NotFoundError
from app.services.language import SUPPORTED_LANGUAGES
from app.services.listings.exports import (
    ExportFormatError,
    ExportReport,
    json_export,
    marketplace_csv,
    shopify_csv,
    shopify_product_ids,
)
from app.services.listings.generator import ListingGenerator, Progress
from app.services.listings.marketplaces import MarketplaceProfile
from app.services.listings.prompt import PROMPT_VERSION
from app.services.listings.publish import ListingPublisher
from app.store.listings import GlossaryRepository, ListingRepository
from knowledge.products import Product, load_products

ExportFormat = Literal["shopify", "marketplace", "json"]


@dataclass(frozen=True)
class RunStep:
    """One (product, language) of a run: `skipped` when its listing is unchanged since the last run."""

    index: int
    total: int
    product_id: str
    language: str
    outcome: Literal["generated", "skipped"]
    version: ListingVersion | None
    seconds: float = 0.0
    tokens: int = 0  # streamed chunks (≈ tokens) of the model's last attempt


@dataclass(frozen=True)
class RunProgress:
    """The listing being written: tokens arriving (so a slow model visibly works, and Stop acts within a token)."""

    index: int
    total: int
    product_id: str
    language: str
    progress: Progress


def source_hash(product: Product, language: str, profile: MarketplaceProfile, glossary: Sequence[GlossaryTerm]) -> str:
    """What a listing is made from; any change (a fact, a limit, a glossary term, the prompt) means regenerate."""
    payload = {
        "facts": product.fact_lines(), "language": language, "profile": profile.model_dump(mode="json"),
        "glossary": sorted([t.source, t.kind, t.language, t.target] for t in glossary), "prompt": PROMPT_VERSION,
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


class ListingService:
    def __init__(
        self, *, catalog_dirs: Sequence[Path], generator: ListingGenerator, listings: ListingRepository,
        glossary: GlossaryRepository, profiles: dict[str, MarketplaceProfile], export_dir: Path,
        publisher: ListingPublisher | None = None,
    ) -> None:
        self._publisher = publisher
        self._catalog_dirs = tuple(catalog_dirs)
        self._generator = generator
        self._listings = listings
        self._glossary = glossary
        self.profiles = profiles
        self._export_dir = export_dir

    # -- lookups -------------------------------------------------------------------------------------------------
    def products(self) -> list[Product]:
        return load_products(*self._catalog_dirs)

    def product(self, product_id: str) -> Product:
        for product in self.products():
            if product.id.upper() == product_id.strip().upper():
                return product
        raise NotFoundError(f"No product with SKU {product_id!r} in the catalog.")

    def profile(self, key: str) -> MarketplaceProfile:
        if key not in self.profiles:
            raise InvalidInputError(f"Unknown marketplace {key!r}; choose one of {', '.join(self.profiles)}.")
        return self.profiles[key]

    def version(self, version_id: str) -> ListingVersion:
        found = self._listings.get(version_id.strip())
        if found is None:
            raise NotFoundError(f"No listing version {version_id!r}.")
        return found

    def versions(self, **filters: str | None) -> list[ListingVersion]:
        return self._listings.versions(**filters)

    def localized(self, product_id: str, language: str) -> ListingVersion | None:
        """The accepted listing text the buyer chat may quote for this product in this language (Shopify first);
        only text that passed every check."""
        accepted = [v for v in self._listings.versions(status="accepted", product_id=product_id, language=language)
                    if v.passed]
        accepted.sort(key=lambda v: (v.marketplace != "shopify", -v.version))
        return accepted[0] if accepted else None

    def generator_budgets(self, marketplace: str, languages: Sequence[str]) -> dict[str, int]:
        """max_tokens one listing may take per language on this marketplace (for the bench and the tab)."""
        profile = self.profile(marketplace)
        return {language: self._generator.budget(profile, language).max_tokens for language in languages}

    # -- glossary ------------------------------------------------------------------------------------------------
    def glossary(self, language: str | None = None) -> list[GlossaryTerm]:
        return self._glossary.terms(language)

    def save_glossary(self, rows: Sequence[Sequence[object]]) -> list[GlossaryTerm]:
        """Rows of (kind, language, source, target) from the tab's table; blank rows are dropped."""
        terms = []
        for number, row in enumerate(rows, start=1):
            cells = [str(c or "").strip() for c in list(row) + [""] * 4][:4]
            if not any(cells):
                continue
            kind, language, source, target = cells
            language = language or "*"
            if kind not in ("keep", "prefer"):
                raise InvalidInputError(f"Glossary row {number}: kind must be 'keep' or 'prefer', not {kind!r}.")
            if language != "*" and language not in SUPPORTED_LANGUAGES:
                raise InvalidInputError(f"Glossary row {number}: unknown language {language!r}.")
            if not source:
                raise InvalidInputError(f"Glossary row {number}: the source term is empty.")
            if kind == "prefer" and not target:
                raise InvalidInputError(f"Glossary row {number}: a preferred term needs the word to use.")
            terms.append(GlossaryTerm(source=source, kind=kind, language=language, target=target))  # type: ignore[arg-type]
        self._glossary.replace_all(terms)
        return self._glossary.terms()

    def _terms_for(self, product: Product, language: str) -> list[GlossaryTerm]:
        """The store's terms for the language, plus the product's own brand (vendor), which is never translated."""
        terms = self._glossary.terms(language)
        if product.vendor and not any(t.kind == "keep" and t.source == product.vendor for t in terms):
            terms.append(GlossaryTerm(source=product.vendor, kind="keep"))
        return terms

    # -- generation ----------------------------------------------------------------------------------------------
    def run(
        self, product_ids: Sequence[str], languages: Sequence[str], marketplace: str, *, force: bool = False,
    ) -> Iterator[RunStep]:
        """`run_live` without the token progress: one step per product and language."""
        events = self.run_live(product_ids, languages, marketplace, force=force)
        try:
            for event in events:
                if isinstance(event, RunStep):
                    yield event
        finally:
            events.close()  # a stopped run stops the model at once

    def run_live(
        self, product_ids: Sequence[str], languages: Sequence[str], marketplace: str, *, force: bool = False,
    ) -> Generator[RunStep | RunProgress, None, None]:
        """Generates one listing per product and language, yielding progress while the model writes and a step
        after each listing, so the caller can show it and stop; a pair whose latest listing was made from the same
        facts, glossary and limits is skipped, so running again resumes a stopped run."""
        profile = self.profile(marketplace)
        bad = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
        if bad or not languages:
            raise InvalidInputError(f"Choose target languages among {', '.join(SUPPORTED_LANGUAGES)}.")
        products = [self.product(pid) for pid in product_ids]
        if not products:
            raise InvalidInputError("Choose at least one product.")
        pairs = [(product, language) for product in products for language in languages]
        for index, (product, language) in enumerate(pairs, start=1):
            glossary = self._terms_for(product, language)
            digest = source_hash(product, language, profile, glossary)
            latest = self._listings.latest(product.id, language, profile.key)
            if latest is not None and latest.source_hash == digest and not force:
                yield RunStep(index, len(pairs), product.id, language, "skipped", latest)
                continue
            writing = self._generator.stream(product, language, profile, glossary)
            while True:
                try:
                    progress = next(writing)
                except StopIteration as done:
                    draft = done.value
                    break
                try:
                    yield RunProgress(index, len(pairs), product.id, language, progress)
                except GeneratorExit:
                    writing.close()  # Stop: the model's stream is closed now, not when garbage-collected
                    raise
            version = self._listings.add(
                product_id=product.id, language=language, marketplace=profile.key, listing=draft.listing,
                issues=draft.issues, source_hash=digest, prompt_version=PROMPT_VERSION,
                model=self._generator.model_name, origin="model",
            )
            yield RunStep(index, len(pairs), product.id, language, "generated", version, draft.seconds,
                          draft.tokens)

    def retry(self, version_id: str) -> ListingVersion:
        """A new version from the model, told why the previous one failed."""
        old = self.version(version_id)
        product, profile = self.product(old.product_id), self.profile(old.marketplace)
        glossary = self._terms_for(product, old.language)
        draft = self._generator.generate(product, old.language, profile, glossary, previous=old.listing,
                                         reasons=old.issues)
        return self._listings.add(
            product_id=product.id, language=old.language, marketplace=profile.key, listing=draft.listing,
            issues=draft.issues, source_hash=source_hash(product, old.language, profile, glossary),
            prompt_version=PROMPT_VERSION, model=self._generator.model_name, origin="model",
        )

    def edit(self, version_id: str, listing: Listing) -> ListingVersion:
        """The merchant's edit, stored as a new version and checked like the model's text."""
        old = self.version(version_id)
        product, profile = self.product(old.product_id), self.profile(old.marketplace)
        glossary = self._terms_for(product, old.language)
        issues = self._generator.check(listing, product, old.language, profile, glossary)
        return self._listings.add(
            product_id=product.id, language=old.language, marketplace=profile.key, listing=listing, issues=issues,
            source_hash=source_hash(product, old.language, profile, glossary), prompt_version=PROMPT_VERSION,
            model=old.model, origin="edit",
        )

    def accept(self, version_id: str, override_reason: str | None = None) -> ListingVersion:
        version = self.version(version_id)
        reason = (override_reason or "").strip() or None
        if not version.passed and reason is None:
            raise InvalidInputError(
                f"This listing failed {len(version.issues)} check(s): "
                + "; ".join(str(i) for i in version.issues[:5])
                + ". Edit it, retry with the reasons, or give a reason to accept it anyway.")
        if not version.listing.title.strip():
            raise InvalidInputError("An empty listing cannot be accepted.")
        product, profile = self.product(version.product_id), self.profile(version.marketplace)
        if source_hash(product, version.language, profile, self._terms_for(product, version.language)) \
                != version.source_hash:
            # Its checks were run against facts, limits or a glossary that no longer hold.
            raise InvalidInputError(
                f"{version.product_id}'s facts, the glossary or the {profile.name} limits changed since this listing "
                "was made: generate it again (or edit it, which checks it against the current facts).")
        accepted = self._listings.accept(version.id, reason)
        assert accepted is not None
        if self._publisher is not None:
            quoted = self.localized(accepted.product_id, accepted.language)
            if quoted is None:
                self._publisher.withdraw(accepted.product_id, accepted.language)
            else:
                self._publisher.publish(quoted, self.product(quoted.product_id))
        return accepted

    # -- export --------------------------------------------------------------------------------------------------
    def export(self, fmt: ExportFormat, *, marketplace: str, language: str | None = None,
               path: Path | None = None, shopify_export: Path | None = None) -> ExportReport:
        """`shopify_export`: the store's own translations export, for the Shopify product IDs the import matches."""
        profile = self.profile(marketplace)
        versions = self._listings.versions(status="accepted", marketplace=profile.key, language=language)
        if not versions:
            raise InvalidInputError(f"No accepted {profile.name} listings to export yet.")
        self._export_dir.mkdir(parents=True, exist_ok=True)
        suffix = {"shopify": "shopify-translations.csv", "marketplace": f"{profile.key}.csv", "json": "listings.json"}
        if fmt not in suffix:
            raise InvalidInputError(f"Unknown export format {fmt!r}.")
        target = path or self._export_dir / f"{language or 'all'}-{suffix[fmt]}"
        if fmt == "shopify":
            try:
                ids = shopify_product_ids(shopify_export) if shopify_export is not None else None
            except (ExportFormatError, OSError, UnicodeDecodeError, csv.Error) as exc:
                raise InvalidInputError(f"Cannot read the Shopify translations export: {exc}") from exc
            return shopify_csv(versions, {p.id: p for p in self.products()}, target, product_ids=ids)
        if fmt == "marketplace":
            return marketplace_csv(versions, profile, target)
        return json_export(versions, target)

