"""Question in, scored chunks out (and, with an off-topic gate, whether to answer at all)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.embedders import Embedder
from knowledge.relevance import OffTopicGate, RelevanceVerdict
from knowledge.store import KnowledgeStore
from knowledge.types import ScoredChunk


@dataclass(frozen=True, slots=True)
class Lookup:
    """Hits best first; `verdict` is None when the retriever has no off-topic gate."""

    hits: list[ScoredChunk]
    verdict: RelevanceVerdict | None


class Retriever:
    """Embeds a question with the query side of the embedder and searches the store.

    The embedder must be the one the store was filled with (same `name`), otherwise the
    vectors live in different spaces and scores mean nothing.
    """

    def __init__(self, embedder: Embedder, store: KnowledgeStore,
                 gate: OffTopicGate | None = None, prepare: Callable[[str], str] | None = None) -> None:
        for other in (store.embedder.name, gate.embedder_name if gate else embedder.name):
            if embedder.name != other:
                raise ValueError(
                    f"retriever embedder {embedder.name!r} differs from the store's {other!r}")
        self.embedder = embedder
        self.store = store
        self.gate = gate
        # What of a query is embedded (the app drops order numbers, greetings, planted instructions): the caller
        # keeps the full text for everything else.
        self._prepare = prepare

    def search(
        self,
        query: str,
        k: int = 5,
        product_id: str | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[ScoredChunk]:
        return self.lookup(query, k, product_id, kinds, judge=False).hits

    def lookup(
        self,
        query: str,
        k: int = 5,
        product_id: str | None = None,
        kinds: Sequence[str] | None = None,
        *,
        judge: bool = True,
    ) -> Lookup:
        """The hits and, when there is a gate, its verdict on the same query vector."""
        if self._prepare is not None:
            query = self._prepare(query)
        if not query.strip():
            return Lookup([], None)
        vector = self.embedder.embed_query(query)
        hits = self.store.query(vector, k=k, product_id=product_id, kinds=kinds)
        verdict = self.gate.judge(vector, hits) if judge and self.gate is not None else None
        return Lookup(hits, verdict)
