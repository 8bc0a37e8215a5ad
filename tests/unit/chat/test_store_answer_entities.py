"""Named entities of a question, in several languages: countries (CLDR names, inflected forms), catalog products
(by code or model name), model codes and numbers; order numbers and emails are the buyer's own and left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.order_numbers import order_number_format
from app.services.chat.facts.catalog import Catalog, CatalogSource
from app.services.chat.store_answer_entities import NamedEntities, named_entities

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CatalogSource(CORPUS).current()


@pytest.mark.parametrize(
    ("text", "country"),
    [("How long does shipping to Spain take?", "ES"), ("¿Cuánto tarda el envío a España?", "ES"),
     ("Wie lange dauert der Versand nach Spanien?", "ES"), ("Czy wysyłacie do Hiszpanii?", "ES"),
     ("发货到西班牙要多久？", "ES"), ("Shipping time to Brazil?", "BR"), ("ブラジルまでの配送日数は？", "BR"),
     ("كم يستغرق الشحن إلى البرازيل؟", "BR"), ("Доставка в Германию?", "DE"), ("Almanya'ya kargo ne kadar sürer?", "DE"),
     ("배송은 독일로 얼마나 걸리나요?", "DE")],
)  # fmt: skip
def test_countries_are_read_in_every_script(text: str, country: str) -> None:
    assert named_entities(text).countries == {country}


def test_products_by_code_or_model_name_and_codes_by_themselves(catalog: Catalog) -> None:
    assert named_entities("Does the PP-156-FHD fit in a 16 inch sleeve?", catalog) == NamedEntities(
        products=frozenset({"PP-156-FHD"}), codes=frozenset({"16"})
    )
    assert named_entities("Passt der Arena in meine Tasche?", catalog).products == {"PP-156-FHD-240"}
    assert named_entities("Does model X fit?").codes == {"X"}
    assert named_entities("¿Le va bien el modelo Y?").codes == {"Y"}
    assert named_entities("Does it have HDMI?").codes == {"HDMI"}
    assert named_entities("Is the 15,6 inch one in stock?").codes == named_entities("Is the 15.6 inch one in stock?").codes
    assert named_entities("Can I return after ٣٠ days?").codes == {"30"}


def test_plain_words_order_numbers_and_emails_name_nothing() -> None:
    orders = order_number_format()
    for text in ("Where is my order?", "I want a refund. Is that OK?", "WHERE IS MY ORDER PP-261020",
                 "Where is my order PP-261020? My email is anna@example.com", "Do you offer gift wrapping?"):
        assert named_entities(text, order_numbers=orders) == NamedEntities(), text


def test_differences_name_the_kind_that_differs() -> None:
    spain, brazil = named_entities("Shipping to Spain?"), named_entities("Envío a Brasil?")
    assert spain.differences(brazil) == ["countries"]
    assert spain.differences(named_entities("¿Envío a España?")) == []
    assert named_entities("Does model X fit?").differences(named_entities("Does model Y fit?")) == ["codes"]
