"""Keeping the store's knowledge index in step with the merchant's files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.errors import InvalidInputError
from app.store.db import Database
from app.store.tables import IngestRunRow
from knowledge.catalog import ProductRecord
from knowledge.corpus_loader import (
    SUPPORTED_SUFFIXES,
    KnowledgeFormatError,
    load_catalog,
    load_file,
    looks_like_shipping,
    page_chunks,
    url_source_name,
)
from knowledge.documents import DocumentError, Ocr
from knowledge.ingest import IngestReport, ingest_corpus
from knowledge.mapping import (
    FAQ_FIELDS,
    OPTION_PREFIX,
    PRODUCT_FIELDS,
    ColumnMapping,
    MappingError,
    mapping_path,
    read_records,
    suggest_mapping,
)
from knowledge.retriever import Retriever
from knowledge.shopify import looks_like_shopify
from knowledge.store import KnowledgeStore
from knowledge.tabular import Table
from knowledge.types import ScoredChunk, SourceSummary, UpsertReport
from knowledge.web import FetchError, UrlPolicy, fetch_page
from knowledge.woocommerce import looks_like_woocommerce

ProgressCallback = Callable[[float, str], None]
UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 5


@dataclass(frozen=True)
class LastIngest:
    at: datetime
    summary: str


@dataclass(frozen=True)
class TablePreview:
    """The first rows of a CSV/JSON file and a suggested mapping, for the merchant to confirm."""

    file_name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    suggested: ColumnMapping
    recognised: str | None  # "Shopify products", "WooCommerce products", "shipping table" or None


class KnowledgeAdmin:
    def __init__(
        self,
        db: Database,
        store: KnowledgeStore,
        retriever: Retriever,
        corpus_dir: Path,
        uploads_dir: Path,
        *,
        currency: str = "",
        url_policy: UrlPolicy | None = None,
        ocr: Ocr | None = None,
    ):
        self._db = db
        self._store = store
        self._retriever = retriever
        self._corpus_dir = corpus_dir
        self._uploads_dir = uploads_dir
        self._currency = currency
        self._url_policy = url_policy or UrlPolicy()
        self._ocr = ocr  # reads scanned PDF pages when MC_KNOWLEDGE_PDF_OCR is on

    def ingest_corpus(self, progress: ProgressCallback | None = None) -> IngestReport:
        """Index the merchant's knowledge folder; unchanged chunks are not re-embedded."""
        try:
            report = ingest_corpus(self._corpus_dir, self._store, progress=progress, currency=self._currency)
        except KnowledgeFormatError as exc:
            raise InvalidInputError(f"Nothing was changed: {exc}") from exc
        self._record(_short_summary(report))
        return report

    def ingest_upload(
        self, path: Path, progress: ProgressCallback | None = None, *, mapping: ColumnMapping | None = None
    ) -> UpsertReport:
        """Add or refresh one merchant file: catalog export, document, FAQ, shipping table, mapped CSV/JSON.

        The file is read completely before anything is written, so a bad file leaves the index and the
        previously uploaded copy as they were.
        """
        name = _safe_name(path.name)
        if path.suffix.lower() not in UPLOAD_SUFFIXES:
            raise InvalidInputError(f"{name}: unsupported file type {path.suffix or '(none)'}; use {', '.join(UPLOAD_SUFFIXES)}.")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise InvalidInputError(f"{name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; split it into smaller files.")
        source = f"uploads/{name}"
        if progress:
            progress(0.0, f"reading {name}")
        try:
            chunks = load_file(path, path.parent, source=source, currency=self._currency, mapping=mapping,
                               ocr=self._ocr)
        except (KnowledgeFormatError, MappingError) as exc:
            raise InvalidInputError(f"Could not read {exc}" if str(exc).startswith(source) or str(exc).startswith(name)
                                    else f"Could not read {name}: {exc}") from exc
        if not chunks:
            raise InvalidInputError(f"{name} has no text to index.")
        report = self._store.sync_source(
            source, chunks, progress=(lambda done, total: progress(done / max(total, 1), f"embedding {name}")) if progress else None
        )
        # Kept only once indexed: re-indexing later reads the same file (and its confirmed mapping).
        self._uploads_dir.mkdir(parents=True, exist_ok=True)
        kept = self._uploads_dir / name
        if path.resolve() != kept.resolve():
            shutil.copyfile(path, kept)
        sidecar = mapping_path(kept)
        if mapping is not None:
            sidecar.write_text(mapping.to_json(), encoding="utf-8")
        else:
            sidecar.unlink(missing_ok=True)
        self._record(f"{source}: {report.added} added, {report.updated} updated, {report.removed} removed, {report.embedded} embedded")
        return report

    def ingest_url(self, url: str, progress: ProgressCallback | None = None) -> tuple[str, UpsertReport]:
        """Fetch a public page (HTML, text or PDF) and index it as its own source ("web/host/path")."""
        url = url.strip()
        if not url:
            raise InvalidInputError("Type the address of a page, e.g. https://your-shop.example/pages/faq.")
        if progress:
            progress(0.0, f"fetching {url}")
        try:
            page = fetch_page(url, self._url_policy)
            source = url_source_name(page.url)
            chunks = page_chunks(page, source, self._ocr)
        except (FetchError, KnowledgeFormatError, DocumentError) as exc:
            raise InvalidInputError(str(exc)) from exc
        if not chunks:
            raise InvalidInputError(f"{url}: the page has no text to index.")
        report = self._store.sync_source(
            source, chunks, progress=(lambda done, total: progress(done / max(total, 1), f"embedding {source}")) if progress else None
        )
        self._record(f"{source} ({page.url}): {report.added} added, {report.updated} updated, {report.embedded} embedded")
        return source, report

    @staticmethod
    def mapping_rows(mapping: ColumnMapping | None = None, target: str | None = None) -> list[list[str]]:
        """(field, column) rows for the merchant to edit: every field of the target, then variant options."""
        mapping = mapping or ColumnMapping()
        target = target or mapping.target
        fields = FAQ_FIELDS if target == "faq" else PRODUCT_FIELDS
        rows = [[f, mapping.columns.get(f, "")] for f in fields]
        return rows + [[k, v] for k, v in mapping.columns.items() if k.startswith(OPTION_PREFIX)]

    @staticmethod
    def mapping_from_json(text: str) -> ColumnMapping:
        try:
            return ColumnMapping.from_json(text)
        except MappingError as exc:
            raise InvalidInputError(f"Column mapping: {exc}") from exc

    @staticmethod
    def mapping_from_rows(target: str, rows: list[list[str]]) -> ColumnMapping:
        try:
            return ColumnMapping.from_pairs(target, rows)
        except MappingError as exc:
            raise InvalidInputError(str(exc)) from exc

    def preview_table(self, path: Path) -> TablePreview:
        """First rows and a suggested column mapping of a CSV or JSON file (nothing is indexed)."""
        name = _safe_name(path.name)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".json"):
            raise InvalidInputError(f"{name}: a column mapping is for .csv and .json files.")
        try:
            table = read_records(path.read_text(encoding="utf-8-sig"), suffix)
        except UnicodeDecodeError as exc:
            raise InvalidInputError(f"{name}: not UTF-8 text; save it as UTF-8 (Excel: \"CSV UTF-8\").") from exc
        except ValueError as exc:
            raise InvalidInputError(f"{name}: {exc}") from exc
        rows = tuple(tuple(row.values.get(h, "") for h in table.header) for row in table.rows[:PREVIEW_ROWS])
        return TablePreview(name, table.header, rows, suggest_mapping(table.header), _recognised(table))

    def delete_source(self, source: str) -> int:
        """Remove a source from the index (and an uploaded file's kept copy, so re-indexing won't bring it back)."""
        source = source.strip()
        removed = self._store.delete_source(source)
        if source.startswith("uploads/"):
            kept = self._uploads_dir / _safe_name(source.removeprefix("uploads/"))
            kept.unlink(missing_ok=True)
            mapping_path(kept).unlink(missing_ok=True)
        self._record(f"{source}: deleted {removed} chunks")
        return removed

    def catalog(self) -> dict[str, list[ProductRecord]]:
        """Every product the shop has given us — store folder and uploads, any export format — in the one
        product model, by source name (as chunks cite it). For answers that need exact prices and stock."""
        found = load_catalog(self._corpus_dir, currency=self._currency) if self._corpus_dir.is_dir() else {}
        if self._uploads_dir.is_dir():
            uploads = load_catalog(self._uploads_dir, currency=self._currency)
            found.update({f"uploads/{name}": products for name, products in uploads.items()})
        return found

    def sources(self) -> list[SourceSummary]:
        return self._store.sources()

    def search(self, query: str, k: int = 5) -> list[ScoredChunk]:
        if not query.strip():
            raise InvalidInputError("Type a question to search the knowledge.")
        return self._retriever.search(query, k=k)

    def last_ingest(self) -> LastIngest | None:
        with self._db.session() as session:
            row = session.scalars(select(IngestRunRow).order_by(IngestRunRow.id.desc()).limit(1)).first()
            return LastIngest(at=row.created_at, summary=row.report.get("summary", "")) if row else None

    def _record(self, summary: str) -> None:
        with self._db.session() as session:
            session.add(IngestRunRow(report={"summary": summary}))


def _safe_name(name: str) -> str:
    """A plain file name: no folders, no leading dots (the name becomes a path in the uploads folder)."""
    base = Path(name.replace("\\", "/")).name.lstrip(".")
    return base or "upload"


def _recognised(table: Table) -> str | None:
    if looks_like_shopify(table):
        return "Shopify products"
    if looks_like_woocommerce(table):
        return "WooCommerce products"
    if looks_like_shipping(table.header):
        return "shipping table"
    return None


def _short_summary(report: IngestReport) -> str:
    total = report.total
    return (
        f"{len(report.sources)} sources: {total.added} added, {total.updated} updated, {total.unchanged} unchanged, "
        f"{total.removed} removed; {report.embedded} embedded in {report.seconds:.1f} s"
    )
