"""The shop's own documents as evidence: product descriptions (products.yaml) and the returns policy.

Read from the knowledge corpus folder, the same files the buyer chat answers from, so the rebuttal quotes what the
buyer was shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_VERSION = re.compile(r"^Version:\s*(\S+)", re.MULTILINE)
_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ProductFacts:
    product_id: str
    title: str
    description: str


@dataclass(frozen=True)
class PolicyDocument:
    title: str
    version: str
    source: str
    sections: dict[str, str]


class StoreDocuments:
    def __init__(self, corpus_dir: Path) -> None:
        self._corpus_dir = corpus_dir
        # Parsed products.yaml keyed by its mtime: the queue assembles many cases, the file rarely changes.
        self._products: tuple[float, dict[str, ProductFacts]] | None = None

    def _catalog(self) -> dict[str, ProductFacts]:
        path = self._corpus_dir / "products.yaml"
        if not path.is_file():
            return {}
        mtime = path.stat().st_mtime
        if self._products is None or self._products[0] != mtime:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            products = {
                str(entry["id"]).upper(): ProductFacts(
                    product_id=str(entry["id"]),
                    title=str(entry.get("title", "")),
                    description=" ".join(str(entry.get("description", "")).split()),
                )
                for entry in data.get("products", [])
                if entry.get("id")
            }
            self._products = (mtime, products)
        return self._products[1]

    def product(self, product_id: str) -> ProductFacts | None:
        return self._catalog().get(product_id.upper())

    def returns_policy(self) -> PolicyDocument | None:
        path = self._corpus_dir / "policies" / "returns.md"
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        version = _VERSION.search(text)
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "Returns policy")
        sections: dict[str, str] = {}
        headings = list(_SECTION.finditer(text))
        for index, heading in enumerate(headings):
            end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
            sections[heading.group(1)] = " ".join(text[heading.end():end].split())
        return PolicyDocument(
            title=title,
            version=version.group(1) if version else "",
            source="policies/returns.md",
            sections=sections,
        )
