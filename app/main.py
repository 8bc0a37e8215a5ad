"""Composition root: Settings -> build_services() -> ASGI app (console + widget + API) -> uvicorn."""

from __future__ import annotations

import logging

import uvicorn

from app.server import create_app, uvicorn_options
from app.services.auth import resolve_credentials
from app.settings import Settings
from app.wiring import build_services

log = logging.getLogger("app")


def serve(settings: Settings) -> None:
    services = build_services(settings)
    try:
        report = services.knowledge_admin.ingest_corpus()
        log.info("knowledge index ready: %d chunks (%d embedded now)", services.knowledge.count(), report.embedded)
        if services.retriever.gate is not None:
            services.retriever.gate.ensure_anchors()  # embedded once, now rather than in the first buyer's request
        credentials = resolve_credentials(
            settings.merchant_username,
            settings.merchant_password_hash.get_secret_value() if settings.merchant_password_hash else None,
            settings.demo_mode,
        )
        app = create_app(services, credentials)
        print(f"\n  Merchant console: http://{settings.host}:{settings.port}/")
        print(f"  Buyer widget:     http://{settings.host}:{settings.port}/widget/")
        if credentials and credentials.generated_password:
            print(f"  Console login (demo, new each start): {credentials.username} / {credentials.generated_password}")
        elif credentials is None:
            print("  Console closed: set MC_MERCHANT_PASSWORD_HASH (python -m app hash-password).")
        if services.embedded_server is not None:
            print("  Embedded model server is starting in the background (CPU, a few minutes); see the Status tab.")
        print()
        # Open SSE streams (chat, heartbeats) must not hold a restart hostage.
        uvicorn.run(
            app, host=settings.host, port=settings.port, log_level="warning", timeout_graceful_shutdown=5,
            **uvicorn_options(settings.trusted_proxies, settings.http_keep_alive_s),
        )  # fmt: skip
    finally:
        services.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    serve(Settings())
