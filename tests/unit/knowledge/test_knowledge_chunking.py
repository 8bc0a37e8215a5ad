"""Chunking of each knowledge file type, on small inline inputs and on the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.chunking import (
    country_names,
    faq_chunks,
    parse_markdown,
    policy_chunks,
    product_chunks,
    shipping_chunks,
    shipping_sentence,
    slugify,
    stock_status,
    text_chunks,
)
from knowledge.corpus_loader import load_corpus
from knowledge.types import content_hash

pytestmark = pytest.mark.unit

MINI = {
    "id": "PP-101-MINI",
    "title": 'PixelPort Mini 10.1" FHD+ IPS Portable Monitor',
    "category": "monitor",
    "price": "79.00",
    "currency": "USD",
    "stock": 42,
    "weight_kg": 0.6,
    "specs": {"refresh_rate": "60 Hz", "hdr": "no", "Panel": "IPS"},
    "compatibility": ["Raspberry Pi 4/5", "Steam Deck"],
    "in_the_box": ["Monitor", "USB-C cable"],
    "warranty_months": 12,
    "description": "A pocket-size screen\n  for makers.",
}

KR_ROW = {
    "country_code": "KR", "country": "South Korea", "carrier": "CJ Logistics",
    "service": "Cainiao line-haul + CJ Logistics last mile (DDP)", "days_min": "4",
    "days_max": "7", "cost": "9.00", "currency": "USD", "free_over": "99.00",
    "return_cost": "28.00",
}


# --- products ------------------------------------------------------------------------


def test_short_product_is_one_chunk_with_compact_key_value_lines() -> None:
    [chunk] = product_chunks(MINI, "products.yaml", split_over=10_000)
    assert chunk.id == "products.yaml#PP-101-MINI"
    assert chunk.kind == "product" and chunk.product_id == "PP-101-MINI"
    assert chunk.title == 'PixelPort Mini 10.1" FHD+ IPS Portable Monitor (PP-101-MINI)'
    lines = chunk.text.splitlines()
    assert lines[0] == chunk.title
    for expected in ("Category: monitor", "Price: 79.00 USD", "Availability: in stock",
                     "Warranty: 12 months", "Refresh rate: 60 Hz", "HDR: no", "Panel: IPS",
                     "Compatible with: Raspberry Pi 4/5; Steam Deck",
                     "In the box: Monitor; USB-C cable",
                     "Description: A pocket-size screen for makers."):
        assert expected in lines


def test_long_product_splits_and_every_part_names_the_product() -> None:
    chunks = product_chunks(MINI, "products.yaml", split_over=200)
    assert len(chunks) >= 2
    assert len({c.id for c in chunks}) == len(chunks)
    assert chunks[0].section == "overview" and chunks[0].id.endswith("/overview")
    for chunk in chunks:
        assert chunk.product_id == "PP-101-MINI"
        assert chunk.text.startswith(str(MINI["title"]))
    joined = "\n".join(c.text for c in chunks)
    assert "Price: 79.00 USD" in joined and "Compatible with:" in joined


def test_price_lives_in_one_part_only() -> None:
    """A price change must re-embed one chunk, not all parts of the product."""
    chunks = product_chunks(MINI, "products.yaml", split_over=200)
    changed = product_chunks({**MINI, "price": "69.00"}, "products.yaml", split_over=200)
    differing = [a.id for a, b in zip(chunks, changed, strict=True)
                 if a.content_hash != b.content_hash]
    assert differing == ["products.yaml#PP-101-MINI/overview"]


@pytest.mark.parametrize(("stock", "status"), [
    (0, "out of stock"), (-1, "out of stock"), (3, "low stock (only 3 left)"),
    (42, "in stock"), (None, "unknown"),
])
def test_stock_status(stock: object, status: str) -> None:
    assert stock_status(stock) == status


def test_routine_stock_moves_do_not_change_the_text() -> None:
    a = product_chunks({**MINI, "stock": 42}, "products.yaml")
    b = product_chunks({**MINI, "stock": 37}, "products.yaml")
    assert [c.content_hash for c in a] == [c.content_hash for c in b]


# --- markdown --------------------------------------------------------------------------

FAQ_MD = """# FAQ

