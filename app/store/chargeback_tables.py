"""Tables of the chargeback feature (registered on app.store.base.Base)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class ChargebackCaseRow(Base):
    """One chargeback notice and where its defense stands. The reason is re-resolved from the catalog on read."""

    __tablename__ = "chargeback_cases"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The human case number (CB-000045): assigned at insert (app.store.case_numbers), unique; nullable only so an
    # older database can gain the column before its rows are backfilled.
    case_no: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True, index=True)
    network: Mapped[str] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(String(32), index=True)
    reason_known: Mapped[bool] = mapped_column(Boolean, default=True)
    category: Mapped[str] = mapped_column(String(24))
    amount: Mapped[str] = mapped_column(String(32))  # exact Decimal text
    currency: Mapped[str] = mapped_column(String(3))
    dispute_date: Mapped[date] = mapped_column(Date)
    respond_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    # PAN-masked before it is stored: a full card number never reaches the database.
    claim_text: Mapped[str] = mapped_column(Text, default="")
    acquirer: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class ChargebackExhibitRow(Base):
    """A stored file (app.store.files) attached to a case, in the order the merchant attached them."""

    __tablename__ = "chargeback_exhibits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("chargeback_cases.case_id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    mime: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str] = mapped_column(String(300), default="")
    evidence_key: Mapped[str | None] = mapped_column(String(48), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
