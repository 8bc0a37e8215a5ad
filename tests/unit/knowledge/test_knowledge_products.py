"""Typed catalog products read from any product file in the corpus, with every buyer-facing fact and no notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.corpus_loader import KnowledgeFormatError
from knowledge.products import load_products

pytestmark = pytest.mark.unit


def test_products_from_every_yaml_file_with_their_facts(tmp_path: Path) -> None:
    (tmp_path / "uploads").mkdir()
    (tmp_path / "uploads" / "kettles.yaml").write_text(
        "products:\n  - id: AQ-KT200\n    title: AquaBrew KT200 Kettle\n    price: '39.90'\n    currency: EUR\n"
        "    stock: 7\n    specs: {capacity: 1.7 L, power: 2200 W}\n    in_the_box: [Kettle, Base]\n"
        "    notes: supplier margin 40%\n", encoding="utf-8")
    (tmp_path / "faq.md").write_text("# FAQ\n\n## Q?\nA.\n", encoding="utf-8")
    (product,) = load_products(tmp_path)
    assert (product.id, product.price, product.currency, product.stock) == ("AQ-KT200", "39.90", "EUR", 7)
    assert product.source == "uploads/kettles.yaml" and product.label == "AquaBrew KT200 Kettle (AQ-KT200)"
    facts = product.fact_text()
    assert "capacity: 1.7 L" in facts and "In the box: Base" in facts and "Price: 39.90 EUR" in facts
    assert "margin" not in facts  # internal notes never reach a prompt


def test_a_product_without_id_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("products:\n  - title: nameless\n", encoding="utf-8")
    with pytest.raises(KnowledgeFormatError, match="p.yaml: a product has no id"):
        load_products(tmp_path)


def test_uploaded_catalogs_and_variants_are_read(tmp_path: Path) -> None:
    corpus, uploads = tmp_path / "corpus", tmp_path / "data" / "uploads"
    corpus.mkdir()
    uploads.mkdir(parents=True)
    (uploads / "shop.yaml").write_text(
        "products:\n  - id: TEE\n    title: Logo Tee\n    vendor: Northwind\n    currency: EUR\n    variants:\n"
        "      - {sku: TEE-BK-L, options: {Color: Black, Size: L}, price: '25.00', stock: 3}\n", encoding="utf-8")
    (product,) = load_products(corpus, uploads, tmp_path / "missing")
    assert product.source == "uploads/shop.yaml" and product.vendor == "Northwind"
    assert "Variant Color: Black, Size: L (SKU TEE-BK-L): 25.00 EUR" in product.fact_text()
    assert "Brand: Northwind" in product.fact_text()
