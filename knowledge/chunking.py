"""Turn parsed merchant knowledge into `Chunk`s. Pure functions: no file access.

Chunk texts are compact "key: value" lines that start with the item's own label, so a
chunk read alone (by the embedder, the chat model or a person) says what it is about.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from knowledge.catalog import variant_label
from knowledge.types import Chunk

# Above this many characters a product is split into "overview" and "specs" chunks:
# a sentence encoder averages over its input, so one long chunk blurs the facts in it.
PRODUCT_SPLIT_CHARS = 600
# Plain-text uploads are packed paragraph by paragraph up to about this size.
TEXT_CHUNK_CHARS = 1000
LOW_STOCK_AT = 5

OVERVIEW_SECTION = "overview"
SPECS_SECTION = "specs"
COMPAT_SECTION = "compatibility & in the box"
VARIANTS_SECTION = "variants"


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug for ids; falls back to a short hash for scripts with no ASCII form."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_len].strip("-")
    if not slug:
        slug = "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return slug


_ACRONYMS = {"hdr": "HDR", "vesa": "VESA", "usb": "USB", "hdmi": "HDMI", "pd": "PD",
             "dp": "DP", "ppi": "PPI", "led": "LED", "oled": "OLED", "ips": "IPS"}


def _humanize_key(key: str) -> str:
    """`refresh_rate` -> `Refresh rate`, `hdr` -> `HDR`; keys written for people are kept."""
    if "_" not in key and not key.islower():
        return key
    words = [_ACRONYMS.get(w, w) for w in key.replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _fmt_list(items: Iterable[Any]) -> str:
    return "; ".join(str(item).strip() for item in items if str(item).strip())


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def product_label(product: Mapping[str, Any]) -> str:
    """Citation label: 'PixelPort 15.6" 4K OLED (PP-156-4K)'."""
    title = _one_line(product.get("title") or product["id"])
    pid = str(product["id"])
    return title if pid in title else f"{title} ({pid})"


def stock_status(stock: Any, in_stock: bool | None = None) -> str:
    """A status rather than the raw count, so routine stock moves don't force re-embeds.
    `in_stock` is the shop's own flag, used when it tracks no unit counts."""
    try:
        units = int(stock)
    except (TypeError, ValueError):
        if in_stock is not None:
            return "in stock" if in_stock else "out of stock"
        return "unknown"
    if units <= 0:
        return "out of stock"
    if units <= LOW_STOCK_AT:
        return f"low stock (only {units} left)"
    return "in stock"


