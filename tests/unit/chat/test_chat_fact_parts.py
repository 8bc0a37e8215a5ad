"""The fact layer's parts on the demo data: destinations in every script, exact values, localized templates."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.refunds import RefundPolicy
from app.services.chat import intents
from app.services.chat.facts import templates as t
from app.services.chat.facts.catalog import CatalogSource
from app.services.chat.facts.destinations import find_destination
from app.services.chat.facts.layer import FactLayer, FactQuestion

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"

DESTINATIONS = [
    ("How long to ship to Brazil?", "BR"), ("shipping to germany pls", "DE"), ("¿Envían a España?", "ES"),
    ("livraison en Allemagne", "DE"), ("Versand in die Schweiz", "CH"), ("spedizione in Italia", "IT"),
    ("frete para o Brasil", "BR"), ("verzending naar Nederland", "NL"), ("wysyłka do Hiszpanii", "ES"),
    ("wysyłka do Niemiec", "DE"), ("доставка в Германию", "DE"), ("доставка в Южную Корею", "KR"),
    ("Almanya'ya kargo", "DE"), ("Türkiye'ye kargo ne kadar", "TR"), ("كم يستغرق الشحن للبرازيل", "BR"),
    ("الشحن إلى ألمانيا", "DE"), ("ブラジルまで何日", "BR"), ("한국으로 배송", "KR"), ("독일로 배송 얼마", "DE"),
    ("运到美国要多久", "US"), ("ship to the UK?", "GB"), ("do you ship to DE?", "DE"), ("ship to USA", "US"),
    ("Indonesia shipping", "ID"), ("envío a Mexico", "MX"),
]


@pytest.mark.parametrize(("text", "code"), DESTINATIONS)
def test_a_destination_is_found_in_the_buyers_words(text: str, code: str) -> None:
    found = find_destination(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize("text", ["is it in stock", "my children love it", "it works in de browser", "samochód",
                                  "Can I use it on 110 V?", "PP-156-FHD price", "NO SIGNAL ON MY TV"])
def test_ordinary_words_and_codes_in_lowercase_are_not_countries(text: str) -> None:
    assert find_destination(text) is None


def test_every_template_exists_in_every_language_with_the_same_placeholders() -> None:
    for key, sentences in t.T.items():
        assert set(sentences) == set(t.LANGUAGES), key
        fields = set(re.findall(r"{(\w+)}", sentences["en"]))
        for language, sentence in sentences.items():
            assert set(re.findall(r"{(\w+)}", sentence)) == fields, (key, language)
    for name, labels in t.LABELS.items():
        assert set(labels) == set(t.LANGUAGES), name


def test_money_and_day_ranges_follow_the_buyers_locale() -> None:
    assert t.money(Decimal("12.00"), "USD", "de") == "12,00\xa0$"
    assert t.money(Decimal("12.00"), "USD", "en") == "$12.00"
    assert t.days(8, 14, "fr") == "8 à 14 jours"
    assert t.days(4, 7, "ja") == "4～7日"


@pytest.fixture
def layer() -> FactLayer:
    return FactLayer(CatalogSource(CORPUS))


def ask(layer: FactLayer, text: str, language: str = "en", policy: RefundPolicy | None = None):
    return layer.answer(FactQuestion(text, language, policy or RefundPolicy()))


def test_shipping_answer_states_the_rows_values_and_duties(layer: FactLayer) -> None:
    answer = ask(layer, "How long does shipping to Brazil take?")
    assert answer is not None and answer.kind == "shipping"
    assert "15–30 days" in answer.text and "Cainiao" in answer.text and "$18.00" in answer.text
    assert "DAP" in answer.text and "no free shipping" in answer.text
    assert [c.chunk_id for c in answer.citations] == ["shipping.csv#br"]
    german = ask(layer, "Wie lange dauert der Versand nach Deutschland?", "de")
    assert german is not None and "7–12 Tage" in german.text and "11,00\xa0$" in german.text and "DDP" in german.text


def test_a_country_not_served_lists_the_served_ones_in_the_buyers_language(layer: FactLayer) -> None:
    answer = ask(layer, "Wie lange dauert der Versand nach Österreich?", "de")
    assert answer is not None and answer.kind == "shipping_not_served"
    assert "Österreich" in answer.text and "Brasilien" in answer.text and answer.citations == []


def test_shipping_without_a_country_asks_for_it_or_uses_the_order_country(layer: FactLayer) -> None:
    assert ask(layer, "how long is shipping?").kind == "shipping_ask"  # type: ignore[union-attr]
    known = layer.answer(FactQuestion("how long is shipping?", "en", RefundPolicy(), order_country="JP"))
    assert known is not None and "Japan" in known.text and "5–9 days" in known.text


def test_a_new_row_in_the_shipping_table_is_answered_without_a_restart(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    layer = FactLayer(CatalogSource(corpus))
    assert ask(layer, "shipping to Austria?").kind == "shipping_not_served"  # type: ignore[union-attr]
    with (corpus / "shipping.csv").open("a", encoding="utf-8") as table:
        table.write("AT,Austria,Post AT,Austrian Post (DDP),5,8,13.50,USD,150.00,35.00\n")
    answer = ask(layer, "shipping to Austria?")
    assert answer is not None and "5–8 days" in answer.text and "$13.50" in answer.text and "$150.00" in answer.text


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("What is the response time of the PP-156-FHD-240?", "en", "1 ms (MPRT)"),
    ("Was kostet der PP-156-4K-OLED?", "de", "299,00\xa0$"),
    ("PP-133-FHDの重さは？", "ja", "0.58 kg"),
    ("Есть ли в наличии PP-CHG-65W?", "ru", "в наличии"),
    ("Does the Arena have a 240 Hz refresh rate?", "en", "240 Hz"),
    ("PP-156-FHD garanti süresi ne kadar?", "tr", "18 ay"),
])  # fmt: skip
def test_a_product_attribute_is_answered_with_the_exact_value(layer: FactLayer, question, language, expected) -> None:
    answer = ask(layer, question, language)
    assert answer is not None and answer.kind == "product" and expected in answer.text


def test_an_unknown_product_code_is_said_to_be_unknown(layer: FactLayer) -> None:
    answer = ask(layer, "What is the price of the XZ-999?")
    assert answer is not None and answer.kind == "product_not_found" and "XZ-999" not in answer.text


def test_policy_numbers_come_from_the_policy_object(layer: FactLayer) -> None:
    assert "30 days" in ask(layer, "How many days do I have to return an item?").text  # type: ignore[union-attr]
    changed = ask(layer, "How many days do I have to return an item?", policy=RefundPolicy(return_window_days=45))
    assert changed is not None and "45 days" in changed.text
    refund = ask(layer, "How long does the refund take?", policy=RefundPolicy(refund_business_days=3))
    assert refund is not None and "3 business days" in refund.text


@pytest.mark.parametrize("text", [
    "My screen arrived cracked, how many days do I have to report it?", "Mi monitor llegó roto",
    "Le moniteur est arrivé cassé", "Der Monitor kam kaputt an", "Il monitor è arrivato rotto",
    "O monitor chegou quebrado", "De monitor is kapot aangekomen", "Monitor przyszedł uszkodzony",
    "Монитор пришёл разбитым", "Monitör kırık geldi", "وصلت الشاشة مكسورة", "モニターが割れて届きました",
    "모니터가 깨져서 왔어요", "显示器到货时屏幕碎了", "I received the wrong item",
])  # fmt: skip
def test_damaged_wrong_or_missing_items_are_recognised_in_every_language(text: str) -> None:
    assert intents.classify(text).rule == "damaged-words"


@pytest.mark.parametrize("text", ["Does the 4K OLED monitor support HDR?", "¿Hace falta un cargador?", "Is it in stock?"])
def test_ordinary_questions_are_not_damage_reports(text: str) -> None:
    assert intents.classify(text).rule != "damaged-words"


IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"


@pytest.fixture
def shop_layer(tmp_path: Path) -> FactLayer:
    """Another store's Shopify and WooCommerce product exports as uploads; no products.yaml at all."""
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    for name in ("shopify_products.csv", "woocommerce_products.csv"):
        shutil.copy(IMPORTS / name, uploads / name)
    return FactLayer(CatalogSource(tmp_path / "corpus", uploads, currency="EUR"))


