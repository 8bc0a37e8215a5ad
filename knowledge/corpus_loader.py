"""Read knowledge files from disk and hand them to the chunkers.

A corpus folder is simply every supported file under it, so a merchant upload copied
into the folder is picked up by the next ingest exactly like the demo files.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from knowledge.catalog import ProductRecord
from knowledge.chunking import (
    SHIPPING_COLUMNS,
    MarkdownDoc,
    document_chunks,
    faq_chunks,
    looks_like_faq,
    parse_markdown,
    policy_chunks,
    products_chunks,
    shipping_chunks,
    structured_doc_chunks,
    text_chunks,
)
from knowledge.documents import Ocr, read_docx, read_pdf
from knowledge.html_text import html_to_markdown
from knowledge.mapping import ColumnMapping, mapped_faq, mapped_products, mapping_path, read_records
from knowledge.shopify import looks_like_shopify, shopify_products
from knowledge.tabular import read_table
from knowledge.types import Chunk
from knowledge.web import FetchedPage
from knowledge.woocommerce import looks_like_woocommerce, woocommerce_products

SUPPORTED_SUFFIXES = (".yaml", ".yml", ".md", ".markdown", ".csv", ".json", ".txt", ".pdf", ".docx", ".html",
                      ".htm")
_TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".markdown", ".csv", ".json", ".txt", ".html", ".htm")
# Not merchant knowledge: orders belong in the database, READMEs describe the folder.
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt", "orders.json"})
MAPPING_SUFFIX = ".mapping.json"


class KnowledgeFormatError(ValueError):
    """A file that cannot be read as knowledge; the message says which file and why."""


def source_name(path: Path, corpus_root: Path) -> str:
    """Path relative to the corpus root with "/" separators: a stable id across machines."""
    try:
        return path.resolve().relative_to(corpus_root.resolve()).as_posix()
    except ValueError:
        return path.name  # an upload from outside the corpus is known by its file name


def _read_text(path: Path, source: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # -sig: spreadsheets often add a BOM
    except UnicodeDecodeError as exc:
        # No guessing of code pages: a wrong guess would index garbled text without a word.
        raise KnowledgeFormatError(
            f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 "
            "(Excel: \"CSV UTF-8\")") from exc


def _check_suffix(path: Path, source: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise KnowledgeFormatError(
            f"{source}: unsupported file type {suffix or '(none)'}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    return suffix


def _mapping_for(path: Path, mapping: ColumnMapping | None) -> ColumnMapping | None:
    if mapping is not None:
        return mapping
    sidecar = mapping_path(path)
    return ColumnMapping.from_json(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else None


def load_products(
    path: str | Path, corpus_root: str | Path, *, source: str | None = None, currency: str = "",
    mapping: ColumnMapping | None = None,
) -> list[ProductRecord] | None:
    """The product records of a catalog file (YAML, Shopify/WooCommerce export, mapped CSV/JSON);
    None when the file holds no products (a FAQ, a manual, a shipping table…)."""
    path, root = Path(path), Path(corpus_root)
    source = source or source_name(path, root)
    suffix = _check_suffix(path, source)
    if suffix not in (".yaml", ".yml", ".csv", ".json"):
        return None
    text = _read_text(path, source)
    try:
        if suffix in (".yaml", ".yml"):
            return _yaml_products(text, source)
        mapping = _mapping_for(path, mapping)
        if mapping is not None:
            if mapping.target != "products":
                return None
            return mapped_products(read_records(text, suffix), mapping, source, currency)
        if suffix == ".json":
            return _json_products(text, source)
        table = read_table(text)
        if looks_like_shopify(table):
            return shopify_products(table, source, currency)
        if looks_like_woocommerce(table):
            return woocommerce_products(table, source, currency)
        return None
    except KnowledgeFormatError:
        raise
    except ValueError as exc:  # TableError, MappingError and row errors name the file and row already
        message = str(exc)
        raise KnowledgeFormatError(message if message.startswith(source) else f"{source}: {message}") from exc


def load_file(
    path: str | Path, corpus_root: str | Path, *, source: str | None = None,
    language: str = "en", currency: str = "", mapping: ColumnMapping | None = None, ocr: Ocr | None = None,
) -> list[Chunk]:
    """Chunks of one file, chosen by suffix and, for tables, by their columns.

    `source` (default: the path relative to `corpus_root`) names the file in the store
    and prefixes chunk ids, e.g. source="uploads/faq-es.md" for a merchant upload.
    `currency` is the shop's, for catalog exports that carry none (Shopify, WooCommerce);
    `mapping` reads a generic CSV/JSON (default: the file's saved ".mapping.json");
    `ocr` reads the images of PDF pages without a text layer (knowledge/ocr.py; default: refuse scans).
    """
    path, root = Path(path), Path(corpus_root)
    source = source or source_name(path, root)
    suffix = _check_suffix(path, source)
    try:
        chunks = _chunks(path, suffix, source, currency, mapping, ocr)
    except KnowledgeFormatError:
        raise
    except ValueError as exc:
        message = str(exc)
        raise KnowledgeFormatError(message if message.startswith(source) else f"{source}: {message}") from exc
    if language != "en":
        chunks = [replace(c, language=language) for c in chunks]
    return chunks


def _chunks(
    path: Path, suffix: str, source: str, currency: str, mapping: ColumnMapping | None, ocr: Ocr | None = None
) -> list[Chunk]:
    title = path.stem.replace("_", " ").strip()
    if suffix == ".pdf":
        pdf = read_pdf(path, source, ocr)
        return document_chunks(pdf.title or title, [(s.heading, s.body, s.page) for s in pdf.sections], source)
    if suffix == ".docx":
        word = read_docx(path, source)
        return structured_doc_chunks(word.title or title, [(s.heading, s.body, None) for s in word.sections], source)
    if suffix in (".yaml", ".yml", ".csv", ".json"):
        products = load_products(path, path.parent, source=source, currency=currency, mapping=mapping)
        if products is not None:
            return products_chunks(products, source)
    text = _read_text(path, source)
    if suffix in (".md", ".markdown"):
        doc = parse_markdown(text)
        return faq_chunks(doc, source) if looks_like_faq(doc) else policy_chunks(doc, source)
    if suffix in (".html", ".htm"):
        return html_chunks(text, source, fallback_title=title)
    if suffix in (".csv", ".json"):
        faq_mapping = _mapping_for(path, mapping)
        if faq_mapping is not None:  # a products mapping was handled above
            pairs = mapped_faq(read_records(text, suffix), faq_mapping, source)
            doc = MarkdownDoc(title=None, preamble="", sections=tuple(pairs))
            return faq_chunks(doc, source)
        if suffix == ".csv":
            return _shipping_chunks(text, source)
        raise KnowledgeFormatError(
            f"{source}: a JSON file needs a column mapping — import it from the console's Knowledge tab "
            "and confirm which field is the product id, title, price…")
    return text_chunks(text, source, title=title)


def html_chunks(html: str, source: str, *, fallback_title: str) -> list[Chunk]:
    """A web page or HTML file: sections by its headings (FAQ pages become Q/A chunks)."""
    page_title, markdown = html_to_markdown(html)
    doc = parse_markdown(markdown)
    title = doc.title or page_title or fallback_title
    sections = [(heading, body, None) for heading, body in doc.sections if body]
    if doc.preamble:
        sections.insert(0, ("", doc.preamble, None))
    if not sections:
        raise KnowledgeFormatError(f"{source}: the page has no readable text")
    return structured_doc_chunks(title, sections, source)


def url_source_name(url: str) -> str:
    """'web/nordvik.example/help/faq' for https://nordvik.example/help/faq?x=1: stable per page."""
    parts = urlsplit(url)
    path = re.sub(r"[^A-Za-z0-9._/-]+", "-", parts.path).strip("/-") or "index"
    return f"web/{(parts.hostname or 'page').lower()}/{path}"[:200]


def page_chunks(page: FetchedPage, source: str, ocr: Ocr | None = None) -> list[Chunk]:
    """Chunks of a fetched web page: HTML by headings, PDF by sections and pages, text by paragraphs."""
    media = page.content_type.split(";")[0].strip().lower()
    fallback = source.rsplit("/", 1)[-1].replace("-", " ")
    if media == "application/pdf":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "page.pdf"
            path.write_bytes(page.body)
            doc = read_pdf(path, source, ocr)
        return document_chunks(doc.title or fallback, [(s.heading, s.body, s.page) for s in doc.sections], source)
    if media in ("text/plain", "text/markdown"):
        return text_chunks(page.text, source, title=fallback)
    return html_chunks(page.text, source, fallback_title=fallback)


def _yaml_products(text: str, source: str) -> list[ProductRecord]:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeFormatError(f"{source}: invalid YAML: {exc}") from exc
    products = data.get("products") if isinstance(data, dict) else data
    if not isinstance(products, list) or not all(isinstance(p, dict) for p in products):
        raise KnowledgeFormatError(f"{source}: expected a 'products:' list of mappings")
    return products


def _json_products(text: str, source: str) -> list[ProductRecord]:
    """A JSON list already in the product model's shape (id, title, price…), as products.yaml is."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnowledgeFormatError(f"{source}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    products = data.get("products") if isinstance(data, dict) else data
    if isinstance(products, list) and products and all(
            isinstance(p, dict) and "id" in p and "title" in p for p in products):
        return products
    raise KnowledgeFormatError(
        f"{source}: a JSON file needs a column mapping — import it from the console's Knowledge tab "
        "and confirm which field is the product id, title, price…")


def _shipping_chunks(text: str, source: str) -> list[Chunk]:
    table = read_table(text)
    if looks_like_shipping(table.header):
        rows = [{k: v or "" for k, v in row.values.items()} for row in table.rows]
        for row, number in zip(rows, (r.number for r in table.rows), strict=True):
            missing = [c for c in ("country_code", "country", "carrier", "days_min", "days_max", "cost")
                       if not row.get(c, "").strip()]
            if missing:
                raise KnowledgeFormatError(f"{source} row {number}: {', '.join(missing)} empty")
        return shipping_chunks(rows, source)
    raise KnowledgeFormatError(
        f"{source}: columns {', '.join(h for h in table.header if h)[:200]} are not a format we recognise "
        "(a Shopify or WooCommerce product export, or a shipping table with "
        f"{', '.join(SHIPPING_COLUMNS)}). Import it from the console's Knowledge tab to map its columns.")


def looks_like_shipping(header: tuple[str, ...] | list[str]) -> bool:
    return all(c in header for c in SHIPPING_COLUMNS)


def iter_corpus_files(corpus_dir: str | Path) -> Iterator[Path]:
    """Knowledge files under `corpus_dir` in a stable order; hidden files are skipped."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES \
                and path.name.lower() not in SKIPPED_NAMES and not path.name.lower().endswith(MAPPING_SUFFIX):
            yield path


def load_corpus(corpus_dir: str | Path, *, currency: str = "") -> dict[str, list[Chunk]]:
    """All chunks of a corpus folder, grouped by source."""
    return {source_name(p, Path(corpus_dir)): load_file(p, corpus_dir, currency=currency)
            for p in iter_corpus_files(corpus_dir)}


def load_catalog(corpus_dir: str | Path, *, currency: str = "") -> dict[str, list[ProductRecord]]:
    """Every product of a corpus folder in the one product model, grouped by source file —
    what the chat's fact layer reads, whichever export the products came from."""
    catalog: dict[str, list[ProductRecord]] = {}
    for path in iter_corpus_files(corpus_dir):
        products = load_products(path, corpus_dir, currency=currency)
        if products is not None:
            catalog[source_name(path, Path(corpus_dir))] = products
    return catalog
