"""A real OpenAI chat-completions server on loopback for tests (wire-level fake, no mocking).

    server = FakeOpenAIServer.start()
    server.enqueue("Hello there!")                         # next reply (streamed or not)
    server.enqueue(lambda body: f"echo {len(body['messages'])}")
    server.set_fault("http_status", status=500, times=1)   # first request 500, then OK
    ...  # point a client at server.base_url ("http://127.0.0.1:PORT/v1")
    assert server.requests[0]["messages"][0]["role"] == "system"
    server.stop()

Replies are consumed in order; when the queue is empty the default reply is used (`set_default`).
A reply is a str, a `Reply` (text plus per-request faults), or a callable taking the request JSON
and returning either. Persistent fault modes (`set_fault`): "down" (port closed), "slow",
"drop_stream", "malformed_json", "http_status"; `clear_faults()` restores normal service.
Thread-per-connection (ThreadingHTTPServer), HTTP/1.1 keep-alive, SSE with chunked encoding and
one socket write per event, so many concurrent streaming clients get their chunks promptly.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from models.vllm_server import find_free_port

FaultMode = Literal["down", "slow", "drop_stream", "malformed_json", "http_status"]


@dataclass(frozen=True)
class Reply:
    """One scripted answer and how to (mis)deliver it."""

    text: str = "ok"
    finish_reason: str | None = "stop"  # None: the stream ends without a finish_reason
    status: int = 200  # not 200: an OpenAI-style error body with this status
    delay_s: float = 0.0  # before the first byte of the response
    chunk_delay_s: float = 0.0  # before each streamed content chunk
    stall_after_chunks: int | None = None  # pause `stall_s` after N content chunks (a stuck server)
    stall_s: float = 0.0
    drop_after_chunks: int | None = None  # close the socket after N content chunks (0: no response)
    malformed: bool = False  # broken JSON body / SSE event
    deltas: tuple[str, ...] | None = None  # explicit stream chunks; default: split into words


ReplySpec = str | Reply | Callable[[dict[str, Any]], "str | Reply"]


def _split_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\s*\S+|\s+", text))


class FakeOpenAIServer:
    """See module docstring. Create with `FakeOpenAIServer.start()`; always `stop()` (or use `with`)."""

    def __init__(self, models: list[str] | None = None, host: str = "127.0.0.1") -> None:
        self.models = list(models or ["fake-model"])
        self.host = host
        self.port = 0
        self._lock = threading.Lock()
        self._queue: list[ReplySpec] = []
        self._default: ReplySpec = "ok"
        self._requests: list[dict[str, Any]] = []
        self._models_calls = 0
        self._fault: dict[str, Any] = {}
        self._status_fault: tuple[int, int | None] | None = None  # (status, remaining or None=forever)
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------

    @classmethod
    def start(cls, models: list[str] | None = None) -> FakeOpenAIServer:
        server = cls(models)
        server._listen()
        return server

    def _listen(self) -> None:
        httpd = _Server((self.host, self.port), _Handler)
        httpd.fake = self  # type: ignore[attr-defined]
        self.port = httpd.server_address[1]
        self._httpd = httpd
        # A short poll interval makes stop()/"down" take milliseconds instead of 0.5 s.
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            name=f"fake-openai-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def _close_listener(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def stop(self) -> None:
        self._stopping.set()
        self._close_listener()

    def __enter__(self) -> FakeOpenAIServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The OpenAI base URL (with /v1), as `openai.OpenAI(base_url=...)` and VLLMConfig take it."""
        return f"{self.root_url}/v1"

    # -- scripting ------------------------------------------------------------------------

    def enqueue(self, *replies: ReplySpec) -> None:
        with self._lock:
            self._queue.extend(replies)

    def set_default(self, reply: ReplySpec) -> None:
        """The reply used whenever the queue is empty (e.g. a callable for load tests)."""
        with self._lock:
            self._default = reply

    def set_fault(
        self,
        mode: FaultMode,
        *,
        status: int = 500,
        times: int | None = None,
        delay_s: float = 0.0,
        chunk_delay_s: float = 0.0,
        after_chunks: int = 1,
    ) -> None:
        """Persistent fault until `clear_faults()`.

        down: listening socket closed (connection refused; open keep-alive connections are dropped).
        slow: `delay_s` before the first byte, `chunk_delay_s` between chunks.
        drop_stream: socket closed after `after_chunks` content chunks.
        malformed_json: broken JSON body / SSE event.
        http_status: `status` error for the next `times` requests (None: until cleared); no reply consumed.
        """
        if mode == "down":
            self._close_listener()
            return
        with self._lock:
            if mode == "http_status":
                self._status_fault = (status, times)
            elif mode == "slow":
                self._fault.update(delay_s=delay_s, chunk_delay_s=chunk_delay_s)
            elif mode == "drop_stream":
                self._fault["drop_after_chunks"] = after_chunks
            elif mode == "malformed_json":
                self._fault["malformed"] = True
            else:
                raise ValueError(f"unknown fault mode {mode!r}")

    def clear_faults(self) -> None:
        """Normal service again; after "down" it listens again on the same port."""
        with self._lock:
            self._fault = {}
            self._status_fault = None
        if self._httpd is None and not self._stopping.is_set():
            self._listen()

    @property
    def is_down(self) -> bool:
        return self._httpd is None

    # -- inspection -----------------------------------------------------------------------

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Bodies of every POST /v1/chat/completions received, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def models_calls(self) -> int:
        """How many GET /v1/models were answered."""
        with self._lock:
            return self._models_calls

    # -- used by the handler --------------------------------------------------------------

    def _record_models_call(self) -> None:
        with self._lock:
            self._models_calls += 1

    def _next_reply(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self._requests.append(body)
            if self._status_fault is not None:
                status, remaining = self._status_fault
                if remaining is not None:
                    self._status_fault = (status, remaining - 1) if remaining > 1 else None
                return Reply(text=f"fake HTTP {status}", status=status)
            spec = self._queue.pop(0) if self._queue else self._default
            fault = dict(self._fault)
        reply = spec(body) if callable(spec) else spec  # outside the lock: user code
        if isinstance(reply, str):
            reply = Reply(text=reply)
        return replace(reply, **fault) if fault else reply


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the stdlib default (5) stalls 50 concurrent clients on connect
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout/failover tests) is expected; anything else is printed.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like vLLM behind uvicorn
    timeout = 30  # idle keep-alive connections end eventually

    server: Any  # ThreadingHTTPServer with a `.fake` attribute

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean

    @property
    def fake(self) -> FakeOpenAIServer:
        return self.server.fake  # type: ignore[no-any-return]

    def handle_one_request(self) -> None:
        if self.fake.is_down:  # a pooled keep-alive connection must not outlive "down"
            self.close_connection = True
            return
        super().handle_one_request()

    # -- routes ---------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        if self.fake.is_down:
            self._drop()
        elif self.path.rstrip("/") == "/v1/models":
            self.fake._record_models_call()
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.fake.models]
            self._send_json(200, {"object": "list", "data": data})
        elif self.path == "/health":
            self._send_json(200, {})
        else:
            self._send_json(404, _error_body(404, f"no route {self.path}"))

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.fake.is_down:  # the request arrived on a keep-alive connection opened before "down"
            self._drop()
            return
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send_json(404, _error_body(404, f"no route {self.path}"))
            return
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            self._send_json(400, _error_body(400, "request body is not JSON"))
            return
        try:
            reply = self.fake._next_reply(body)
        except Exception as exc:  # noqa: BLE001 - a broken test callable becomes a visible 500
            self._send_json(500, _error_body(500, f"fake reply callable failed: {exc!r}"))
            return
        if reply.delay_s and self.fake._stopping.wait(reply.delay_s):
            return
        if reply.status != 200:
            self._send_json(reply.status, _error_body(reply.status, reply.text))
        elif reply.drop_after_chunks == 0:
            self._drop()
        elif body.get("stream"):
            self._send_stream(body, reply)
        else:
            self._send_completion(body, reply)

    # -- responses ------------------------------------------------------------------------

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        self._send_bytes(status, json.dumps(payload).encode())

    def _send_bytes(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _send_completion(self, body: dict[str, Any], reply: Reply) -> None:
        if reply.malformed:
            self._send_bytes(200, b'{"id": "chatcmpl-fake", "choices": [{"message": ')
            return
        payload = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", ""),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.text},
                    "finish_reason": reply.finish_reason,
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        self._send_json(200, payload)

    def _send_stream(self, body: dict[str, Any], reply: Reply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        model = body.get("model", "")
        self._event(_chunk(model, {"role": "assistant", "content": ""}, None))
        deltas = reply.deltas if reply.deltas is not None else _split_words(reply.text)
        for sent, delta in enumerate(deltas):
            if reply.drop_after_chunks is not None and sent >= reply.drop_after_chunks:
                self._drop()
                return
            if reply.chunk_delay_s and self.fake._stopping.wait(reply.chunk_delay_s):
                return
            if sent == reply.stall_after_chunks and self.fake._stopping.wait(reply.stall_s):
                return
            if reply.malformed:
                self._write_chunk(b'data: {"id": "chatcmpl-fake", "choices": [{"delta": \n\n')
                self._end_chunked()
                return
            self._event(_chunk(model, {"content": delta}, None))
        if reply.drop_after_chunks is not None and len(deltas) <= reply.drop_after_chunks:
            self._drop()  # dropped after the last content chunk, before finish_reason
            return
        if reply.finish_reason is not None:
            self._event(_chunk(model, {}, reply.finish_reason))
        self._write_chunk(b"data: [DONE]\n\n")
        self._end_chunked()

    def _event(self, payload: dict[str, Any]) -> None:
        self._write_chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")

    def _write_chunk(self, data: bytes) -> None:
        # One write per event (chunk header + data) so the client sees it at once.
        self.wfile.write(b"%X\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _drop(self) -> None:
        """Close the TCP connection abruptly (mid-body or before any response)."""
        self.close_connection = True
        with contextlib.suppress(OSError):  # the client may already be gone; the point was to close
            self.connection.shutdown(socket.SHUT_RDWR)


def _chunk(model: str, delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def _error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "fake_error", "code": status}}


def closed_port_url() -> str:
    """An OpenAI base URL on loopback where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{find_free_port()}/v1"
