"""Retrieval over the merchant's knowledge: chunking, embedders, Chroma store, retriever.

Heavy modules (chromadb, models) are imported from their own submodules, e.g.
`from knowledge.store import KnowledgeStore`; this package root stays cheap to import.
"""

from knowledge.types import Chunk, ScoredChunk, SourceSummary, StoreStats, UpsertReport

__all__ = ["Chunk", "ScoredChunk", "SourceSummary", "StoreStats", "UpsertReport"]
