"""The merchant's review flow in a real browser: generate a listing the fake model pads with invented specs, see it
flagged with the reasons beside the product's facts, fix the title, accept, export the Shopify translations CSV."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from app.services.listings.exports import read_shopify_csv
from tests.e2e.conftest import RunningApp, shot
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.e2e

LISTING = {
    "title": "PixelPort monitor portátil 15,6 pulgadas 4K 144 Hz",
    "bullets": ["Panel IPS de 1920 x 1080 con 300 nits"],
    "description": "Monitor portátil ligero y delgado de 15,6 pulgadas, ideal como segunda pantalla para el portátil "
                   "o la consola cuando viajas.",
    "keywords": ["monitor portátil"],
}


def _choose(page: Any, label: str, option: str) -> None:
    page.get_by_label(label).click()
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()
    page.keyboard.press("Escape")


def test_merchant_reviews_fixes_accepts_and_exports_a_listing(page: Any, running_app: RunningApp,
                                                              tmp_path: Path) -> None:
    running_app.model_server.enqueue(json.dumps(LISTING, ensure_ascii=False))
    page.goto(f"{running_app.url}/")
    page.get_by_label("username").fill(MERCHANT_USER)
    page.get_by_label("password").fill(MERCHANT_PASSWORD)
    page.get_by_role("button", name=re.compile("log ?in", re.I)).click()
    page.get_by_role("tab", name="Listings").click()
    page.get_by_text("that is the checks working").first.wait_for()

    _choose(page, "Products", "PP-156-FHD")
    _choose(page, "Target languages", "Spanish (es)")
    page.get_by_role("button", name="Generate", exact=True).click()
    page.get_by_text(re.compile(r"Done: 1 listing")).first.wait_for(timeout=60_000)
    # Gradio renders each cell twice (one copy hidden): click the visible one. Picks the row (4K and 144 Hz are
    # not in the facts).
    page.locator("text=2 issue(s) >> visible=true").first.click()
    page.get_by_text("Flagged").first.wait_for()
    page.get_by_text("refresh rate: 60 Hz").first.wait_for()  # the source facts, side by side
    shot(page, "listings-flagged")

    page.get_by_label("Title").fill("PixelPort monitor portátil 15,6 pulgadas Full HD 60 Hz")
    page.get_by_role("button", name="Save edit (checks again)").click()
    page.get_by_text("✅ Passed every check.").first.wait_for()  # the edited version, not the run summary
    page.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_text(re.compile(r"v2 · accepted")).first.wait_for()

    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
        page.get_by_text(re.compile(r"Exported 4 row")).first.wait_for()
        page.locator("a[href*='shopify-translations.csv']").first.click()
    target = tmp_path / "translations.csv"
    download.value.save_as(target)
    rows = read_shopify_csv(target)
    assert {r["Locale"] for r in rows} == {"es"} and "Full HD 60 Hz" in rows[0]["Translated content"]
    shot(page, "listings-exported")
