"""Ingest a corpus folder into the store, idempotently; also a small CLI.

    python -m knowledge.ingest knowledge/corpus --chroma-path .data/chroma
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.corpus_loader import KnowledgeFormatError, load_corpus
from knowledge.embedders import EMBEDDER_KINDS, Embedder, EmbedderKind, build_embedder
from knowledge.store import KnowledgeStore
from knowledge.types import UpsertReport

# (fraction done 0..1, what is happening) — the shape gr.Progress and tqdm wrappers take.
IngestProgress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class SourceReport:
    source: str
    chunks: int
    report: UpsertReport


@dataclass(frozen=True, slots=True)
class IngestReport:
    sources: tuple[SourceReport, ...]
    pruned: tuple[str, ...]  # sources removed because their file is gone (prune=True)
    pruned_chunks: int
    seconds: float

    @property
    def total(self) -> UpsertReport:
        total = UpsertReport(removed=self.pruned_chunks)
        for item in self.sources:
            total = total + item.report
        return total

    @property
    def embedded(self) -> int:
        return self.total.embedded

    def summary(self) -> str:
        lines = [f"{'source':32} {'chunks':>6} {'added':>6} {'updated':>7} {'same':>6} "
                 f"{'removed':>7} {'embedded':>8}"]
        for item in self.sources:
            r = item.report
            lines.append(f"{item.source:32} {item.chunks:6d} {r.added:6d} {r.updated:7d} "
                         f"{r.unchanged:6d} {r.removed:7d} {r.embedded:8d}")
        for source in self.pruned:
            lines.append(f"{source:32} (file gone: removed)")
        t = self.total
        lines.append(f"total: {t.added} added, {t.updated} updated, {t.unchanged} unchanged, "
                     f"{t.removed} removed, {t.embedded} embedded in {self.seconds:.1f} s")
        return "\n".join(lines)


def ingest_corpus(
    corpus_dir: str | Path,
    store: KnowledgeStore,
    embedder: Embedder | None = None,
    progress: IngestProgress | None = None,
    *,
    prune: bool = False,
    currency: str = "",
) -> IngestReport:
    """Sync every knowledge file under `corpus_dir` into `store`.

    Unchanged chunks are not re-embedded, so running it twice embeds nothing the second
    time. With `prune`, sources in the store whose file is no longer in the folder are
    deleted (leave it off when uploads live outside the folder).
    """
    if embedder is not None and embedder.name != store.embedder.name:
        raise ValueError(f"embedder {embedder.name!r} is not the store's "
                         f"{store.embedder.name!r}")
    started = time.perf_counter()
    corpus = load_corpus(corpus_dir, currency=currency)  # parse everything first: a bad file fails before writes
    total_chunks = sum(len(chunks) for chunks in corpus.values()) or 1
    done_chunks = 0
    reports: list[SourceReport] = []
    for source, chunks in corpus.items():
        size = len(chunks)

        # One division of whole counts, so the fraction never steps back by a rounding error between sources.
        def on_batch(done: int, total: int, *, _before: int = done_chunks, _size: int = size,
                     _source: str = source) -> None:
            if progress and total:
                progress((_before + _size * done / total) / total_chunks, f"embedding {_source} ({done}/{total})")

        if progress:
            progress(done_chunks / total_chunks, f"checking {source}")
        report = store.sync_source(source, chunks, progress=on_batch)
        reports.append(SourceReport(source=source, chunks=len(chunks), report=report))
        done_chunks += len(chunks)

    pruned: list[str] = []
    pruned_chunks = 0
    if prune:
        for summary in store.sources():
            if summary.source not in corpus:
                pruned_chunks += store.delete_source(summary.source)
                pruned.append(summary.source)
    if progress:
        progress(1.0, "done")
    return IngestReport(sources=tuple(reports), pruned=tuple(pruned),
                        pruned_chunks=pruned_chunks, seconds=time.perf_counter() - started)


# --- CLI -------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Shared with `python -m app ingest`, which may fill defaults from app settings."""
    parser.add_argument("corpus_dir", nargs="?", type=Path,
                        help="folder of products.yaml, faq.md, shipping.csv, policies/*.md…")
    where = parser.add_argument_group("store")
    where.add_argument("--chroma-path", type=Path, help="local Chroma folder")
    where.add_argument("--chroma-url", help="Chroma server, e.g. http://chroma:8000")
    where.add_argument("--collection", default="knowledge", help="collection name prefix")
    model = parser.add_argument_group("embedder")
    model.add_argument("--embedder", choices=EMBEDDER_KINDS, default="e5-small")
    model.add_argument("--model", help="sentence-transformers model name or path")
    parser.add_argument("--delete-source", action="append", default=[], metavar="SOURCE",
                        help="remove a source (e.g. policies/old.md); repeatable")
    parser.add_argument("--prune", action="store_true",
                        help="also remove stored sources whose file is gone from corpus_dir")
    parser.add_argument("--currency", default="",
                        help="currency of catalog exports that carry none (Shopify/WooCommerce CSV), e.g. EUR")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, *, embedder: Embedder | None = None) -> int:
    if not (args.chroma_path or args.chroma_url):
        print("error: give --chroma-path or --chroma-url", file=sys.stderr)
        return 2
    if args.corpus_dir is None and not args.delete_source:
        print("error: give a corpus folder, or --delete-source", file=sys.stderr)
        return 2
    kind: EmbedderKind = args.embedder
    embedder = embedder or build_embedder(kind, args.model)
    store = KnowledgeStore(embedder, path=None if args.chroma_url else args.chroma_path,
                           url=args.chroma_url, collection=args.collection)
    for source in args.delete_source:
        print(f"{source}: {store.delete_source(source)} chunks removed")
    if args.corpus_dir is None:
        return 0
    try:
        report = _ingest_with_bar(args.corpus_dir, store, quiet=args.quiet, prune=args.prune,
                                  currency=getattr(args, "currency", ""))
    except (KnowledgeFormatError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    print(f"store: {store.count()} chunks in {store.collection_name}")
    return 0


def _ingest_with_bar(corpus_dir: Path, store: KnowledgeStore, *, quiet: bool,
                     prune: bool, currency: str = "") -> IngestReport:
    if quiet:
        return ingest_corpus(corpus_dir, store, prune=prune, currency=currency)
    from tqdm import tqdm

    with tqdm(total=100, desc="ingest", leave=False,
              bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed} {postfix}") as bar:
        def progress(fraction: float, message: str) -> None:
            bar.set_postfix_str(message, refresh=False)
            bar.update(max(0, round(fraction * 100) - bar.n))

        return ingest_corpus(corpus_dir, store, progress=progress, prune=prune, currency=currency)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.ingest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
