"""Benchmarks: `python -m app.bench <name> [options]`. They print figures, assert nothing."""
