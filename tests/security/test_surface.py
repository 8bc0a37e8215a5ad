"""The attack surface, pinned: every route the app serves, every one reachable without a login, and every API name
of the open widget, compared with allowlists. A new endpoint (ours or a Gradio upgrade's) fails here until someone
has looked at it and added it on purpose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from starlette.routing import BaseRoute, Mount

from tests.security.conftest import Target

pytestmark = pytest.mark.security

ALLOWLIST = Path(__file__).with_name("routes_allowlist.txt")
# Reachable without a login (path parameters filled with "x"); everything else must answer 401/403/404/405/422.
OPEN_WITHOUT_LOGIN = {
    # The JSON chat API and health check (public by design).
    "POST /api/chat/session", "GET /healthz",
    # The console's login page and the static bits it needs.
    "GET /", "GET /favicon.ico", "GET /manifest.json", "GET /robots.txt", "GET /theme.css",
    "GET /gradio_api/theme.css", "GET /gradio_api/app_id", "GET /gradio_api/app_id/", "GET /gradio_api/startup-events",
    "GET /gradio_api/token", "GET /gradio_api/token/", "GET /gradio_api/user", "GET /gradio_api/user/", "GET /logout",
    "GET /gradio_api/heartbeat/{session_hash}",
    # The buyer widget (public by design: its API names are pinned below).
    "GET /widget/", "GET /widget/config", "GET /widget/config/", "GET /widget/favicon.ico", "GET /widget/manifest.json",
    "GET /widget/robots.txt", "GET /widget/theme.css", "GET /widget/gradio_api/theme.css", "GET /widget/gradio_api/app_id",
    "GET /widget/gradio_api/app_id/", "GET /widget/gradio_api/startup-events", "GET /widget/gradio_api/token",
    "GET /widget/gradio_api/token/", "GET /widget/gradio_api/user", "GET /widget/gradio_api/user/", "GET /widget/logout",
    "GET /widget/gradio_api/info", "GET /widget/gradio_api/info/", "GET /widget/gradio_api/login_check",
    "GET /widget/gradio_api/login_check/", "GET /widget/gradio_api/openapi.json", "GET /widget/gradio_api/queue/status",
    "GET /widget/gradio_api/heartbeat/{session_hash}", "GET /widget/gradio_api/queue/data",
}  # fmt: skip
WIDGET_API_NAMES = {
    "/chat", "/chat_poll", "/chat_start",
    "/refund_claim_submit", "/refund_offer_accept", "/refund_offer_decline", "/refund_offer_counter",
}


def _routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, str]]:
    for route in routes:
        if isinstance(route, Mount):
            yield from _routes(getattr(route.app, "routes", []), prefix + route.path)
            continue
        for method in sorted(getattr(route, "methods", None) or {"WEBSOCKET"}):
            if method != "HEAD":
                yield method, prefix + getattr(route, "path", "")


@pytest.fixture
def target(launch: Callable[..., Target]) -> Target:
    return launch()


def test_every_route_is_on_the_allowlist(target: Target) -> None:
    from app.server import create_app
    from app.services.auth import MerchantCredentials, hash_password

    app = create_app(target.services, MerchantCredentials("m", hash_password("p", iterations=1_000)))
    served = {f"{m} {p}" for m, p in _routes(app.routes)}
    allowed = {line.strip() for line in ALLOWLIST.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    assert sorted(served - allowed) == [], "new routes: check who may call them, then add them to routes_allowlist.txt"
    assert sorted(allowed - served) == [], "routes gone: remove them from routes_allowlist.txt"


def test_only_allowlisted_routes_answer_without_a_login(target: Target) -> None:
    from app.server import create_app
    from app.services.auth import MerchantCredentials, hash_password

    app = create_app(target.services, MerchantCredentials("m", hash_password("p", iterations=1_000)))
    opened = []
    with httpx.Client(base_url=target.url, timeout=5) as stranger:
        for method, path in sorted(set(_routes(app.routes))):
            if method == "WEBSOCKET":
                continue
            concrete = re.sub(r"\{[^}]+\}", "x", path)
            try:
                with stranger.stream(method, concrete, json={} if method == "POST" else None) as response:
                    status = response.status_code
            except httpx.TimeoutException:
                status = 200  # a stream that stayed open answered
            assert status < 500, f"{method} {path} answered {status}"
            if status < 400:
                opened.append(f"{method} {path}")
    assert sorted(set(opened) - OPEN_WITHOUT_LOGIN) == []
    # The allowlist is not stale: the console's page and the widget do answer (so the check above can fail).
    assert {"GET /", "GET /widget/", "POST /api/chat/session"} <= set(opened)


def test_the_widget_offers_only_the_buyer_api(target: Target) -> None:
    info = httpx.get(f"{target.url}/widget/gradio_api/info", timeout=30).json()
    assert set(info["named_endpoints"]) == WIDGET_API_NAMES
    assert info.get("unnamed_endpoints", {}) == {}
