"""Shared fixtures live in tests/support as plugins, one per area."""

import os

# No hub access on these machines: every model must come from a package or be built by the test.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

pytest_plugins = [
    "tests.support.fixtures_models",
    "tests.support.fixtures_knowledge",
    "tests.support.fixtures_vllm",
    "tests.support.fixtures_db",
    "tests.support.fixtures_app",
]