@pytest.mark.parametrize(("question", "language", "expected", "absent"), [
    ("fjell-merino-hoodie charcoal size L price?", "en", "(Color: Charcoal, Size: L) — price: €129.00", "119"),
    ("Was kostet der fjell-merino-hoodie in Moss, M?", "de", "119,00\xa0€", "129"),
    ("Is the fjell-merino-hoodie Charcoal L in stock?", "en", "out of stock", "in stock"),
    # Charcoal alone names three variants at two prices: the range, never only the lowest.
    ("fjell-merino-hoodie in charcoal, what does it cost?", "en", "€119.00 – €129.00", "Size:"),
    ("NV-RDP Blue 28 L price", "en", "€84.00", "95.00"),
])  # fmt: skip
def test_an_exports_variant_is_answered_with_its_own_price_and_stock(
    shop_layer: FactLayer, question: str, language: str, expected: str, absent: str
) -> None:
    answer = ask(shop_layer, question, language)
    assert answer is not None and answer.kind == "product", answer
    assert expected in answer.text and absent not in answer.text, answer.text
    assert answer.citations[0].source.startswith("uploads/")


def test_a_draft_product_in_the_export_is_not_answered(shop_layer: FactLayer) -> None:
    answer = ask(shop_layer, "storm-shell-jacket price?")
    assert answer is None or "299" not in answer.text
