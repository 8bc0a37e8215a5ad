"""KnowledgeStore + ingest on real Chroma (temp folders) with the real USE embedder."""

from __future__ import annotations

import re
from pathlib import Path

import chromadb
import pytest

from knowledge.corpus_loader import load_corpus
from knowledge.ingest import ingest_corpus
from knowledge.store import KnowledgeStore, collection_name
from tests.support.fixtures_knowledge import CountingEmbedder

pytestmark = pytest.mark.integration


@pytest.fixture
def counting(memo_use_embedder) -> CountingEmbedder:
    """Counts what the store asks to embed; underneath is the real USE model."""
    return CountingEmbedder(memo_use_embedder)


@pytest.fixture
def ingested(corpus_copy: Path, counting: CountingEmbedder, tmp_path: Path):
    store = KnowledgeStore(counting, path=tmp_path / "chroma")
    first = ingest_corpus(corpus_copy, store, counting)
    counting.reset()
    return store, first


def set_price(corpus: Path, product_id: str, price: str) -> None:
    path = corpus / "products.yaml"
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf'(- id: {re.escape(product_id)}\n(?:.*\n)*?\s+price: )"[^"]*"')
    new, n = pattern.subn(rf'\g<1>"{price}"', text, count=1)
    assert n == 1, f"price of {product_id} not found"
    path.write_text(new, encoding="utf-8")


def test_first_ingest_embeds_every_chunk(ingested, corpus_copy: Path) -> None:
    store, report = ingested
    expected = sum(len(c) for c in load_corpus(corpus_copy).values())
    assert report.total.added == report.embedded == store.count() == expected
    assert {s.source for s in report.sources} == {s.source for s in store.sources()}


def test_reingesting_unchanged_knowledge_embeds_nothing(ingested, corpus_copy: Path,
                                                        counting: CountingEmbedder) -> None:
    store, first = ingested
    again = ingest_corpus(corpus_copy, store, counting)
    assert counting.documents == []
    assert again.embedded == 0
    assert again.total.unchanged == first.total.added
    assert store.count() == first.total.added


def test_reopened_store_remembers_what_it_embedded(ingested, corpus_copy: Path,
                                                   counting: CountingEmbedder,
                                                   tmp_path: Path) -> None:
    store, first = ingested
    reopened = KnowledgeStore(counting, path=tmp_path / "chroma")
    assert reopened.count() == first.total.added
    assert ingest_corpus(corpus_copy, reopened, counting).embedded == 0
    assert counting.documents == []


def test_price_change_reembeds_only_that_products_chunk(ingested, corpus_copy: Path,
                                                        counting: CountingEmbedder) -> None:
    store, _ = ingested
    set_price(corpus_copy, "PP-156-FHD-240", "149.00")
    report = ingest_corpus(corpus_copy, store, counting)
    assert report.embedded == 1 and report.total.updated == 1
    [text] = counting.documents
    assert text.startswith("PixelPort Arena 15.6")
    assert "Price: 149.00 USD" in text
    hits = store.get("products.yaml#PP-156-FHD-240/overview")
    assert hits is not None and "Price: 149.00 USD" in hits.text


def test_sync_source_drops_chunks_that_left_the_file(ingested, corpus_copy: Path,
                                                     counting: CountingEmbedder) -> None:
    store, _ = ingested
    faq = corpus_copy / "faq.md"
    text = faq.read_text(encoding="utf-8")
    start = text.index("## Which payment methods do you accept?")
    end = text.index("## ", start + 3)
    faq.write_text(text[:start] + text[end:], encoding="utf-8")
    before = store.count()
    report = ingest_corpus(corpus_copy, store, counting)
    assert report.total.removed == 1 and report.embedded == 0
    assert store.count() == before - 1
    assert store.get("faq.md#which-payment-methods-do-you-accept") is None


def test_delete_source_removes_its_chunks(ingested) -> None:
    store, _ = ingested
    before = {s.source: s.chunks for s in store.sources()}
    removed = store.delete_source("shipping.csv")
    assert removed == before["shipping.csv"] > 0
    assert "shipping.csv" not in {s.source for s in store.sources()}
    assert store.count() == sum(before.values()) - removed
    assert store.delete_source("shipping.csv") == 0


