"""Catalog exports, documents and mapped tables become chunks (and product records) a buyer question can hit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from knowledge.corpus_loader import KnowledgeFormatError, load_catalog, load_file, load_products
from knowledge.mapping import ColumnMapping, mapping_path, suggest_mapping

pytestmark = pytest.mark.unit

IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"
DEMO = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


# --- Shopify -----------------------------------------------------------------------------


def test_shopify_export_variants_price_and_stock() -> None:
    products = load_products(IMPORTS / "shopify_products.csv", IMPORTS, currency="EUR")
    assert products is not None
    by_id = {p["id"]: p for p in products}
    assert set(by_id) == {"fjell-merino-hoodie", "trail-thermos-075"}  # the draft jacket is not for sale
    hoodie = by_id["fjell-merino-hoodie"]
    assert hoodie["title"] == "Fjell Merino Hoodie" and hoodie["currency"] == "EUR"
    assert (hoodie["price"], hoodie["price_max"]) == ("119.00", "129.00")
    variants = {v["sku"]: v for v in hoodie["variants"]}
    assert len(variants) == 5  # the image-only continuation row is not a variant
    assert variants["NV-FMH-CH-L"] == {
        "sku": "NV-FMH-CH-L", "options": {"Color": "Charcoal", "Size": "L"}, "title": "Charcoal / L",
        "price": "129.00", "compare_at_price": "149.00", "stock": 0, "weight_kg": 0.45, "barcode": "7312345000013"}
    assert variants["NV-FMH-MO-S"]["stock"] == 3 and "compare_at_price" not in variants["NV-FMH-MO-S"]
    assert hoodie["stock"] == 12 + 7 + 0 + 3 + 22
    assert "merino wool" in hoodie["description"] and "<" not in hoodie["description"]
    thermos = by_id["trail-thermos-075"]
    assert "variants" not in thermos  # "Default Title": a product without options
    assert (thermos["price"], thermos["stock"], thermos["specs"]["SKU"]) == ("34.90", 3, "NV-TT-075")


def test_shopify_variant_facts_are_in_the_chunk_text() -> None:
    chunks = load_file(IMPORTS / "shopify_products.csv", IMPORTS, currency="EUR")
    variants = next(c for c in chunks if c.section == "variants")
    assert variants.product_id == "fjell-merino-hoodie" and variants.kind == "product"
    line = next(line for line in variants.text.splitlines() if "NV-FMH-CH-L" in line)
    assert line == ("Variant Color: Charcoal, Size: L (SKU NV-FMH-CH-L): price 129.00 EUR (was 149.00 EUR), "
                    "out of stock, weight 0.45 kg")
    assert "low stock (only 3 left)" in next(c.text for c in chunks if c.product_id == "trail-thermos-075")


def test_shopify_semicolon_excel_export_with_bom_and_few_columns(tmp_path: Path) -> None:
    # Excel in a German locale: ";" delimiter, decimal comma, BOM; optional columns missing, an extra one added.
    text = ("\ufeffHandle;Title;Body (HTML);Option1 Name;Option1 Value;Variant SKU;Variant Price;"
            "Variant Inventory Qty;Internal note\n"
            "wool-socks;Wollsocken;<p>Warm</p>;Größe;39-42;WS-39;19,90;8;x\n"
            "wool-socks;;;;43-46;WS-43;21,90;0;y\n")
    path = write(tmp_path / "export.csv", text)
    [product] = load_products(path, tmp_path, currency="EUR") or []
    assert [(v["title"], v["price"], v["stock"]) for v in product["variants"]] == [
        ("39-42", "19.90", 8), ("43-46", "21.90", 0)]


def test_shopify_bad_price_names_file_and_row(tmp_path: Path) -> None:
    text = (IMPORTS / "shopify_products.csv").read_text(encoding="utf-8").replace("129.00", "abc", 1)
    path = write(tmp_path / "products_export.csv", text)
    with pytest.raises(KnowledgeFormatError, match=r"products_export\.csv row 4: 'abc' is not an amount"):
        load_file(path, tmp_path)


# --- WooCommerce -------------------------------------------------------------------------


def test_woocommerce_variable_product_and_sale_price() -> None:
    products = load_products(IMPORTS / "woocommerce_products.csv", IMPORTS, currency="EUR")
    assert products is not None
    by_id = {p["id"]: p for p in products}
    assert set(by_id) == {"NV-RDP", "NV-CM-01"}  # the private lantern (Published -1) is left out
    pack = by_id["NV-RDP"]
    assert pack["category"] == "Backpacks" and pack["price"] == "79.00" and pack["price_max"] == "84.00"
    variants = {v["sku"]: v for v in pack["variants"]}
    assert variants["NV-RDP-BL-28"]["options"] == {"Colour": "Blue", "Volume": "28 L"}
    assert (variants["NV-RDP-BL-28"]["price"], variants["NV-RDP-BL-28"]["compare_at_price"]) == ("84.00", "95.00")
    assert variants["NV-RDP-RD-20"]["stock"] == 0
    mug = by_id["NV-CM-01"]
    assert (mug["price"], mug["compare_at_price"], mug["stock"]) == ("12.50", "15.00", 40)
    assert mug["specs"]["Material"] == "Enamelled steel"


def test_woocommerce_variation_without_parent_names_the_row(tmp_path: Path) -> None:
    text = (IMPORTS / "woocommerce_products.csv").read_text(encoding="utf-8-sig").replace("id:210", "id:999", 1)
    path = write(tmp_path / "wc-product-export.csv", text)
    with pytest.raises(KnowledgeFormatError, match=r"wc-product-export\.csv row 3: .*Parent 'id:999'"):
        load_file(path, tmp_path)


# --- documents ---------------------------------------------------------------------------


def test_pdf_sections_carry_page_numbers() -> None:
    chunks = load_file(IMPORTS / "aurora_x2_manual.pdf", IMPORTS)
    charging = next(c for c in chunks if "4 hours" in c.text and "Charging" in c.title)
    assert charging.title == "Aurora X2 Headlamp user manual — 2 Charging, p. 2"
    assert charging.kind == "document" and charging.section == "2 Charging (p. 2)"
    assert [c.title.rsplit("p. ", 1)[1] for c in chunks] == ["1", "2", "3", "4", "5"]


def test_scanned_pdf_is_refused_with_a_reason() -> None:
    with pytest.raises(KnowledgeFormatError, match="scanned_manual.pdf: no text layer.*scanned PDF"):
        load_file(IMPORTS / "scanned_manual.pdf", IMPORTS)


def test_broken_pdf_and_docx_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeFormatError, match="manual.pdf: not a readable PDF"):
        load_file(write(tmp_path / "manual.pdf", "%PDF-1.4 truncated"), tmp_path)
    with pytest.raises(KnowledgeFormatError, match="guide.docx: not a readable Word"):
        load_file(write(tmp_path / "guide.docx", "not a zip"), tmp_path)


def test_docx_headings_become_sections_with_tables() -> None:
    chunks = load_file(IMPORTS / "merino_care_guide.docx", IMPORTS)
    assert [c.title for c in chunks] == ["Merino care guide", "Merino care guide — Washing",
                                         "Merino care guide — Drying", "Merino care guide — Sizes"]
    assert "- Do not use fabric softener." in chunks[1].text
    assert "M | 102" in chunks[3].text


def test_html_faq_page_drops_navigation_and_scripts() -> None:
    chunks = load_file(IMPORTS / "faq.html", IMPORTS)
    assert [c.kind for c in chunks] == ["faq"] * 3
    korea = next(c for c in chunks if "Korea" in c.title)
    assert korea.text.startswith("Q: Do you ship to South Korea?\nA: Yes.") and "6–9 business days" in korea.text
    everything = " ".join(c.text for c in chunks)
    for noise in ("dataLayer", "Cart (0)", "cookies", "Org. nr."):
        assert noise not in everything


def test_html_policy_page_is_a_policy(tmp_path: Path) -> None:
    html = ("<html><head><title>Shop</title></head><body><h1>Return policy</h1><h2>Window</h2>"
            "<p>Return within 30 days.</p><h2>Costs</h2><p>Free returns.</p></body></html>")
    chunks = load_file(write(tmp_path / "returns.html", html), tmp_path)
    assert [(c.kind, c.title) for c in chunks] == [
        ("policy", "Return policy — Window"), ("policy", "Return policy — Costs")]


# --- generic CSV / JSON with a mapping --------------------------------------------------


def test_generic_csv_suggested_mapping_and_variants(tmp_path: Path) -> None:
    path = write(tmp_path / "catalog.csv", "Artikelnummer,Bezeichnung,Preis,Bestand,Farbe,Material\n"
                                           "A-1,Kuksa cup,24.00,5,Birch,wood\nA-1,Kuksa cup,26.00,0,Oak,wood\n")
    suggested = suggest_mapping(["Artikelnummer", "Bezeichnung", "Preis", "Bestand", "Farbe", "Material"])
    assert dict(suggested.columns) == {"id": "Artikelnummer", "title": "Bezeichnung", "price": "Preis",
                                       "stock": "Bestand"}
    mapping = ColumnMapping(columns={**suggested.columns, "option:Colour": "Farbe"})
    [cup] = load_products(path, tmp_path, mapping=mapping) or []
    assert [(v["title"], v["price"], v["stock"]) for v in cup["variants"]] == [("Birch", "24.00", 5),
                                                                             ("Oak", "26.00", 0)]
    assert cup["specs"] == {"Material": "wood"}


def test_generic_json_with_a_saved_mapping_is_read_again(tmp_path: Path) -> None:
    items = {"data": [{"code": "T1", "name": "Tarp 3x3", "pricing": {"amount": "59.00", "currency": "NOK"}},
                      {"code": "T2", "name": "Tarp 4x4", "pricing": {"amount": "79.00", "currency": "NOK"}}]}
    path = write(tmp_path / "feed.json", json.dumps(items))
    with pytest.raises(KnowledgeFormatError, match="feed.json: a JSON file needs a column mapping"):
        load_file(path, tmp_path)
    mapping = ColumnMapping(columns={"id": "code", "title": "name", "price": "pricing.amount",
                                     "currency": "pricing.currency"})
    mapping_path(path).write_text(mapping.to_json(), encoding="utf-8")
    chunks = load_file(path, tmp_path)
    assert chunks[0].text.splitlines()[:2] == ["Tarp 3x3 (T1)", "Price: 59.00 NOK"]


def test_mapping_to_a_missing_column_and_bad_value_are_named(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "sku,name,price\nX1,Stove,cheap\n")
    with pytest.raises(KnowledgeFormatError, match="column 'cost' .* not in the file"):
        load_file(path, tmp_path, mapping=ColumnMapping(columns={"id": "sku", "title": "name", "price": "cost"}))
    with pytest.raises(KnowledgeFormatError, match=r"c\.csv row 2: 'cheap' is not an amount"):
        load_file(path, tmp_path, mapping=ColumnMapping(columns={"id": "sku", "title": "name", "price": "price"}))


def test_faq_csv_with_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "faq.csv", "question;answer\nDo you gift wrap?;Yes, for 3 EUR.\n")
    mapping = suggest_mapping(["question", "answer"])
    assert mapping.target == "faq"
    [chunk] = load_file(path, tmp_path, mapping=mapping)
    assert (chunk.kind, chunk.text) == ("faq", "Q: Do you gift wrap?\nA: Yes, for 3 EUR.")


# --- shipping tables and the corpus ------------------------------------------------------


def test_shipping_table_detected_by_columns_and_unknown_csv_explained(tmp_path: Path) -> None:
    shutil.copy(DEMO / "shipping.csv", tmp_path / "rates.csv")
    assert {c.kind for c in load_file(tmp_path / "rates.csv", tmp_path)} == {"shipping"}
    path = write(tmp_path / "misc.csv", "colour,hex\nred,#f00\n")
    with pytest.raises(KnowledgeFormatError, match="misc.csv: columns colour, hex are not a format we recognise"):
        load_file(path, tmp_path)


def test_catalog_reads_every_product_source_in_one_model(tmp_path: Path) -> None:
    for name in ("shopify_products.csv", "woocommerce_products.csv", "faq.html"):
        shutil.copy(IMPORTS / name, tmp_path / name)
    shutil.copy(DEMO / "products.yaml", tmp_path / "products.yaml")
    catalog = load_catalog(tmp_path, currency="EUR")
    assert sorted(catalog) == ["products.yaml", "shopify_products.csv", "woocommerce_products.csv"]
    for products in catalog.values():
        for product in products:
            assert product["id"] and product["title"] and "price" in product


def test_many_variants_are_split_into_several_chunks_each_naming_the_product() -> None:
    from knowledge.chunking import product_chunks

    variants = [{"sku": f"TEE-{i:02d}", "options": {"Size": f"{i}"}, "price": "20.00", "stock": 9} for i in range(40)]
    chunks = product_chunks({"id": "tee", "title": "Camp Tee", "currency": "EUR", "variants": variants}, "s.csv")
    parts = [c for c in chunks if (c.section or "").startswith("variants")]
    assert len(parts) > 1 and all(len(c.text) <= 600 for c in parts)
    assert all(c.text.startswith("Camp Tee (tee)") and c.product_id == "tee" for c in parts)
    assert sum(c.text.count("(SKU TEE-") for c in parts) == 40
