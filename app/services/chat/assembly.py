"""Composes the buyer chat from core parts (called once by app.wiring.build_services)."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Protocol

from app.domain.order_numbers import OrderNumbersSource, order_number_format
from app.services.chat.answering import GroundedAnswerer
from app.services.chat.facts.catalog import CatalogSource, ShippingRow
from app.services.chat.facts.layer import FactLayer
from app.services.chat.handoff import InboxService
from app.services.chat.order_lookup import OrderLookup
from app.services.chat.service import BuyerChatService
from app.services.chat.store_answer_entities import EntityReader
from app.services.chat.store_answer_match import StoreAnswerMatcher
from app.services.chat.store_answers import StoreAnswerService
from app.services.chat.translation import Translator
from app.services.chat.translation_check import TranslationChecker
from app.services.language import LanguageIdentifier
from app.services.merchant_profile import MerchantProfileService
from app.services.refund_policy import current_policy
from app.services.refunds.dispute_offer import DisputeOffers
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.shipping_costs import ShippingCostTable, ShippingRate
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.conversations import ConversationRepository
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository
from app.store.refunds import RefundRepository
from app.store.store_answers import StoreAnswerRepository
from knowledge.cross_lingual import E5SentenceEncoder
from knowledge.retriever import Retriever
from models.types import ChatModel


class ShopRulesLike(OrderNumbersSource, Protocol):
    """What the chat needs of app.services.shop_rules.ShopRules: the current order-number format (current()) and
    the shipping table saved in Store setup (None while the knowledge files answer)."""

    def fact_rows(self) -> Sequence[ShippingRow] | None: ...

    def refund_rates(self) -> Mapping[str, ShippingRate] | None: ...


def build_chat(
    settings: Settings,
    *,
    db: Database,
    orders: OrderRepository,
    language: LanguageIdentifier,
    retriever: Retriever,
    chat_model: ChatModel | None,
    merchant_profile: MerchantProfileService,
    merchant_settings: MerchantSettingsRepository,
    audit: AuditLog,
    shop_rules: ShopRulesLike | None = None,
) -> tuple[BuyerChatService, InboxService, StoreAnswerService]:
    # The language models take seconds to load once per process: load them now, not on the first buyer message.
    threading.Thread(target=language.warm_up, name="lingua-warm-up", daemon=True).start()
    # Store setup edits the patterns and the shipping table at run time: both are asked for per message.
    order_numbers: OrderNumbersSource = shop_rules or order_number_format(settings.order_number_patterns)
    conversations = ConversationRepository(db, idle_expiry=timedelta(hours=settings.chat_session_idle_hours))
    encoder = E5SentenceEncoder() if settings.translation_min_similarity > 0 else None
    checker = TranslationChecker(encoder, settings.translation_min_similarity)
    translator = Translator(chat_model, language, max_tokens=max(settings.chat_max_tokens, 400), checker=checker)
    inbox = InboxService(
        conversations, translator, merchant_profile, audit, settings.max_message_chars,
        max_handoffs_per_session=settings.chat_handoffs_per_session,
    )  # fmt: skip
    # One catalog for the fact layer and the store answers' entity check (re-read when its files change).
    catalog = CatalogSource(settings.corpus_dir, settings.data_dir / "uploads", settings.store_currency,
                            shipping=shop_rules.fact_rows if shop_rules else None)
    matcher = StoreAnswerMatcher(
        retriever.embedder, settings.store_answer_margin, EntityReader(catalog.current, order_numbers)
    )
    store_answers = StoreAnswerService(
        StoreAnswerRepository(db), matcher, translator,
        language, audit, merchant_language=lambda: merchant_profile.get().merchant_language,
    )  # fmt: skip
    answerer = GroundedAnswerer(
        chat_model,
        retriever,
        language,
        top_k=settings.retrieval_top_k,
        min_score=settings.retrieval_min_score,
        max_tokens=settings.chat_max_tokens,
        citations_shown=settings.chat_citations_shown,
        order_numbers=order_numbers,
    )
    chat = BuyerChatService(
        conversations=conversations,
        orders=OrderLookup(orders),
        language=language,
        answerer=answerer,
        inbox=inbox,
        merchant_profile=merchant_profile,
        merchant_settings=merchant_settings,
        audit=audit,
        model=chat_model,
        max_message_chars=settings.max_message_chars,
        sessions_per_minute=settings.chat_sessions_per_minute,
        messages_per_minute=settings.chat_messages_per_minute,
        history_messages=settings.chat_history_messages,
        intent_by_model=settings.chat_intent_model,
        # The same folders the knowledge admin indexes: the demo corpus and the merchant's uploads.
        facts=FactLayer(catalog),
        order_numbers=order_numbers,
        store_answers=store_answers,
        # A buyer who threatens a dispute gets the refund policy's own offer on their order (the claims' engine).
        dispute_offers=DisputeOffers(
            repository=RefundRepository(db), decisions=DecisionRepository(db),
            # The same saved shipping table the claims engine prices return labels with: offer == claim.
            shipping=ShippingCostTable.from_corpus(
                settings.corpus_dir, shop_rules.refund_rates if shop_rules is not None else None
            ),
            products=ProductCategories.from_corpus(settings.corpus_dir),
            policy=lambda: current_policy(merchant_settings),
        ),
    )
    return chat, inbox, store_answers
