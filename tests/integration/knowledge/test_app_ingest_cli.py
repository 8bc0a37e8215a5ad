"""`python -m app ingest --file/--url`: what a merchant runs to import their catalog from a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.__main__ import main

pytestmark = pytest.mark.integration

IMPORTS = Path(__file__).resolve().parents[2] / "data" / "imports"


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, value in {"MC_DATA_DIR": str(tmp_path / "data"), "MC_CORPUS_DIR": str(corpus),
                        "MC_CHAT_BACKEND": "none", "MC_VISION_BACKEND": "none", "MC_STORE_CURRENCY": "NOK"}.items():
        monkeypatch.setenv(name, value)
    return corpus


def test_import_files_twice_then_a_bad_one(app_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["ingest", "--quiet", "--file", str(IMPORTS / "shopify_products.csv"),
            "--file", str(IMPORTS / "aurora_x2_manual.pdf")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "uploads/shopify_products.csv: 3 added" in out and "uploads/aurora_x2_manual.pdf: 5 added" in out
    assert main(args) == 0
    assert "uploads/shopify_products.csv: 0 added, 0 updated, 3 unchanged, 0 removed, 0 embedded" in capsys.readouterr().out

    bad = tmp_path / "products.csv"
    bad.write_text("Handle,Title,Variant Price,Body (HTML)\ntent,Tent,12 kroner?,\nlamp,Lamp,x,\n", encoding="utf-8")
    assert main(["ingest", "--quiet", "--file", str(bad)]) == 1
    assert "products.csv row 3: 'x' is not an amount" in capsys.readouterr().err


def test_corpus_folder_with_a_woocommerce_export(app_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (app_env / "wc.csv").write_bytes((IMPORTS / "woocommerce_products.csv").read_bytes())
    assert main(["ingest", "--quiet"]) == 0
    assert "wc.csv" in capsys.readouterr().out
    assert main(["ingest", "--quiet", "--url", "http://169.254.169.254/latest/meta-data/"]) == 1
    assert "private or local address" in capsys.readouterr().err
