"""The only place that picks concrete backends and stores from settings.

``build_services`` returns a ``Services`` container that the UI builders and CLI receive; nothing else
constructs a model client, a Chroma client or a database engine.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.order_numbers import OrderNumbersSource, order_number_format
from app.services.analytics.demo_activity import seed_demo_activity
from app.services.analytics.service import AnalyticsConfig, AnalyticsService
from app.services.api_keys import ApiKeyService
from app.services.case_refs import CaseRefs
from app.services.chargebacks.factory import build_chargeback_service
from app.services.chargebacks.service import ChargebackService
from app.services.chargebacks.stripe_disputes import StripeDisputeIntake
from app.services.chat.assembly import build_chat
from app.services.chat.feedback import ReplyFeedbackService
from app.services.chat.handoff import InboxService
from app.services.chat.query_text import retrieval_query
from app.services.chat.service import BuyerChatService
from app.services.chat.store_answers import StoreAnswerService
from app.services.knowledge_admin import KnowledgeAdmin
from app.services.language import LanguageIdentifier
from app.services.listings.factory import build_listing_service
from app.services.listings.service import ListingService
from app.services.merchant_profile import MerchantProfileService
from app.services.orders.importer import OrderIntake
from app.services.question_checks.runner import QuestionCheckService
from app.services.refunds.assembly import build_refund_service
from app.services.refunds.service import RefundService
from app.services.refunds.shipping_costs import ShippingCostTable
from app.services.shop_rules import ShopRules, knowledge_file_shipping
from app.services.status import StatusService
from app.services.store_setup import StoreSetupService
from app.settings import Settings
from app.store.api_keys import ApiKeyRepository
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.chargebacks import ChargebackRepository
from app.store.conversations import ConversationRepository
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository, load_orders_file
from app.store.pending_disputes import PendingDisputeRepository
from app.store.question_checks import QuestionCheckRepository
from knowledge.embedders import Embedder, build_embedder
from knowledge.ocr import PdfOcr
from knowledge.relevance import OffTopicGate
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore
from knowledge.web import UrlPolicy
from models.config import TransformersConfig, VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities, ChatModel

if TYPE_CHECKING:
    from models.vllm_server import VLLMServerProcess

log = logging.getLogger(__name__)

@dataclass
class Services:
    """Everything the UI and CLI need, constructed once at start-up (no module globals)."""

    settings: Settings
    db: Database
    orders: OrderRepository
    audit: AuditLog
    decisions: DecisionRepository
    files: FileStore
    merchant_settings: MerchantSettingsRepository
    language: LanguageIdentifier
    embedder: Embedder
    knowledge: KnowledgeStore
    retriever: Retriever
    # None when no chat model is configured: the chat then answers with templated text + sources.
    chat_model: ChatModel | None
    # None when no vision-language model is configured: every evidence analysis says "manual review".
    vision_model: ChatModel | None
    knowledge_admin: KnowledgeAdmin
    status: StatusService
    merchant_profile: MerchantProfileService
    chat_model_note: str = ""
    embedded_server: VLLMServerProcess | None = None
    # Feature services, built after the core (see build_services).
    buyer_chat: BuyerChatService = field(init=False)
    chat_inbox: InboxService = field(init=False)
    store_answers: StoreAnswerService = field(init=False)
    reply_feedback: ReplyFeedbackService = field(init=False)
    refunds: RefundService = field(init=False)
    chargebacks: ChargebackService = field(init=False)
    order_intake: OrderIntake = field(init=False)
    api_keys: ApiKeyService = field(init=False)
    stripe_disputes: StripeDisputeIntake = field(init=False)
    analytics: AnalyticsService = field(init=False)
    question_checks: QuestionCheckService = field(init=False)
    listings: ListingService = field(init=False)
    store_setup: StoreSetupService = field(init=False)
    case_refs: CaseRefs = field(init=False)
    # Order-number patterns and the shipping table, edited in Store setup; every reader asks it per use.
    shop_rules: ShopRules = field(init=False)

    def close(self) -> None:
        try:
            for model in (self.chat_model, self.vision_model):
                if model is not None:
                    model.close()
        finally:
            if self.embedded_server is not None:
                self.embedded_server.stop()
            self.db.dispose()


def build_database(settings: Settings) -> Database:
    db = Database(settings.resolved_database_url)
    db.create_schema()
    return db


def build_knowledge(
    settings: Settings, embedder: Embedder | None = None, order_numbers: OrderNumbersSource | None = None
) -> tuple[Embedder, KnowledgeStore, Retriever]:
    """`order_numbers`: the shop's live patterns (Store setup), masked out of every query before it is embedded."""
    embedder = embedder or build_embedder(settings.embedder, settings.embedder_model)
    if settings.chroma_url:
        store = KnowledgeStore(embedder, url=settings.chroma_url, collection=settings.chroma_collection)
    else:
        store = KnowledgeStore(embedder, path=settings.resolved_chroma_path, collection=settings.chroma_collection)
    # The off-topic anchors sit in their own collection on the same Chroma client: never cited, embedded once.
    anchors = KnowledgeStore(embedder, client=store.client, collection=f"{settings.chroma_collection}-offtopic")
    gate = OffTopicGate(anchors, margin=settings.retrieval_offtopic_margin)
    numbers = order_numbers or order_number_format(settings.order_number_patterns)

    def prepare(query: str) -> str:
        return retrieval_query(query, numbers=numbers.current())

    return embedder, store, Retriever(embedder, store, gate, prepare=prepare)


