"""Fact layer on the demo data: payment methods read from the shop's own passage, product facts cited by the chunk
that states them, and the product a question means found among the top retrieval hits by its title words."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.refunds import RefundPolicy
from app.services.chat.facts.catalog import CatalogSource
from app.services.chat.facts.layer import FactLayer, FactQuestion
from knowledge.corpus_loader import load_corpus
from knowledge.types import Chunk, ScoredChunk

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"


@pytest.fixture(scope="module")
def chunks() -> dict[str, Chunk]:
    return {chunk.id: chunk for file_chunks in load_corpus(CORPUS).values() for chunk in file_chunks}


@pytest.fixture
def layer() -> FactLayer:
    return FactLayer(CatalogSource(CORPUS))


def hits(chunks: dict[str, Chunk], *ids: str) -> list[ScoredChunk]:
    return [ScoredChunk(chunks[i], 0.9 - n / 100) for n, i in enumerate(ids)]


PAYMENT_FAQ = "faq.md#which-payment-methods-do-you-accept"


@pytest.mark.parametrize(("text", "language", "accepted", "refused"), [
    ("can i pay with paypal or only card?", "en", "We accept Visa, Mastercard, American Express, Discover, and PayPal.",
     None),
    ("vous acceptez paypal ou bitcoin ?", "fr", "Nous acceptons Visa", "Nous n’acceptons pas cryptomonnaies."),
    ("可以用paypal付款吗？支持支付宝吗", "zh", "PayPal", "我们不接受支付宝。"),
    ("se puede pagar con paypal o contra reembolso?", "es", "Aceptamos Visa", "No aceptamos contra reembolso."),
])
def test_payment_methods_come_from_the_shops_passage_in_the_buyers_language(
    layer: FactLayer, chunks: dict[str, Chunk], text: str, language: str, accepted: str, refused: str | None,
) -> None:
    answer = layer.answer(FactQuestion(text, language, RefundPolicy(), hits=hits(chunks, "policies/privacy.md#data-we-collect", PAYMENT_FAQ)))
    assert answer is not None and answer.kind == "payment", answer
    assert accepted.replace("’", "'") in answer.text.replace("’", "'")
    if refused:
        assert refused.replace("’", "'") in answer.text.replace("’", "'")
    else:
        assert "not" not in answer.text
    assert [c.chunk_id for c in answer.citations] == [PAYMENT_FAQ]


def test_a_payment_word_without_the_shops_payment_passage_is_not_answered(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    question = FactQuestion("do i pay extra for express?", "en", RefundPolicy(), hits=hits(chunks, "faq.md#how-do-i-place-an-order"))
    assert layer.answer(question) is None


def test_a_spec_is_cited_by_the_chunk_that_states_it(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    answer = layer.answer(FactQuestion("response time of PP-156-FHD-240?", "en", RefundPolicy()))
    assert answer is not None and "1 ms" in answer.text
    (citation,) = answer.citations
    assert citation.chunk_id in chunks and "1 ms" in chunks[citation.chunk_id].text


def test_the_product_is_found_among_the_top_hits_by_its_title_words(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    oled = next(cid for cid in chunks if cid.startswith("products.yaml#PP-156-4K-OLED"))
    protector = next(cid for cid in chunks if cid.startswith("products.yaml#PP-SP-156"))
    question = FactQuestion("cuanta garantia tiene el monitor oled?", "es", RefundPolicy(),
                            hits=hits(chunks, "policies/warranty.md#warranty-period", protector, oled))
    answer = layer.answer(question)
    assert answer is not None and "PP-156-4K-OLED" in answer.text and "24" in answer.text


def test_the_product_is_found_by_a_unique_title_word_when_no_hit_is_a_product(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    question = FactQuestion("wie lange garantie gibts auf den OLED?", "de", RefundPolicy(),
                            hits=hits(chunks, "policies/warranty.md#warranty-period"))
    answer = layer.answer(question)
    assert answer is not None and "PP-156-4K-OLED" in answer.text and "24 Monate" in answer.text


def test_the_fallback_summary_cites_the_chunk_that_states_its_price(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    compat = next(cid for cid in chunks if cid.startswith("products.yaml#PP-101-MINI") and "compatib" in cid)
    summary = layer.summary("这个10.1寸小屏能接树莓派吗", hits(chunks, compat), "zh")
    assert summary.sentences and "79.00" in summary.sentences[0]
    assert all(c.chunk_id in chunks for c in summary.citations)
    assert any("79.00" in chunks[c.chunk_id].text for c in summary.citations)


def test_a_product_question_that_mentions_paying_is_not_a_payment_question(layer: FactLayer, chunks: dict[str, Chunk]) -> None:
    question = FactQuestion("¿El monitor OLED 4K es compatible con HDR? Pagué con la tarjeta.", "es", RefundPolicy(),
                            hits=hits(chunks, PAYMENT_FAQ))
    answer = layer.answer(question)
    assert answer is None or answer.kind != "payment"
