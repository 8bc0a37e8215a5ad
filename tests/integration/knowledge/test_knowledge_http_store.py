"""The scale-out path: KnowledgeStore over HttpClient against a real local Chroma server."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.ingest import ingest_corpus
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore
from tests.support.fixtures_knowledge import CountingEmbedder

pytestmark = pytest.mark.integration


def test_store_over_http_ingests_queries_and_deletes(chroma_server_url: str,
                                                     memo_use_embedder,
                                                     corpus_copy: Path) -> None:
    counting = CountingEmbedder(memo_use_embedder)
    store = KnowledgeStore(counting, url=chroma_server_url, collection="http-test")
    first = ingest_corpus(corpus_copy, store, counting)
    assert first.embedded == store.count() > 100

    counting.reset()
    assert ingest_corpus(corpus_copy, store, counting).embedded == 0
    assert counting.documents == []

    hits = Retriever(counting, store).search("240Hz 게이밍 모니터 응답속도는?", k=3)
    assert hits[0].chunk.product_id == "PP-156-FHD-240"
    assert 0.0 < hits[0].score <= 1.0

    faq_chunks = next(s.chunks for s in first.sources if s.source == "faq.md")
    assert store.delete_source("faq.md") == faq_chunks > 0
    assert "faq.md" not in {s.source for s in store.sources()}
    assert store.stats().location == chroma_server_url
