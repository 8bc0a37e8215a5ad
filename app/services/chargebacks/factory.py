"""Builds a ChargebackService from the app's core parts (called once, from app/wiring.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.services.chargebacks.catalog import ReasonCodeCatalog
from app.services.chargebacks.evidence import EvidenceAssembler
from app.services.chargebacks.narrative import NarrativeWriter
from app.services.chargebacks.refund_history import DeferredRefundHistory
from app.services.chargebacks.service import ChargebackService
from app.services.chargebacks.store_documents import StoreDocuments
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.chargebacks import ChargebackRepository, TranscriptReader
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.orders import OrderRepository
from models.types import ChatModel


def build_chargeback_service(
    *,
    settings: Settings,
    db: Database,
    orders: OrderRepository,
    files: FileStore,
    audit: AuditLog,
    decisions: DecisionRepository,
    chat_model: ChatModel | None,
    merchant_name: Callable[[], str],
    refund_source: Callable[[], object | None] = lambda: None,
    today: Callable[[], date] | None = None,
) -> ChargebackService:
    """`refund_source` returns the refund service (or None) at call time; any object with
    `refunds_for_order(order_no)` (see refund_history.RefundHistorySource) is used, anything else is ignored."""
    catalog = ReasonCodeCatalog.load()
    cases = ChargebackRepository(db)
    evidence = EvidenceAssembler(
        catalog=catalog,
        orders=orders,
        cases=cases,
        transcripts=TranscriptReader(db),
        refunds=DeferredRefundHistory(refund_source),
        documents=StoreDocuments(settings.corpus_dir),
    )
    return ChargebackService(
        catalog=catalog,
        db=db,
        cases=cases,
        orders=orders,
        evidence=evidence,
        narrative=NarrativeWriter(chat_model, catalog, max_tokens=settings.chargeback_narrative_max_tokens),
        files=files,
        audit=audit,
        decisions=decisions,
        merchant_name=merchant_name,
        output_dir=settings.data_dir / "rebuttals",
        max_image_mb=settings.max_image_mb,
        urgent_within_days=settings.chargeback_urgent_days,
        default_acquirer=settings.chargeback_default_acquirer,
        **({"today": today} if today is not None else {}),
    )
