"""Shopify product CSV export -> product records.

The export has one row per variant; the first row of a product carries the product's
fields (Title, Body (HTML), Vendor…), later rows of the same Handle carry only variant
fields, and image-only rows carry just Handle + Image Src. Column names follow Shopify's
published template (help.shopify.com "Using CSV files to import and export products").
"""

from __future__ import annotations

from knowledge.catalog import ProductRecord, VariantRecord, parse_int, parse_money, roll_up_variants
from knowledge.html_text import html_to_text
from knowledge.tabular import Row, Table

SHOPIFY_REQUIRED = ("Handle", "Title", "Variant Price")
# A product without options is exported with this single option (Shopify's own wording).
_DEFAULT_OPTION = ("title", "default title")
_HIDDEN_STATUSES = {"draft", "archived"}


def looks_like_shopify(table: Table) -> bool:
    return table.has(*SHOPIFY_REQUIRED) and (table.has("Body (HTML)") or table.has("Option1 Name"))


def _options(row: Row, names: list[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for i in (1, 2, 3):
        name = row.get(f"Option{i} Name") or (names[i - 1] if i <= len(names) else "")
        value = row.get(f"Option{i} Value")
        if value and (name.lower(), value.lower()) != _DEFAULT_OPTION:
            options[name or f"Option {i}"] = value
    return options


def _variant(row: Row, names: list[str], where: str) -> VariantRecord:
    variant: VariantRecord = {}
    try:
        if row.get("Variant SKU"):
            variant["sku"] = row.get("Variant SKU")
        options = _options(row, names)
        if options:
            variant["options"] = options
            variant["title"] = " / ".join(options.values())
        if row.get("Variant Price"):
            variant["price"] = parse_money(row.get("Variant Price"))
        if row.get("Variant Compare At Price"):
            compare = parse_money(row.get("Variant Compare At Price"))
            if compare != variant.get("price"):
                variant["compare_at_price"] = compare
        stock = parse_int(row.get("Variant Inventory Qty"))
        if stock is not None:  # empty when the shop does not track this variant
            variant["stock"] = stock
        if row.get("Variant Grams"):
            grams = float(row.get("Variant Grams").replace(",", "."))
            if grams > 0:
                variant["weight_kg"] = round(grams / 1000, 3)
        if row.get("Variant Barcode"):
            variant["barcode"] = row.get("Variant Barcode")
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    return variant


def _is_variant_row(row: Row) -> bool:
    return any(row.get(c) for c in ("Variant SKU", "Variant Price", "Option1 Value", "Variant Inventory Qty"))


def shopify_products(table: Table, source: str, currency: str) -> list[ProductRecord]:
    """Products in file order; drafts and archived products are left out (buyers cannot buy them)."""
    products: dict[str, ProductRecord] = {}
    option_names: dict[str, list[str]] = {}
    hidden: set[str] = set()
    for row in table.rows:
        handle = row.get("Handle")
        where = f"{source} row {row.number}"
        if not handle:
            raise ValueError(f"{where}: Handle is empty")
        if handle not in products and handle not in hidden:
            if row.get("Status").lower() in _HIDDEN_STATUSES or row.get("Published").lower() == "false":
                hidden.add(handle)
                continue
            product: ProductRecord = {"id": handle, "title": row.get("Title") or handle, "variants": []}
            if currency:
                product["currency"] = currency
            category = row.get("Type") or row.get("Product Category").split(">")[-1].strip()
            if category:
                product["category"] = category
            if row.get("Vendor"):
                product["vendor"] = row.get("Vendor")
            tags = [t.strip() for t in row.get("Tags").split(",") if t.strip()]
            if tags:
                product["tags"] = tags
            description = html_to_text(row.get("Body (HTML)")) or row.get("SEO Description")
            if description:
                product["description"] = description
            products[handle] = product
            option_names[handle] = [row.get(f"Option{i} Name") for i in (1, 2, 3)]
        if handle in hidden or not _is_variant_row(row):
            continue  # image-only continuation row, or a row of a hidden product
        products[handle].setdefault("variants", []).append(_variant(row, option_names[handle], where))
    return [_finish(p) for p in products.values()]


def _finish(product: ProductRecord) -> ProductRecord:
    variants = product.get("variants") or []
    if len(variants) == 1 and not variants[0].get("options"):
        # A product without options: its one variant's facts are the product's.
        only = variants[0]
        product.pop("variants")
        for key in ("price", "compare_at_price", "stock", "weight_kg"):
            if key in only:
                product[key] = only[key]  # type: ignore[literal-required]
        if only.get("sku"):
            product.setdefault("specs", {})["SKU"] = only["sku"]
        return product
    if not variants:
        product.pop("variants", None)
    return roll_up_variants(product)
