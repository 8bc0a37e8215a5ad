"""Any CSV or JSON file, read through a column mapping the merchant confirms.

The merchant sees the first rows and a suggested mapping, corrects it, and the confirmed
mapping is saved next to the file ("catalog.csv.mapping.json"), so re-indexing the file
later reads it the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from knowledge.catalog import ProductRecord, VariantRecord, parse_int, parse_money, roll_up_variants
from knowledge.html_text import html_to_text
from knowledge.tabular import Row, Table, read_table

MappingTarget = Literal["products", "faq"]
PRODUCT_FIELDS = ("id", "title", "price", "compare_at_price", "currency", "stock", "category", "vendor",
                  "description", "sku", "weight_kg", "url")
FAQ_FIELDS = ("question", "answer")
# Mapping keys "option:Size" name a variant option; rows sharing an id become variants of one product.
OPTION_PREFIX = "option:"

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "product_id", "productid", "handle", "item_id", "code", "article", "artikelnummer"),
    "sku": ("sku", "variant_sku", "item_sku", "mpn", "model"),
    "title": ("title", "name", "product_name", "product", "item_name", "product_title", "bezeichnung"),
    "price": ("price", "regular_price", "sale_price", "unit_price", "amount", "preis", "prix", "precio"),
    "compare_at_price": ("compare_at_price", "list_price", "msrp", "original_price", "old_price"),
    "currency": ("currency", "currency_code", "waehrung", "devise", "moneda"),
    "stock": ("stock", "qty", "quantity", "inventory", "inventory_qty", "stock_quantity", "available", "bestand"),
    "category": ("category", "categories", "type", "product_type", "kategorie", "categorie"),
    "vendor": ("vendor", "brand", "manufacturer", "marke"),
    "description": ("description", "body", "body_html", "long_description", "details", "beschreibung"),
    "weight_kg": ("weight_kg", "weight", "gewicht", "poids", "peso"),
    "url": ("url", "link", "product_url"),
    "question": ("question", "q", "frage", "pregunta"),
    "answer": ("answer", "a", "antwort", "respuesta", "reponse"),
}


class MappingError(ValueError):
    """A mapping that does not fit the file; the message names the column or row."""


@dataclass(frozen=True)
class ColumnMapping:
    target: MappingTarget = "products"
    columns: Mapping[str, str] = field(default_factory=dict)  # field (or "option:Name") -> file column
    specs_from_other_columns: bool = True  # unmapped columns become "Column: value" spec lines

    def to_json(self) -> str:
        return json.dumps({"target": self.target, "columns": dict(self.columns),
                           "specs_from_other_columns": self.specs_from_other_columns}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
            target = data.get("target", "products")
            if target not in ("products", "faq"):
                raise MappingError(f"unknown mapping target {target!r}")
            columns = {str(k): str(v) for k, v in (data.get("columns") or {}).items() if v}
            return cls(target=target, columns=columns,
                       specs_from_other_columns=bool(data.get("specs_from_other_columns", True)))
        except (json.JSONDecodeError, AttributeError) as exc:
            raise MappingError(f"not a column mapping: {exc}") from exc

    @classmethod
    def from_pairs(cls, target: str, pairs: Sequence[Sequence[str]]) -> ColumnMapping:
        """From (field, column) rows as a merchant edits them; rows with no column are left out."""
        if target not in ("products", "faq"):
            raise MappingError(f"unknown mapping target {target!r}")
        allowed = FAQ_FIELDS if target == "faq" else PRODUCT_FIELDS
        columns: dict[str, str] = {}
        for pair in pairs:
            if len(pair) < 2:
                continue
            key, column = str(pair[0] or "").strip(), str(pair[1] or "").strip()
            if key and column and (key in allowed or (target == "products" and key.startswith(OPTION_PREFIX))):
                columns[key] = column
        return cls(target=target, columns=columns)  # type: ignore[arg-type]

    def validate(self, header: Sequence[str]) -> None:
        allowed = FAQ_FIELDS if self.target == "faq" else PRODUCT_FIELDS
        for key, column in self.columns.items():
            if key not in allowed and not (self.target == "products" and key.startswith(OPTION_PREFIX)):
                raise MappingError(f"{key!r} is not a field; use {', '.join(allowed)}")
            if column not in header:
                raise MappingError(f"column {column!r} (for {key}) is not in the file; it has {', '.join(header)}")
        needed = ("question", "answer") if self.target == "faq" else ("title",)
        missing = [k for k in needed if k not in self.columns]
        if self.target == "products" and "id" not in self.columns and "sku" not in self.columns:
            missing.append("id or sku")
        if missing:
            raise MappingError(f"map a column to {', '.join(missing)}")


def mapping_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.mapping.json")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def suggest_mapping(header: Sequence[str]) -> ColumnMapping:
    """A first guess from column names; the merchant confirms or corrects it."""
    by_key = {_key(h): h for h in header}
    columns: dict[str, str] = {}
    for target_field, names in _SYNONYMS.items():
        for name in names:
            if name in by_key and by_key[name] not in columns.values():
                columns[target_field] = by_key[name]
                break
    target: MappingTarget = "faq" if {"question", "answer"} <= columns.keys() else "products"
    allowed = FAQ_FIELDS if target == "faq" else PRODUCT_FIELDS
    return ColumnMapping(target=target, columns={k: v for k, v in columns.items() if k in allowed})


def _flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = ", ".join(str(v) for v in value if not isinstance(v, Mapping | list))
        elif value is not None:
            flat[name] = str(value)
    return flat


def read_records(text: str, suffix: str) -> Table:
    """A CSV, or a JSON list of objects (or an object holding one such list), as a table."""
    if suffix != ".json":
        return read_table(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MappingError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if isinstance(data, Mapping):
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list) or not data:
        raise MappingError("expected a JSON list of objects")
    rows: list[Row] = []
    header: dict[str, None] = {}
    for index, item in enumerate(data, start=1):
        if not isinstance(item, Mapping):
            raise MappingError(f"item {index} is not an object")
        flat = _flatten(item)
        header.update(dict.fromkeys(flat))
        rows.append(Row(number=index, values=flat))
    return Table(header=tuple(header), rows=tuple(rows), unit="item")


def mapped_products(table: Table, mapping: ColumnMapping, source: str, currency: str) -> list[ProductRecord]:
    mapping.validate(table.header)
    cols = mapping.columns
    used = set(cols.values())
    products: dict[str, ProductRecord] = {}
    for row in table.rows:
        where = f"{source} {table.unit} {row.number}"
        pid = row.get(cols.get("id", "")) or row.get(cols.get("sku", ""))
        if not pid:
            raise MappingError(f"{where}: {cols.get('id') or cols.get('sku')} is empty")
        try:
            options = {k[len(OPTION_PREFIX):]: row.get(c) for k, c in cols.items()
                       if k.startswith(OPTION_PREFIX) and row.get(c)}
            price = parse_money(row.get(cols["price"])) if row.get(cols.get("price", "")) else None
            was = parse_money(row.get(cols["compare_at_price"])) if row.get(cols.get("compare_at_price", "")) else None
            stock = parse_int(row.get(cols["stock"])) if "stock" in cols else None
            weight = float(row.get(cols["weight_kg"]).replace(",", ".")) if row.get(cols.get("weight_kg", "")) \
                else None
        except ValueError as exc:
            raise MappingError(f"{where}: {exc}") from exc
        product = products.get(pid)
        if product is None:
            product = {"id": pid, "title": row.get(cols["title"]) or pid}
            for name in ("category", "vendor", "url"):
                if row.get(cols.get(name, "")):
                    product[name] = row.get(cols[name])  # type: ignore[literal-required]
            if row.get(cols.get("description", "")):
                product["description"] = html_to_text(row.get(cols["description"]))
            product_currency = row.get(cols.get("currency", "")) or currency
            if product_currency:
                product["currency"] = product_currency
            if mapping.specs_from_other_columns:
                specs = {c: row.get(c) for c in table.header if c not in used and row.get(c)}
                if specs:
                    product["specs"] = specs
            products[pid] = product
            if not options:
                if price:
                    product["price"] = price
                if was:
                    product["compare_at_price"] = was
                if stock is not None:
                    product["stock"] = stock
                if weight:
                    product["weight_kg"] = weight
                if row.get(cols.get("sku", "")) and "id" in cols:
                    product.setdefault("specs", {})["SKU"] = row.get(cols["sku"])
                continue
        if not options:
            raise MappingError(f"{where}: {pid!r} appears twice; map option columns to read rows as variants")
        variant: VariantRecord = {"options": options, "title": " / ".join(options.values())}
        if row.get(cols.get("sku", "")):
            variant["sku"] = row.get(cols["sku"])
        if price:
            variant["price"] = price
        if was:
            variant["compare_at_price"] = was
        if stock is not None:
            variant["stock"] = stock
        if weight:
            variant["weight_kg"] = weight
        product.setdefault("variants", []).append(variant)
    return [roll_up_variants(p) if p.get("variants") else p for p in products.values()]


def mapped_faq(table: Table, mapping: ColumnMapping, source: str) -> list[tuple[str, str]]:
    mapping.validate(table.header)
    pairs: list[tuple[str, str]] = []
    for row in table.rows:
        question, answer = row.get(mapping.columns["question"]), row.get(mapping.columns["answer"])
        if question and answer:
            pairs.append((question, html_to_text(answer)))
        elif question or answer:
            raise MappingError(f"{source} {table.unit} {row.number}: a question needs an answer and the other way round")
    return pairs
