"""Chroma-backed chunk store. Embeddings come from our embedder, never from Chroma's."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlparse

from knowledge.chunking import slugify
from knowledge.embedders import Embedder
from knowledge.types import (
    CHUNK_KINDS,
    Chunk,
    ChunkKind,
    ScoredChunk,
    SourceSummary,
    StoreStats,
    UpsertReport,
)

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

# Progress of an embed-and-write pass: (chunks written so far, chunks to write).
UpsertProgress = Callable[[int, int], None]

# Texts handed to the embedder at once: big enough to batch well, small enough that a
# progress bar moves and memory stays flat.
EMBED_BATCH = 256
# Page size for metadata scans (sources(), stats(), sync).
SCAN_PAGE = 5000


def open_client(
    *, path: str | Path | None = None, url: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> ClientAPI:
    """HttpClient for a Chroma server URL (scale-out), else PersistentClient at `path`,
    else an in-memory client. Telemetry is off: these machines may have no internet."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise ValueError(f"not a Chroma server URL: {url!r}")
        ssl = parsed.scheme == "https"
        port = parsed.port or (443 if ssl else 8000)
        return chromadb.HttpClient(host=parsed.hostname, port=port, ssl=ssl,
                                   headers=dict(headers or {}), settings=settings)
    if path is not None:
        Path(path).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    return chromadb.EphemeralClient(settings=settings)


