"""Builds the ASGI app (console at /, buyer widget at /widget, JSON API) and runs it with uvicorn."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import gradio as gr
import uvicorn
from fastapi import FastAPI
from gradio.utils import get_upload_folder
from starlette.routing import Mount

from app.api import register_routes
from app.gradio_guard import KnownEndpointsOnly, MountedBlocks, NoApiInfoInLoginPage
from app.login_guard import LoginGuard
from app.services.auth import LoginThrottle, MerchantCredentials, async_login_check
from app.settings import Settings
from app.ui.console import build_console
from app.ui.widget import WIDGET_CSS, WIDGET_JS, build_widget, widget_i18n
from app.wiring import Services

log = logging.getLogger(__name__)


def _deny_all(_username: str, _password: str) -> bool:
    return False


def _mounted_gradio_app(api: FastAPI, path: str) -> Any:
    """The gradio App that `gr.mount_gradio_app` just mounted at `path` (it returns only the parent app)."""
    for route in reversed(api.routes):
        if isinstance(route, Mount) and route.path == path.rstrip("/"):
            return route.app
    raise RuntimeError(f"no Gradio app mounted at {path!r}")


def _isolate(api: FastAPI, blocks: gr.Blocks, path: str, files_dir: Path) -> None:
    """Close the file holes `gr.mount_gradio_app` leaves open (Gradio 6.31; re-check on every upgrade, see README).

    - Gradio checks file paths a client sends (FileData in any input: Chatbot history, File, Image…) only once
      `Blocks.has_launched` is set, which `launch()` does and mounting does not. Setting it makes every event of
      this app go through `processing_utils._check_allowed`: a client path outside the upload folder is refused.
    - Every mounted app shares one upload folder and one output cache, and each app's file route serves both. Each
      app gets its own folder for uploads and outputs, and the other app's folder is on its blocklist.
    """
    blocks.has_launched = True
    files_dir.mkdir(parents=True, exist_ok=True)
    for block in blocks.blocks.values():
        block.GRADIO_CACHE = str(files_dir)
    _mounted_gradio_app(api, path).uploaded_file_dir = str(files_dir)


def create_app(services: Services, credentials: MerchantCredentials | None) -> FastAPI:
    api = FastAPI(title="Marketplace Copilot", docs_url=None, redoc_url=None, openapi_url=None)
    register_routes(api, services)
    data_dir = services.settings.data_dir.resolve()
    # Both apps' uploads must stay under Gradio's upload folder: its path check accepts nothing else.
    upload_root = Path(get_upload_folder()).resolve()
    widget_files = upload_root / "widget"
    console_files = upload_root / "console"
    # The buyer widget needs no login; it only ever sees the buyer's own session and never the data dir.
    widget = build_widget(services)
    # Buyers' raw uploads (EXIF and all) must not pile up in Gradio's temp folder: stored copies are cleaned.
    widget.delete_cache = (3600, 3600)
    gr.mount_gradio_app(
        api,
        widget,
        path="/widget",
        footer_links=[],
        blocked_paths=[str(data_dir), str(console_files)],
        # Refused by the server before the app's own per-file checks read anything.
        max_file_size=f"{services.settings.max_video_mb + 1}mb",
        # The claim form's texts in the browser's language (one catalog), right to left for Arabic.
        i18n=widget_i18n(services),
        css=WIDGET_CSS,
        js=WIDGET_JS,
    )
    _isolate(api, widget, "/widget", widget_files)
    console = build_console(services)
    console_paths = [services.settings.evidence_dir.resolve(), data_dir / "rebuttals", data_dir / "exports"]
    gr.mount_gradio_app(
        api,
        console,
        path="",
        auth=async_login_check(credentials) if credentials else _deny_all,
        auth_message="Merchant console — sign in."
        if credentials
        else "The console is closed: set MC_MERCHANT_PASSWORD_HASH (python -m app hash-password).",
        # Only what the console shows: evidence, generated rebuttals and exports — not the database or models.
        allowed_paths=[str(p) for p in console_paths],
        blocked_paths=[str(widget_files)],
        footer_links=[],
    )
    _isolate(api, console, "", console_files)
    api.add_middleware(LoginGuard, throttle=LoginThrottle())
    api.add_middleware(KnownEndpointsOnly, mounts=[MountedBlocks("/widget", widget), MountedBlocks("", console)])
    api.add_middleware(NoApiInfoInLoginPage, mount_prefix="/", exclude_prefixes=["/widget"])
    return api


def proxy_header_options(trusted_proxies: list[str]) -> dict[str, Any]:
    """uvicorn believes X-Forwarded-For from 127.0.0.1 by default, so anyone on the host (or behind a careless
    proxy) could pick their own address and dodge every per-IP limit: only configured proxies are believed."""
    if not trusted_proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted_proxies)}


def uvicorn_options(trusted_proxies: list[str], keep_alive_s: int) -> dict[str, Any]:
    """The uvicorn options every runner of the app shares (the real server, tests and benches alike)."""
    return {"timeout_keep_alive": keep_alive_s, **proxy_header_options(trusted_proxies)}


class BackgroundServer:
    """uvicorn in a thread: used by tests and the bench to run the real app on a loopback port."""

    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 7860,
        trusted_proxies: list[str] | None = None,
        keep_alive_s: int = Settings.model_fields["http_keep_alive_s"].default,
    ) -> None:
        config = uvicorn.Config(
            app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2,
            **uvicorn_options(trusted_proxies or [], keep_alive_s),
        )  # fmt: skip
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="uvicorn", daemon=True)
        self.url = f"http://{host}:{port}"

    def start(self, timeout_s: float = 30.0) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start on {self.url}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
