"""Imports point one way: ui -> services -> (domain, store, knowledge, models); models/knowledge import no app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _py_files(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("package", ["models", "knowledge"])
def test_libraries_do_not_import_the_app(package: str) -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(n for n in _imports(path) if n == "app" or n.startswith("app."))
        for path in _py_files(package)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_services_and_store_do_not_import_gradio_or_ui() -> None:
    offenders = {}
    for folder in ("app/services", "app/store", "app/domain"):
        for path in _py_files(folder):
            bad = sorted(n for n in _imports(path) if n.split(".")[0] == "gradio" or n.startswith("app.ui"))
            if bad:
                offenders[str(path.relative_to(REPO))] = bad
    assert offenders == {}


def test_only_wiring_and_entry_points_construct_backends() -> None:
    allowed = {"app/wiring.py", "app/main.py", "app/__main__.py", "app/server.py"}
    offenders = []
    for path in _py_files("app"):
        rel = str(path.relative_to(REPO))
        if rel in allowed or rel.startswith("app/bench/"):
            continue
        if {"models.registry", "models.vllm_backend", "models.transformers_backend", "chromadb"} & _imports(path):
            offenders.append(rel)
    assert offenders == []


def test_nothing_but_settings_reads_the_environment() -> None:
    offenders = []
    for folder in ("app",):
        for path in _py_files(folder):
            rel = str(path.relative_to(REPO))
            if rel.startswith("app/bench/") or rel == "app/settings.py":
                continue
            if "os.environ" in path.read_text(encoding="utf-8") or "os.getenv" in path.read_text(encoding="utf-8"):
                offenders.append(rel)
    assert offenders == []
