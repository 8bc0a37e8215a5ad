"""Builds the ASGI app (console at /, buyer widget at /widget, JSON API) and runs it with uvicorn."""

from __future__ import annotations

import logging
import threading
import time

import gradio as gr
import uvicorn
from fastapi import FastAPI

from app.api import register_routes
from app.services.auth import MerchantCredentials
from app.ui.console import build_console
from app.ui.widget import build_widget
from app.wiring import Services

log = logging.getLogger(__name__)


def _deny_all(_username: str, _password: str) -> bool:
    return False


def create_app(services: Services, credentials: MerchantCredentials | None) -> FastAPI:
    api = FastAPI(title="Marketplace Copilot", docs_url=None, redoc_url=None)
    register_routes(api, services)
    uploads = [str(services.settings.data_dir)]
    # The buyer widget needs no login; it only ever sees the buyer's own session.
    gr.mount_gradio_app(api, build_widget(services), path="/widget", footer_links=[])
    gr.mount_gradio_app(
        api,
        build_console(services),
        path="",
        auth=credentials.check if credentials else _deny_all,
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