def _vllm_config(settings: Settings, base_urls: list[str], model: str, capabilities: Capabilities) -> VLLMConfig:
    return VLLMConfig(
        base_urls=base_urls,
        model=model,
        api_key=settings.vllm_api_key.get_secret_value(),
        connect_timeout=settings.model_connect_timeout_s,
        read_timeout=settings.model_read_timeout_s,
        max_retries=settings.model_max_retries,
        capabilities=capabilities,
    )


def build_chat_backend(settings: Settings) -> tuple[ChatModel | None, str, VLLMServerProcess | None]:
    """The buyer-chat model, a note for the Status tab, and the local server process if we started one."""
    text_only = Capabilities(streaming=True, images=False, video=False, json_schema=True)
    if settings.chat_backend == "none":
        return None, "No chat model configured: answers are templated from the retrieved sources.", None
    if settings.chat_backend == "vllm":
        if not settings.vllm_base_urls:
            raise ValueError("MC_CHAT_BACKEND=vllm needs MC_VLLM_BASE_URLS")
        vl = Capabilities(streaming=True, images=True, video=True, json_schema=True)
        model = build_chat_model(_vllm_config(settings, settings.vllm_base_urls, settings.vllm_model, vl))
        return model, f"vLLM at {', '.join(settings.vllm_base_urls)} serving {settings.vllm_model}.", None
    if settings.chat_backend == "transformers":
        if not settings.transformers_model_path:
            raise ValueError("MC_CHAT_BACKEND=transformers needs MC_TRANSFORMERS_MODEL_PATH")
        config = TransformersConfig(
            model_path=settings.transformers_model_path,
            gguf_file=settings.transformers_gguf_file,
            device=settings.transformers_device,
        )
        return build_chat_model(config), f"In-process transformers model {settings.transformers_model_path}.", None
    return _embedded_backend(settings, text_only)


def embedded_runtime(settings: Settings) -> str:
    """The embedded model's server: the configured one, or for "auto" llama.cpp when it is installed."""
    if settings.embedded_runtime != "auto":
        return settings.embedded_runtime
    from models.llamacpp_server import is_installed

    return "llamacpp" if is_installed(settings.embedded_llamacpp_python or sys.executable) else "vllm"