def _product_parts(product: Mapping[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(id suffix, section name, "key: value" lines) in reading order."""
    currency = str(product.get("currency") or "").strip()
    overview: list[str] = []
    if product.get("category"):
        overview.append(f"Category: {_one_line(product['category'])}")
    if product.get("vendor"):
        overview.append(f"Brand: {_one_line(product['vendor'])}")
    if product.get("price") is not None:
        price = str(product["price"])
        if product.get("price_max") is not None:
            price = f"{price}–{product['price_max']}"
        overview.append(f"Price: {price} {currency}".rstrip()
                        + _was(product.get("compare_at_price"), currency))
    if "stock" in product or "in_stock" in product:
        overview.append(f"Availability: {stock_status(product.get('stock'), product.get('in_stock'))}")
    if product.get("warranty_months") is not None:
        overview.append(f"Warranty: {product['warranty_months']} months")
    if product.get("weight_kg") is not None:
        overview.append(f"Weight: {product['weight_kg']} kg")
    if product.get("tags"):
        overview.append(f"Tags: {_fmt_list(product['tags'])}")
    if product.get("description"):
        overview.append(f"Description: {_one_line(product['description'])}")
    # `notes` are the merchant's internal remarks: never indexed, so never shown to buyers or the model.

    specs = [f"{_humanize_key(str(key))}: {_one_line(value)}"
             for key, value in (product.get("specs") or {}).items()]

    compat: list[str] = []
    if product.get("compatibility"):
        compat.append(f"Compatible with: {_fmt_list(product['compatibility'])}")
    if product.get("in_the_box"):
        compat.append(f"In the box: {_fmt_list(product['in_the_box'])}")
    variants = [_variant_line(v, currency) for v in product.get("variants") or []]
    parts = [("overview", OVERVIEW_SECTION, overview), ("variants", VARIANTS_SECTION, variants),
             ("specs", SPECS_SECTION, specs), ("compatibility", COMPAT_SECTION, compat)]
    return [part for part in parts if part[2]]


def _was(compare_at: Any, currency: str) -> str:
    return f" (was {compare_at} {currency})".replace(" )", ")") if compare_at else ""


def _variant_line(variant: Mapping[str, Any], currency: str) -> str:
    """'Variant Color: Black, Size: L (SKU TS-B-L): price 25.00 EUR, in stock'."""
    label = variant_label(variant) or "default"
    sku = str(variant.get("sku") or "").strip()
    head = f"Variant {label}" + (f" (SKU {sku})" if sku else "")
    facts: list[str] = []
    if variant.get("price"):
        facts.append(f"price {variant['price']} {currency}".rstrip() + _was(variant.get("compare_at_price"), currency))
    if "stock" in variant or "in_stock" in variant:
        facts.append(stock_status(variant.get("stock"), variant.get("in_stock")))
    if variant.get("weight_kg"):
        facts.append(f"weight {variant['weight_kg']} kg")
    return f"{head}: {', '.join(facts)}" if facts else head


def product_chunks(
    product: Mapping[str, Any], source: str, *, split_over: int = PRODUCT_SPLIT_CHARS
) -> list[Chunk]:
    """One chunk per product if short; otherwise overview / specs / compatibility & box,
    neighbours merged while they fit in `split_over` characters. Every chunk starts with
    the product label and carries the product id."""
    pid = str(product["id"])
    label = product_label(product)
    parts = _split_long_parts(_product_parts(product), label, split_over)
    base_id = f"{source}#{pid}"
    whole = "\n".join([label, *(line for _, _, lines in parts for line in lines)])
    if len(whole) <= split_over or len(parts) < 2:
        return [Chunk(id=base_id, text=whole, source=source, title=label, kind="product",
                      product_id=pid)]

    packs: list[tuple[list[str], list[str], list[str]]] = []  # (suffixes, sections, lines)
    for suffix, section, lines in parts:
        if packs and len("\n".join([label, *packs[-1][2], *lines])) <= split_over:
            packs[-1][0].append(suffix)
            packs[-1][1].append(section)
            packs[-1][2].extend(lines)
        else:
            packs.append(([suffix], [section], list(lines)))
    chunks: list[Chunk] = []
    for suffixes, sections, lines in packs:
        section = " & ".join(sections)
        title = label if suffixes[0] == "overview" else f"{label} — {section}"
        chunks.append(Chunk(id=f"{base_id}/{'+'.join(suffixes)}",
                            text="\n".join([title, *lines]), source=source, title=title,
                            kind="product", product_id=pid, section=section))
    return chunks


def _split_long_parts(
    parts: list[tuple[str, str, list[str]]], label: str, limit: int
) -> list[tuple[str, str, list[str]]]:
    """A variants part longer than `limit` (dozens of variants) becomes several: "variants", "variants-2"…
    Other parts stay whole, as they always were (their chunk ids are citations already stored)."""
    out: list[tuple[str, str, list[str]]] = []
    for suffix, section, lines in parts:
        if section != VARIANTS_SECTION:
            out.append((suffix, section, lines))
            continue
        packs: list[list[str]] = [[]]
        for line in lines:
            if packs[-1] and len("\n".join([label, *packs[-1], line])) > limit:
                packs.append([])
            packs[-1].append(line)
        for i, pack in enumerate(packs, start=1):
            out.append((suffix if i == 1 else f"{suffix}-{i}", section if i == 1 else f"{section} ({i})", pack))
    return out


def products_chunks(products: Iterable[Mapping[str, Any]], source: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for product in products:
        pid = str(product.get("id") or "").strip()
        if not pid:
            raise ValueError(f"{source}: a product has no id")
        if pid in seen:
            raise ValueError(f"{source}: duplicate product id {pid!r}")
        seen.add(pid)
        chunks.extend(product_chunks(product, source))
    return chunks


# --- Markdown ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MarkdownDoc:
    title: str | None  # the "# " heading
    preamble: str  # text between the title and the first "## "
    sections: tuple[tuple[str, str], ...]  # ("## " heading, body)


def parse_markdown(text: str) -> MarkdownDoc:
    """Split on "# " / "## " headings; deeper headings stay inside their section body."""
    title: str | None = None
    preamble: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("# ") and title is None and not sections:
            title = line[2:].strip()
        elif not in_fence and line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            preamble.append(line)
    return MarkdownDoc(
        title=title,
        preamble=_tidy("\n".join(preamble)),
        sections=tuple((heading, _tidy("\n".join(body))) for heading, body in sections),
    )


def _tidy(text: str) -> str:
    """Trim and collapse runs of blank lines; paragraphs stay separated by one blank line."""
    return re.sub(r"\n\s*\n+", "\n\n", text.strip())


def looks_like_faq(doc: MarkdownDoc) -> bool:
    if doc.title and re.search(r"\bfaq\b|frequently asked|questions", doc.title, re.I):
        return True
    questions = sum(heading.rstrip().endswith("?") for heading, _ in doc.sections)
    return bool(doc.sections) and questions * 2 > len(doc.sections)


def _unique_ids(base: str, slugs: Iterable[str]) -> Iterator[str]:
    """Stable ids; a repeated heading gets -2, -3… in document order."""
    counts: dict[str, int] = {}
    for slug in slugs:
        counts[slug] = counts.get(slug, 0) + 1
        yield f"{base}#{slug}" if counts[slug] == 1 else f"{base}#{slug}-{counts[slug]}"


def faq_chunks(doc: MarkdownDoc, source: str) -> list[Chunk]:
    entries = [(q, a) for q, a in doc.sections if a]
    ids = _unique_ids(source, (slugify(q) for q, _ in entries))
    return [
        Chunk(id=chunk_id, text=f"Q: {question}\nA: {answer}", source=source,
              title=f"FAQ: {question}", kind="faq", section=question)
        for chunk_id, (question, answer) in zip(ids, entries, strict=True)
    ]


_VERSION_RE = re.compile(r"^\s*(?:\*\*)?version(?:\*\*)?\s*:\s*(?P<v>.+?)\s*$", re.I | re.M)


def policy_version(doc: MarkdownDoc) -> str | None:
    match = _VERSION_RE.search(doc.preamble)
    return match.group("v").strip("* ") if match else None


def policy_label(doc: MarkdownDoc, source: str) -> str:
    """'Returns policy' from '# Returns policy'; from the file name when there is no title."""
    if doc.title:
        return doc.title
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("_", " ").replace("-", " ")
    return f"{stem.capitalize()} policy"


def policy_chunks(doc: MarkdownDoc, source: str) -> list[Chunk]:
    """One chunk per "## " section; the version line goes into every chunk so a cited
    passage always says which policy version it came from."""
    label = policy_label(doc, source)
    version = policy_version(doc)
    header = f"{label} (version {version})" if version else label
    entries = [(heading, body) for heading, body in doc.sections if body]
    # Preamble prose (not just the version line) is a section of its own.
    intro = _VERSION_RE.sub("", doc.preamble).strip()
    if intro:
        entries.insert(0, ("Overview", intro))
    ids = _unique_ids(source, (slugify(heading) for heading, _ in entries))
    return [
        Chunk(id=chunk_id, text=f"{header} — {heading}\n{body}", source=source,
              title=f"{label} — {heading}", kind="policy", section=heading)
        for chunk_id, (heading, body) in zip(ids, entries, strict=True)
    ]


# --- Shipping ----------------------------------------------------------------------------

# Buyer languages whose country names are embedded with each shipping row: a buyer writes
# "배송 스페인" or "envío a España", and the row itself only says "Spain (ES)".
COUNTRY_NAME_LANGUAGES = ("en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar",
                          "ja", "ko")


def country_names(code: str, languages: Sequence[str] = COUNTRY_NAME_LANGUAGES) -> list[str]:
    """The territory's name in each language (CLDR via Babel), duplicates dropped; [] for a
    code CLDR does not know."""
    from babel import Locale

    names: list[str] = []
    for language in languages:
        name = Locale.parse(language).territories.get(code.upper())
        if name and name not in names:
            names.append(name)
    return names


SHIPPING_COLUMNS = ("country_code", "country", "carrier", "service", "days_min", "days_max",
                    "cost", "currency")


def shipping_sentence(row: Mapping[str, str]) -> str:
    code = row["country_code"].strip().upper()
    country = row["country"].strip()
    currency = row.get("currency", "").strip()
    carrier, service = row["carrier"].strip(), row["service"].strip()
    by = f"{carrier}, service {service}" if service else carrier
    days_min, days_max = row["days_min"].strip(), row["days_max"].strip()
    days = f"{days_min} days" if days_min == days_max else f"{days_min}–{days_max} days"
    cost = row["cost"].strip()
    text = f"Shipping to {country} ({code}): {by}, {days}, {cost} {currency}".rstrip()
    free_over = (row.get("free_over") or "").strip()
    # Said explicitly either way: "is shipping free?" is a common question.
    text += f", free over {free_over} {currency}".rstrip() if free_over else \
        ", no free-shipping threshold"
    return_cost = (row.get("return_cost") or "").strip()
    if return_cost:
        text += f"; return shipping to our warehouse costs {return_cost} {currency}".rstrip()
    return text + "."


def shipping_chunks(rows: Sequence[Mapping[str, str]], source: str) -> list[Chunk]:
    """One chunk per row. Countries with several services get the service in the title."""
    per_country: dict[str, int] = {}
    for row in rows:
        code = row["country_code"].strip().upper()
        per_country[code] = per_country.get(code, 0) + 1
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for row in rows:
        code = row["country_code"].strip().upper()
        title = f"Shipping to {row['country'].strip()}"
        slug = code.lower()
        if per_country[code] > 1:
            service = " ".join(p for p in (row["carrier"].strip(), row["service"].strip()) if p)
            title = f"{title} — {service}"
            slug = f"{slug}-{slugify(service)}"
        seen[slug] = seen.get(slug, 0) + 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
        chunks.append(Chunk(id=f"{source}#{slug}", text=shipping_sentence(row), source=source,
                            title=title, kind="shipping", section=code,
                            index_terms=" · ".join(country_names(code))))
    return chunks


# --- Plain text --------------------------------------------------------------------------


def text_chunks(text: str, source: str, title: str, *,
                max_chars: int = TEXT_CHUNK_CHARS) -> list[Chunk]:
    """Paragraphs packed greedily up to `max_chars`; a longer paragraph stands alone."""
    paragraphs = [_one_line(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    packs: list[str] = []
    for paragraph in paragraphs:
        if packs and len(packs[-1]) + 2 + len(paragraph) <= max_chars:
            packs[-1] = f"{packs[-1]}\n\n{paragraph}"
        else:
            packs.append(paragraph)
    many = len(packs) > 1
    return [
        Chunk(id=f"{source}#part-{i}", text=pack, source=source,
              title=f"{title} (part {i})" if many else title, kind="document",
              section=f"part {i}")
        for i, pack in enumerate(packs, start=1)
    ]


# --- Documents (PDF, DOCX, HTML pages) ---------------------------------------------------

_POLICY_WORDS = re.compile(
    r"\b(?:polic(?:y|ies)|terms|conditions|returns?|refunds?|warranty|guarantee|shipping|delivery|privacy"
    r"|agb|widerruf|garantie|politique|política|politica|condiciones|gwarancj\w*|regulamin)\b", re.I)


def _pack(text: str, max_chars: int) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n(?=[-•*] )", text) if p.strip()]
    packs: list[str] = []
    for paragraph in paragraphs:
        if packs and len(packs[-1]) + 1 + len(paragraph) <= max_chars:
            packs[-1] = f"{packs[-1]}\n{paragraph}"
        else:
            packs.append(paragraph)
    return packs


def document_chunks(
    title: str, sections: Iterable[tuple[str, str, int | None]], source: str, *,
    kind: str = "document", max_chars: int = TEXT_CHUNK_CHARS,
) -> list[Chunk]:
    """One chunk per (heading, body, page) section, long bodies packed into several.

    The citation label names the document, the section and, for PDFs, the page
    ("Aurora X2 manual — 3 Setup, p. 4"); it also heads the chunk text.
    """
    entries: list[tuple[str, str, str, str]] = []  # (slug, label, section, text)
    for heading, body, page in sections:
        pieces = _pack(body, max_chars)
        for i, piece in enumerate(pieces, start=1):
            label = f"{title} — {heading}" if heading else title
            if page is not None:
                label += f", p. {page}"
            if len(pieces) > 1:
                label += f" ({i}/{len(pieces)})"
            section = heading or "text"
            if page is not None:
                section += f" (p. {page})"
            slug = slugify(heading or "text") + (f"-p{page}" if page is not None else "")
            entries.append((slug, label, section, f"{label}\n{piece}"))
    ids = _unique_ids(source, (slug for slug, _, _, _ in entries))
    return [
        Chunk(id=chunk_id, text=text, source=source, title=label, kind=kind,  # type: ignore[arg-type]
              section=section)
        for chunk_id, (_, label, section, text) in zip(ids, entries, strict=True)
    ]


def structured_doc_chunks(
    title: str, sections: Sequence[tuple[str, str, int | None]], source: str
) -> list[Chunk]:
    """FAQ chunks when most headings are questions, policy chunks for policy-like titles, else document."""
    doc = MarkdownDoc(title=title, preamble="", sections=tuple((h, b) for h, b, _ in sections if h))
    if doc.sections and looks_like_faq(doc) and all(page is None for _, _, page in sections):
        return faq_chunks(doc, source)
    kind = "policy" if _POLICY_WORDS.search(title) else "document"
    return document_chunks(title, sections, source, kind=kind)
