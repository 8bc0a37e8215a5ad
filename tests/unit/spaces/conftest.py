"""Loads the Space's entry point the way the Space runs it: spaces/app.py by path (it fixes sys.path itself)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[3]
SPACES = REPO / "spaces"


def load_space_entry() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mc_space_entry", SPACES / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def space_entry() -> ModuleType:
    return load_space_entry()
