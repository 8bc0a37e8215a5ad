"""Browser fixtures: Debian's chromium driven by Playwright (never `playwright install`), the real app on loopback
with a FakeOpenAIServer as the chat model, screenshots under test-artifacts/e2e/."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.wiring import Services
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities
from tests.support.openai_fake import FakeOpenAIServer, Reply

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# What the fake model says to a Korean buyer: no numbers, so the grounding check has nothing to flag.
KOREAN_ANSWER = "네, 이 휴대용 모니터는 USB-C 케이블 하나로 노트북이나 닌텐도 스위치에 연결할 수 있습니다. 전원과 영상이 함께 전달됩니다."
ARABIC_ANSWER = "نعم، يمكن توصيل هذه الشاشة المحمولة بجهاز نينتندو سويتش بكابل واحد ينقل الطاقة والصورة معًا."


@dataclass
class RunningApp:
    url: str
    services: Services
    model_server: FakeOpenAIServer


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir per session
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-US",
        )  # fmt: skip
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context: Any, running_app: RunningApp, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh tab on a running app (its last screenshot is taken before the app stops); cookies and storage are
    cleared so tests do not share a login or a chat session."""
    browser_context.clear_cookies()
    tab = browser_context.new_page()
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if not tab.is_closed():
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
        tab.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        tab.close()


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# What the fake vision model "sees" in a refund photo (the refund service's JSON schema).
FINDING = {
    "issue_visible": "yes", "damage_type": "cracked corner", "severity": "moderate", "product_matches": "yes",
    "packaging_damage": "no", "order_numbers_read": [], "tracking_numbers_read": [],
    "summary": "The lower right corner of the screen is cracked.",
}  # fmt: skip


def _reply(body: dict[str, Any]) -> str | Reply:
    if body.get("response_format"):
        return json.dumps(FINDING) if "severity" in json.dumps(body["response_format"]) else "{}"
    # The prompt names the reply language; answer in it, word by word with a pause so the browser sees it grow.
    text = ARABIC_ANSWER if "Arabic" in json.dumps(body.get("messages", [])) else KOREAN_ANSWER
    return Reply(text=text, chunk_delay_s=0.12)


@pytest.fixture
def model_server() -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer.start(models=["fake-qwen"])
    server.set_default(_reply)
    yield server
    server.stop()


@pytest.fixture
def running_app(
    make_services: Callable[..., Services], run_app: Callable[[Services], str], model_server: FakeOpenAIServer
) -> RunningApp:
    caps = Capabilities(streaming=True, images=True, video=True, json_schema=True)
    model = build_chat_model(
        VLLMConfig(
            base_urls=[model_server.base_url],
            model="fake-qwen",
            capabilities=caps,
            read_timeout=10,
            max_retries=0,
        )
    )
    # The same fake Qwen2.5-VL serves the chat and the refund photo review, as one vLLM server would.
    services = make_services(chat_model=model, vision_model=model)
    return RunningApp(run_app(services), services, model_server)


@pytest.fixture(scope="session", autouse=True)
def fresh_artifacts() -> Path:
    # Screenshots of an earlier run would be mistaken for this run's.
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS
