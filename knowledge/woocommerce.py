"""WooCommerce product CSV export (the built-in exporter) -> product records.

Types: "simple", "variable" (the parent) and "variation" (one row per variant, its
Parent column "id:123" or the parent's SKU). Column names follow WooCommerce's
"Product CSV Import Schema" (github.com/woocommerce/woocommerce/wiki).
"""

from __future__ import annotations

import re

from knowledge.catalog import ProductRecord, VariantRecord, parse_int, parse_money, roll_up_variants
from knowledge.html_text import html_to_text
from knowledge.tabular import Row, Table

WOO_REQUIRED = ("Type", "SKU", "Name")
_UNPUBLISHED = {"-1", "0"}  # draft, private


def looks_like_woocommerce(table: Table) -> bool:
    return table.has(*WOO_REQUIRED) and (table.has("Regular price") or table.has("Parent"))


def _kind(row: Row) -> str:
    return row.get("Type").split(",")[0].strip().lower()


def _attributes(row: Row) -> dict[str, str]:
    found: dict[str, str] = {}
    for i in range(1, 10):
        name = row.get(f"Attribute {i} name")
        value = row.get(f"Attribute {i} value(s)")
        if name and value:
            found[name] = value
    return found


def _weight_kg(row: Row) -> float | None:
    for column, factor in (("Weight (kg)", 1.0), ("Weight (g)", 0.001), ("Weight (lbs)", 0.4536),
                           ("Weight (oz)", 0.02835)):
        if row.get(column):
            return round(float(row.get(column).replace(",", ".")) * factor, 3)
    return None


def _prices(row: Row) -> tuple[str | None, str | None]:
    """(price a buyer pays, the "was" price when on sale)."""
    regular = parse_money(row.get("Regular price")) if row.get("Regular price") else None
    sale = parse_money(row.get("Sale price")) if row.get("Sale price") else None
    if sale and regular and sale != regular:
        return sale, regular
    return sale or regular, None


def _stock(row: Row, record: ProductRecord | VariantRecord) -> None:
    units = parse_int(row.get("Stock"))
    if units is not None:
        record["stock"] = units
    elif row.get("In stock?") in ("0", "1"):
        record["in_stock"] = row.get("In stock?") == "1"
    elif row.get("In stock?").lower() in ("instock", "outofstock", "onbackorder"):
        record["in_stock"] = row.get("In stock?").lower() != "outofstock"


def _product(row: Row, currency: str) -> ProductRecord:
    sku = row.get("SKU")
    product: ProductRecord = {"id": sku or f"woo-{row.get('ID') or row.number}", "title": row.get("Name") or sku}
    if currency:
        product["currency"] = currency
    if row.get("Categories"):
        # "Clothing > Hoodies, Sale": the first category's deepest level.
        product["category"] = row.get("Categories").split(",")[0].split(">")[-1].strip()
    tags = [t.strip() for t in row.get("Tags").split(",") if t.strip()]
    if tags:
        product["tags"] = tags
    short, long = html_to_text(row.get("Short description")), html_to_text(row.get("Description"))
    description = "\n".join(part for part in (short, long) if part)
    if description:
        product["description"] = description
    specs = {name: value for name, value in _attributes(row).items() if _kind(row) != "variable"}
    if sku:
        specs["SKU"] = sku
    for column, label in (("Length (cm)", "Length"), ("Width (cm)", "Width"), ("Height (cm)", "Height")):
        if row.get(column):
            specs[label] = f"{row.get(column)} cm"
    if specs:
        product["specs"] = specs
    if _kind(row) != "variable":
        price, was = _prices(row)
        if price:
            product["price"] = price
        if was:
            product["compare_at_price"] = was
        _stock(row, product)
    weight = _weight_kg(row)
    if weight:
        product["weight_kg"] = weight
    return product


def _variant(row: Row) -> VariantRecord:
    variant: VariantRecord = {}
    if row.get("SKU"):
        variant["sku"] = row.get("SKU")
    options = _attributes(row)
    if options:
        variant["options"] = options
        variant["title"] = " / ".join(options.values())
    price, was = _prices(row)
    if price:
        variant["price"] = price
    if was:
        variant["compare_at_price"] = was
    _stock(row, variant)
    weight = _weight_kg(row)
    if weight:
        variant["weight_kg"] = weight
    return variant


def _parent_key(reference: str) -> str:
    match = re.fullmatch(r"id:\s*(\d+)", reference.strip(), re.I)
    return f"id:{match.group(1)}" if match else f"sku:{reference.strip()}"


def woocommerce_products(table: Table, source: str, currency: str) -> list[ProductRecord]:
    products: list[ProductRecord] = []
    by_key: dict[str, ProductRecord] = {}
    orphans: list[tuple[Row, VariantRecord]] = []
    skipped: set[str] = set()
    for row in table.rows:
        where = f"{source} row {row.number}"
        try:
            if row.get("Published") in _UNPUBLISHED:
                skipped.update({f"id:{row.get('ID')}", f"sku:{row.get('SKU')}"})
                continue
            if _kind(row) == "variation":
                orphans.append((row, _variant(row)))
                continue
            product = _product(row, currency)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        products.append(product)
        if row.get("ID"):
            by_key[f"id:{row.get('ID')}"] = product
        if row.get("SKU"):
            by_key[f"sku:{row.get('SKU')}"] = product
    for row, variant in orphans:
        parent = by_key.get(_parent_key(row.get("Parent")))
        if parent is None and _parent_key(row.get("Parent")) in skipped:
            continue  # a variation of an unpublished product
        if parent is None:
            raise ValueError(f"{source} row {row.number}: variation's Parent {row.get('Parent')!r} "
                             "is not a product in this file")
        parent.setdefault("variants", []).append(variant)
    return [roll_up_variants(p) if p.get("variants") else p for p in products]
