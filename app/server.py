"""Builds the ASGI app (console at /, buyer widget at /widget, JSON API) and runs it with uvicorn."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI

from app.api import register_routes
from app.services.auth import LoginThrottle, MerchantCredentials, async_login_check
from app.ui.console import build_console
from app.ui.widget import build_widget
from app.wiring import Services

log = logging.getLogger(__name__)


def _deny_all(_username: str, _password: str) -> bool:
    return False


def _keep_console_files_private(console: gr.Blocks, private_dir: Path) -> None:
    """Files the console shows (evidence photos, videos, documents) are copied by Gradio into a cache that
    every mounted app's file route serves. Point the console's components at a folder under the data dir,
    which only the logged-in console may serve and the open widget refuses."""
    private_dir.mkdir(parents=True, exist_ok=True)
    for block in console.blocks.values():
        block.GRADIO_CACHE = str(private_dir)


def create_app(services: Services, credentials: MerchantCredentials | None) -> FastAPI:
    api = FastAPI(title="Marketplace Copilot", docs_url=None, redoc_url=None)
    register_routes(api, services)
    data_dir = services.settings.data_dir.resolve()
    uploads = [str(data_dir)]
    # The buyer widget needs no login; it only ever sees the buyer's own session and never the data dir.
    widget = build_widget(services)
    # Buyers' raw uploads (EXIF and all) must not pile up in Gradio's temp folder: stored copies are cleaned.
    widget.delete_cache = (3600, 3600)
    gr.mount_gradio_app(
        api,
        widget,
        path="/widget",
        footer_links=[],
        blocked_paths=[str(data_dir)],
        # Refused by the server before the app's own per-file checks read anything.
        max_file_size=f"{services.settings.max_video_mb + 1}mb",
    )
    console = build_console(services)
    _keep_console_files_private(console, data_dir / "console-cache")
    gr.mount_gradio_app(
        api,
        console,
        path="",
        auth=async_login_check(credentials, LoginThrottle()) if credentials else _deny_all,
        auth_message="Merchant console — sign in."
        if credentials
        else "The console is closed: set MC_MERCHANT_PASSWORD_HASH (python -m app hash-password).",
        allowed_paths=uploads,
        footer_links=["api"],
    )
    return api


class BackgroundServer:
    """uvicorn in a thread: used by tests and the bench to run the real app on a loopback port."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int = 7860) -> None:
        config = uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
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
