"""Tables of the shop intake: API keys for storefront pushes, Stripe disputes waiting for an order match."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class ApiKeyRow(Base):
    """A storefront's bearer key. Only its SHA-256 is stored: the key itself is shown once, at creation."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80))
    key_sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    # The first characters, so the merchant can tell keys apart (not enough to guess the rest).
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PendingDisputeRow(Base):
    """A Stripe dispute whose order could not be found: the notice fields, kept until the merchant matches it."""

    __tablename__ = "pending_disputes"

    dispute_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    notice: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Order references found in the dispute's metadata (tried and not found), shown to help the match.
    order_refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
