"""ASGI middleware in front of Gradio's `POST /login`: per (user, client) throttling with 429 + Retry-After.

Gradio's auth callback sees only the user name and password, not who is asking, so the throttle sits here,
where the client address is known (uvicorn applied X-Forwarded-For only from configured trusted proxies).
"""

from __future__ import annotations

import math

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.asgi_utils import json_reply, read_body, replay
from app.services.auth import LoginThrottle

MAX_LOGIN_BODY = 16 * 1024


class LoginGuard:
    def __init__(self, app: ASGIApp, throttle: LoginThrottle, login_path: str = "/login") -> None:
        self._app = app
        self._throttle = throttle
        self._path = login_path.rstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self._path:
            await self._app(scope, receive, send)
            return
        body = await read_body(receive, MAX_LOGIN_BODY)
        if body is None:
            await json_reply(send, 413, {"error": "Login request too large."})
            return
        username = await _form_username(scope, body)
        client = scope["client"][0] if scope.get("client") else "unknown"
        wait = self._throttle.retry_after(username, client)
        if wait > 0:
            seconds = math.ceil(wait)
            await json_reply(
                send, 429, {"error": f"Too many failed sign-ins. Try again in {seconds} seconds."},
                {"retry-after": str(seconds)},
            )  # fmt: skip
            return
        status: dict[str, int] = {}

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self._app(scope, replay(body, receive), watch)
        code = status.get("code", 500)
        if code == 200:
            self._throttle.record(username, client, True)
        elif code in (400, 401, 403):
            self._throttle.record(username, client, False)


async def _form_username(scope: Scope, body: bytes) -> str:
    sent = False

    async def once() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(scope, once).form()
        return str(form.get("username") or "").strip()
    except Exception:  # a malformed form: Gradio answers it; the throttle keys it as an empty name
        return ""