def test_prune_removes_sources_whose_file_is_gone(ingested, corpus_copy: Path,
                                                  counting: CountingEmbedder) -> None:
    store, _ = ingested
    (corpus_copy / "policies" / "privacy.md").unlink()
    kept = ingest_corpus(corpus_copy, store, counting)  # prune is opt-in
    assert kept.pruned == () and "policies/privacy.md" in {s.source for s in store.sources()}
    pruned = ingest_corpus(corpus_copy, store, counting, prune=True)
    assert pruned.pruned == ("policies/privacy.md",) and pruned.pruned_chunks > 0
    assert "policies/privacy.md" not in {s.source for s in store.sources()}


def test_label_only_change_updates_without_embedding(ingested, corpus_copy: Path,
                                                     counting: CountingEmbedder) -> None:
    from dataclasses import replace

    store, _ = ingested
    chunks = load_corpus(corpus_copy)["shipping.csv"]
    relabelled = [replace(c, title=c.title.upper()) if c.section == "KR" else c
                  for c in chunks]
    report = store.sync_source("shipping.csv", relabelled)
    assert (report.updated, report.embedded, report.unchanged) == (1, 0, len(chunks) - 1)
    assert counting.documents == []
    stored = store.get("shipping.csv#kr")
    assert stored is not None and stored.title == "SHIPPING TO SOUTH KOREA"


def test_switching_embedder_uses_a_fresh_collection(ingested, memo_use_embedder,
                                                    tmp_path: Path) -> None:
    store, first = ingested

    class Renamed(CountingEmbedder):
        @property
        def name(self) -> str:
            return "use-multilingual-v3+other"

    other = Renamed(memo_use_embedder)
    switched = KnowledgeStore(other, path=tmp_path / "chroma")
    assert switched.collection_name != store.collection_name
    assert switched.count() == 0
    assert store.count() == first.total.added


def test_product_and_kind_filters(ingested, use_embedder) -> None:
    store, _ = ingested
    vector = use_embedder.embed_query("Does it work with the Nintendo Switch?")
    only_mini = store.query(vector, k=10, product_id="PP-101-MINI")
    assert only_mini and {h.chunk.product_id for h in only_mini} == {"PP-101-MINI"}
    faqs = store.query(vector, k=5, kinds=["faq"])
    assert faqs and {h.chunk.kind for h in faqs} == {"faq"}
    assert faqs[0].chunk.title == "FAQ: Does it work with the Nintendo Switch?"
    both = store.query(vector, k=5, product_id="PP-101-MINI", kinds=["faq"])
    assert both == []
    with pytest.raises(ValueError, match="unknown chunk kinds"):
        store.query(vector, kinds=["blog"])


def test_scores_are_cosine_similarities(ingested, use_embedder) -> None:
    store, _ = ingested
    chunk = store.get("shipping.csv#kr")
    assert chunk is not None
    [vector] = use_embedder.embed_documents([chunk.embedded_text])  # the row plus its country names
    hits = store.query(vector, k=5)
    assert hits[0].chunk.id == "shipping.csv#kr"
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert all(-1.0 <= h.score <= 1.0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].chunk.content_hash == chunk.content_hash


def test_stats_and_sources(ingested) -> None:
    store, first = ingested
    stats = store.stats()
    assert stats.chunks == first.total.added and stats.dimension == 512
    assert stats.embedder == "use-multilingual-v3"
    assert set(stats.by_kind) == {"product", "faq", "policy", "shipping"}
    summary = {s.source: s for s in store.sources()}
    assert summary["products.yaml"].kinds == ("product",)


def test_progress_reaches_one(corpus_copy: Path, memo_use_embedder, tmp_path: Path) -> None:
    seen: list[float] = []
    store = KnowledgeStore(memo_use_embedder, path=tmp_path / "p")
    ingest_corpus(corpus_copy, store, memo_use_embedder,
                  progress=lambda f, _m: seen.append(f))
    assert seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= f <= 1.0 for f in seen)


def test_refuses_a_collection_that_is_not_cosine(use_embedder, tmp_path: Path) -> None:
    client = chromadb.PersistentClient(path=str(tmp_path / "l2"))
    client.create_collection(collection_name("knowledge", use_embedder.name),
                             configuration={"hnsw": {"space": "l2"}}, embedding_function=None)
    with pytest.raises(ValueError, match="cosine"):
        KnowledgeStore(use_embedder, client=client)
