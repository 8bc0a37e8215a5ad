"""One contract for every Embedder, run against the real models; plus the
sentence-transformers path end to end with the packaged all-MiniLM-L6-v2 (offline)."""

from __future__ import annotations

import math
import shutil
import threading
from pathlib import Path

import pytest

from knowledge.embedders import Embedder
from knowledge.ingest import ingest_corpus
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore

pytestmark = pytest.mark.integration


@pytest.fixture(params=["e5_embedder", "use_embedder", "minilm_embedder"])
def embedder(request: pytest.FixtureRequest) -> Embedder:
    return request.getfixturevalue(request.param)


def norm(vector: list[float]) -> float:
    return math.sqrt(sum(x * x for x in vector))


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (norm(a) * norm(b))


def test_satisfies_the_protocol(embedder: Embedder) -> None:
    assert isinstance(embedder, Embedder)
    assert embedder.name and embedder.dimension > 0


def test_vectors_have_the_declared_dimension_and_unit_length(embedder: Embedder) -> None:
    docs = embedder.embed_documents(["A 240 Hz gaming monitor.", "Free shipping over 99 USD."])
    query = embedder.embed_query("fast monitor for games")
    assert [len(v) for v in docs] == [embedder.dimension] * 2
    assert len(query) == embedder.dimension
    for vector in [*docs, query]:
        assert all(isinstance(x, float) for x in vector)
        assert norm(vector) == pytest.approx(1.0, abs=1e-3)


def test_batching_does_not_change_vectors(embedder: Embedder) -> None:
    texts = [f"Portable monitor number {i} with USB-C." for i in range(40)]
    batched = embedder.embed_documents(texts)
    one_by_one = [embedder.embed_documents([t])[0] for t in texts[:3]]
    for a, b in zip(batched[:3], one_by_one, strict=True):
        assert cosine(a, b) == pytest.approx(1.0, abs=1e-4)


def test_empty_batch(embedder: Embedder) -> None:
    assert embedder.embed_documents([]) == []


def test_related_text_scores_higher(embedder: Embedder) -> None:
    query = embedder.embed_query("How long does delivery to Japan take?")
    related, unrelated = embedder.embed_documents(
        ["Shipping to Japan takes 5 to 9 days.", "The stylus has a fine disc tip."])
    assert cosine(query, related) > cosine(query, unrelated)


def test_concurrent_first_use_loads_once(minilm_model_dir: Path) -> None:
    from knowledge.embedders import SentenceTransformerEmbedder

    fresh = SentenceTransformerEmbedder(str(minilm_model_dir))
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(len(fresh.embed_query("hi"))))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [384, 384, 384]


def test_prefixes_reach_the_model(minilm_model_dir: Path, minilm_embedder) -> None:
    from knowledge.embedders import SentenceTransformerEmbedder

    prefixed = SentenceTransformerEmbedder(str(minilm_model_dir), query_prefix="query: ",
                                           document_prefix="passage: ")
    prefixed._model = minilm_embedder._model  # share the loaded weights
    assert prefixed.name != minilm_embedder.name
    plain_q = minilm_embedder.embed_query("cable")
    assert prefixed.embed_query("cable") == pytest.approx(
        minilm_embedder.embed_documents(["query: cable"])[0], abs=1e-5)
    assert cosine(prefixed.embed_query("cable"), plain_q) < 0.9999


def test_sentence_transformers_path_retrieves_an_english_question(
        minilm_embedder, demo_corpus_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"  # products and FAQ only: MiniLM on 2 CPU cores is slow
    corpus.mkdir()
    for name in ("products.yaml", "faq.md"):
        shutil.copy(demo_corpus_dir / name, corpus / name)
    store = KnowledgeStore(minilm_embedder, path=tmp_path / "chroma")
    report = ingest_corpus(corpus, store, minilm_embedder)
    assert report.embedded == store.count() > 50
    assert store.stats().dimension == 384
    hits = Retriever(minilm_embedder, store).search(
        "What is the response time of the 240 Hz gaming monitor?", k=3)
    assert hits[0].chunk.product_id == "PP-156-FHD-240", [h.chunk.title for h in hits]


def test_retriever_refuses_a_different_embedder(use_embedder, minilm_embedder,
                                                tmp_path: Path) -> None:
    store = KnowledgeStore(use_embedder, path=tmp_path / "c")
    with pytest.raises(ValueError, match="differs"):
        Retriever(minilm_embedder, store)
