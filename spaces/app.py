"""Hugging Face Space entry point (the Space runs `python app.py`); the logic lives in space_app.py.

In the published Space this file sits at the root next to the `app/`, `knowledge/` and `models/` packages
(see build_space.sh); in the repository it sits in `spaces/`, one level below them.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE if (HERE / "app" / "__init__.py").is_file() else HERE.parent
# `python spaces/app.py` puts spaces/ first on sys.path, where this file would shadow the `app` package:
# the repository root goes first, this folder last (for space_app and zero_gpu).
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))
if HERE != ROOT:
    sys.path.append(str(HERE))

from space_app import SpaceApp, build_space, main  # noqa: E402

__all__ = ["SpaceApp", "build_space", "main"]

if __name__ == "__main__":
    main()