def collection_name(base: str, embedder_name: str) -> str:
    """One collection per embedder: vectors of different models (or dimensions) never
    mix, and switching models re-embeds into a fresh collection."""
    digest = hashlib.sha256(embedder_name.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{slugify(embedder_name, max_len=40)}-{digest}"


def _metadata(chunk: Chunk, embedder_name: str) -> dict[str, str | int | float | bool]:
    # Chroma metadata values cannot be None: "" stands for "none".
    return {
        "source": chunk.source,
        "title": chunk.title,
        "kind": chunk.kind,
        "product_id": chunk.product_id or "",
        "section": chunk.section or "",
        "language": chunk.language,
        "index_terms": chunk.index_terms,
        "content_hash": chunk.content_hash,
        "embedder": embedder_name,
    }


def _chunk_from_record(chunk_id: str, text: str | None, meta: Mapping[str, Any]) -> Chunk:
    return Chunk(
        id=chunk_id,
        text=text or "",
        source=str(meta.get("source", "")),
        title=str(meta.get("title", "")),
        kind=cast(ChunkKind, meta.get("kind", "document")),
        product_id=str(meta.get("product_id") or "") or None,
        section=str(meta.get("section") or "") or None,
        language=str(meta.get("language") or "en"),
        index_terms=str(meta.get("index_terms") or ""),
    )


def _where(product_id: str | None, kinds: Sequence[str] | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if product_id:
        clauses.append({"product_id": product_id})
    if kinds:
        unknown = set(kinds) - set(CHUNK_KINDS)
        if unknown:
            raise ValueError(f"unknown chunk kinds {sorted(unknown)}")
        clauses.append({"kind": {"$in": list(kinds)}})
    if not clauses:
        return None
    # Chroma's $and needs at least two operands.
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class KnowledgeStore:
    """Chunks + vectors in one Chroma collection (cosine space).

    Give exactly one of `client`, `url` (Chroma server) or `path` (local folder); none
    gives an in-memory store. `embedder` embeds whatever `upsert_chunks` finds new or
    changed; queries arrive already embedded (see `Retriever`).
    """

    def __init__(
        self,
        embedder: Embedder,
        *,
        path: str | Path | None = None,
        url: str | None = None,
        client: ClientAPI | None = None,
        collection: str = "knowledge",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if sum(x is not None for x in (path, url, client)) > 1:
            raise ValueError("give at most one of path, url, client")
        self.embedder = embedder
        self._location = url or (str(path) if path is not None else "memory")
        self._client = client if client is not None else open_client(
            path=path, url=url, headers=headers)
        self.collection_name = collection_name(collection, embedder.name)
        self.collection: Collection = self._client.get_or_create_collection(
            self.collection_name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": embedder.name},
            embedding_function=None,
        )
        space = (self.collection.configuration.get("hnsw") or {}).get("space")
        if space not in (None, "cosine"):
            # get_or_create keeps an existing collection's space silently; scores would lie.
            raise ValueError(f"collection {self.collection_name!r} uses {space!r}, not cosine")

    @property
    def client(self) -> ClientAPI:
        """The Chroma client, for a companion collection in the same place."""
        return self._client

    # --- writes ----------------------------------------------------------------------

    def upsert_chunks(
        self, chunks: Sequence[Chunk], progress: UpsertProgress | None = None
    ) -> UpsertReport:
        """Write chunks; embeds only those whose text (or embedder) changed since stored."""
        by_id: dict[str, Chunk] = {}
        for chunk in chunks:
            if chunk.id in by_id:
                raise ValueError(f"duplicate chunk id {chunk.id!r}")
            by_id[chunk.id] = chunk
        stored = self._stored_metadata(list(by_id))

        to_embed: list[Chunk] = []
        relabel: list[Chunk] = []
        added = updated = unchanged = 0
        for chunk in by_id.values():
            old = stored.get(chunk.id)
            new_meta = _metadata(chunk, self.embedder.name)
            if old is None:
                added += 1
                to_embed.append(chunk)
            elif (old.get("content_hash"), old.get("embedder")) != (
                    chunk.content_hash, self.embedder.name):
                updated += 1
                to_embed.append(chunk)
            elif dict(old) != new_meta:
                updated += 1
                relabel.append(chunk)  # same text and model: new labels, same vector
            else:
                unchanged += 1

        self._embed_and_write(to_embed, progress)
        for batch in _batches(relabel, self._max_batch()):
            # Metadata only: passing documents would make Chroma want to re-embed them.
            self.collection.update(ids=[c.id for c in batch],
                                   metadatas=[_metadata(c, self.embedder.name) for c in batch])
        return UpsertReport(added=added, updated=updated, unchanged=unchanged,
                            embedded=len(to_embed))

    def sync_source(
        self, source: str, chunks: Sequence[Chunk], progress: UpsertProgress | None = None
    ) -> UpsertReport:
        """Make the store hold exactly `chunks` for `source`: upsert, then drop leftovers."""
        stray = [c.id for c in chunks if c.source != source]
        if stray:
            raise ValueError(f"chunks {stray[:3]} do not belong to source {source!r}")
        report = self.upsert_chunks(chunks, progress)
        keep = {c.id for c in chunks}
        gone = [i for i in self._ids_of_source(source) if i not in keep]
        self._delete_ids(gone)
        return report + UpsertReport(removed=len(gone))

    def delete_source(self, source: str) -> int:
        ids = self._ids_of_source(source)
        self._delete_ids(ids)
        return len(ids)

    def _embed_and_write(self, chunks: list[Chunk], progress: UpsertProgress | None) -> None:
        total = len(chunks)
        if progress:
            progress(0, total)
        step = max(1, min(EMBED_BATCH, self._max_batch()))
        done = 0
        for batch in _batches(chunks, step):
            vectors: list[Sequence[float]] = list(
                self.embedder.embed_documents([c.embedded_text for c in batch]))
            self.collection.upsert(
                ids=[c.id for c in batch],
                embeddings=vectors,
                metadatas=[_metadata(c, self.embedder.name) for c in batch],
                documents=[c.text for c in batch],
            )
            done += len(batch)
            if progress:
                progress(done, total)

    def _delete_ids(self, ids: list[str]) -> None:
        for batch in _batches(ids, self._max_batch()):
            self.collection.delete(ids=batch)

    # --- reads -----------------------------------------------------------------------

    def query(
        self,
        embedding: Sequence[float],
        k: int = 5,
        product_id: str | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[ScoredChunk]:
        """Nearest chunks, best first; score = cosine similarity = 1 - cosine distance."""
        if k < 1:
            raise ValueError("k must be >= 1")
        vectors: list[Sequence[float]] = [list(embedding)]
        result = self.collection.query(
            query_embeddings=vectors,
            n_results=k,
            where=_where(product_id, kinds),
            include=["metadatas", "documents", "distances"],
        )
        ids = result["ids"][0]
        docs = (result.get("documents") or [[]])[0]
        metas = (result.get("metadatas") or [[]])[0]
        dists = (result.get("distances") or [[]])[0]
        return [
            ScoredChunk(chunk=_chunk_from_record(i, d, m or {}), score=_cosine_from_distance(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]

    def get(self, chunk_id: str) -> Chunk | None:
        result = self.collection.get(ids=[chunk_id], include=["metadatas", "documents"])
        if not result["ids"]:
            return None
        docs = result.get("documents") or []
        metas = result.get("metadatas") or []
        return _chunk_from_record(result["ids"][0], docs[0] if docs else None,
                                  (metas[0] if metas else None) or {})

    def count(self) -> int:
        return self.collection.count()

    def sources(self) -> list[SourceSummary]:
        counts: dict[str, int] = {}
        kinds: dict[str, set[str]] = {}
        for meta in self._scan_metadata():
            source = str(meta.get("source", ""))
            counts[source] = counts.get(source, 0) + 1
            kinds.setdefault(source, set()).add(str(meta.get("kind", "")))
        return [SourceSummary(source=s, chunks=counts[s], kinds=tuple(sorted(kinds[s])))
                for s in sorted(counts)]

    def stats(self) -> StoreStats:
        by_kind: dict[str, int] = {}
        sources: set[str] = set()
        total = 0
        for meta in self._scan_metadata():
            total += 1
            kind = str(meta.get("kind", ""))
            by_kind[kind] = by_kind.get(kind, 0) + 1
            sources.add(str(meta.get("source", "")))
        return StoreStats(
            collection=self.collection_name, embedder=self.embedder.name,
            dimension=self.embedder.dimension, chunks=total, sources=len(sources),
            by_kind=dict(sorted(by_kind.items())), location=self._location,
        )

    # --- helpers ---------------------------------------------------------------------

    @cached_property
    def _max_batch_size(self) -> int:
        # Asked once: over HTTP it is a round trip to the server.
        try:
            return max(1, int(self._client.get_max_batch_size()))
        except Exception:  # noqa: BLE001 - older servers lack the endpoint; be conservative
            return 1000

    def _max_batch(self) -> int:
        return self._max_batch_size

    def _stored_metadata(self, ids: list[str]) -> dict[str, Mapping[str, Any]]:
        found: dict[str, Mapping[str, Any]] = {}
        for batch in _batches(ids, self._max_batch()):
            result = self.collection.get(ids=batch, include=["metadatas"])
            metas = result.get("metadatas") or []
            found.update({i: (m or {}) for i, m in zip(result["ids"], metas, strict=True)})
        return found

    def _ids_of_source(self, source: str) -> list[str]:
        result = self.collection.get(where={"source": source}, include=[])
        return list(result["ids"])

    def _scan_metadata(self) -> Iterator[Mapping[str, Any]]:
        offset = 0
        while True:
            page = self.collection.get(include=["metadatas"], limit=SCAN_PAGE, offset=offset)
            metas = page.get("metadatas") or []
            yield from (m or {} for m in metas)
            if len(page["ids"]) < SCAN_PAGE:
                return
            offset += SCAN_PAGE


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _cosine_from_distance(distance: float) -> float:
    """Chroma's cosine distance is 1 - cos in float32; rounding can leave it a hair
    outside [0, 2], so the similarity is clamped back into [-1, 1]."""
    return max(-1.0, min(1.0, 1.0 - float(distance)))