def _embedded_backend(
    settings: Settings, capabilities: Capabilities
) -> tuple[ChatModel | None, str, VLLMServerProcess | None]:
    """The tiny packaged model behind a local OpenAI-compatible server, same protocol as production."""
    from models.embedded import ensure_embedded_gguf, ensure_embedded_model
    from models.vllm_server import ServerLaunch, VLLMServerConfig, VLLMServerProcess

    runtime = embedded_runtime(settings)
    launch: ServerLaunch
    if runtime == "llamacpp":
        from models.llamacpp_server import LlamaCppServerConfig, require_installed

        python = settings.embedded_llamacpp_python or sys.executable
        require_installed(python)
        embedded = ensure_embedded_gguf(settings.models_dir, progress=log.info)  # run as it is: no conversion
        launch = LlamaCppServerConfig(
            gguf=embedded.gguf_path, served_model_name=embedded.served_name, python=python,
            threads=settings.embedded_threads,
        )  # fmt: skip
        # llama.cpp's server takes only {"type": "json_object"}: JSON is asked for in the prompt and validated.
        capabilities = capabilities.model_copy(update={"json_schema": False})
    else:
        embedded = ensure_embedded_model(settings.models_dir, progress=log.info)
        launch = VLLMServerConfig(model=embedded.hf_dir, served_model_name=embedded.served_name)
    server = VLLMServerProcess(launch, log_path=settings.data_dir / f"{runtime}-embedded.log")
    # Not waited for: the UI comes up at once and the chat answers from sources until the server is ready.
    server.start()
    model = build_chat_model(_vllm_config(settings, [server.base_url], embedded.served_name, capabilities))
    return model, f"{embedded.description}; runtime {runtime}", server


def build_vision_backend(settings: Settings) -> ChatModel | None:
    if settings.vision_backend == "none":
        return None
    vl = Capabilities(streaming=True, images=True, video=True, json_schema=True)
    if settings.vision_backend == "vllm":
        urls = settings.vision_base_urls or settings.vllm_base_urls
        if not urls:
            raise ValueError("MC_VISION_BACKEND=vllm needs MC_VISION_BASE_URLS (or MC_VLLM_BASE_URLS)")
        return build_chat_model(_vllm_config(settings, urls, settings.vision_model, vl))
    if not settings.vision_transformers_model_path:
        raise ValueError("MC_VISION_BACKEND=transformers needs MC_VISION_TRANSFORMERS_MODEL_PATH")
    return build_chat_model(
        TransformersConfig(model_path=settings.vision_transformers_model_path, vision=True, device=settings.transformers_device)
    )


def seed_demo_orders(settings: Settings, orders: OrderRepository) -> int:
    path = settings.corpus_dir / "orders.json"
    if not settings.seed_demo_data or not path.exists():
        return 0
    return orders.upsert_many(load_orders_file(path))


