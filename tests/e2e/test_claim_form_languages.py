"""The buyer widget's Return / refund form in a Korean and an Arabic browser (real Chromium, real app)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import RunningApp, shot

pytestmark = pytest.mark.e2e


def as_browser_in(page: Any, locale: str) -> None:
    """This tab's browser language (the shared context is en-US): what the page reads and what requests send."""
    page.add_init_script(
        f"Object.defineProperty(navigator, 'language', {{get: () => '{locale}'}});"
        f"Object.defineProperty(navigator, 'languages', {{get: () => ['{locale}']}});"
    )
    page.set_extra_http_headers({"Accept-Language": f"{locale},{locale.split('-')[0]};q=0.9"})


def test_korean_buyer_sees_the_claim_form_and_its_errors_in_korean(
    page: Any, running_app: RunningApp
) -> None:
    as_browser_in(page, "ko-KR")
    page.goto(f"{running_app.url}/widget/")
    page.get_by_role("tab", name="반품 / 환불").click()
    page.get_by_label("주문 번호").fill("PP-999999")
    page.get_by_label("주문에 사용한 이메일").fill("nobody@example.com")
    page.get_by_label("어떤 문제가 있나요?").click()
    page.get_by_role("option", name="파손된 상태로 도착").click()
    page.get_by_role("button", name="신청 보내기").click()
    page.get_by_text("이 주문 번호와 이메일 주소로 된 주문을 찾을 수 없습니다").first.wait_for()
    shot(page, "refund-claim-form-korean")


def test_arabic_buyer_gets_the_claim_form_right_to_left(page: Any, running_app: RunningApp) -> None:
    as_browser_in(page, "ar-SA")
    page.goto(f"{running_app.url}/widget/")
    page.get_by_role("tab", name="إرجاع / استرداد").click()
    label = page.get_by_text("رقم الطلب").first
    label.wait_for()
    assert label.evaluate("e => getComputedStyle(e).direction") == "rtl", (
        "the form's labels read right to left"
    )
    form = page.locator(".refund-claim-form").first
    assert form.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # An order number typed into the form still reads left to right (its own direction).
    order_box = page.get_by_label("رقم الطلب")
    order_box.fill("PP-261020")
    assert order_box.evaluate("e => getComputedStyle(e).unicodeBidi") == "plaintext"
    page.get_by_role("tab", name="المحادثة").wait_for()  # the tab names are translated too
    shot(page, "refund-claim-form-arabic")


def test_a_browser_in_another_language_gets_the_english_form(page: Any, running_app: RunningApp) -> None:
    as_browser_in(page, "sv-SE")  # not one of the 14: English, never the catalog's keys
    page.goto(f"{running_app.url}/widget/")
    page.get_by_role("tab", name="Return / refund").click()
    page.get_by_label("Order number").wait_for()
    assert page.get_by_text("form.").count() == 0
    assert page.locator(".refund-claim-form").evaluate("e => getComputedStyle(e).direction") == "ltr"
