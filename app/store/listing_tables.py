"""Tables of the listing localizer (registered on app.store.base.Base)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, new_id, utcnow


class GlossaryTermRow(Base):
    """The store's glossary: brand/model names kept as written, preferred terms per language."""

    __tablename__ = "listing_glossary"
    __table_args__ = (UniqueConstraint("language", "kind", "source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    language: Mapped[str] = mapped_column(String(8), default="*")
    kind: Mapped[str] = mapped_column(String(8))  # keep | prefer
    source: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ListingVersionRow(Base):
    """Every generated or edited listing, numbered per product, language and marketplace."""

    __tablename__ = "listing_versions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    product_id: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(8), index=True)
    marketplace: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)  # draft | accepted | superseded
    listing: Mapped[dict[str, Any]] = mapped_column(JSON)
    issues: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # Hash of what the listing was made from (facts, marketplace, glossary, prompt): unchanged = skip on re-run.
    source_hash: Mapped[str] = mapped_column(String(64), index=True)
    prompt_version: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(120), default="")
    origin: Mapped[str] = mapped_column(String(16), default="model")
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
