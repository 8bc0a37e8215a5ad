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


# Title words that name no particular product: a buyer's "monitor" or "portable" points at none of them.
_GENERIC_TITLE_WORDS = frozenset({"portable", "monitor", "display", "screen", "inch", "with", "for", "and", "the",
                                  "usb", "type", "new", "pro", "mini", "pack"})
# How many retrieval hits may name the product a question means ("the OLED one's warranty": the warranty policy
# ranks first, the OLED monitor second).
PRODUCT_HIT_DEPTH = 3


_GLUED_SCRIPTS = re.compile(r"([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)")


def _words(text: str) -> set[str]:
    """Comparable words: "OLED那款" gives "oled"; "65 W" and "65W" both give "65" and "65w"; "17,3" also "17.3"."""
    spaced = _GLUED_SCRIPTS.sub(r" \1 ", fold(text))
    tokens = re.findall(r"[^\W_]+(?:[.,][0-9]+)?", spaced)
    words = set(tokens) | {t.replace(",", ".") for t in tokens}
    for token, following in zip(tokens, [*tokens[1:], ""], strict=True):
        number = re.fullmatch(r"(\d+(?:[.,]\d+)?)([a-z]{1,3})?", token)
        if number and number.group(2):
            words.add(number.group(1))
        elif number and re.fullmatch(r"[a-z]{1,3}", following):
            words.add(token + following)
    return words


def _title_words(product: Product) -> set[str]:
    return {w for w in _words(product.title)
            if w not in _GENERIC_TITLE_WORDS and (len(w) >= 3 or any(c.isdigit() for c in w))}


def retrieved_product(question: str, hits: Sequence[Any], catalog: Catalog) -> Product | None:
    """The product a question means when it names none by code or alias: the first product among the top hits
    whose title shares a distinctive word with the question ("oled", "4k", "240hz", "17,3"); else the top hit
    when it is a product (as before)."""
    asked = _words(question)
    candidates = []
    for hit in hits[:PRODUCT_HIT_DEPTH]:
        product_id = getattr(hit.chunk, "product_id", None)
        product = catalog.product(product_id) if hit.chunk.kind == "product" and product_id else None
        if product is not None and product not in candidates:
            candidates.append(product)
    for product in candidates:
        if _title_words(product) & asked:
            return product
    # No hit names it: the one product whose title shares the most distinctive words with the question, if unique.
    scored = sorted(((len(_title_words(p) & asked), p.id) for p in catalog.products), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return catalog.product(scored[0][1])
    top = hits[0] if hits else None
    if top is not None and top.chunk.kind == "product" and top.chunk.product_id:
        return catalog.product(top.chunk.product_id)
    return None


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


def product_citation(product: Product, question: str = "") -> Citation:
    """The product's chunk that states the first asked attribute's value (its first chunk otherwise)."""
    chunk_id = product.chunk_id
    for attribute in asked_attributes(question) if question else []:
        value = next((v for path in attribute.fields if (v := _field(product, path)) not in (None, "")), None)
        if value is not None:
            chunk_id = product.chunk_with(str(value[0] if isinstance(value, list) and value else value))
            break
    return Citation(
        chunk_id=chunk_id, title=product.label, source=product.source, kind="product",
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
