"""Accepted listings into the knowledge index, so the buyer chat can quote the product's text in the buyer's
language. Only text that passed every check is published; a listing accepted despite failed checks is exported
with a warning but never quoted to buyers."""

from __future__ import annotations

from typing import Protocol

from app.domain.listings import ListingVersion
from knowledge.products import Product
from knowledge.store import KnowledgeStore
from knowledge.types import Chunk


class ListingPublisher(Protocol):
    def publish(self, version: ListingVersion, product: Product) -> None: ...

    def withdraw(self, product_id: str, language: str) -> None: ...


def listing_source(product_id: str, language: str) -> str:
    return f"listings/{language}/{product_id}"


def listing_chunk(version: ListingVersion, product: Product) -> Chunk:
    listing = version.listing
    source = listing_source(product.id, version.language)
    lines = [listing.title, *(f"- {b}" for b in listing.bullets), listing.description]
    return Chunk(id=f"{source}#listing", text="\n".join(line for line in lines if line.strip()), source=source,
                 title=f"{listing.title} ({product.id})", kind="product", product_id=product.id,
                 section="localized listing", language=version.language)


class KnowledgePublisher:
    def __init__(self, store: KnowledgeStore) -> None:
        self._store = store

    def publish(self, version: ListingVersion, product: Product) -> None:
        self._store.sync_source(listing_source(product.id, version.language), [listing_chunk(version, product)])

    def withdraw(self, product_id: str, language: str) -> None:
        self._store.delete_source(listing_source(product_id, language))
