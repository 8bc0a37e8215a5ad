"""Glossary terms and versioned listings of the listing localizer."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from app.domain.listings import CheckIssue, GlossaryTerm, Listing, ListingVersion
from app.store.base import utcnow
from app.store.db import Database
from app.store.listing_tables import GlossaryTermRow, ListingVersionRow


def _version(row: ListingVersionRow) -> ListingVersion:
    return ListingVersion(
        id=row.id, product_id=row.product_id, language=row.language, marketplace=row.marketplace,
        version=row.version, status=row.status,  # type: ignore[arg-type]
        listing=Listing.model_validate(row.listing),
        issues=tuple(CheckIssue(**issue) for issue in row.issues or []),
        source_hash=row.source_hash, prompt_version=row.prompt_version, model=row.model, origin=row.origin,
        override_reason=row.override_reason,
    )


class GlossaryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def terms(self, language: str | None = None) -> list[GlossaryTerm]:
        """All terms, or those that apply to `language` (its own and the "*" ones)."""
        with self._db.session() as session:
            query = select(GlossaryTermRow).order_by(GlossaryTermRow.kind, GlossaryTermRow.source)
            if language is not None:
                query = query.where(GlossaryTermRow.language.in_(["*", language]))
            return [GlossaryTerm(source=r.source, kind=r.kind, language=r.language, target=r.target)  # type: ignore[arg-type]
                    for r in session.scalars(query)]

    def replace_all(self, terms: Sequence[GlossaryTerm]) -> None:
        """The merchant's edited table becomes the glossary (one transaction)."""
        with self._db.session() as session:
            for row in session.scalars(select(GlossaryTermRow)):
                session.delete(row)
            session.flush()
            seen = set()
            for term in terms:
                key = (term.language, term.kind, term.source)
                if key not in seen:
                    seen.add(key)
                    session.add(GlossaryTermRow(language=term.language, kind=term.kind, source=term.source,
                                                target=term.target))

    def add(self, term: GlossaryTerm) -> None:
        with self._db.session() as session:
            row = session.scalars(select(GlossaryTermRow).where(
                GlossaryTermRow.language == term.language, GlossaryTermRow.kind == term.kind,
                GlossaryTermRow.source == term.source)).first()
            if row is None:
                session.add(GlossaryTermRow(language=term.language, kind=term.kind, source=term.source, target=term.target))
            else:
                row.target = term.target


class ListingRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, *, product_id: str, language: str, marketplace: str, listing: Listing, issues: Sequence[CheckIssue],
        source_hash: str, prompt_version: str, model: str, origin: str,
    ) -> ListingVersion:
        with self._db.session() as session:
            latest = session.scalar(select(func.max(ListingVersionRow.version)).where(
                ListingVersionRow.product_id == product_id, ListingVersionRow.language == language,
                ListingVersionRow.marketplace == marketplace))
            row = ListingVersionRow(
                product_id=product_id, language=language, marketplace=marketplace, version=(latest or 0) + 1,
                status="draft", listing=listing.model_dump(), issues=[vars(i) for i in issues],
                source_hash=source_hash, prompt_version=prompt_version, model=model, origin=origin,
            )
            session.add(row)
            session.flush()
            return _version(row)

    def get(self, version_id: str) -> ListingVersion | None:
        with self._db.session() as session:
            row = session.get(ListingVersionRow, version_id)
            return _version(row) if row is not None else None

    def accept(self, version_id: str, override_reason: str | None = None) -> ListingVersion | None:
        """Marks the version accepted and the earlier accepted one of the same key superseded (one transaction)."""
        with self._db.session() as session:
            row = session.get(ListingVersionRow, version_id)
            if row is None:
                return None
            for other in session.scalars(select(ListingVersionRow).where(
                    ListingVersionRow.product_id == row.product_id, ListingVersionRow.language == row.language,
                    ListingVersionRow.marketplace == row.marketplace, ListingVersionRow.status == "accepted",
                    ListingVersionRow.id != row.id)):
                other.status = "superseded"
            row.status = "accepted"
            row.accepted_at = utcnow()
            row.override_reason = override_reason
            session.flush()
            return _version(row)

    def latest(self, product_id: str, language: str, marketplace: str) -> ListingVersion | None:
        with self._db.session() as session:
            row = session.scalars(select(ListingVersionRow).where(
                ListingVersionRow.product_id == product_id, ListingVersionRow.language == language,
                ListingVersionRow.marketplace == marketplace).order_by(ListingVersionRow.version.desc())).first()
            return _version(row) if row is not None else None

    def versions(
        self, *, status: str | None = None, language: str | None = None, marketplace: str | None = None,
        product_id: str | None = None,
    ) -> list[ListingVersion]:
        with self._db.session() as session:
            query = select(ListingVersionRow)
            for column, value in ((ListingVersionRow.status, status), (ListingVersionRow.language, language),
                                  (ListingVersionRow.marketplace, marketplace),
                                  (ListingVersionRow.product_id, product_id)):
                if value is not None:
                    query = query.where(column == value)
            query = query.order_by(ListingVersionRow.product_id, ListingVersionRow.language,
                                   ListingVersionRow.marketplace, ListingVersionRow.version)
            return [_version(row) for row in session.scalars(query)]
