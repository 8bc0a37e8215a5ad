"""Which store answer (if any) a buyer question asks for: the embedder's cosine, compared like with like.

Raw cosine is not a usable signal across languages: with multilingual-e5 a Turkish paraphrase of "Can I pick up
my order at your warehouse?" scores 0.80 against it while the unrelated English "Can I return a gift?" scores 0.91
against "Do you offer gift wrapping?". So, as in knowledge/relevance.py, the question vector is compared with each
stored question AND with a fixed set of generic shop questions; a stored question matches when it beats the best
generic one by at least `margin`. Language and length shift both scores together and cancel out. A generic
question that is closer to the stored question than the buyer's question is (the merchant stored one of them,
e.g. "Where is my order?") is not counted against it.

Cosine cannot tell "shipping time to Spain" from "shipping time to Brazil": a stored question is also used only
when both name the same countries, products and codes (store_answer_entities).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from app.domain.store_answers import StoreAnswer, StoreAnswerMatch
from app.services.chat.store_answer_entities import NamedEntities
from knowledge.embedders import Embedder

log = logging.getLogger(__name__)

# Questions every shop gets; none names a product, a place or a policy number, so nothing store-specific.
GENERIC_QUESTIONS: tuple[str, ...] = (
    "Where is my order?", "How long does shipping take?", "How much does shipping cost?", "Can I return an item?",
    "How do I get a refund?", "What payment methods do you accept?", "Is this product in stock?",
    "What is the warranty?", "Can I change my order?", "How can I contact you?", "Which countries do you ship to?",
    "What are your opening hours?", "Do you have a discount code?", "What size should I choose?",
    "Is the price including VAT?", "Can I cancel my order?", "Can I change my delivery address?",
    "Is this product compatible with my device?", "Do you offer gift wrapping?", "Can I pick up my order in person?",
    "Do you have a physical shop?", "Can I get an invoice for my company?", "Do you offer bulk discounts?",
    "How do I track my parcel?", "My item arrived damaged.", "Can I pay in instalments?", "Do you sell gift cards?",
    "When will this product be back in stock?", "Do you price match?", "Is express delivery available?",
    "How do I create an account?", "I forgot my password.", "Do you have a newsletter?", "Is my payment secure?",
    "What is this product made of?", "How do I use this product?", "Can I order by phone?",
    "Do you ship to a P.O. box?", "Who pays for return shipping?", "How long does a refund take?",
    "What is the weather today?", "Tell me a joke.", "Can you recommend a restaurant?",
)  # fmt: skip


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))  # vectors are L2-normalised: dot = cosine


class StoreAnswerMatcher:
    """Thread-safe; caches one vector per stored question version (id, updated_at) and the generic questions'."""

    def __init__(
        self, embedder: Embedder, margin: float, entities: Callable[[str], NamedEntities] | None = None
    ) -> None:
        self._embedder = embedder
        self._margin = margin
        # None: cosine only (no entity check).
        self._entities = entities
        self._lock = threading.Lock()
        self._generic: list[list[float]] | None = None
        # Per generic question: its similarity to the nearest other generic question.
        self._generic_nearest: list[float] = []
        self._vectors: dict[tuple[int, datetime], list[float]] = {}

    def _generic_vectors(self) -> list[list[float]]:
        with self._lock:
            if self._generic is None:
                vectors = [self._embedder.embed_query(q) for q in GENERIC_QUESTIONS]
                self._generic_nearest = [
                    max(_dot(v, w) for j, w in enumerate(vectors) if j != i) for i, v in enumerate(vectors)
                ]
                self._generic = vectors
            return self._generic

    def _vector(self, answer: StoreAnswer) -> list[float]:
        key = (answer.id, answer.updated_at)
        with self._lock:
            vector = self._vectors.get(key)
        if vector is None:
            # Both sides through embed_query: question against question is e5's symmetric use.
            vector = self._embedder.embed_query(answer.question)
            with self._lock:
                self._vectors = {k: v for k, v in self._vectors.items() if k[0] != answer.id}
                self._vectors[key] = vector
        return vector

    def best(self, question: str, answers: Sequence[StoreAnswer]) -> StoreAnswerMatch | None:
        if not answers or not question.strip():
            return None
        query = self._embedder.embed_query(question)
        generic = self._generic_vectors()
        generic_scores = [_dot(query, g) for g in generic]
        best: StoreAnswerMatch | None = None
        asked = self._entities(question) if self._entities is not None else None
        for answer in answers:
            vector = self._vector(answer)
            similarity = _dot(query, vector)
            rivals = [
                score for score, g, nearest in zip(generic_scores, generic, self._generic_nearest, strict=True)
                if _dot(vector, g) <= nearest
            ]
            margin = similarity - max(rivals, default=-1.0)
            if margin < self._margin or (best is not None and margin <= best.margin):
                continue
            if asked is not None and self._entities is not None:
                differ = self._entities(answer.question).differences(asked)
                if differ:
                    log.info("store answer #%s not used: the questions name different %s", answer.id, ", ".join(differ))
                    continue
            best = StoreAnswerMatch(answer=answer, similarity=round(similarity, 4), margin=round(margin, 4))
        return best
