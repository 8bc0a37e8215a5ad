"""models/llamacpp_server.py without llama.cpp: the server's argv, the install check, and the shared process
lifecycle (VLLMServerProcess) driving a stand-in that speaks llama_cpp.server's flags."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from app.settings import Settings
from app.wiring import embedded_runtime
from models.errors import ModelUnavailableError
from models.llamacpp_server import LlamaCppServerConfig, is_installed, require_installed
from models.vllm_server import VLLMServerProcess

pytestmark = pytest.mark.unit


def test_command_serves_the_gguf_under_the_alias_with_one_thread_per_core() -> None:
    config = LlamaCppServerConfig(gguf=Path("/m/q.gguf"), served_model_name="qwen-small", python="/venv/python",
                                  threads=2, extra_args=("--seed", "7"))
    command = config.command(8123)
    assert command[:3] == ["/venv/python", "-m", "llama_cpp.server"]
    flags = dict(zip(command[3::2], command[4::2], strict=False))
    assert flags["--model"] == "/m/q.gguf"
    assert flags["--model_alias"] == "qwen-small"  # what /v1/models lists: readiness and requests use it
    assert flags["--host"] == "127.0.0.1"
    assert flags["--port"] == "8123"
    assert flags["--n_ctx"] == "2048"
    assert flags["--n_threads"] == flags["--n_threads_batch"] == "2"
    assert command[-2:] == ["--seed", "7"]


def test_threads_default_to_the_cores_this_process_may_use() -> None:
    threads = LlamaCppServerConfig(gguf=Path("m.gguf"), served_model_name="s").resolved_threads()
    assert threads == len(os.sched_getaffinity(0))


def test_environment_keeps_the_base_and_adds_extra() -> None:
    config = LlamaCppServerConfig(gguf=Path("m.gguf"), served_model_name="s", extra_env={"A": "1"})
    assert config.environment({"PATH": "/bin"}) == {"PATH": "/bin", "A": "1"}


def _python_without_llama(tmp_path: Path) -> str:
    script = tmp_path / "python-without-llama"
    script.write_text("#!/bin/sh\nexit 1\n")
    script.chmod(0o755)
    return str(script)


def test_a_python_without_llama_cpp_is_reported_with_the_install_command(tmp_path: Path) -> None:
    python = _python_without_llama(tmp_path)
    assert not is_installed(python)
    with pytest.raises(ModelUnavailableError) as caught:
        require_installed(python)
    assert "llama-cpp-python[server]==" in str(caught.value)
    assert "MC_EMBEDDED_RUNTIME=vllm" in str(caught.value)


def test_auto_runtime_falls_back_to_vllm_without_llama_cpp_and_explicit_choices_stand(tmp_path: Path) -> None:
    python = _python_without_llama(tmp_path)
    assert embedded_runtime(Settings(embedded_runtime="auto", embedded_llamacpp_python=python)) == "vllm"
    assert embedded_runtime(Settings(embedded_runtime="llamacpp", embedded_llamacpp_python=python)) == "llamacpp"
    assert embedded_runtime(Settings(embedded_runtime="vllm")) == "vllm"


def test_auto_runtime_picks_llama_cpp_when_it_is_installed(tmp_path: Path) -> None:
    script = tmp_path / "python-with-llama"
    script.write_text("#!/bin/sh\nexit 0\n")  # answers the import check with success
    script.chmod(0o755)
    assert embedded_runtime(Settings(embedded_runtime="auto", embedded_llamacpp_python=str(script))) == "llamacpp"


# Stands in for `python -m llama_cpp.server ...`: reads --port / --model_alias and lists the alias.
FAKE_LLAMA_SERVER = textwrap.dedent(
    """
    import http.server, json, sys
    args = sys.argv[1:]
    port = int(args[args.index("--port") + 1])
    alias = args[args.index("--model_alias") + 1]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"object": "list", "data": [{"id": alias}]}).encode()
            self.send_response(200 if self.path == "/v1/models" else 404)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    print("fake llama.cpp server", flush=True)
    http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """
)


def test_the_shared_process_runner_starts_and_stops_a_llama_cpp_server(tmp_path: Path) -> None:
    script = tmp_path / "fake_python"
    script.write_text(f"#!{sys.executable}\n{FAKE_LLAMA_SERVER}")
    script.chmod(0o755)
    config = LlamaCppServerConfig(gguf=tmp_path / "m.gguf", served_model_name="qwen-small", python=str(script))
    with VLLMServerProcess(config, tmp_path / "server.log") as server:
        assert server.is_running()
        assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
    assert not server.is_running()
    assert "fake llama.cpp server" in (tmp_path / "server.log").read_text()
