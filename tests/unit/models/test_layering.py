"""models/ is a leaf layer: it never imports the application or the knowledge package."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

MODELS = Path(__file__).resolve().parents[3] / "models"


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_models_imports_nothing_from_app_or_knowledge() -> None:
    offenders = {
        str(path.relative_to(MODELS)): sorted(_imported_roots(path) & {"app", "knowledge", "gradio"})
        for path in MODELS.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
