"""Plain HTTP routes beside the Gradio pages: health for load balancers (feature routes register here too)."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.api_chat import register_chat_routes
from app.api_orders import register_order_routes
from app.wiring import Services


def register_routes(api: FastAPI, services: Services) -> None:
    api.add_exception_handler(RequestValidationError, _invalid_request)
    register_chat_routes(api, services)
    register_order_routes(api, services)

    @api.get("/healthz")
    async def healthz() -> dict[str, object]:
        # Liveness only: cheap, no model call. The Status tab does the deep checks.
        # Async, with the count in asyncio's own thread pool: under a chat burst the request thread pool is full of
        # streaming replies, and a health check queued behind them made load balancers think the app was down.
        return {"ok": True, "knowledge_chunks": await asyncio.to_thread(services.knowledge.count)}


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad field, without echoing the input: it may not even be encodable (a lone surrogate),
    and an error page is no place to repeat what a client sent."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    problems = [
        {"field": _printable(".".join(str(p) for p in e.get("loc", ()) if p != "body")), "problem": _printable(str(e.get("msg", "")))}
        for e in errors
    ]
    summary = "; ".join(f"{p['field'] or 'body'}: {p['problem']}" for p in problems) or "Invalid request."
    return JSONResponse({"error": summary, "detail": problems}, status_code=422)


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")[:200]
