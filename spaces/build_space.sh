#!/usr/bin/env bash
# Assemble the Hugging Face Space folder: the repository's packages plus spaces/ files at its root.
#   spaces/build_space.sh [OUT_DIR]        (default: build/space)
# then: hf upload --repo-type space OWNER/NAME OUT_DIR .   (or push OUT_DIR with git)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-build/space}"
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"

# The Space must pin what pyproject pins.
"$PYTHON" spaces/sync_requirements.py --check

rm -rf "$OUT"
mkdir -p "$OUT"
# Packages only: no tests, no .data (database, index, uploads), no caches.
tar --exclude='__pycache__' --exclude='*.pyc' --exclude='.data' -cf - app knowledge models | tar -xf - -C "$OUT"
cp spaces/README.md spaces/requirements.txt spaces/space_app.py spaces/zero_gpu.py "$OUT"/
# The Space's app.py replaces the repository's launcher (same name, HF runs `python app.py`).
cp spaces/app.py "$OUT"/app.py
[ -f LICENSE ] && cp LICENSE "$OUT"/
echo "Space assembled in $OUT ($(du -sh "$OUT" | cut -f1)). Publish with:"
echo "  hf upload --repo-type space OWNER/NAME $OUT ."
