"""Product categories from the store's catalog (products.yaml), for policy rules that depend on the kind of product."""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

log = logging.getLogger(__name__)


class ProductCategories:
    """Product id -> category; a missing or unreadable file means "no category", and the title still counts."""

    def __init__(self, categories: dict[str, str]) -> None:
        self._categories = {key.upper(): value for key, value in categories.items()}

    @classmethod
    def from_corpus(cls, corpus_dir: Path) -> ProductCategories:
        path = corpus_dir / "products.yaml"
        if not path.is_file():
            return cls({})
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            log.warning("%s could not be read (%s); refund rules use product titles only", path, exc)
            return cls({})
        entries = data.get("products", []) if isinstance(data, dict) else []
        return cls(
            {
                str(entry["id"]): str(entry.get("category") or "")
                for entry in entries
                if isinstance(entry, dict) and entry.get("id")
            }
        )

    def category(self, product_id: str) -> str:
        return self._categories.get(product_id.strip().upper(), "")
