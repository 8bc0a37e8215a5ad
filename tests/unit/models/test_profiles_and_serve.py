import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from models.profiles import ModelProfile, list_profiles, load_profile
from models.serve import build_serve_command, describe, main, serve_env

pytestmark = pytest.mark.unit


def test_bundled_profiles_load() -> None:
    assert set(list_profiles()) >= {"qwen2.5-vl-7b", "qwen2.5-vl-3b", "qwen2.5-coder-0.5b-cpu"}
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.name == name


def test_default_production_profile() -> None:
    profile = load_profile("qwen2.5-vl-7b")
    assert profile.hf_id == "Qwen/Qwen2.5-VL-7B-Instruct"
    assert profile.max_model_len == 32768
    assert profile.modalities == ["text", "image", "video"]
    caps = profile.capabilities
    assert caps.images and caps.video and caps.json_schema
    config = profile.vllm_config(["http://gpu-1:8000", "http://gpu-2:8000"], read_timeout=30)
    assert config.model == profile.served_name and config.read_timeout == 30
    assert config.capabilities == caps and len(config.base_urls) == 2


def test_cpu_profile_is_text_only_from_a_local_folder() -> None:
    profile = load_profile("qwen2.5-coder-0.5b-cpu")
    assert profile.modalities == ["text"] and profile.local_path
    assert not profile.capabilities.images
    assert profile.env["VLLM_CPU_KVCACHE_SPACE"] == "1"


def test_serve_command_for_vision_profile() -> None:
    profile = load_profile("qwen2.5-vl-7b")
    command = build_serve_command(profile, port=8123, python="py")
    assert command[:5] == ["py", "-m", "vllm.entrypoints.cli.main", "serve", "Qwen/Qwen2.5-VL-7B-Instruct"]
    flags = dict(zip(command[5::2], command[6::2], strict=False))
    assert flags["--port"] == "8123"
    assert flags["--served-model-name"] == "qwen2.5-vl-7b"
    assert flags["--max-model-len"] == "32768"
    assert json.loads(flags["--limit-mm-per-prompt"]) == {"image": 8, "video": 2}
    assert flags["--dtype"] == "bfloat16" and "--gpu-memory-utilization" in flags


def test_serve_command_for_cpu_profile_and_model_path_override() -> None:
    profile = load_profile("qwen2.5-coder-0.5b-cpu")
    command = build_serve_command(profile, model_path="/models/q", extra_args=["--seed", "1"])
    assert command[4] == "/models/q"
    assert "--limit-mm-per-prompt" not in command
    assert "--enforce-eager" in command and command[-2:] == ["--seed", "1"]
    assert command[command.index("--dtype") + 1] == "float32"
    env = serve_env(profile, {"PATH": "/bin", "HF_HUB_OFFLINE": "0"})
    assert env["VLLM_CPU_KVCACHE_SPACE"] == "1" and env["HF_HUB_OFFLINE"] == "0" and env["PATH"] == "/bin"
    assert describe(command, profile).startswith("HF_HUB_OFFLINE=1 ")


def test_dry_run_prints_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qwen2.5-vl-3b", "--port", "9001", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "serve Qwen/Qwen2.5-VL-3B-Instruct" in out and "--port 9001" in out
    assert '--limit-mm-per-prompt \'{"image": 4, "video": 1}\'' in out


def test_missing_local_folder_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["qwen2.5-coder-0.5b-cpu", "--model-path", str(tmp_path / "absent")]) == 2
    assert "not found" in capsys.readouterr().err


def test_profile_by_path_and_validation(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nhf_id: a/b\nserved_name: b\nmax_model_len: 1024\nmodalities: [text]\n")
    assert load_profile(path).served_name == "b"
    with pytest.raises(FileNotFoundError, match="bundled"):
        load_profile("no-such-profile")
    with pytest.raises(ValidationError, match="derived"):
        ModelProfile(
            name="x", hf_id="a", served_name="a", max_model_len=1, modalities=["text"],
            vllm_args=["--max-model-len=4"],
        )  # fmt: skip
    with pytest.raises(ValidationError, match="modalities"):
        ModelProfile(
            name="x", hf_id="a", served_name="a", max_model_len=1, modalities=["text"],
            limit_mm_per_prompt={"image": 1},
        )  # fmt: skip
