"""spaces/app.py imports and builds the whole app on a CPU machine without reading any weights, and serves it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from app.server import BackgroundServer
from app.settings import Settings
from tests.support.fixtures_app import free_port

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def space(space_entry: ModuleType, tmp_path: Path, use_embedder: Any) -> Any:
    weights = tmp_path / "Qwen2.5-VL-3B-Instruct"  # an empty folder: building must not look inside
    weights.mkdir()
    settings = Settings(data_dir=tmp_path / "data", seed_demo_data=True, demo_mode=True)
    built = space_entry.build_space(settings, model_path=str(weights), device="cpu", embedder=use_embedder)
    yield built
    built.close()


def test_space_builds_the_app_with_qwen_vl_in_process_and_loads_nothing(space: Any) -> None:
    assert space.profile.hf_id == "Qwen/Qwen2.5-VL-3B-Instruct"
    assert space.services.chat_model is space.model and space.services.vision_model is space.model
    assert space.model.capabilities.images and space.model.capabilities.video
    assert space.base_model.is_loaded is False, "building the Space must not load weights"
    # No `spaces` package here: the model is used as it is, not through the ZeroGPU wrapper.
    assert space.model is space.base_model
    status = space.services.status.report()
    chat = status.component("Chat model")
    assert chat.configured == "transformers: Qwen2.5-VL-3B-Instruct"
    assert "not loaded yet" in chat.detail
    assert status.component("Vision model").detail == "the chat model (Qwen2.5-VL)"
    assert any("runs on the CPU" in warning for warning in status.warnings)
    assert not any("tiny demo model" in warning for warning in status.warnings)


def test_space_serves_the_widget_openly_and_the_console_behind_a_login(space: Any) -> None:
    server = BackgroundServer(space.api, port=free_port()).start()
    try:
        widget = httpx.get(f"{server.url}/widget/", timeout=10)
        assert widget.status_code == 200 and "PixelPort Displays" in widget.text
        assert httpx.get(f"{server.url}/gradio_api/info", timeout=10).status_code == 401
        assert httpx.get(f"{server.url}/healthz", timeout=10).json()["ok"] is True
    finally:
        server.stop()
    assert space.credentials is not None and space.credentials.generated_password, (
        "demo mode: random password"
    )


def test_entry_point_finds_the_packages_when_run_from_the_published_folder(tmp_path: Path) -> None:
    out = tmp_path / "space"
    subprocess.run(
        ["bash", str(REPO / "spaces" / "build_space.sh"), str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
    )
    probe = (
        "import importlib.util as u, sys\n"
        "s = u.spec_from_file_location('entry', 'app.py'); m = u.module_from_spec(s); s.loader.exec_module(m)\n"
        "import app, space_app\n"
        "print(app.__file__); print(space_app.__file__); print(m.build_space.__module__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=out, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    app_file, space_file, module = result.stdout.split()
    assert Path(app_file) == out / "app" / "__init__.py", "the app package, not app.py, must be imported"
    assert Path(space_file) == out / "space_app.py" and module == "space_app"
