"""Anonymous callers cannot read the merchant console: not its page config, not its API, not its files.

Every check is paired with the same request made by the logged-in merchant, so a test fails if the URL is wrong
rather than passing because it hit nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client
from PIL import Image

from app.wiring import Services
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.security

REPO = Path(__file__).resolve().parents[2]
DEMO_ORDERS = json.loads((REPO / "knowledge" / "corpus" / "orders.json").read_text(encoding="utf-8"))


def _demo_order_secrets() -> list[str]:
    """Strings that must never reach an anonymous caller: buyer emails, names and tracking numbers."""
    orders = DEMO_ORDERS["orders"] if isinstance(DEMO_ORDERS, dict) else DEMO_ORDERS
    secrets: set[str] = set()
    for order in orders:
        for key, value in order.items():
            if isinstance(value, str) and ("email" in key or key in {"buyer_name", "tracking_no"}):
                secrets.add(value)
            if isinstance(value, dict):
                secrets.update(
                    v for k, v in value.items() if isinstance(v, str) and ("email" in k or k == "name")
                )
    assert secrets, "the demo orders should carry buyer emails"
    return sorted(secrets)


@dataclass
class Running:
    url: str
    services: Services
    merchant: httpx.Client
    anonymous: httpx.Client


@pytest.fixture
def running(make_services: Callable[..., Services], run_app: Callable[[Services], str]) -> Iterator[Running]:
    services = make_services()
    url = run_app(services)
    merchant = httpx.Client(base_url=url, timeout=20)
    login = merchant.post("/login", data={"username": MERCHANT_USER, "password": MERCHANT_PASSWORD})
    assert login.status_code == 200, login.text
    anonymous = httpx.Client(base_url=url, timeout=20)
    yield Running(url, services, merchant, anonymous)
    merchant.close()
    anonymous.close()


def _evidence_image(services: Services) -> Path:
    buffer = BytesIO()
    Image.new("RGB", (32, 24), (180, 20, 20)).save(buffer, format="PNG")
    stored = services.files.put(buffer.getvalue(), mime="image/png", kind="evidence", suffix=".png")
    assert stored.path.is_file() and stored.path.is_relative_to(services.settings.data_dir)
    return stored.path


def _console_dependencies(merchant: httpx.Client) -> list[dict[str, Any]]:
    config = merchant.get("/config")
    assert config.status_code == 200
    dependencies: list[dict[str, Any]] = config.json()["dependencies"]
    assert dependencies, "the console has events"
    return dependencies


def test_console_page_and_config_need_a_login(running: Running) -> None:
    page = running.anonymous.get("/")
    assert page.status_code == 200  # the login form
    assert running.anonymous.get("/config").status_code == 401
    merchant_config = running.merchant.get("/config").text
    for tab in ("Refund review", "Chargeback defense", "Inbox", "Knowledge"):
        assert tab in merchant_config
        assert tab not in page.text, f"the anonymous page leaks the console ({tab!r})"
    for secret in _demo_order_secrets():
        assert secret not in page.text


def test_console_api_refuses_anonymous_callers_on_every_route(running: Running) -> None:
    anonymous, merchant = running.anonymous, running.merchant
    assert anonymous.get("/gradio_api/info").status_code == 401
    assert anonymous.get("/gradio_api/openapi.json").status_code == 401
    named = merchant.get("/gradio_api/info").json()["named_endpoints"]
    assert "/status" in named and "/knowledge_search" in named
    for api_name in named:
        name = api_name.lstrip("/")
        for route in (
            f"/gradio_api/call/{name}",
            f"/gradio_api/call/v2/{name}",
            f"/gradio_api/run/{name}",
            f"/gradio_api/api/{name}",
        ):
            response = anonymous.post(route, json={"data": []})
            assert response.status_code == 401, f"{route}: {response.status_code}"
    # The same call goes through for the merchant (the route above is real).
    assert merchant.post("/gradio_api/call/status", json={"data": []}).status_code == 200


def test_queue_refuses_anonymous_events_for_every_console_function(running: Running) -> None:
    for dependency in _console_dependencies(running.merchant):
        body = {
            "data": [],
            "fn_index": dependency["id"],
            "session_hash": "anon-session",
            "trigger_id": None,
            "event_data": None,
        }
        response = running.anonymous.post("/gradio_api/queue/join", json=body)
        assert response.status_code == 401, (
            f"fn {dependency['id']} ({dependency.get('api_name')}): {response.text}"
        )
    assert (
        running.anonymous.get("/gradio_api/queue/data", params={"session_hash": "anon-session"}).status_code
        == 401
    )
    upload = running.anonymous.post("/gradio_api/upload", files={"files": ("a.txt", b"x", "text/plain")})
    assert upload.status_code == 401


def test_evidence_files_are_served_to_the_merchant_only(running: Running) -> None:
    path = _evidence_image(running.services)
    for route in (f"/gradio_api/file={path}", f"/gradio_api/file/{path}"):
        assert running.anonymous.get(route).status_code == 401, route
    served = running.merchant.get(f"/gradio_api/file={path}")
    assert served.status_code == 200 and served.content == path.read_bytes()
    # The widget is open to anyone, so it must not serve the data dir at all.
    for route in (f"/widget/gradio_api/file={path}", f"/widget/gradio_api/file/{path}"):
        assert running.anonymous.get(route).status_code in (403, 404), route
    database = Path(running.services.settings.resolved_database_url.removeprefix("sqlite:///"))
    assert running.anonymous.get(f"/widget/gradio_api/file={database}").status_code in (403, 404)


def test_forged_or_foreign_session_cookies_are_refused(running: Running) -> None:
    forged = httpx.Client(
        base_url=running.url, cookies={"access-token": "forged", "access-token-unsecure": "forged"}
    )
    with forged:
        assert forged.get("/config").status_code == 401
        assert forged.get("/gradio_api/info").status_code == 401
    wrong = running.anonymous.post("/login", data={"username": MERCHANT_USER, "password": "not-it"})
    assert wrong.status_code == 400
    assert running.anonymous.get("/config").status_code == 401


def test_evidence_the_merchant_opened_is_not_served_by_the_open_widget(
    running: Running, tmp_path: Path
) -> None:
    photo = tmp_path / "crack.jpg"
    Image.new("RGB", (64, 48), (200, 200, 200)).save(photo, format="JPEG")
    receipt = running.services.refunds.file_claim(
        "PP-261020", "mariana.oliveira@example.org", "damaged", "canto rachado", [(photo, "crack.jpg")]
    )
    client = Client(running.url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False, download_files=False)
    gallery = client.predict(receipt.case.id, api_name="/refund_case")[1]
    client.close()
    cached = gallery[0]["image"]["path"]
    assert running.merchant.get(f"/gradio_api/file={cached}").status_code == 200
    assert running.anonymous.get(f"/gradio_api/file={cached}").status_code == 401
    assert running.anonymous.get(f"/widget/gradio_api/file={cached}").status_code in (403, 404)
