"""The buyer widget in real headless Chromium: a streamed Korean answer with its sources, Arabic right-to-left,
a 390 px phone screen, Enter to send."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import ARABIC_ANSWER, KOREAN_ANSWER, RunningApp, shot

pytestmark = pytest.mark.e2e

INPUT = "#buyer-chat-input textarea"
BOT = "#buyer-chat [data-testid='bot']"
# Records every text the newest bot bubble shows, so the test can tell a stream from one final paint.
RECORD_GROWTH = """() => {
  window.__botTexts = [];
  const chat = document.querySelector('#buyer-chat');
  new MutationObserver(() => {
    const bots = chat.querySelectorAll(".bot-row [data-testid='bot'] .message-content");
    const last = bots.length ? bots[0].innerText.trim() : '';
    if (last && window.__botTexts[window.__botTexts.length - 1] !== last) window.__botTexts.push(last);
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""


def _open_widget(page: Any, url: str) -> Any:
    page.goto(f"{url}/widget/")
    box = page.locator(INPUT)
    box.wait_for()
    return box


def test_korean_question_gets_a_streamed_answer_with_sources(page: Any, running_app: RunningApp) -> None:
    box = _open_widget(page, running_app.url)
    page.evaluate(RECORD_GROWTH)
    box.fill("이 모니터는 USB-C 케이블 하나로 닌텐도 스위치에 연결되나요?")
    box.press("Enter")  # keyboard submission, no click
    answer = page.locator(BOT).filter(has_text="닌텐도 스위치에 연결할 수 있습니다")
    answer.first.wait_for()
    page.wait_for_function(
        "t => document.querySelector('#buyer-chat').innerText.includes(t)",
        arg="전원과 영상이 함께 전달됩니다",
    )
    seen = page.evaluate("() => window.__botTexts")
    partial = [text for text in seen if text and KOREAN_ANSWER.startswith(text) and text != KOREAN_ANSWER]
    # Text is released sentence by sentence once it passes the grounding checks: the first sentence shows
    # before the whole answer.
    assert len(partial) >= 1, f"the answer should appear piece by piece, saw {seen}"
    # Citations: a Sources block under the answer that opens to the store's documents.
    sources = page.get_by_text("📄 Sources", exact=False).first
    sources.wait_for()
    sources.click()
    page.get_by_text("products.yaml", exact=False).first.wait_for()
    assert page.locator(INPUT).input_value() == "", "the sent message leaves the input box"
    shot(page, "korean-streamed-answer-with-sources")
    request = running_app.model_server.requests[-1]
    assert request.get("stream") is True
    assert "Korean" in str(request["messages"]) or "한국어" in str(request["messages"])


def _horizontal_overflow(page: Any) -> int:
    return int(
        page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def _first_char_near_right_edge(page: Any, selector: str) -> dict[str, float]:
    """Where the first character of the element's first paragraph sits, relative to the paragraph's box."""
    result: dict[str, float] = page.evaluate(
        """sel => {
          const p = document.querySelector(sel).querySelector('p');
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const node = walker.nextNode();
          const range = document.createRange();
          range.setStart(node, 0); range.setEnd(node, 1);
          const ch = range.getBoundingClientRect(), box = p.getBoundingClientRect();
          return {charLeft: ch.left, charRight: ch.right, boxLeft: box.left, boxRight: box.right};
        }""",
        selector,
    )
    return result


def test_arabic_reads_right_to_left_on_a_phone_and_enter_sends(
    browser_context: Any, running_app: RunningApp
) -> None:
    phone = browser_context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    try:
        box = _open_widget(phone, running_app.url)
        assert _horizontal_overflow(phone) <= 0, "the empty widget scrolls sideways on a phone"
        box.fill("هل يمكن توصيل الشاشة بجهاز نينتندو سويتش بكابل USB-C واحد؟")
        box.press("Enter")
        phone.wait_for_function(
            "t => document.querySelector('#buyer-chat').innerText.includes(t)", arg=ARABIC_ANSWER.split()[-1]
        )
        phone.get_by_text("📄 Sources", exact=False).first.wait_for()
        # Right-to-left: each sentence starts at the right edge of its paragraph, the buyer's and the answer.
        for selector in ("#buyer-chat [data-testid='user']", "#buyer-chat .bot-row [data-testid='bot']"):
            first = _first_char_near_right_edge(phone, selector)
            assert first["charRight"] >= first["boxRight"] - 4, (selector, first)
            assert first["charLeft"] > first["boxLeft"] + 20, (selector, first)
        assert _horizontal_overflow(phone) <= 0, "the conversation scrolls sideways on a 390 px screen"
        send = phone.get_by_role("button", name="Send").bounding_box()
        field = phone.locator(INPUT).bounding_box()
        assert send and field and send["x"] + send["width"] <= 390 and field["x"] >= 0
        shot(phone, "arabic-rtl-phone-390px")
    finally:
        phone.close()
