"""ASGI middleware in front of every mounted Gradio app (Gradio 6.31; re-check on every upgrade, see README).

- `KnownEndpointsOnly`: a call naming an API name or `fn_index` the app does not have reaches a bare dict lookup
  in Gradio (`route_utils.get_fn`) and answers 500 with a traceback in the log. Here it gets a 404 saying so.
- `NoApiInfoInLoginPage`: Gradio's page route inlines `window.gradio_api_info` (every endpoint with its current
  default values, e.g. the refund policy's negotiation limits) even on the login page it shows to anonymous
  visitors. The console's pages carry none; the signed-in frontend fetches it from `/gradio_api/info`, which
  needs the login.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.asgi_utils import json_reply, read_body, replay

API_PREFIX = "/gradio_api"
# Requests whose body names the function are small JSON documents; anything bigger is not a call.
MAX_CALL_BODY = 1024 * 1024
_NAMED_CALL = re.compile(r"^/(?:call/v2|call|run|api)/(?P<name>[^/]+)/?$")
_CALL_RESULT = re.compile(r"^/call/(?:v2/)?(?P<name>[^/]+)/[^/]+/?$")
# Gradio routes this app never uses (run history, monitoring, the vibe editor, dev reload, FastAPI's schema): a
# public app offers nothing it does not need, so these answer 404 on every mount.
UNUSED_ROUTES = (
    "/monitoring", "/openapi.json", "/docs", "/redoc", f"{API_PREFIX}/runs", f"{API_PREFIX}/run-history",
    f"{API_PREFIX}/vibe-", f"{API_PREFIX}/undo-vibe-edit", f"{API_PREFIX}/dev/",
)
_QUEUE_JOIN = re.compile(r"^/queue/join/?$")
_API_INFO = re.compile(rb"window\.gradio_api_info = .*?;</script>", re.DOTALL)


@dataclass(frozen=True)
class MountedBlocks:
    """A Gradio app as mounted: its path prefix ("" for the root) and its Blocks."""

    prefix: str
    blocks: Any

    def owns(self, path: str) -> bool:
        return not self.prefix or path == self.prefix or path.startswith(self.prefix + "/")

    def fn_indices(self) -> set[int]:
        return set(self.blocks.fns)

    def api_names(self) -> set[str]:
        return {fn.api_name for fn in self.blocks.fns.values() if fn.api_name and fn.api_visibility != "private"}


def _mount_for(mounts: Sequence[MountedBlocks], path: str) -> MountedBlocks | None:
    owners = [m for m in mounts if m.owns(path)]
    return max(owners, key=lambda m: len(m.prefix)) if owners else None


class KnownEndpointsOnly:
    def __init__(self, app: ASGIApp, mounts: Sequence[MountedBlocks]) -> None:
        self._app = app
        self._mounts = list(mounts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        mount = _mount_for(self._mounts, scope["path"]) if scope["type"] == "http" else None
        route = scope["path"][len(mount.prefix) :] if mount else ""
        if mount is not None and route.startswith(UNUSED_ROUTES):
            await json_reply(send, 404, {"error": "Not found."})
            return
        if mount is None or not route.startswith(API_PREFIX + "/"):
            await self._app(scope, receive, send)
            return
        route = route[len(API_PREFIX) :]
        result = _CALL_RESULT.match(route) if scope["method"] == "GET" else None
        if result and result.group("name") not in mount.api_names():
            await json_reply(send, 404, {"error": f"No API endpoint named {result.group('name')!r}."})
            return
        if scope["method"] != "POST":
            await self._app(scope, receive, send)
            return
        named, joins = _NAMED_CALL.match(route), _QUEUE_JOIN.match(route)
        if not named and not joins:
            await self._app(scope, receive, send)
            return
        body = await read_body(receive, MAX_CALL_BODY)
        if body is None:
            await json_reply(send, 413, {"error": "Request too large."})
            return
        problem = _unknown_function(mount, named.group("name") if named else None, body)
        if problem:
            await json_reply(send, 404 if problem.startswith("No ") else 422, {"error": problem})
            return
        await self._app(scope, replay(body, receive), send)


def _unknown_function(mount: MountedBlocks, api_name: str | None, body: bytes) -> str | None:
    """Why this call names no function of the app (None when it does)."""
    try:
        payload = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None  # Gradio's own validation answers malformed JSON with a 422
    fn_index = payload.get("fn_index") if isinstance(payload, dict) else None
    if fn_index is not None:
        if isinstance(fn_index, bool) or not isinstance(fn_index, int):
            return None  # not an integer: Gradio's validation answers 422
        return None if fn_index in mount.fn_indices() else f"No function with fn_index {fn_index}."
    if api_name is None:
        return "fn_index is required."
    return None if api_name in mount.api_names() else f"No API endpoint named {api_name!r}."


class NoApiInfoInLoginPage:
    """Blanks the inlined API description in the HTML pages of the given mount (the console)."""

    def __init__(self, app: ASGIApp, mount_prefix: str, exclude_prefixes: Sequence[str]) -> None:
        self._app = app
        self._prefix = mount_prefix
        self._exclude = tuple(exclude_prefixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"] if scope["type"] == "http" else ""
        if (
            scope["type"] != "http" or scope["method"] not in ("GET", "HEAD")
            or not path.startswith(self._prefix) or path.startswith(self._exclude)
        ):  # fmt: skip
            await self._app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        is_html = False

        async def capture(message: Message) -> None:
            nonlocal start, is_html
            if message["type"] == "http.response.start":
                start = message
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                is_html = content_type.startswith(b"text/html")
                if not is_html:
                    await send(message)
                return
            if not is_html:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            page = _API_INFO.sub(b"window.gradio_api_info = null;</script>", b"".join(chunks))
            assert start is not None
            kept = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
            await send({**start, "headers": [*kept, (b"content-length", str(len(page)).encode())]})
            await send({"type": "http.response.body", "body": page if scope["method"] == "GET" else b""})

        await self._app(scope, receive, capture)
