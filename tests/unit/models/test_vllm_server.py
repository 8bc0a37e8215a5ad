"""models/vllm_server.py without vLLM: command/env building, free ports, and the process lifecycle
against a stand-in server script (fast: each test spawns one tiny Python process)."""

from __future__ import annotations

import os
import socket
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.errors import ModelUnavailableError
from models.vllm_server import (
    VLLMServerConfig,
    VLLMServerError,
    VLLMServerProcess,
    build_command,
    build_env,
    cpu_dtype,
    cpu_flags,
    find_free_port,
)

pytestmark = pytest.mark.unit


def test_command_has_the_cpu_profile_arguments() -> None:
    config = VLLMServerConfig(model=Path("/m/qwen"), served_model_name="qwen-small", python="/venv/python")
    command = build_command(config, port=8123)
    assert command[:3] == ["/venv/python", "-m", "vllm.entrypoints.openai.api_server"]
    flags = dict(zip(command[3::2], command[4::2], strict=False))
    assert flags["--model"] == "/m/qwen"
    assert flags["--served-model-name"] == "qwen-small"
    assert flags["--host"] == "127.0.0.1"
    assert flags["--port"] == "8123"
    assert flags["--max-model-len"] == "2048"
    assert flags["--dtype"] == cpu_dtype()
    assert command[-1] == "--enforce-eager"


def test_command_options_and_extra_args_go_last() -> None:
    config = VLLMServerConfig(
        model="m", served_model_name="s", dtype="bfloat16", enforce_eager=False, extra_args=("--seed", "7")
    )
    command = build_command(config, port=1)
    assert "--enforce-eager" not in command
    assert command[command.index("--dtype") + 1] == "bfloat16"
    assert command[-2:] == ["--seed", "7"]


def test_env_sets_the_cpu_profile_and_keeps_the_base() -> None:
    config = VLLMServerConfig(model="m", served_model_name="s")
    env = build_env(config, {"PATH": "/bin", "HF_HUB_OFFLINE": "0"})
    assert env["PATH"] == "/bin"
    assert env["VLLM_CPU_KVCACHE_SPACE"] == "1"
    assert env["HF_HUB_OFFLINE"] == "1"  # never the hub, whatever the caller's environment says
    assert env["VLLM_CPU_OMP_THREADS_BIND"] == "auto"  # measured fastest on 2 cores
    assert "OMP_NUM_THREADS" not in env


def test_env_passes_explicit_thread_settings() -> None:
    config = VLLMServerConfig(model="m", served_model_name="s", omp_threads_bind="nobind", omp_num_threads=2)
    env = build_env(config, {"OMP_NUM_THREADS": "8"})
    assert env["VLLM_CPU_OMP_THREADS_BIND"] == "nobind"
    assert env["OMP_NUM_THREADS"] == "2"


def test_env_can_leave_thread_settings_to_vllm_and_extra_env_wins() -> None:
    config = VLLMServerConfig(
        model="m",
        served_model_name="s",
        omp_threads_bind=None,
        omp_num_threads=None,
        extra_env={"VLLM_CPU_KVCACHE_SPACE": "4"},
    )
    env = build_env(config, {})
    assert "VLLM_CPU_OMP_THREADS_BIND" not in env and "OMP_NUM_THREADS" not in env
    assert env["VLLM_CPU_KVCACHE_SPACE"] == "4"


def test_config_from_the_cpu_profile_uses_its_args_and_env_once() -> None:
    from models.profiles import load_profile

    profile = load_profile("qwen2.5-coder-0.5b-cpu")
    config = VLLMServerConfig.from_profile(profile, model="/data/hf", port=9000)
    command = build_command(config, port=9000)
    assert command[command.index("--model") + 1] == "/data/hf"
    assert command[command.index("--served-model-name") + 1] == profile.served_name
    assert command[command.index("--max-model-len") + 1] == str(profile.max_model_len)
    assert command[-len(profile.vllm_args) :] == profile.vllm_args
    assert command.count("--dtype") <= 1 and command.count("--enforce-eager") <= 1
    env = build_env(config, {})
    for key, value in profile.env.items():
        assert env[key] == value


def test_config_from_a_profile_without_a_folder_needs_one() -> None:
    from models.profiles import ModelProfile

    hub_only = ModelProfile(name="x", hf_id="org/x", served_name="x", max_model_len=64, modalities=["text"])
    with pytest.raises(VLLMServerError, match="local_path"):
        VLLMServerConfig.from_profile(hub_only)


def test_dtype_is_bfloat16_only_where_the_cpu_multiplies_bf16_natively(tmp_path: Path) -> None:
    assert cpu_dtype({"avx2", "fma"}) == "float32"  # AVX2 only: bf16 prefill measured ~7x slower
    assert cpu_dtype({"avx512f", "avx512_bf16"}) == "bfloat16"
    assert cpu_dtype({"avx512f", "amx_bf16", "amx_tile"}) == "bfloat16"
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 amx_bf16\nbugs\t\t: none\n")
    assert cpu_flags(cpuinfo) == {"fpu", "sse2", "avx2", "amx_bf16"}
    assert cpu_flags(tmp_path / "missing") == set()


