"""The one internal product model every catalog source is turned into.

`products.yaml` is written in this shape by hand; Shopify and WooCommerce exports and
mapped CSV/JSON files are converted into it, so chunking and the chat's fact layer read
one structure whatever the source. Plain dicts (as YAML loads them), described here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict


class VariantRecord(TypedDict, total=False):
    sku: str
    title: str  # "Black / L": the option values, as the shop shows them
    options: dict[str, str]  # {"Color": "Black", "Size": "L"}
    price: str  # decimal string, e.g. "25.00"
    compare_at_price: str  # the "was" price of a sale
    stock: int | None  # units; None when the shop does not track them
    in_stock: bool | None  # the shop's own flag when it tracks no units
    weight_kg: float
    barcode: str


class ProductRecord(TypedDict, total=False):
    id: str  # required: SKU, handle or the shop's id; unique within a source
    title: str
    category: str
    vendor: str
    tags: list[str]
    price: str  # lowest variant price when there are variants
    price_max: str  # highest variant price, only when variant prices differ
    compare_at_price: str
    currency: str
    stock: int | None  # sum over variants that track units
    in_stock: bool | None
    weight_kg: float
    warranty_months: int
    description: str
    specs: dict[str, str]
    compatibility: list[str]
    in_the_box: list[str]
    variants: list[VariantRecord]
    url: str


_CURRENCY_NOISE = re.compile(r"[^\d.,\-]")


def parse_money(text: str) -> str:
    """"1.299,00 €", "$1,299.00", "25" -> "1299.00"/"25"; raises ValueError when no number is there.

    The last "." or "," followed by one or two digits is the decimal mark; other marks are
    thousands separators (European exports write 1.299,00).
    """
    raw = _CURRENCY_NOISE.sub("", text.strip())
    if not raw or not re.search(r"\d", raw):
        raise ValueError(f"{text!r} is not an amount")
    match = re.search(r"[.,](\d{1,2})$", raw)
    if match:
        whole = re.sub(r"[.,]", "", raw[: match.start()])
        raw = f"{whole}.{match.group(1)}"
    else:
        raw = re.sub(r"[.,]", "", raw)
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not an amount") from exc
    if value < 0:
        raise ValueError(f"{text!r} is negative")
    return f"{value:.2f}" if match or "." in raw else str(value)


def parse_int(text: str) -> int | None:
    """Stock counts: "12", "12.0", " 3 " -> int; "" -> None; raises ValueError otherwise."""
    raw = text.strip()
    if not raw:
        return None
    try:
        return int(Decimal(raw.replace(",", ".")))
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not a whole number") from exc


def variant_label(variant: Mapping[str, Any]) -> str:
    options = variant.get("options") or {}
    if options:
        return ", ".join(f"{name}: {value}" for name, value in options.items())
    return str(variant.get("title") or variant.get("sku") or "").strip()


def roll_up_variants(product: ProductRecord) -> ProductRecord:
    """Product-level price range and stock from its variants (what a listing page shows)."""
    variants: Sequence[VariantRecord] = product.get("variants") or []
    prices = sorted({Decimal(v["price"]) for v in variants if v.get("price")})
    if prices and "price" not in product:
        product["price"] = _decimal_text(prices[0], variants)
        if len(prices) > 1:
            product["price_max"] = _decimal_text(prices[-1], variants)
    counts = [v["stock"] for v in variants if v.get("stock") is not None]
    if counts and product.get("stock") is None:
        product["stock"] = sum(c for c in counts if c is not None and c > 0)
    elif variants and product.get("stock") is None and "in_stock" not in product:
        flags = [v.get("in_stock") for v in variants if v.get("in_stock") is not None]
        if flags:
            product["in_stock"] = any(flags)
    return product


def _decimal_text(value: Decimal, variants: Sequence[VariantRecord]) -> str:
    for variant in variants:
        if variant.get("price") and Decimal(variant["price"]) == value:
            return variant["price"]
    return str(value)
