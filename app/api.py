"""Plain HTTP routes beside the Gradio pages: health for load balancers (feature routes register here too)."""

from __future__ import annotations

from fastapi import FastAPI

from app.api_chat import register_chat_routes
from app.api_orders import register_order_routes
from app.wiring import Services


def register_routes(api: FastAPI, services: Services) -> None:
    register_chat_routes(api, services)
    register_order_routes(api, services)

    @api.get("/healthz")
    def healthz() -> dict[str, object]:
        # Liveness only: cheap, no model call. The Status tab does the deep checks.
        return {"ok": True, "knowledge_chunks": services.knowledge.count()}