def build_services(
    settings: Settings,
    *,
    chat_model: ChatModel | None = None,
    vision_model: ChatModel | None = None,
    embedder: Embedder | None = None,
    start_models: bool = True,
) -> Services:
    """Compose the app. The keyword overrides replace configured backends (tests, the Space)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = build_database(settings)
    orders = OrderRepository(db)
    seed_demo_orders(settings, orders)
    merchant_settings = MerchantSettingsRepository(db)
    audit = AuditLog(db)
    shop_rules = ShopRules(
        merchant_settings, audit, default_patterns=settings.order_number_patterns,
        file_shipping=knowledge_file_shipping(settings.corpus_dir, settings.data_dir / "uploads", settings.store_currency),
    )  # fmt: skip
    embedder, store, retriever = build_knowledge(settings, embedder, order_numbers=shop_rules)

    server = None
    note = ""
    if chat_model is None and start_models:
        chat_model, note, server = build_chat_backend(settings)
    elif chat_model is not None:
        note = f"{chat_model.info.backend} model {chat_model.info.model}."
    try:
        if vision_model is None and start_models:
            vision_model = build_vision_backend(settings)
        knowledge_admin = KnowledgeAdmin(
            db, store, retriever, settings.corpus_dir, settings.data_dir / "uploads",
            currency=settings.store_currency, url_policy=UrlPolicy(allow_networks=settings.knowledge_url_allow_networks),
            ocr=PdfOcr() if settings.knowledge_pdf_ocr else None,
        )  # fmt: skip
        status = StatusService(
            settings, db, embedder, store, knowledge_admin, chat_model, vision_model, note, server is not None
        )

        services = Services(
            settings=settings,
            db=db,
            orders=orders,
            audit=audit,
            decisions=DecisionRepository(db),
            files=FileStore(db, settings.evidence_dir),
            merchant_settings=merchant_settings,
            language=LanguageIdentifier(),
            embedder=embedder,
            knowledge=store,
            retriever=retriever,
            chat_model=chat_model,
            vision_model=vision_model,
            knowledge_admin=knowledge_admin,
            status=status,
            merchant_profile=MerchantProfileService(settings, merchant_settings),
            chat_model_note=note,
            embedded_server=server,
        )
        services.shop_rules = shop_rules
        services.buyer_chat, services.chat_inbox, services.store_answers = build_chat(
            settings, db=db, orders=orders, language=services.language, retriever=retriever, chat_model=chat_model,
            merchant_profile=services.merchant_profile, merchant_settings=services.merchant_settings, audit=services.audit,
            shop_rules=services.shop_rules,
        )  # fmt: skip
        services.reply_feedback = ReplyFeedbackService(ConversationRepository(db), services.audit)
        services.refunds = build_refund_service(
            settings, db=db, orders=orders, files=services.files, audit=services.audit, decisions=services.decisions,
            merchant_settings=services.merchant_settings, language=services.language, vision_model=vision_model,
            saved_shipping=services.shop_rules.refund_rates,
        )
        services.chargebacks = build_chargeback_service(
            settings=settings, db=db, orders=orders, files=services.files, audit=services.audit,
            decisions=services.decisions, chat_model=chat_model,
            merchant_name=lambda: services.merchant_profile.get().store_name,
            refund_source=lambda: services.refunds,
        )
        services.case_refs = CaseRefs(services.refunds.repository, ChargebackRepository(db))
        services.store_setup = StoreSetupService(services.merchant_profile, services.refunds, services.audit)
        services.order_intake = OrderIntake(orders, services.audit)
        services.api_keys = ApiKeyService(ApiKeyRepository(db), services.audit)
        services.stripe_disputes = StripeDisputeIntake(
            services.chargebacks, orders, PendingDisputeRepository(db), ChargebackRepository(db)
        )
        _build_outcomes(settings, services)
        services.listings = build_listing_service(
            settings, db=db, chat_model=chat_model, language=services.language, knowledge=store)
        return services
    except BaseException:
        # A half-built app must not leave the local model server (GBs of RAM, a port) running.
        if server is not None:
            server.stop()
        raise


def _build_outcomes(settings: Settings, services: Services) -> None:
    """Analytics and test questions; in demo mode, a few weeks of demo activity so the plots mean something."""
    if settings.demo_mode and settings.seed_demo_data:
        seed_demo_activity(services.db, services.merchant_settings, utcnow())
    services.analytics = AnalyticsService(
        services.db, services.embedder, ShippingCostTable.from_corpus(settings.corpus_dir, services.shop_rules.refund_rates),
        AnalyticsConfig(
            resolution_window_days=settings.analytics_resolution_window_days,
            question_similarity=settings.analytics_question_similarity,
            top_questions=settings.analytics_top_questions,
            chargeback_urgent_days=settings.chargeback_urgent_days,
        ),
        merchant_language=lambda: services.merchant_profile.get().merchant_language,
        translate=services.chat_inbox.translator.translate,
    )  # fmt: skip
    services.question_checks = QuestionCheckService(
        services.buyer_chat, ConversationRepository(services.db), QuestionCheckRepository(services.db)
    )
