"""Is a question about this store at all? An off-topic gate that does not trust raw cosine.

Embedders such as multilingual-e5 are not calibrated: an off-topic question ("weather in
Berlin tomorrow?") scores about as high against a shop's chunks as an on-topic one, and
the level shifts with the question's language and length. So the gate compares like with
like: the same query vector against the store's chunks and against a fixed set of generic
off-topic anchor passages (weather, recipes, sports, other product categories…). A
question is on topic when its best chunk beats its best anchor by at least `margin`.
Language, length and embedder quirks shift both scores together and cancel out.

The anchors live in their own collection (embedded once, kept with the index), never
among the merchant's chunks, so they can never be cited.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.store import KnowledgeStore
from knowledge.types import Chunk, ScoredChunk

ANCHORS_FILE = Path(__file__).resolve().parent / "data" / "offtopic_anchors.txt"
ANCHOR_SOURCE = "offtopic-anchors"
# How many anchors are compared: the best one decides, a few more cost nothing.
ANCHOR_K = 3


def load_anchor_texts(path: Path = ANCHORS_FILE) -> list[str]:
    """Non-empty, non-comment lines of the anchors file."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def anchor_chunks(texts: Sequence[str]) -> list[Chunk]:
    return [Chunk(id=f"{ANCHOR_SOURCE}#{i}", text=text, source=ANCHOR_SOURCE, title="off-topic anchor",
                  kind="document") for i, text in enumerate(texts)]


@dataclass(frozen=True, slots=True)
class RelevanceVerdict:
    """`best`: the best chunk's score; `anchor`: the best off-topic anchor's score."""

    on_topic: bool
    best: float
    anchor: float

    @property
    def margin(self) -> float:
        return self.best - self.anchor


class OffTopicGate:
    """Judges a query vector against the store's best hits and the off-topic anchors.

    `anchors` is a KnowledgeStore of its own (same embedder as the chunks, another
    collection); `ensure_anchors()` embeds what is missing and is cheap when done.
    """

    def __init__(self, anchors: KnowledgeStore, *, margin: float,
                 texts: Sequence[str] | None = None) -> None:
        self._anchors = anchors
        self.margin = margin
        self._texts = list(texts) if texts is not None else load_anchor_texts()
        if not self._texts:
            raise ValueError("the off-topic gate needs at least one anchor text")
        self._ready = False
        self._lock = threading.Lock()

    @property
    def embedder_name(self) -> str:
        return self._anchors.embedder.name

    def ensure_anchors(self) -> None:
        if self._ready:
            return
        with self._lock:
            if not self._ready:
                self._anchors.sync_source(ANCHOR_SOURCE, anchor_chunks(self._texts))
                self._ready = True

    def judge(self, query_vector: Sequence[float], hits: Sequence[ScoredChunk]) -> RelevanceVerdict:
        self.ensure_anchors()
        best = max((hit.score for hit in hits), default=-1.0)
        anchors = self._anchors.query(query_vector, k=min(ANCHOR_K, len(self._texts)))
        anchor = max((hit.score for hit in anchors), default=-1.0)
        return RelevanceVerdict(on_topic=bool(hits) and best - anchor >= self.margin,
                                best=best, anchor=anchor)
