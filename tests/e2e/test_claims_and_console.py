"""Refund claim from the buyer widget, then the merchant console in real Chromium: log in, approve the refund,
generate a chargeback rebuttal and download the .docx."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PIL import Image

from tests.e2e.conftest import RunningApp, shot
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.e2e

# A recent delivered order of the demo store (São Paulo, Portuguese; see knowledge/corpus/orders.json).
ORDER_NO, EMAIL = "PP-261020", "mariana.oliveira@example.org"
# A Korean Visa order delivered with a signature: the "13.1 not received" demo chargeback.
CHARGEBACK_ORDER, CHARGEBACK_CASE = "PP-260921", "CB-E2E-1301"


def _photo(folder: Path) -> Path:
    path = folder / "cracked-corner.jpg"
    image = Image.new("RGB", (640, 480), (40, 40, 48))
    for x in range(200, 440):  # a bright diagonal "crack" so the photo is not a flat colour
        image.putpixel((x, x - 100), (250, 250, 250))
    image.save(path, format="JPEG", quality=90)
    return path


def _merchant_policy(running_app: RunningApp, max_auto_offer: str) -> None:
    """The demo orders were delivered over a week ago: the merchant widens the damage-report window, and sets how
    much the engine may offer without asking them first."""
    policy = running_app.services.refunds.policy().model_dump(mode="json")
    policy.update(damage_report_days=30, max_auto_offer=max_auto_offer)
    running_app.services.refunds.save_policy(policy, "merchant")


def _file_claim_in_widget(page: Any, url: str, photo: Path) -> str:
    page.goto(f"{url}/widget/")
    page.get_by_role("tab", name="Return / refund").click()
    page.get_by_label("Order number").fill(ORDER_NO)
    page.get_by_label("Email used for the order").fill(EMAIL)
    page.get_by_label("What went wrong?").click()
    page.get_by_role("option", name="Arrived damaged").click()
    page.get_by_label("Describe the problem (any language)").fill("O monitor chegou com o canto rachado.")
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text(photo.name).first.wait_for()  # the upload finished
    page.get_by_role("button", name="Send claim").click()
    reference = page.get_by_label("Your claim reference")
    page.wait_for_function("el => el.value.length > 0", arg=reference.element_handle(), timeout=60_000)
    return str(reference.input_value())


def test_buyer_files_a_refund_claim_with_a_photo(page: Any, running_app: RunningApp, tmp_path: Path) -> None:
    _merchant_policy(running_app, max_auto_offer="500")
    case_id = _file_claim_in_widget(page, running_app.url, _photo(tmp_path))
    assert re.fullmatch(r"R-\d{6}", case_id), f"the buyer is shown the case number, not the internal id: {case_id}"
    detail = running_app.services.refunds.case_detail(case_id)
    assert detail.case.order_no == ORDER_NO and detail.case.language == "pt"
    images = [path for record, path in detail.evidence if record.kind == "image"]
    assert len(images) == 1 and images[0].is_file(), "the photo is stored with the case"
    assert detail.finding is not None and detail.finding.severity == "moderate", (
        "the photo went to the vision model"
    )
    # The offer, in Portuguese, with the amount formatted by code, and the buttons to answer it.
    view = running_app.services.refunds.buyer_view(case_id, EMAIL)
    # The 60 USD return label is under 40% of the 169 USD monitor: it comes back, for item + shipping paid.
    assert view.can_respond and view.amount == Decimal("187.00")
    assert "187,00 USD" in view.text and "devolva o produto" in view.text, view.text
    page.get_by_text(view.text.strip().splitlines()[0][:40]).first.wait_for()
    page.get_by_role("button", name="Accept").wait_for()
    shot(page, "refund-claim-offer")
    request = next(r for r in running_app.model_server.requests if r.get("response_format"))
    assert "image_url" in json.dumps(request["messages"]), "the photo reached the model as an image part"


def _log_in(page: Any, url: str) -> None:
    page.goto(f"{url}/")
    page.get_by_label("username").fill(MERCHANT_USER)
    page.get_by_label("password").fill(MERCHANT_PASSWORD)
    page.get_by_role("button", name=re.compile("log ?in", re.I)).click()
    page.get_by_role("tab", name="Refund review").wait_for()


def test_merchant_approves_the_refund_and_downloads_a_chargeback_rebuttal(
    page: Any, running_app: RunningApp, tmp_path: Path
) -> None:
    services = running_app.services
    _merchant_policy(running_app, max_auto_offer="50")  # this claim needs the merchant
    receipt = services.refunds.file_claim(
        ORDER_NO,
        EMAIL,
        "damaged",
        "O monitor chegou com o canto rachado.",
        [(_photo(tmp_path), "cracked-corner.jpg")],
    )
    case_id = receipt.case.number  # what the merchant reads and types
    _log_in(page, running_app.url)
    shot(page, "console-after-login")

    page.get_by_role("tab", name="Refund review").click()
    page.get_by_label("Case", exact=True).first.fill(case_id.lower().replace("-", ""))  # "r000001" opens it too
    page.get_by_role("button", name="Open case").click()
    page.get_by_text(f"Case {case_id}").first.wait_for()
    assert receipt.case.status == "review" and receipt.case.proposed_amount, (
        "above the auto-offer limit: review"
    )
    page.get_by_role("button", name="Approve", exact=True).click()
    # A return for refund: approved, then settled when the merchant has the item back.
    page.wait_for_function(
        "id => [...document.querySelectorAll('h3')].some(h => h.innerText.includes(id) && /awaiting_return/.test(h.innerText))",
        arg=case_id,
    )
    page.get_by_role("button", name="Mark return received").click()
    page.wait_for_function(
        "id => [...document.querySelectorAll('h3')].some(h => h.innerText.includes(id) && /resolved/.test(h.innerText))",
        arg=case_id,
    )
    shot(page, "refund-approved")
    decided = services.refunds.case_detail(case_id).case
    assert decided.final_outcome == "return_for_refund", "the decision is stored"
    assert decided.final_amount == receipt.case.proposed_amount

    page.get_by_role("tab", name="Chargeback defense").click()
    page.get_by_text("New chargeback notice").click()
    for label, value in (
        ("Case ID (from the notice)", CHARGEBACK_CASE),
        ("Reason code", "13.1"),
        ("Order number", CHARGEBACK_ORDER),
        ("Disputed amount", "229.00"),
        ("Dispute date (YYYY-MM-DD)", "2026-11-20"),
        (
            "Cardholder's claim (card numbers are masked)",
            "Card 4111111111111111: I never received the monitor.",
        ),
    ):
        page.get_by_role("textbox", name=label, exact=True).filter(visible=True).fill(value)
    page.get_by_role("button", name="Add case").click()
    page.get_by_text(re.compile(rf"Case CB-\d{{6}} \({re.escape(CHARGEBACK_CASE)}\) added")).wait_for()
    picker = page.get_by_label("Case", exact=True).last
    picker.click()
    page.get_by_role("option", name=CHARGEBACK_CASE).click()
    page.get_by_text("Evidence for this code").wait_for()
    page.get_by_role("button", name="Generate rebuttal (.docx + PDF packet)").click()
    download_button = page.get_by_role("button", name="Download rebuttal")
    download_button.wait_for(timeout=60_000)
    page.get_by_text("Rebuttal ready").wait_for()
    shot(page, "chargeback-rebuttal-ready")
    with page.expect_download() as info:
        download_button.click()
    saved = tmp_path / "rebuttal.docx"
    info.value.save_as(saved)

    document = Document(str(saved))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert CHARGEBACK_CASE in text and CHARGEBACK_ORDER in text
    assert "4111111111111111" not in text, "card numbers are masked in the document"
