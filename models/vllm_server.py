"""Start and stop a local vLLM OpenAI-compatible server as a subprocess (like vLLM's `RemoteOpenAIServer`).

Used by the app's run command for the embedded model and by the integration tests. Defaults are the CPU
profile measured on 2 cores with Qwen2.5-Coder-0.5B:
- dtype by CPU (cpu_dtype): on an AVX2-only box float32 prefilled ~7x faster than bfloat16 (no native bf16
  matmul; 660-token prompt 7 s vs 51 s), decode about equal; on a CPU with native bf16 (AVX512-BF16 / AMX, a
  Xeon Sapphire Rapids) bfloat16 was faster in both: 647-token prompt 2.5 s vs 4.4 s to the first token, decode
  3.0-5.4 vs 1.2-2.6 tok/s (host shared, load ~16). bfloat16 also halves the weights' memory.
- --enforce-eager: ready in ~50 s instead of ~150 s (no torch.compile warm-up), same decode speed.
- vLLM's own thread binding ("auto": one worker thread, one core left to its scheduler): 2 worker threads
  decode 2-3x slower on 2 cores, their OpenMP spin-waits fight the scheduler process.
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, Self

from models.errors import ModelUnavailableError

if TYPE_CHECKING:  # profiles import pydantic and yaml; this module stays light
    from models.profiles import ModelProfile

Dtype = Literal["float32", "bfloat16", "float16", "auto"]


class VLLMServerError(ModelUnavailableError):
    """The local model server (vLLM or llama.cpp) failed to start, died, or did not become ready in time."""

    default_message = "The local AI model server could not be started."


def find_free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on `host` right now (the OS picks it; a small race with other starters remains)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


# CPU flags (Linux /proc/cpuinfo names) of native bfloat16 matrix math.
NATIVE_BF16_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> set[str]:
    """The CPU's feature flags (empty where /proc/cpuinfo is missing)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    return set()


def cpu_dtype(flags: set[str] | None = None) -> Dtype:
    """bfloat16 where the CPU multiplies bf16 natively (faster and half the memory), else float32."""
    return "bfloat16" if (cpu_flags() if flags is None else flags) & NATIVE_BF16_FLAGS else "float32"


@dataclass(frozen=True)
class VLLMServerConfig:
    """How to run `vllm.entrypoints.openai.api_server` for one model folder."""

    model: Path | str
    served_model_name: str
    host: str = "127.0.0.1"
    port: int | None = None  # None: a free port is picked at start()
    max_model_len: int = 2048
    # None: no --dtype flag (vLLM's default, or one in extra_args); default: by the CPU (cpu_dtype).
    dtype: Dtype | None = field(default_factory=cpu_dtype)
    enforce_eager: bool = True
    kv_cache_space_gib: int = 1
    # "auto": vLLM pins the model worker to all cores but one, kept for its scheduler (1 thread on 2 cores);
    # measured fastest (see the module docstring). "nobind" / "0-1" / None (not set) are the alternatives.
    omp_threads_bind: str | None = "auto"
    omp_num_threads: int | None = None  # None: not set (vLLM derives it from the binding)
    extra_args: tuple[str, ...] = ()
    extra_env: Mapping[str, str] = field(default_factory=dict)
    python: str = sys.executable

    @classmethod
    def from_profile(cls, profile: ModelProfile, model: Path | str | None = None, **changes: Any) -> Self:
        """A config from a model profile (`models/profiles/*.yaml`): its served name, context length,
        `vllm_args` and `env`; `model` overrides the profile's `local_path`, `changes` any field."""
        model = model if model is not None else profile.local_path
        if model is None:
            raise VLLMServerError(detail=f"profile {profile.name!r} has no local_path; pass model=")
        base = cls(
            model=model,
            served_model_name=profile.served_name,
            max_model_len=profile.max_model_len,
            dtype=None,  # the profile's vllm_args carry --dtype / --enforce-eager
            enforce_eager=False,
            omp_threads_bind=None,  # and its env the thread settings
            omp_num_threads=None,
            extra_args=tuple(profile.vllm_args),
            extra_env=dict(profile.env),
        )
        return replace(base, **changes)

    def command(self, port: int) -> list[str]:
        return build_command(self, port)

    def environment(self, base: Mapping[str, str]) -> dict[str, str]:
        return build_env(self, base)


class ServerLaunch(Protocol):
    """What VLLMServerProcess needs to run any local OpenAI-compatible server (vLLM, llama.cpp)."""

    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int | None: ...
    @property
    def served_model_name(self) -> str: ...
    def command(self, port: int) -> list[str]: ...
    def environment(self, base: Mapping[str, str]) -> dict[str, str]: ...


