"""The merchant's structured data (product catalog, shipping table) as typed rows, read from the knowledge folders.

The same files the knowledge loader indexes: every product file it reads (YAML, Shopify/WooCommerce exports, mapped
CSV/JSON, in the one product model) and every shipping CSV under the corpus folder and the merchant's uploads. Re-read when a file changes, so an upload or an edit
shows in the next answer; a file that cannot be read is skipped here (the knowledge admin reports it to the merchant).
"""

from __future__ import annotations

import csv
import io
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from knowledge.chunking import SHIPPING_COLUMNS, product_label, shipping_sentence
from knowledge.corpus_loader import KnowledgeFormatError, iter_corpus_files, load_products, source_name

log = logging.getLogger(__name__)

# "(DDP)" / "DAP" written in the service column, or an explicit incoterm column.
_INCOTERM = re.compile(r"\b(DDP|DAP)\b")


@dataclass(frozen=True)
class ShippingRow:
    country_code: str
    country: str
    carrier: str
    service: str
    days_min: int | None
    days_max: int | None
    cost: Decimal | None
    currency: str
    free_over: Decimal | None
    incoterm: str | None  # "DDP": duties paid by the shop; "DAP": the buyer pays import charges
    source: str
    chunk_id: str
    sentence: str  # the row as the knowledge store words it (the citation excerpt)


@dataclass(frozen=True)
class Product:
    id: str
    title: str
    label: str
    data: Mapping[str, Any]
    source: str
    aliases: tuple[str, ...] = ()

    @property
    def chunk_id(self) -> str:
        return f"{self.source}#{self.id}"


@dataclass(frozen=True)
class Catalog:
    products: tuple[Product, ...] = ()
    shipping: tuple[ShippingRow, ...] = ()

    def shipping_to(self, country_code: str) -> ShippingRow | None:
        """The country's first row: its default service."""
        return next((row for row in self.shipping if row.country_code == country_code.upper()), None)

    def product(self, product_id: str) -> Product | None:
        return next((p for p in self.products if p.id.casefold() == product_id.casefold()), None)


def _decimal(text: Any) -> Decimal | None:
    try:
        return Decimal(str(text).strip()) if str(text or "").strip() else None
    except InvalidOperation:
        return None


def _int(text: Any) -> int | None:
    value = _decimal(text)
    return int(value) if value is not None else None


def shipping_rows(text: str, source: str) -> list[ShippingRow]:
    """Rows of one shipping CSV; [] when the CSV is not a shipping table."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if any(column not in header for column in SHIPPING_COLUMNS):
        return []
    rows = []
    for raw in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k}
        code = row.get("country_code", "").upper()
        if len(code) != 2:
            continue
        term = (row.get("incoterm") or "").upper() or None
        found = _INCOTERM.search(row.get("service", "")) if term is None else None
        rows.append(ShippingRow(
            country_code=code, country=row.get("country", ""), carrier=row.get("carrier", ""),
            service=row.get("service", ""), days_min=_int(row.get("days_min")), days_max=_int(row.get("days_max")),
            cost=_decimal(row.get("cost")), currency=(row.get("currency") or "").upper(),
            free_over=_decimal(row.get("free_over")), incoterm=term or (found.group(1) if found else None),
            source=source, chunk_id=f"{source}#{code.lower()}", sentence=shipping_sentence(row),
        ))  # fmt: skip
    return rows


def _derived_aliases(products: list[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Model names: the word after the brand ("PixelPort Arena …") when only one product's title has it there."""
    words: dict[str, set[str]] = {}
    for product in products:
        tokens = str(product.get("title") or "").split()
        word = tokens[1] if len(tokens) > 1 else ""
        if word.isalpha() and word[0].isupper() and not word.isupper() and len(word) >= 4:
            words.setdefault(word, set()).add(str(product["id"]))
    aliases: dict[str, list[str]] = {}
    for word, ids in words.items():
        if len(ids) == 1:
            aliases.setdefault(next(iter(ids)), []).append(word)
    return aliases


def products_from(data: Any, source: str) -> list[Product]:
    items = data.get("products") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return []
    items = [p for p in items if isinstance(p, dict) and str(p.get("id") or "").strip()]
    derived = _derived_aliases(items)
    products = []
    for item in items:
        pid = str(item["id"]).strip()
        explicit = item.get("aliases") or []
        aliases = [str(a) for a in (explicit if isinstance(explicit, list) else [explicit])]
        products.append(Product(
            id=pid, title=" ".join(str(item.get("title") or pid).split()), label=product_label(item), data=item,
            source=source, aliases=tuple(dict.fromkeys([*aliases, *derived.get(pid, [])])),
        ))  # fmt: skip
    return products


_CATALOG_SUFFIXES = (".yaml", ".yml", ".csv", ".json")


def load_catalog(folders: Iterable[tuple[Path, str]], currency: str = "") -> Catalog:
    """(folder, source prefix) pairs, e.g. (corpus_dir, "") and (uploads_dir, "uploads/"). `currency`: the store's,
    for exports that do not name one (Shopify's product CSV)."""
    products: list[Product] = []
    shipping: list[ShippingRow] = []
    for folder, prefix in folders:
        if not folder.is_dir():
            continue
        for path in iter_corpus_files(folder):
            suffix = path.suffix.lower()
            if suffix not in _CATALOG_SUFFIXES:
                continue
            source = prefix + (path.name if prefix else source_name(path, folder))
            try:
                records = load_products(path, folder, source=source, currency=currency)
                if records is not None:
                    products.extend(products_from(records, source))
                elif suffix == ".csv":
                    shipping.extend(shipping_rows(path.read_text(encoding="utf-8-sig"), source))
            except (OSError, UnicodeDecodeError, KnowledgeFormatError, csv.Error) as exc:
                log.warning("fact catalog: skipped %s: %s", source, exc)
    return Catalog(tuple(products), tuple(shipping))


class CatalogSource:
    """The current catalog; re-read when a file under the folders was added, removed or changed."""

    def __init__(
        self, corpus_dir: Path, uploads_dir: Path | None = None, currency: str = "",
        shipping: Callable[[], Sequence[ShippingRow] | None] | None = None,
    ) -> None:  # fmt: skip
        # `shipping`: the table the merchant saved in Store setup, asked per use; None/empty: the files' rows apply.
        self._shipping = shipping
        self._currency = currency
        self._folders = [(corpus_dir, "")] + ([(uploads_dir, "uploads/")] if uploads_dir else [])
        self._lock = threading.Lock()
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._catalog = Catalog()

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        stamp = []
        for folder, _ in self._folders:
            if folder.is_dir():
                for path in iter_corpus_files(folder):
                    if path.suffix.lower() in _CATALOG_SUFFIXES:
                        info = path.stat()
                        stamp.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(stamp)

    def current(self) -> Catalog:
        catalog = self.file_catalog()
        saved = self._shipping() if self._shipping is not None else None
        return replace(catalog, shipping=tuple(saved)) if saved else catalog

    def file_catalog(self) -> Catalog:
        """The catalog as the knowledge files have it (the Store setup table shows these rows until it is saved)."""
        stamp = self._fingerprint()
        with self._lock:
            if stamp != self._stamp:
                self._catalog, self._stamp = load_catalog(self._folders, self._currency), stamp
            return self._catalog
