"""The console tab over loopback (real app, real Gradio, gradio_client): intake, checklist before generating,
one-click .docx download, outcome and win rate; and the `python -m app chargeback` command."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from pypdf import PdfReader

from app.__main__ import main as cli_main
from app.wiring import Services
from tests.integration.chargebacks.conftest import TEST_PAN, photo
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration


def test_merchant_defends_a_case_from_the_console(
    make_services: Callable[..., Services], run_app: Callable[[Services], str], tmp_path: Path
) -> None:
    url = run_app(make_services())
    client = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)

    status, queue, _ = client.predict(
        "VCR-77", "auto", "1301", "229.00", "", "2026-11-20", "", "PP-260921", "", f"never came, card {TEST_PAN}",
        api_name="/chargeback_create",
    )
    assert "Case CB-000001 (VCR-77) added (Visa 13.1)" in status
    assert queue["data"][0][:2] == ["CB-000001", "VCR-77"]
    with pytest.raises(Exception, match="not an amount"):
        client.predict("VCR-78", "auto", "13.1", "lots", "", "2026-11-20", "", "PP-260921", "", "",
                       api_name="/chargeback_create")

    summary, checklist = client.predict("VCR-77", api_name="/chargeback_case")
    assert "Visa 13.1" in summary and "missing: Delivery photo, Buyer's messages with the shop" in summary
    rows = {row[2]: row for row in checklist["data"]}
    assert rows["Delivery photo"][1].endswith("missing") and "carrier recorded a delivery photo" in rows["Delivery photo"][3]

    image = tmp_path / "door.jpg"
    image.write_bytes(photo("navy", "door"))
    summary, checklist, _ = client.predict("VCR-77", [handle_file(str(image))], "delivery_photo", "Parcel at the door",
                                           api_name="/chargeback_attach")
    assert "missing: Buyer's messages with the shop" in summary

    download, download_pdf, download_stripe, status = client.predict("VCR-77", api_name="/chargeback_generate")
    assert "argument written by the template" in status and "document" in status
    assert "- Stripe: within limits" in status and "- Shopify Payments: within limits" in status
    # The buttons come back as updates (now visible) whose values the client has downloaded.
    assert download["visible"] is True and download["value"].endswith("rebuttal-VCR-77.docx")
    assert download_pdf["visible"] is True and download_pdf["value"].endswith("rebuttal-VCR-77.pdf")
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(download_pdf["value"]).pages)
    assert "Chargeback response — case VCR-77" in pdf_text and "PP-260921" in pdf_text
    assert download_stripe["value"].endswith("rebuttal-VCR-77.stripe-evidence.json")
    stripe = json.loads(Path(download_stripe["value"]).read_text(encoding="utf-8"))
    assert stripe["case_id"] == "VCR-77" and stripe["evidence"]["uncategorized_file"] == "{upload:rebuttal-VCR-77.pdf}"
    document = Document(download["value"])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chargeback response — case VCR-77" in text and TEST_PAN not in text
    assert len(document.inline_shapes) == 1

    outcome, wins = client.predict("VCR-77", "reversed by issuer", api_name="/chargeback_outcome_won")
    assert "recorded as **won**" in outcome
    assert wins["data"] == [["Visa", "13.1", 1, 0, 0, "100%"]]
    # A second click on another outcome is refused with the reason.
    with pytest.raises(AppError, match="already closed as won"):
        client.predict("VCR-77", "misclick", api_name="/chargeback_outcome_lost")


def test_cli_imports_lists_and_generates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MC_CHAT_BACKEND", "none")
    monkeypatch.setenv("MC_SEED_DEMO_DATA", "true")  # the CLI works on the demo store's orders
    monkeypatch.setenv("MC_EMBEDDER", "use-multilingual")
    notices = tmp_path / "notices.csv"
    notices.write_text("case_id,reason_code,amount,dispute_date,order_no,claim_text\n"
                       "CLI-1,13.1,229.00,2026-11-20,PP-260921,not received\n"
                       "CLI-2,F29,oops,2026-11-20,PP-261002,\n", encoding="utf-8")
    assert cli_main(["chargeback", "import", str(notices)]) == 1  # one row needs fixing
    assert "Imported 1 case(s); 1 row(s) need fixing." in capsys.readouterr().out
    assert cli_main(["chargeback", "list"]) == 0
    listed = re.search(r"^(CB-\d{6})\s+CLI-1\s", capsys.readouterr().out, flags=re.MULTILINE)
    assert listed, "each case is listed by its number, then the dispute id"
    number = listed.group(1)
    assert cli_main(["chargeback", "show", number.lower().replace("-", "")]) == 0  # typed loosely: "cb000001"
    assert capsys.readouterr().out.startswith(f"{number} (CLI-1): ")
    out = tmp_path / "cli.docx"
    assert cli_main(["chargeback", "generate", "CLI-1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and str(tmp_path / "cli.pdf") in printed and "Stripe: within limits" in printed
    assert (tmp_path / "cli.pdf").is_file() and (tmp_path / "cli.stripe-evidence.json").is_file()
    assert "CLI-1" in "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert cli_main(["chargeback", "generate", "NOPE"]) == 2
    assert "no chargeback case 'NOPE'" in capsys.readouterr().err
