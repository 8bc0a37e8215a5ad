"""Storefront order pushes, authenticated with a bearer API key created in the console.

    POST /api/orders                       body: one order (app.services.orders.schema.OrderIn)
                                           -> 201 created | 200 updated or unchanged, {"order_no", "result", …}
    POST /api/orders/{order_no}/tracking   body: TrackingUpdate -> 200 {"order_no", "result", "status", …}

401 without a valid key, 413 past the body limit, 422 with {"error", "details"} for a bad body, 404 for an unknown
order. Sending the same order again is harmless: it is stored once, by its number.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from app.errors import CopilotError, NotFoundError
from app.services.orders.importer import PushResult, validation_messages
from app.services.orders.schema import OrderIn, TrackingUpdate
from app.wiring import Services

T = TypeVar("T", bound=BaseModel)


class _BadRequest(Exception):
    def __init__(self, status: int, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.response = JSONResponse(
            {"error": message, **({"details": details} if details else {})},
            status_code=status,
            headers={"WWW-Authenticate": 'Bearer realm="orders"'} if status == 401 else None,
        )


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _BadRequest(413, f"The body is larger than {limit} bytes; send one order per request.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _BadRequest(413, f"The body is larger than {limit} bytes; send one order per request.")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(data: bytes, model: type[T], what: str) -> T:
    try:
        # Numbers are read as Decimal, so "amount": 19.99 stays exactly 19.99.
        raw: Any = json.loads(data.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _BadRequest(422, f"The body is not valid JSON ({exc}).") from None
    if not isinstance(raw, dict):
        raise _BadRequest(422, f"The body must be a JSON object ({what}).")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        details = validation_messages(exc)
        raise _BadRequest(422, f"Invalid {what}: " + "; ".join(details[:5]), details) from None


def _reply(pushed: PushResult, status: int = 200) -> JSONResponse:
    order = pushed.order
    return JSONResponse(
        {
            "order_no": order.order_no,
            "result": pushed.result,
            "status": order.status,
            "items": len(order.items),
            "tracking_events": len(order.tracking_events),
        },
        status_code=status,
    )


def register_order_routes(api: FastAPI, services: Services) -> None:
    limit = services.settings.orders_api_max_body_bytes

    async def authorised(request: Request) -> str:
        scheme, _, secret = request.headers.get("authorization", "").partition(" ")
        key = None
        if scheme.lower() == "bearer":
            key = await run_in_threadpool(services.api_keys.authenticate, secret.strip())
        if key is None:
            raise _BadRequest(401, "Send a valid API key: Authorization: Bearer mck_… (create one in the console).")
        return f"api-key:{key.id}:{key.name}"[:64]

    @api.post("/api/orders", response_model=None)
    async def push_order(request: Request) -> JSONResponse:
        try:
            actor = await authorised(request)
            payload = _parse(await _body(request, limit), OrderIn, "order")
            pushed = await run_in_threadpool(services.order_intake.push, payload, actor)
        except _BadRequest as exc:
            return exc.response
        except CopilotError as exc:
            return JSONResponse({"error": exc.user_message}, status_code=400)
        return _reply(pushed, 201 if pushed.result == "created" else 200)

    @api.post("/api/orders/{order_no}/tracking", response_model=None)
    async def push_tracking(order_no: str, request: Request) -> JSONResponse:
        try:
            actor = await authorised(request)
            if len(order_no) > 64:
                raise _BadRequest(404, "Unknown order number.")
            update = _parse(await _body(request, limit), TrackingUpdate, "tracking update")
            pushed = await run_in_threadpool(services.order_intake.add_tracking, order_no, update, actor)
        except _BadRequest as exc:
            return exc.response
        except NotFoundError as exc:
            return JSONResponse({"error": exc.user_message}, status_code=404)
        except CopilotError as exc:
            return JSONResponse({"error": exc.user_message}, status_code=400)
        return _reply(pushed)