## Does it work with the Nintendo Switch?
Yes, without the dock.

Plug the charger into the monitor.

## Which payment methods do you accept?
Visa and PayPal.

## Empty question?
"""

POLICY_MD = """# Returns policy

Version: 2026-09-01

This policy applies to all orders.

## Return window
30 days from delivery.

## Damaged on arrival
Report within 7 days.
### Photos
Show the box.
"""


def test_faq_one_chunk_per_answered_question() -> None:
    chunks = faq_chunks(parse_markdown(FAQ_MD), "faq.md")
    assert [c.title for c in chunks] == [
        "FAQ: Does it work with the Nintendo Switch?",
        "FAQ: Which payment methods do you accept?",
    ]
    first = chunks[0]
    assert first.id == "faq.md#does-it-work-with-the-nintendo-switch"
    assert first.kind == "faq" and first.product_id is None
    assert first.text == ("Q: Does it work with the Nintendo Switch?\n"
                          "A: Yes, without the dock.\n\nPlug the charger into the monitor.")


def test_policy_one_chunk_per_section_with_version_and_intro() -> None:
    chunks = policy_chunks(parse_markdown(POLICY_MD), "policies/returns.md")
    assert [c.title for c in chunks] == [
        "Returns policy — Overview", "Returns policy — Return window",
        "Returns policy — Damaged on arrival",
    ]
    damaged = chunks[2]
    assert damaged.id == "policies/returns.md#damaged-on-arrival"
    assert damaged.kind == "policy" and damaged.section == "Damaged on arrival"
    assert damaged.text.startswith("Returns policy (version 2026-09-01) — Damaged on arrival\n")
    assert "### Photos" in damaged.text  # deeper headings stay in their section
    assert "Version:" not in chunks[0].text


def test_policy_without_title_is_named_after_the_file() -> None:
    chunks = policy_chunks(parse_markdown("## Scope\nAll orders.\n"), "policies/privacy.md")
    assert chunks[0].title == "Privacy policy — Scope"


def test_repeated_headings_get_distinct_ids() -> None:
    doc = parse_markdown("# Warranty\n## Notes\na\n## Notes\nb\n")
    assert [c.id for c in policy_chunks(doc, "w.md")] == ["w.md#notes", "w.md#notes-2"]


# --- shipping --------------------------------------------------------------------------


def test_shipping_sentence() -> None:
    assert shipping_sentence(KR_ROW) == (
        "Shipping to South Korea (KR): CJ Logistics, service Cainiao line-haul + CJ Logistics "
        "last mile (DDP), 4–7 days, 9.00 USD, free over 99.00 USD; return shipping to our "
        "warehouse costs 28.00 USD.")


def test_shipping_without_free_threshold_says_so() -> None:
    text = shipping_sentence({**KR_ROW, "free_over": ""})
    assert "no free-shipping threshold" in text


def test_shipping_rows_per_country() -> None:
    express = {**KR_ROW, "carrier": "DHL Express", "service": "Worldwide"}
    chunks = shipping_chunks([KR_ROW, express, {**KR_ROW, "country_code": "JP",
                                                 "country": "Japan"}], "shipping.csv")
    assert [c.title for c in chunks] == [
        "Shipping to South Korea — CJ Logistics Cainiao line-haul + CJ Logistics last mile (DDP)",
        "Shipping to South Korea — DHL Express Worldwide",
        "Shipping to Japan",
    ]
    assert len({c.id for c in chunks}) == 3
    assert chunks[2].id == "shipping.csv#jp" and chunks[2].section == "JP"


def test_shipping_rows_are_found_by_the_country_name_in_the_buyer_languages() -> None:
    [spain] = shipping_chunks([{**KR_ROW, "country_code": "es", "country": "Spain"}], "shipping.csv")
    # Embedded with the row, in the scripts buyers write in …
    for name in ("Spain", "España", "Espagne", "Spanien", "Испания", "İspanya", "إسبانيا", "スペイン",
                 "스페인", "西班牙"):
        assert name in spain.embedded_text
    # … but never shown: the buyer and the model read the row as the merchant wrote it.
    assert spain.text == shipping_sentence({**KR_ROW, "country_code": "es", "country": "Spain"})
    assert "España" not in spain.text
    # What is embedded is what is hashed, so adding names re-embeds an existing index.
    assert spain.content_hash == content_hash(spain.embedded_text) != content_hash(spain.text)


def test_country_names_skip_codes_cldr_does_not_know() -> None:
    assert country_names("ZZQ") == []
    assert country_names("de", ["en", "de", "fr"]) == ["Germany", "Deutschland", "Allemagne"]


# --- plain text ------------------------------------------------------------------------


def test_text_chunks_pack_paragraphs() -> None:
    text = "First para.\n\nSecond para.\n\n\n" + "x" * 50
    chunks = text_chunks(text, "notes.txt", "notes", max_chars=30)
    assert [c.text for c in chunks] == ["First para.\n\nSecond para.", "x" * 50]
    assert [c.title for c in chunks] == ["notes (part 1)", "notes (part 2)"]
    assert chunks[0].kind == "document"


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")),
                        min_size=1, max_size=80).filter(str.strip), min_size=1, max_size=12),
       st.integers(min_value=20, max_value=300))
def test_text_chunks_keep_every_paragraph_in_order(paragraphs: list[str], limit: int) -> None:
    chunks = text_chunks("\n\n".join(paragraphs), "t.txt", "t", max_chars=limit)
    flattened = [p for c in chunks for p in c.text.split("\n\n")]
    assert flattened == [" ".join(p.split()) for p in paragraphs]
    for chunk in chunks:
        assert len(chunk.text) <= limit or "\n\n" not in chunk.text


@given(st.text(max_size=120))
def test_slugs_are_url_safe_and_never_empty(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slugify(text) == slug


# --- the demo corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_chunks(demo_corpus_dir: Path) -> dict[str, list]:
    return load_corpus(demo_corpus_dir)


def test_demo_corpus_sources(demo_chunks: dict[str, list]) -> None:
    assert {"products.yaml", "faq.md", "shipping.csv", "policies/returns.md",
            "policies/warranty.md", "policies/shipping.md",
            "policies/privacy.md"} <= set(demo_chunks)
    assert not any(s.endswith(("orders.json", "README.md")) for s in demo_chunks)


def test_demo_corpus_products_all_present(demo_chunks: dict[str, list],
                                          demo_corpus_dir: Path) -> None:
    import yaml

    products = yaml.safe_load((demo_corpus_dir / "products.yaml").read_text())["products"]
    chunks = demo_chunks["products.yaml"]
    assert {c.product_id for c in chunks} == {p["id"] for p in products}
    assert all(c.kind == "product" for c in chunks)
    assert all(c.text.startswith(c.title.split(" — ")[0]) for c in chunks)


def test_demo_corpus_counts_match_the_files(demo_chunks: dict[str, list],
                                            demo_corpus_dir: Path) -> None:
    faq = (demo_corpus_dir / "faq.md").read_text()
    assert len(demo_chunks["faq.md"]) == faq.count("\n## ")
    rows = (demo_corpus_dir / "shipping.csv").read_text().strip().splitlines()
    assert len(demo_chunks["shipping.csv"]) == len(rows) - 1
    kr = next(c for c in demo_chunks["shipping.csv"] if c.section == "KR")
    assert kr.title == "Shipping to South Korea"
    assert kr.text.startswith("Shipping to South Korea (KR): CJ Logistics")


def test_demo_corpus_ids_unique_and_titles_human(demo_chunks: dict[str, list]) -> None:
    ids = [c.id for chunks in demo_chunks.values() for c in chunks]
    assert len(ids) == len(set(ids))
    returns = [c.title for c in demo_chunks["policies/returns.md"]]
    assert all(t.startswith("Returns and Refunds Policy — ") for t in returns)
    assert all(c.section for c in demo_chunks["policies/returns.md"])
