"""Tables of the refund feature (registered on app.store.base.Base).

Money columns hold exact Decimal text; evidence rows point at stored_files by content hash.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, new_id, utcnow


class RefundCaseRow(Base):
    __tablename__ = "refund_cases"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    # The human case number (R-000123): assigned at insert (app.store.case_numbers), unique; nullable only so an
    # older database can gain the column before its rows are backfilled.
    case_no: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True, index=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    buyer_email: Mapped[str] = mapped_column(String(320), index=True)
    country_code: Mapped[str] = mapped_column(String(2), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    product_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reason: Mapped[str] = mapped_column(String(32), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # The buyer's answer to "has the item been opened?" (None: not answered); non-returnable-when-opened rule.
    item_opened: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), index=True, default="new")
    item_value: Mapped[str] = mapped_column(String(32))
    total_paid: Mapped[str] = mapped_column(String(32))
    proposed_outcome: Mapped[str | None] = mapped_column(String(48), nullable=True)
    proposed_amount: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # For escalations: what the engine would have offered (what "approve" grants).
    suggested_outcome: Mapped[str | None] = mapped_column(String(48), nullable=True)
    final_outcome: Mapped[str | None] = mapped_column(String(48), nullable=True)
    final_amount: Mapped[str | None] = mapped_column(String(32), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class RefundEvidenceRow(Base):
    __tablename__ = "refund_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("refund_cases.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # image | video
    mime: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255))
    # 64-bit average hash (hex) of images: finds a re-used photo after re-encoding or resizing.
    ahash: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RefundFindingRow(Base):
    __tablename__ = "refund_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("refund_cases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    model: Mapped[str | None] = mapped_column(String(128), nullable=True)
    prompt_version: Mapped[str | None] = mapped_column(String(32), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    finding: Mapped[dict[str, Any]] = mapped_column(JSON)
    # What the model actually said on each attempt (kept for review even when unusable).
    raw: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RefundNegotiationRow(Base):
    """One step between buyer, policy engine and merchant: offer, accept, decline, counter, decisions."""

    __tablename__ = "refund_negotiation_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("refund_cases.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(48), nullable=True)
    amount: Mapped[str | None] = mapped_column(String(32), nullable=True)
    currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RefundReceiptRow(Base):
    """A decision receipt as the buyer got it (their language) and in English (the exhibit for a chargeback)."""

    __tablename__ = "refund_receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("refund_cases.id"), index=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    decision_id: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
