"""Value types shared by the knowledge package: chunks, scored hits and reports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, get_args

ChunkKind = Literal["product", "faq", "policy", "shipping", "document"]
CHUNK_KINDS: tuple[str, ...] = get_args(ChunkKind)


def content_hash(text: str) -> str:
    """sha256 of exactly the text that gets embedded.

    The store records the embedder name next to it, so a changed text *or* a changed
    embedder both count as "changed" and trigger a re-embed.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Chunk:
    """One retrievable unit of merchant knowledge.

    `text` is what gets embedded and what the chat model is shown; `title` is the
    human citation label shown next to answers. `index_terms` are extra words embedded
    with the text but never shown (e.g. a country's name in the buyer languages, so
    "envío a España" finds the Spain row).
    """

    id: str
    text: str
    source: str  # path relative to the corpus root, POSIX separators, e.g. "policies/returns.md"
    title: str
    kind: ChunkKind
    product_id: str | None = None
    section: str | None = None
    language: str = "en"
    index_terms: str = ""
    # Derived from `text` (and `index_terms`), never passed in, so hash and text cannot drift apart
    # (dataclasses.replace(chunk, text=...) recomputes it).
    content_hash: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("Chunk.id must not be empty")
        if self.kind not in CHUNK_KINDS:
            raise ValueError(f"unknown chunk kind {self.kind!r}")
        object.__setattr__(self, "content_hash", content_hash(self.embedded_text))

    @property
    def embedded_text(self) -> str:
        """Exactly what the embedder sees."""
        return f"{self.text}\n{self.index_terms}" if self.index_terms else self.text


@dataclass(frozen=True, slots=True)
class ScoredChunk:
    """A retrieved chunk; `score` is cosine similarity (higher is better, at most 1)."""

    chunk: Chunk
    score: float


@dataclass(frozen=True, slots=True)
class UpsertReport:
    """What one write to the store did.

    `embedded` counts texts sent to the embedder; it can be below added + updated when
    only a chunk's labels (title, section…) changed and its vector was kept.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    embedded: int = 0

    def __add__(self, other: UpsertReport) -> UpsertReport:
        return UpsertReport(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            unchanged=self.unchanged + other.unchanged,
            removed=self.removed + other.removed,
            embedded=self.embedded + other.embedded,
        )


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """One source (file) as stored: how many chunks of which kinds."""

    source: str
    chunks: int
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoreStats:
    collection: str
    embedder: str
    dimension: int
    chunks: int
    sources: int
    by_kind: dict[str, int] = field(default_factory=dict)
    location: str = ""