def build_command(config: VLLMServerConfig, port: int) -> list[str]:
    """The server's argv (pure: unit-tested)."""
    command = [
        config.python, "-m", "vllm.entrypoints.openai.api_server",
        "--model", str(config.model),
        "--served-model-name", config.served_model_name,
        "--host", config.host,
        "--port", str(port),
        "--max-model-len", str(config.max_model_len),
    ]  # fmt: skip
    if config.dtype is not None:
        command += ["--dtype", config.dtype]
    if config.enforce_eager:
        command.append("--enforce-eager")
    command.extend(config.extra_args)
    return command


def build_env(config: VLLMServerConfig, base: Mapping[str, str]) -> dict[str, str]:
    """The server's environment: `base` plus the CPU profile (pure: unit-tested)."""
    env = dict(base)
    env["VLLM_CPU_KVCACHE_SPACE"] = str(config.kv_cache_space_gib)
    env["HF_HUB_OFFLINE"] = "1"  # the model is a local folder; never reach for the hub
    env["TRANSFORMERS_OFFLINE"] = "1"
    env["VLLM_NO_USAGE_STATS"] = "1"
    env["DO_NOT_TRACK"] = "1"
    if config.omp_threads_bind is not None:
        env["VLLM_CPU_OMP_THREADS_BIND"] = config.omp_threads_bind
    if config.omp_num_threads is not None:
        env["OMP_NUM_THREADS"] = str(config.omp_num_threads)
    env.update(config.extra_env)
    return env


def tail(path: Path, max_lines: int = 40) -> str:
    """The last lines of a log file ('' if absent)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return ""
    return "\n".join(lines[-max_lines:])


def _terminate_with_parent() -> None:
    """Runs in the child before exec: if the app dies without calling stop() (SIGKILL, a re-raised SIGTERM),
    the kernel sends the server SIGTERM so it never outlives the app holding GBs of RAM and a port."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class VLLMServerProcess:
    """One local model server subprocess (vLLM, or llama.cpp: any ServerLaunch). `start()` then
    `wait_until_ready()`, or use it as a context manager.

    The server runs in its own process group so `stop()` also ends vLLM's engine-core child processes.
    """

    def __init__(self, config: ServerLaunch, log_path: Path, stop_grace_s: float = 15.0) -> None:
        self.config = config
        self.log_path = log_path
        self.stop_grace_s = stop_grace_s
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._port: int | None = config.port

    @property
    def port(self) -> int:
        if self._port is None:
            raise VLLMServerError(detail="the server has no port before start()")
        return self._port

    @property
    def base_url(self) -> str:
        """The OpenAI API root, e.g. http://127.0.0.1:8000/v1."""
        return f"http://{self.config.host}:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        if self._process is not None:
            raise VLLMServerError(detail="start() called twice")
        if self._port is None:
            self._port = find_free_port(self.config.host)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            self.config.command(self._port),
            env=self.config.environment(os.environ),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stop() can take the engine-core children too
            preexec_fn=_terminate_with_parent,
        )

    def _models_endpoint_ready(self) -> bool:
        connection = http.client.HTTPConnection(self.config.host, self.port, timeout=5)
        try:
            connection.request("GET", "/v1/models")
            response = connection.getresponse()
            body = response.read()
        except OSError:  # refused / reset / timed out while the server is still starting
            return False
        finally:
            connection.close()
        if response.status != 200:
            return False
        served = [entry.get("id") for entry in json.loads(body).get("data", [])]
        return self.config.served_model_name in served

    def wait_until_ready(self, timeout_s: float = 600.0, poll_s: float = 1.0) -> float:
        """Poll `GET /v1/models` until the served model is listed; returns the seconds waited.

        Raises VLLMServerError with the log tail if the process exits or the timeout passes.
        """
        if self._process is None:
            raise VLLMServerError(detail="wait_until_ready() before start()")
        start = time.monotonic()
        while True:
            code = self._process.poll()
            if code is not None:
                raise VLLMServerError(
                    detail=f"the model server exited with code {code} during start-up; log {self.log_path}:\n"
                    f"{tail(self.log_path)}"
                )
            if self._models_endpoint_ready():
                return time.monotonic() - start
            if time.monotonic() - start > timeout_s:
                raise VLLMServerError(
                    detail=f"the model server was not ready after {timeout_s:.0f} s; log {self.log_path}:\n{tail(self.log_path)}"
                )
            time.sleep(poll_s)

    def stop(self) -> int | None:
        """SIGTERM the process group, SIGKILL it after the grace period; returns the exit code."""
        process, self._process = self._process, None
        code: int | None = None
        if process is not None:
            code = process.poll()
            if code is None:
                _signal_group(process.pid, signal.SIGTERM)
                try:
                    code = process.wait(timeout=self.stop_grace_s)
                except subprocess.TimeoutExpired:
                    _signal_group(process.pid, signal.SIGKILL)
                    code = process.wait(timeout=self.stop_grace_s)
            # The API server may exit before its engine-core children: make sure none outlive it.
            _signal_group(process.pid, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
            self._log = None
        return code

    def __enter__(self) -> VLLMServerProcess:
        self.start()
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    # The group is gone once every member exited; that is the goal, not an error.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)
