"""`python -m knowledge.ingest` end to end on a temp Chroma folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.ingest import main

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]


def test_cli_ingests_then_embeds_nothing_then_deletes(corpus_copy: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    chroma = tmp_path / "chroma"
    # USE: the CLI path is what is tested here, and it embeds the demo corpus far faster than e5 on 2 cores.
    use = ["--embedder", "use-multilingual"]
    assert main([str(corpus_copy), "--chroma-path", str(chroma), "--quiet", *use]) == 0
    first = capsys.readouterr().out
    assert "products.yaml" in first and "0 unchanged" in first

    assert main([str(corpus_copy), "--chroma-path", str(chroma), "--quiet", *use]) == 0
    assert "0 embedded" in capsys.readouterr().out

    rows = len((corpus_copy / "shipping.csv").read_text().strip().splitlines()) - 1
    assert main(["--chroma-path", str(chroma), "--delete-source", "shipping.csv", *use]) == 0
    assert f"shipping.csv: {rows} chunks removed" in capsys.readouterr().out


def test_cli_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope"), "--chroma-path", str(tmp_path / "c"), "--quiet"]) == 1
    assert "corpus folder not found" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2


def test_module_entry_point_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and "--chroma-url" in result.stdout