def test_find_free_port_gives_a_bindable_loopback_port() -> None:
    port = find_free_port()
    assert 1024 <= port <= 65535
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", port))


# -- lifecycle against a stand-in server ----------------------------------------------------------

# Stands in for `python -m vllm.entrypoints.openai.api_server ...`: reads --port/--served-model-name,
# behaves as FAKE_MODE says, and starts a child (like vLLM's engine core) that must die with it.
FAKE_SERVER = textwrap.dedent(
    """
    import http.server, json, os, signal, subprocess, sys, time
    args = sys.argv[1:]
    port = int(args[args.index("--port") + 1])
    name = args[args.index("--served-model-name") + 1]
    mode = os.environ["FAKE_MODE"]
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open(os.environ["FAKE_CHILD_PID_FILE"], "w") as f:
        f.write(str(child.pid))
    print("fake vllm starting", flush=True)
    if mode == "crash":
        print("RuntimeError: boom while loading weights", flush=True)
        sys.exit(3)
    if mode == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if mode in ("never_ready", "stubborn"):
        time.sleep(600)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"object": "list", "data": [{"id": name}]}).encode()
            self.send_response(200 if self.path == "/v1/models" else 404)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """
)


def fake_server(tmp_path: Path, mode: str, grace_s: float = 5.0) -> tuple[VLLMServerProcess, Path]:
    script = tmp_path / "fake_python"
    # build_command runs `<python> -m vllm... --port N`; a shebang script ignores the `-m` part.
    script.write_text(f"#!{sys.executable}\n{FAKE_SERVER}")
    script.chmod(0o755)
    child_pid_file = tmp_path / "child.pid"
    config = VLLMServerConfig(
        model=tmp_path,
        served_model_name="fake-model",
        python=str(script),
        extra_env={"FAKE_MODE": mode, "FAKE_CHILD_PID_FILE": str(child_pid_file)},
    )
    return VLLMServerProcess(config, tmp_path / "logs" / "server.log", stop_grace_s=grace_s), child_pid_file


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still "exists" until reaped by its parent (init here), but is no longer running.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(condition: object, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_ready_server_has_base_url_and_stop_ends_the_whole_group(tmp_path: Path) -> None:
    server, child_pid_file = fake_server(tmp_path, "serve")
    with server:
        assert server.is_running()
        assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
        child_pid = int(child_pid_file.read_text())
        assert pid_alive(child_pid)
    assert not server.is_running()
    assert wait_for(lambda: not pid_alive(child_pid))
    assert "fake vllm starting" in server.log_path.read_text()


def test_a_crash_during_start_fails_fast_with_the_log_tail(tmp_path: Path) -> None:
    server, _ = fake_server(tmp_path, "crash")
    server.start()
    started = time.monotonic()
    with pytest.raises(VLLMServerError) as raised:
        server.wait_until_ready(timeout_s=60)
    assert time.monotonic() - started < 10
    assert "exited with code 3" in str(raised.value)
    assert "boom while loading weights" in str(raised.value)
    assert isinstance(raised.value, ModelUnavailableError)
    server.stop()


def test_not_ready_in_time_raises_and_the_context_manager_cleans_up(tmp_path: Path) -> None:
    server, child_pid_file = fake_server(tmp_path, "never_ready")
    server.start()
    with pytest.raises(VLLMServerError, match="not ready after"):
        server.wait_until_ready(timeout_s=1.0, poll_s=0.1)
    # On a loaded machine the stand-in may not have written its child's pid within that second.
    assert wait_for(child_pid_file.exists, timeout_s=60)
    child_pid = int(child_pid_file.read_text())
    server.stop()
    assert wait_for(lambda: not pid_alive(child_pid))


def test_sigterm_is_followed_by_sigkill_after_the_grace_period(tmp_path: Path) -> None:
    server, child_pid_file = fake_server(tmp_path, "stubborn", grace_s=0.5)
    server.start()
    assert wait_for(child_pid_file.exists)
    time.sleep(0.3)  # let it install its SIGTERM handler
    code = server.stop()
    assert code == -9
    assert not server.is_running()


def test_port_is_fixed_when_configured_and_picked_otherwise(tmp_path: Path) -> None:
    fixed = VLLMServerProcess(VLLMServerConfig(model="m", served_model_name="s", port=8765), tmp_path / "log")
    assert fixed.base_url == "http://127.0.0.1:8765/v1"
    picked = VLLMServerProcess(VLLMServerConfig(model="m", served_model_name="s"), tmp_path / "log")
    with pytest.raises(VLLMServerError):
        _ = picked.base_url  # no port until start()


def test_stop_without_start_is_harmless(tmp_path: Path) -> None:
    server = VLLMServerProcess(VLLMServerConfig(model="m", served_model_name="s"), tmp_path / "log")
    assert server.stop() is None
