"""Which product the buyer means and the attribute they ask about, answered with the exact value from the catalog."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from app.domain.chat import Citation
from app.services.chat.facts import templates as t
from app.services.chat.facts.catalog import Catalog, Product
from app.services.chat.facts.destinations import fold
from app.services.chat.facts.terms import Attribute, asked_attributes, attributes
from knowledge.catalog import variant_label
from knowledge.chunking import LOW_STOCK_AT

_TOKEN = re.compile(r"[^\W_]{3,}")
# Words that say nothing about which device a compatibility line is about.
_COMMON = frozenset({"with", "the", "and", "for", "via", "over", "one", "cable", "monitor", "not", "plus", "usb", "hdr",
                     "oled", "ips", "fhd", "display", "screen", "does", "work", "support", "supports", "compatible"})


def mentioned_products(text: str, catalog: Catalog) -> list[Product]:
    """Products named by code ("PP-156-FHD", "pp156fhd") or model name ("Arena"), in order of mention."""
    folded = fold(text)
    squashed = re.sub(r"[\s_-]", "", folded)
    found: list[tuple[int, Product]] = []
    for product in catalog.products:
        code = fold(product.id)
        match = re.search(r"(?<![\w-])" + re.escape(code) + r"(?![\w-])", folded)
        position = match.start() if match else -1
        if position < 0 and len(code) >= 6:
            position = squashed.find(re.sub(r"[\s_-]", "", code))
            # A shorter code inside a longer one ("PP-156-FHD" in "PP-156-FHD-240") is not a mention.
            if position >= 0 and any(
                len(o.id) > len(product.id) and re.sub(r"[\s_-]", "", fold(o.id)) in squashed for o in catalog.products
            ):
                position = -1
        if position < 0:
            for alias in product.aliases:
                alias_match = re.search(r"(?<![\w-])" + re.escape(fold(alias)) + r"(?![\w-])", folded)
                if alias_match:
                    position = alias_match.start()
                    break
        if position >= 0:
            found.append((position, product))
    found.sort(key=lambda item: item[0])
    return [product for _, product in found]


def _field(product: Product, path: str) -> Any:
    value: Any = product.data
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _compatibility_lines(lines: Sequence[str], question: str) -> list[str]:
    """Lines that name what the buyer named (a device, a port); [] when none does."""
    asked = {w for w in _TOKEN.findall(fold(question)) if w not in _COMMON}
    return [line for line in lines if asked & set(_TOKEN.findall(fold(line)))]


def attribute_value(product: Product, attribute: Attribute, question: str, language: str) -> str | None:
    for path in attribute.fields:
        value = _field(product, path)
        if value is None or value == "":
            continue
        if path == "price":
            currency = str(product.data.get("currency") or "USD")
            low = t.money(Decimal(str(value)), currency, language)
            high = product.data.get("price_max")  # variants priced differently: never just the lowest
            return f"{low} – {t.money(Decimal(str(high)), currency, language)}" if high else low
        if path == "stock":
            try:
                units = int(value)
            except (TypeError, ValueError):
                return None
            if units <= 0:
                return t.text("stock_out", language)
            return t.text("stock_low", language, n=units) if units <= LOW_STOCK_AT else t.text("stock_in", language)
        if path == "warranty_months":
            return t.text("months", language, n=t.number(int(value), language))
        if path == "weight_kg":
            return f"{t.number(Decimal(str(value)), language)} kg"
        if path == "compatibility" and isinstance(value, list):
            lines = _compatibility_lines([str(v) for v in value], question)
            return "; ".join(lines) if lines else None
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return " ".join(str(value).split())
    return None


def product_citation(product: Product) -> Citation:
    return Citation(
        chunk_id=product.chunk_id, title=product.label, source=product.source, kind="product",
        product_id=product.id, score=1.0, excerpt=product.title,
    )  # fmt: skip


def asked_variant(product: Product, question: str) -> Mapping[str, Any] | None:
    """The one variant whose option values the question names most ("charcoal … size L"); None when the question
    names none, or several variants equally."""
    variants = [v for v in product.data.get("variants") or [] if isinstance(v, Mapping)]
    if len(variants) < 2:
        return None
    folded = fold(question)

    def named(value: Any) -> bool:
        text = fold(str(value or "").strip())
        return bool(text) and re.search(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", folded) is not None

    scores = [sum(named(value) for value in (v.get("options") or {}).values()) for v in variants]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return variants[scores.index(best)]


def product_answer(product: Product, question: str, language: str, *, limit: int = 3) -> str | None:
    """One line per asked attribute the product (or the variant the question names) has; None when none can be
    answered from the data."""
    name = product.id
    variant = asked_variant(product, question)
    if variant is not None:
        # The variant's own price and stock; the product's other fields (warranty, specs) still apply.
        data = {k: v for k, v in product.data.items() if k not in ("price", "price_max", "stock", "in_stock")}
        product = replace(product, data={**data, **{k: v for k, v in variant.items() if k != "options"}})
        name = f"{product.id} ({variant_label(variant)})"
    lines = []
    for attribute in asked_attributes(question):
        value = attribute_value(product, attribute, question, language)
        if value is not None:
            lines.append(t.text("fact_line", language, product=name, label=t.label(attribute.name, language),
                                value=value))  # fmt: skip
        if len(lines) == limit:
            break
    return " ".join(lines) if lines else None


def key_facts(product: Product, language: str) -> list[str]:
    """Price and availability: what a buyer most often needs about a product the documents matched."""
    lines = []
    for attribute in attributes():
        if attribute.name in ("price", "stock"):
            value = attribute_value(product, attribute, "", language)
            if value is not None:
                lines.append(t.text("fact_line", language, product=product.id, label=t.label(attribute.name, language),
                                    value=value))  # fmt: skip
    return lines
