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
from knowledge.corpus_loader import KnowledgeFormatError, load_file
from knowledge.ingest import IngestReport, ingest_corpus
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore
from knowledge.types import ScoredChunk, SourceSummary, UpsertReport

ProgressCallback = Callable[[float, str], None]
UPLOAD_SUFFIXES = (".yaml", ".yml", ".md", ".csv", ".txt")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class LastIngest:
    at: datetime
    summary: str


class KnowledgeAdmin:
    def __init__(self, db: Database, store: KnowledgeStore, retriever: Retriever, corpus_dir: Path, uploads_dir: Path):
        self._db = db
        self._store = store
        self._retriever = retriever
        self._corpus_dir = corpus_dir
        self._uploads_dir = uploads_dir

    def ingest_corpus(self, progress: ProgressCallback | None = None) -> IngestReport:
        """Index the merchant's knowledge folder; unchanged chunks are not re-embedded."""
        report = ingest_corpus(self._corpus_dir, self._store, progress=progress)
        self._record(_short_summary(report))
        return report

    def ingest_upload(self, path: Path, progress: ProgressCallback | None = None) -> UpsertReport:
        """Add one merchant file (products YAML, FAQ/policy Markdown, shipping CSV, plain text)."""
        if path.suffix.lower() not in UPLOAD_SUFFIXES:
            raise InvalidInputError(f"Unsupported file type {path.suffix or '(none)'}: use {', '.join(UPLOAD_SUFFIXES)}.")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise InvalidInputError("That file is larger than 5 MB; split it into smaller files.")
        self._uploads_dir.mkdir(parents=True, exist_ok=True)
        kept = self._uploads_dir / path.name
        shutil.copyfile(path, kept)
        try:
            chunks = load_file(kept, self._uploads_dir, source=f"uploads/{kept.name}")
        except (KnowledgeFormatError, UnicodeDecodeError, ValueError) as exc:
            kept.unlink(missing_ok=True)
            raise InvalidInputError(f"Could not read {path.name}: {exc}") from exc
        if not chunks:
            raise InvalidInputError(f"{path.name} has no text to index.")
        source = f"uploads/{kept.name}"
        report = self._store.sync_source(
            source, chunks, progress=(lambda done, total: progress(done / max(total, 1), source)) if progress else None
        )
        self._record(f"{source}: {report.added} added, {report.updated} updated, {report.embedded} embedded")
        return report

    def delete_source(self, source: str) -> int:
        removed = self._store.delete_source(source)
        self._record(f"{source}: deleted {removed} chunks")
        return removed

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


def _short_summary(report: IngestReport) -> str:
    total = report.total
    return (
        f"{len(report.sources)} sources: {total.added} added, {total.updated} updated, {total.unchanged} unchanged, "
        f"{total.removed} removed; {report.embedded} embedded in {report.seconds:.1f} s"
    )
