"""Merchant outcomes in real headless Chromium, with screenshots: the Analytics tab with (demo) data, an
unanswered question turned into a store answer that then answers a buyer in the widget, and a Test questions run."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from app.wiring import Services
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities
from tests.e2e.conftest import RunningApp, shot
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.e2e

QUESTION = "Do you sell 8K monitors?"  # among the demo store's seeded unanswered questions
ANSWER = "Not yet: our sharpest monitor is the PixelPort Lumen, 4K OLED."


@pytest.fixture
def demo_app(
    make_services: Callable[..., Services], run_app: Callable[[Services], str], model_server: FakeOpenAIServer
) -> RunningApp:
    """The app in demo mode (a few weeks of seeded, labelled demo activity), chat model behind the fake server."""
    model = build_chat_model(VLLMConfig(
        base_urls=[model_server.base_url], model="fake-qwen", read_timeout=10, max_retries=0,
        capabilities=Capabilities(streaming=True, images=True, video=True, json_schema=True),
    ))  # fmt: skip
    services = make_services(chat_model=model, vision_model=model, demo_mode=True)
    return RunningApp(run_app(services), services, model_server)


def _log_in(page: Any, url: str) -> None:
    page.goto(f"{url}/")
    page.get_by_label("username").fill(MERCHANT_USER)
    page.get_by_label("password").fill(MERCHANT_PASSWORD)
    page.get_by_role("button", name=re.compile("log ?in", re.I)).click()
    page.get_by_role("tab", name="Analytics").wait_for()


def _visible(page: Any, label: str) -> Any:
    return page.get_by_label(label).locator("visible=true").first


def test_analytics_with_data_and_an_unanswered_question_becomes_a_store_answer_in_the_widget(
    page: Any, demo_app: RunningApp
) -> None:
    _log_in(page, demo_app.url)
    page.get_by_role("tab", name="Analytics").click()
    page.get_by_text("Demo data.").first.wait_for()
    # Opening the tab fills it: the headline numbers, the plots and the unanswered questions.
    page.get_by_text("Durable resolution").first.wait_for(timeout=60_000)
    page.get_by_text("Conversations per day by language").first.wait_for()
    cell = page.locator(f"text={QUESTION} >> visible=true").first
    cell.wait_for(timeout=60_000)
    shot(page, "analytics-with-data")

    cell.click()
    page.wait_for_function(
        "q => [...document.querySelectorAll('textarea, input')].some(e => e.value === q)", arg=QUESTION
    )
    page.get_by_role("button", name="Add a store answer").click()
    question_box = _visible(page, "Buyer question (any language)")
    question_box.wait_for()
    assert question_box.input_value() == QUESTION, "the store answer editor opens prefilled with the question"
    _visible(page, "Your answer (any language; buyers get it translated)").fill(ANSWER)
    page.get_by_role("button", name="Save store answer").locator("visible=true").first.click()
    page.get_by_text(re.compile(r"Saved store answer #\d+")).first.wait_for()
    shot(page, "store-answer-from-analytics")
    assert [a.question for a in demo_app.services.store_answers.list()] == [QUESTION]

    page.goto(f"{demo_app.url}/widget/")
    box = page.locator("#buyer-chat-input textarea")
    box.wait_for()
    box.fill(QUESTION)
    box.press("Enter")
    page.locator("#buyer-chat [data-testid='bot']").filter(has_text="PixelPort Lumen, 4K OLED").first.wait_for(
        timeout=60_000
    )
    page.get_by_text("📄 Sources", exact=False).first.click()
    page.get_by_text("Store answer", exact=False).first.wait_for()
    shot(page, "store-answer-in-widget")


def test_a_test_questions_run_shows_pass_and_fail(page: Any, running_app: RunningApp) -> None:
    _log_in(page, running_app.url)
    page.get_by_role("tab", name="Test questions").click()
    _visible(page, "Questions (one per line)").fill("Which payment methods do you accept?\nDo you sell refrigerators?")
    _visible(page, "Name this run (optional)").fill("before go-live")
    page.get_by_role("button", name="Run questions").click()
    page.get_by_text(re.compile(r"Run #1: \d of 2 passed")).first.wait_for(timeout=120_000)
    page.get_by_text("Do you sell refrigerators?").locator("visible=true").first.wait_for()
    shot(page, "test-questions-run")
