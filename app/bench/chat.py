"""`python -m app.bench chat`: the buyer chat's own overhead per message, through the real app.

A fast local OpenAI-protocol server (tests/support/openai_fake.py, importable when run from the repo root)
stands in for the model and stamps when each request arrives and when its first token leaves. Buyers talk to
the real app (uvicorn on loopback) over POST /api/chat/stream (SSE), each with their own session, and we
report per message:
  to_model   client request sent -> request at the model server (validation, language id, storing the
             message, routing, retrieval with the real embedder + Chroma, prompt building, HTTP to the model)
  to_client  model's first token sent -> first token event parsed by the client (app streaming path)
at 1 and 50 concurrent buyers, p50/p95 in milliseconds, and the error count (must be 0).

With `--real` it measures the real embedded model instead (first text, tokens/s, prompt tokens): see chat_real.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.bench import chat_real
from models.vllm_server import find_free_port

DESCRIPTION = (
    "Buyer chat overhead per message (request -> model server, model first token -> client) over SSE; "
    "--real: the embedded model's first text, tokens/s and prompt tokens over the real chat path."
)

# (question, an answer the checks accept: same language, no number outside the sources)
DIALOGUE = [
    ("Does the 4K OLED monitor support HDR?", "Yes, the 4K OLED monitor is a real HDR10 display."),
    ("¿El monitor OLED 4K es compatible con HDR?", "Sí, el monitor OLED 4K es una pantalla HDR10 real."),
    ("4K OLED 모니터는 HDR을 지원하나요?", "네, 4K OLED 모니터는 진정한 HDR10 디스플레이입니다."),
    ("Unterstützt der 4K-OLED-Monitor HDR?", "Ja, der 4K-OLED-Monitor ist ein echtes HDR10-Display."),
]
_MARK = re.compile(r"\(ref (\d+)\)")


@dataclass
class Sample:
    to_model_ms: float
    to_client_ms: float


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--levels", default="1,50", help="concurrent buyers per round (default 1,50)")
    parser.add_argument("--messages", type=int, default=5, help="messages per buyer per round (default 5)")
    chat_real.add_arguments(parser)


class _Stamps:
    """Arrival / first-token times at the model server, keyed by the message's ref number."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.arrived: dict[int, float] = {}
        self.first_token: dict[int, float] = {}

    def reply(self, body: dict[str, Any], reply_class: Any) -> Any:
        arrived = time.monotonic()
        user = next(str(m["content"]) for m in reversed(body["messages"]) if m["role"] == "user")
        match = _MARK.search(user)
        ref = int(match.group(1)) if match else -1
        answer = DIALOGUE[ref % len(DIALOGUE)][1] if ref >= 0 else "ok"
        with self._lock:
            self.arrived[ref] = arrived
            # The fake writes the first content chunk right after this returns (no delays configured).
            self.first_token[ref] = time.monotonic()
        return reply_class(text=answer)


def _one_message(client: httpx.Client, url: str, token: str, ref: int, stamps: _Stamps) -> Sample | str:
    question = f"{DIALOGUE[ref % len(DIALOGUE)][0]} (ref {ref})"
    sent = time.monotonic()
    first_delta: float | None = None
    done: dict[str, Any] | None = None
    try:
        with client.stream("POST", f"{url}/api/chat/stream", json={"session_token": token, "message": question}) as response:
            if response.status_code != 200:
                return f"HTTP {response.status_code}"
            event = ""
            for line in response.iter_lines():
                if line.startswith("event: "):
                    event = line[7:]
                    if event == "delta" and first_delta is None:
                        first_delta = time.monotonic()
                elif line.startswith("data: ") and event == "done":
                    done = json.loads(line[6:])
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}"
    if done is None or first_delta is None or done.get("source") != "model" or ref not in stamps.arrived:
        return f"incomplete answer: {done and done.get('flags')}"
    return Sample((stamps.arrived[ref] - sent) * 1000, (first_delta - stamps.first_token[ref]) * 1000)


def _round(url: str, buyers: int, messages: int, stamps: _Stamps, first_ref: int) -> tuple[list[Sample], list[str]]:
    tokens = [httpx.post(f"{url}/api/chat/session", timeout=30).json()["session_token"] for _ in range(buyers)]

    def buyer(index: int) -> list[Sample | str]:
        # One client per buyer, like a browser tab: building a client (TLS context…) is not the app's cost.
        with httpx.Client(timeout=60) as client:
            return [_one_message(client, url, tokens[index], first_ref + index * messages + n, stamps) for n in range(messages)]

    with ThreadPoolExecutor(max_workers=buyers) as pool:
        outcomes = [o for result in pool.map(buyer, range(buyers)) for o in result]
    return [o for o in outcomes if isinstance(o, Sample)], [o for o in outcomes if isinstance(o, str)]


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run(args: argparse.Namespace) -> int:
    if args.real:
        return chat_real.run_real(args)
    try:
        from tests.support.openai_fake import FakeOpenAIServer, Reply
    except ImportError:
        print("needs tests/support/openai_fake.py: run `python -m app.bench chat` from the repository root", file=sys.stderr)
        return 2
    from app.server import BackgroundServer, create_app
    from app.settings import Settings
    from app.wiring import build_services
    from models.config import VLLMConfig
    from models.registry import build_chat_model

    levels = [int(level) for level in args.levels.split(",") if level.strip()]
    stamps = _Stamps()
    fake = FakeOpenAIServer.start(["bench"])
    fake.set_default(lambda body: stamps.reply(body, Reply))
    with tempfile.TemporaryDirectory(prefix="bench-chat-") as tmp:
        settings = Settings(data_dir=Path(tmp), chat_backend="none", vision_backend="none", seed_demo_data=True,
                            chat_sessions_per_minute=100_000)
        model = build_chat_model(VLLMConfig(base_urls=[fake.base_url], model="bench", read_timeout=60, max_retries=0))
        services = build_services(settings, chat_model=model, start_models=False)
        server = None
        try:
            print("indexing the demo store…", flush=True)
            services.knowledge_admin.ingest_corpus()
            services.language.warm_up()
            server = BackgroundServer(create_app(services, None), port=find_free_port()).start()
            _round(server.url, 2, 2, stamps, first_ref=10_000_000)  # warm-up: connections, caches, lazy imports
            print(f"\n{'buyers':>6} {'msgs':>5} {'errors':>6} | {'to_model p50':>12} {'p95':>7} | {'to_client p50':>13} {'p95':>7}  (ms)")
            failed = False
            for number, buyers in enumerate(levels):
                samples, errors = _round(server.url, buyers, args.messages, stamps, first_ref=number * 1_000_000)
                to_model = [s.to_model_ms for s in samples] or [float("nan")]
                to_client = [s.to_client_ms for s in samples] or [float("nan")]
                print(
                    f"{buyers:>6} {len(samples) + len(errors):>5} {len(errors):>6} | {_pct(to_model, 50):>12.1f} "
                    f"{_pct(to_model, 95):>7.1f} | {_pct(to_client, 50):>13.1f} {_pct(to_client, 95):>7.1f}"
                )
                if errors:
                    failed = True
                    print(f"       errors: {sorted(set(errors))[:5]}")
            return 1 if failed else 0
        finally:
            if server is not None:
                server.stop()
            services.close()
            fake.stop()
