"""Builds the ListingService from the app's core parts (called once, from app/wiring.py)."""

from __future__ import annotations

from app.services.language import LanguageIdentifier
from app.services.listings.generator import GenerationLimits, ListingGenerator
from app.services.listings.marketplaces import load_profiles
from app.services.listings.publish import KnowledgePublisher
from app.services.listings.service import ListingService
from app.settings import Settings
from app.store.db import Database
from app.store.listings import GlossaryRepository, ListingRepository
from knowledge.store import KnowledgeStore
from models.types import ChatModel


def generation_limits(settings: Settings) -> GenerationLimits:
    return GenerationLimits(
        total_s=settings.listing_generation_timeout_s, malformed_retries=settings.listing_malformed_retries,
        bullets=settings.listing_bullets, bullet_chars=settings.listing_bullet_chars,
        description_chars=settings.listing_description_chars, keywords=settings.listing_keywords,
        max_tokens=settings.listing_max_tokens,
    )


def build_listing_service(
    settings: Settings, *, db: Database, chat_model: ChatModel | None, language: LanguageIdentifier,
    knowledge: KnowledgeStore | None = None,
) -> ListingService:
    """`knowledge`: where accepted listings are published for the buyer chat (None: not published)."""
    return ListingService(
        # The catalog the knowledge loader reads: the corpus folder and the merchant's uploads.
        catalog_dirs=(settings.corpus_dir, settings.data_dir / "uploads"),
        generator=ListingGenerator(chat_model, language, generation_limits(settings)),
        listings=ListingRepository(db),
        glossary=GlossaryRepository(db),
        profiles=load_profiles(),
        export_dir=settings.data_dir / "listings",
        publisher=KnowledgePublisher(knowledge) if knowledge is not None else None,
    )
