"""HTTP JSON + SSE endpoints of the buyer chat (the same service the widget uses).

    POST /api/chat/session                      -> {"session_token": "..."}  (429 past N new sessions/minute/IP)
    POST /api/chat        {"session_token", "message"} -> the whole reply as JSON
    POST /api/chat/stream {"session_token", "message"} -> text/event-stream: language, citations, delta,
                                                          reset, handoff, done (or error) events
    GET  /api/chat/messages?session_token=…&after=ID   -> messages after ID (merchant replies arrive here)

Domain errors become 4xx JSON {"error": <message for the buyer>}; the buyer's text is never echoed back in errors.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, field_validator

from app.domain.chat import StoredMessage
from app.errors import CopilotError, NotFoundError, RateLimitedError
from app.services.chat.detached import finish_in_background
from app.services.language import RTL_LANGUAGES
from app.wiring import Services

log = logging.getLogger(__name__)


def _encodable(value: str | None) -> str | None:
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("text must be valid Unicode (no lone surrogate code points)") from exc
    return value


class ChatRequest(BaseModel):
    session_token: str | None = Field(default=None, max_length=256)
    message: str = Field(default="", max_length=100_000)

    _valid_text = field_validator("session_token", "message")(_encodable)


def _error(exc: CopilotError) -> JSONResponse:
    if isinstance(exc, RateLimitedError):
        return JSONResponse({"error": exc.user_message}, status_code=429, headers={"Retry-After": str(exc.retry_after_s)})
    return JSONResponse({"error": exc.user_message}, status_code=404 if isinstance(exc, NotFoundError) else 400)


def client_address(request: Request) -> str:
    """The peer address (uvicorn has already applied X-Forwarded-For, and only from configured trusted proxies)."""
    return request.client.host if request.client else "unknown"




def _message_json(message: StoredMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "role": message.role,
        "text": message.buyer_text,
        "language": message.language,
        "untranslated": message.meta.get("translation_status") == "untranslated",
        "citations": [c.model_dump() for c in message.citations],
        "created_at": message.created_at.isoformat(),
    }


def _token(body_token: str | None, header_token: str | None) -> str:
    return body_token or header_token or ""


def register_chat_routes(api: FastAPI, services: Services) -> None:
    chat = services.buyer_chat

    @api.post("/api/chat/session", response_model=None)
    def new_session(request: Request) -> dict[str, str] | JSONResponse:
        try:
            return {"session_token": chat.new_session(client=client_address(request))}
        except CopilotError as exc:
            return _error(exc)

    @api.post("/api/chat", response_model=None)
    def send(request: ChatRequest, x_chat_session: str | None = Header(default=None)) -> dict[str, Any] | JSONResponse:
        token = _token(request.session_token, x_chat_session)
        try:
            reply = chat.reply(token, request.message)
        except CopilotError as exc:
            return _error(exc)
        done = reply.done
        return {
            "reply": reply.text,
            "language": reply.language,
            "rtl": reply.language in RTL_LANGUAGES,
            "citations": [c.model_dump() for c in reply.citations],
            "handoff": reply.handoff,
            "status": done.status if done else None,
            "message_id": done.message_id if done else None,
            "source": done.source if done else None,
            "flags": done.flags if done else [],
        }

    @api.post("/api/chat/stream", response_model=None)
    def stream(request: ChatRequest, x_chat_session: str | None = Header(default=None)) -> StreamingResponse | JSONResponse:
        token = _token(request.session_token, x_chat_session)
        try:
            chat.validate(token, request.message)  # bad input answers 4xx before the stream starts
        except CopilotError as exc:
            return _error(exc)
        return StreamingResponse(
            _sse(finish_in_background(chat.stream_reply(token, request.message))),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    @api.get("/api/chat/messages", response_model=None)
    def messages(
        session_token: str | None = Query(default=None, max_length=256),
        after: int = Query(default=0, ge=0, le=2**62),
        x_chat_session: str | None = Header(default=None)
    ) -> dict[str, Any] | JSONResponse:
        try:
            history = chat.history(_token(session_token, x_chat_session), after_id=after)
        except CopilotError as exc:
            return _error(exc)
        return {"messages": [_message_json(m) for m in history]}


def _sse(events: Iterator[Any]) -> Iterator[bytes]:
    try:
        for event in events:
            yield f"event: {event.type}\ndata: {event.model_dump_json()}\n\n".encode()
    except CopilotError as exc:
        yield f"event: error\ndata: {json.dumps({'error': exc.user_message})}\n\n".encode()
    except Exception:
        # The buyer sees a short message; the details go to the log, not the wire.
        log.exception("chat stream failed")
        yield b'event: error\ndata: {"error": "Something went wrong. Please try again."}\n\n'
