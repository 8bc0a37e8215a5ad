"""Builds the RefundService from the core services (called once from app.wiring.build_services)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from app.services.language import LanguageIdentifier
from app.services.refunds.evidence import EvidenceAnalyzer
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.service import RefundService
from app.services.refunds.shipping_costs import ShippingCostTable, ShippingRate
from app.services.refunds.uploads import UploadChecker, UploadLimits
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository
from app.store.receipts import ReceiptRepository
from app.store.refunds import RefundRepository
from models.types import ChatModel


def build_refund_service(
    settings: Settings, *, db: Database, orders: OrderRepository, files: FileStore, audit: AuditLog,
    decisions: DecisionRepository, merchant_settings: MerchantSettingsRepository, language: LanguageIdentifier,
    vision_model: ChatModel | None, clock: Callable[[], datetime] = utcnow,
    saved_shipping: Callable[[], Mapping[str, ShippingRate] | None] | None = None,
) -> RefundService:  # fmt: skip
    return RefundService(
        settings=settings, repository=RefundRepository(db), orders=orders, files=files, audit=audit,
        decisions=decisions, merchant_settings=merchant_settings, language=language,
        shipping=ShippingCostTable.from_corpus(settings.corpus_dir, saved_shipping),
        analyzer=EvidenceAnalyzer(vision_model, video_frames=settings.evidence_video_frames),
        uploads=UploadChecker(files, UploadLimits.from_settings(settings)), clock=clock,
        products=ProductCategories.from_corpus(settings.corpus_dir), receipts=ReceiptRepository(db),
    )  # fmt: skip
