"""The catalog as typed products: the same product mappings the loader turns into chunks, read as values.

Features that need a product's exact facts (listing localization, fact answers) use `load_products` rather than
parsing the YAML themselves, so every catalog source the loader understands feeds them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.corpus_loader import KnowledgeFormatError, iter_corpus_files, source_name


def _line(value: Any) -> str:
    return " ".join(str(value).split())


@dataclass(frozen=True, slots=True)
class Variant:
    sku: str
    label: str  # "Color: Black, Size: L"
    price: str | None = None
    stock: int | None = None


@dataclass(frozen=True, slots=True)
class Product:
    id: str
    title: str
    source: str
    category: str = ""
    price: str | None = None
    currency: str = ""
    stock: int | None = None
    description: str = ""
    specs: dict[str, str] = field(default_factory=dict)
    compatibility: tuple[str, ...] = ()
    in_the_box: tuple[str, ...] = ()
    warranty_months: int | None = None
    weight_kg: str | None = None
    vendor: str = ""
    variants: tuple[Variant, ...] = ()

    @property
    def label(self) -> str:
        return self.title if self.id in self.title else f"{self.title} ({self.id})"

    def fact_lines(self) -> list[str]:
        """Every buyer-facing fact as a "key: value" line (internal notes are never part of it)."""
        lines = [f"SKU: {self.id}", f"Title: {self.title}"]
        if self.vendor:
            lines.append(f"Brand: {self.vendor}")
        if self.category:
            lines.append(f"Category: {self.category}")
        if self.price is not None:
            lines.append(f"Price: {self.price} {self.currency}".rstrip())
        if self.warranty_months is not None:
            lines.append(f"Warranty: {self.warranty_months} months")
        if self.weight_kg is not None:
            lines.append(f"Shipping weight: {self.weight_kg} kg")
        lines.extend(f"{key.replace('_', ' ')}: {value}" for key, value in self.specs.items())
        for variant in self.variants:
            price = f": {variant.price} {self.currency}".rstrip() if variant.price else ""
            lines.append(f"Variant {variant.label} (SKU {variant.sku}){price}")
        lines.extend(f"Compatible: {item}" for item in self.compatibility)
        lines.extend(f"In the box: {item}" for item in self.in_the_box)
        if self.description:
            lines.append(f"Description: {self.description}")
        return lines

    def fact_text(self) -> str:
        return "\n".join(self.fact_lines())


def _int(value: Any) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.lstrip("-").isdigit() else None


def _variant(data: Mapping[str, Any]) -> Variant:
    options = data.get("options") or {}
    label = ", ".join(f"{k}: {v}" for k, v in options.items()) if options else _line(data.get("title") or "")
    return Variant(sku=_line(data.get("sku") or ""), label=label or _line(data.get("sku") or ""),
                   price=None if data.get("price") is None else _line(data["price"]), stock=_int(data.get("stock")))


def product_from_mapping(data: Mapping[str, Any], source: str) -> Product:
    """A product from the loader's product mapping (the shape products.yaml is written in; imported shop
    exports are converted to it), with `variants` and `vendor` when the source has them."""
    pid = _line(data.get("id") or "")
    if not pid:
        raise KnowledgeFormatError(f"{source}: a product has no id")
    warranty = data.get("warranty_months")
    return Product(
        id=pid,
        title=_line(data.get("title") or pid),
        source=source,
        category=_line(data.get("category") or ""),
        price=None if data.get("price") is None else _line(data["price"]),
        currency=_line(data.get("currency") or ""),
        stock=_int(data.get("stock")),
        description=_line(data.get("description") or ""),
        specs={str(k): _line(v) for k, v in (data.get("specs") or {}).items()},
        compatibility=tuple(_line(x) for x in data.get("compatibility") or ()),
        in_the_box=tuple(_line(x) for x in data.get("in_the_box") or ()),
        warranty_months=int(warranty) if isinstance(warranty, int) else None,
        weight_kg=None if data.get("weight_kg") is None else _line(data["weight_kg"]),
        vendor=_line(data.get("vendor") or ""),
        variants=tuple(_variant(v) for v in data.get("variants") or () if isinstance(v, Mapping)),
    )


def load_products(*folders: str | Path) -> list[Product]:
    """Every product of every product file under the folders (the corpus, the merchant's uploads), in order;
    a folder that does not exist is skipped. Source names are relative to the folder's parent for extra folders
    ("uploads/shop.yaml"), like the knowledge store names uploads."""
    products: list[Product] = []
    for number, folder in enumerate(Path(f) for f in folders):
        if not folder.is_dir():
            continue
        root = folder if number == 0 else folder.parent
        for path in iter_corpus_files(folder):
            if path.suffix.lower() in (".yaml", ".yml"):
                products.extend(_yaml_products(path, source_name(path, root)))
    return products


def _yaml_products(path: Path, source: str) -> list[Product]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise KnowledgeFormatError(f"{source}: invalid YAML: {exc}") from exc
    items = data.get("products") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return []
    return [product_from_mapping(item, source) for item in items if isinstance(item, Mapping)]
