"""Question in, scored chunks out."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.embedders import Embedder
from knowledge.store import KnowledgeStore
from knowledge.types import ScoredChunk


class Retriever:
    """Embeds a question with the query side of the embedder and searches the store.

    The embedder must be the one the store was filled with (same `name`), otherwise the
    vectors live in different spaces and scores mean nothing.
    """

    def __init__(self, embedder: Embedder, store: KnowledgeStore) -> None:
        if embedder.name != store.embedder.name:
            raise ValueError(
                f"retriever embedder {embedder.name!r} differs from the store's "
                f"{store.embedder.name!r}")
        self.embedder = embedder
        self.store = store

    def search(
        self,
        query: str,
        k: int = 5,
        product_id: str | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[ScoredChunk]:
        if not query.strip():
            return []
        return self.store.query(self.embedder.embed_query(query), k=k,
                                product_id=product_id, kinds=kinds)
