"""Read knowledge files from disk and hand them to the chunkers.

A corpus folder is simply every supported file under it, so a merchant upload copied
into the folder is picked up by the next ingest exactly like the demo files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from knowledge.chunking import (
    SHIPPING_COLUMNS,
    faq_chunks,
    looks_like_faq,
    parse_markdown,
    policy_chunks,
    products_chunks,
    shipping_chunks,
    text_chunks,
)
from knowledge.types import Chunk

SUPPORTED_SUFFIXES = (".yaml", ".yml", ".md", ".csv", ".txt")
# Not merchant knowledge: orders belong in the database, READMEs describe the folder.
SKIPPED_NAMES = frozenset({"readme.md", "readme.txt", "orders.json"})


class KnowledgeFormatError(ValueError):
    """A file that cannot be read as knowledge; the message says which file and why."""


def source_name(path: Path, corpus_root: Path) -> str:
    """Path relative to the corpus root with "/" separators: a stable id across machines."""
    try:
        return path.resolve().relative_to(corpus_root.resolve()).as_posix()
    except ValueError:
        return path.name  # an upload from outside the corpus is known by its file name


def load_file(
    path: str | Path, corpus_root: str | Path, *, source: str | None = None,
    language: str = "en",
) -> list[Chunk]:
    """Chunks of one file, chosen by suffix (and, for Markdown, by heading structure).

    `source` (default: the path relative to `corpus_root`) names the file in the store
    and prefixes chunk ids, e.g. source="uploads/faq-es.md" for a merchant upload.
    """
    path, root = Path(path), Path(corpus_root)
    source = source or source_name(path, root)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise KnowledgeFormatError(
            f"{source}: unsupported file type {suffix or '(none)'}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: spreadsheets often add a BOM
    except UnicodeDecodeError as exc:
        raise KnowledgeFormatError(f"{source}: not UTF-8 text ({exc.reason})") from exc

    if suffix in (".yaml", ".yml"):
        chunks = _yaml_chunks(text, source)
    elif suffix == ".md":
        doc = parse_markdown(text)
        chunks = faq_chunks(doc, source) if looks_like_faq(doc) else policy_chunks(doc, source)
    elif suffix == ".csv":
        chunks = _csv_chunks(text, source)
    else:
        chunks = text_chunks(text, source, title=path.stem.replace("_", " ").strip())
    if language != "en":
        chunks = [replace(c, language=language) for c in chunks]
    return chunks


def _yaml_chunks(text: str, source: str) -> list[Chunk]:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeFormatError(f"{source}: invalid YAML: {exc}") from exc
    products = data.get("products") if isinstance(data, dict) else data
    if not isinstance(products, list) or not all(isinstance(p, dict) for p in products):
        raise KnowledgeFormatError(f"{source}: expected a 'products:' list of mappings")
    try:
        return products_chunks(products, source)
    except (KeyError, ValueError) as exc:
        raise KnowledgeFormatError(f"{source}: {exc}") from exc


def _csv_chunks(text: str, source: str) -> list[Chunk]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in SHIPPING_COLUMNS if c not in header]
    if missing:
        raise KnowledgeFormatError(
            f"{source}: a shipping table needs columns {', '.join(missing)}")
    rows = [{(k or "").strip(): (v or "") for k, v in row.items()} for row in reader
            if any((v or "").strip() for v in row.values())]
    return shipping_chunks(rows, source)


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
                and path.name.lower() not in SKIPPED_NAMES:
            yield path


def load_corpus(corpus_dir: str | Path) -> dict[str, list[Chunk]]:
    """All chunks of a corpus folder, grouped by source."""
    return {source_name(p, Path(corpus_dir)): load_file(p, corpus_dir)
            for p in iter_corpus_files(corpus_dir)}
