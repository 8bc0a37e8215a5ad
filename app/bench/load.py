"""`python -m app.bench load`: N concurrent buyers against the real app for a while, and the health check meanwhile.

The real app (uvicorn on loopback, real SQLite, real Chroma with the demo store, the real embedder) with the
OpenAI-protocol fake at the model boundary (tests/support/openai_fake.py, importable from the repository root),
streaming its answer word by word like a model would. Each buyer opens a session and chats over
POST /api/chat/stream, pausing `--think` seconds between messages like a person (the app's own per-session
message limit stays on). A prober calls /healthz every 200 ms. Prints errors (target 0), whole-reply p50/p95 and
first-text p50/p95, and /healthz p50/p95 during the burst.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from models.vllm_server import find_free_port

DESCRIPTION = "N concurrent buyers for a while against the real app (fake model): errors, chat and /healthz p50/p95."

QUESTIONS = [
    ("Does the 4K OLED monitor support HDR?", "Yes, the 4K OLED monitor is a real HDR10 display."),
    ("¿El monitor OLED 4K es compatible con HDR?", "Sí, el monitor OLED 4K es una pantalla HDR10 real."),
    ("4K OLED 모니터는 HDR을 지원하나요?", "네, 4K OLED 모니터는 진정한 HDR10 디스플레이입니다."),
    ("Unterstützt der 4K-OLED-Monitor HDR?", "Ja, der 4K-OLED-Monitor ist ein echtes HDR10-Display."),
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--buyers", type=int, default=50, help="concurrent buyers (default 50)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the burst lasts (default 60)")
    parser.add_argument("--think", type=float, default=5.0, help="a buyer's pause between messages, s (default 5)")
    parser.add_argument("--chunk-delay", type=float, default=0.02, help="the fake model's delay per word, s")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    replies_ms: list[float] = field(default_factory=list)
    first_text_ms: list[float] = field(default_factory=list)
    health_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, target: list[float], value: float) -> None:
        with self.lock:
            target.append(value)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


def _message(client: httpx.Client, url: str, token: str, question: str, tally: Tally) -> None:
    sent = time.monotonic()
    first: float | None = None
    done = False
    try:
        with client.stream("POST", f"{url}/api/chat/stream", json={"session_token": token, "message": question}) as response:
            if response.status_code != 200:
                tally.error(f"HTTP {response.status_code}: {response.read()[:80]!r}")
                return
            event = ""
            for line in response.iter_lines():
                if line.startswith("event: "):
                    event = line[7:]
                    if event == "delta" and first is None:
                        first = time.monotonic()
                    if event == "error":
                        tally.error("error event")
                elif line.startswith("data: ") and event == "done":
                    done = bool(json.loads(line[6:]).get("text"))
    except httpx.HTTPError as exc:
        tally.error(type(exc).__name__)
        return
    if not done:
        tally.error("no complete reply")
        return
    tally.add(tally.replies_ms, (time.monotonic() - sent) * 1000)
    if first is not None:
        tally.add(tally.first_text_ms, (first - sent) * 1000)


def _buyer(url: str, index: int, buyers: int, until: float, think: float, tally: Tally) -> None:
    with httpx.Client(timeout=60) as client:
        session = client.post(f"{url}/api/chat/session")
        if session.status_code != 200:
            tally.error(f"session HTTP {session.status_code}")
            return
        token = session.json()["session_token"]
        # Buyers start spread over one think time, as real traffic does.
        time.sleep(think * index / buyers)
        n = 0
        while time.monotonic() < until:
            _message(client, url, token, f"{QUESTIONS[(index + n) % len(QUESTIONS)][0]}", tally)
            n += 1
            time.sleep(think)


def _prober(url: str, stop: threading.Event, tally: Tally) -> None:
    with httpx.Client(timeout=10) as client:
        while not stop.is_set():
            started = time.monotonic()
            try:
                ok = client.get(f"{url}/healthz").status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                tally.add(tally.health_ms, (time.monotonic() - started) * 1000)
            else:
                tally.error("healthz failed")
            stop.wait(0.2)


def _pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run(args: argparse.Namespace) -> int:
    try:
        from tests.support.openai_fake import FakeOpenAIServer, Reply
    except ImportError:
        print("needs tests/support/openai_fake.py: run `python -m app.bench load` from the repository root", file=sys.stderr)
        return 2
    from app.server import BackgroundServer, create_app
    from app.settings import Settings
    from app.wiring import build_services
    from models.config import VLLMConfig
    from models.registry import build_chat_model

    answers = dict(QUESTIONS)

    def reply(body: dict[str, object]) -> Reply:
        messages = body["messages"]
        assert isinstance(messages, list)
        user = next(str(m["content"]) for m in reversed(messages) if m["role"] == "user")
        answer = next((a for q, a in answers.items() if q in user), "Yes.")
        return Reply(answer, chunk_delay_s=args.chunk_delay)

    fake = FakeOpenAIServer.start(["bench"])
    fake.set_default(reply)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        # Every simulated buyer comes from 127.0.0.1: the per-address session limit is lifted for the bench only;
        # the per-session message limit stays as configured.
        settings = Settings(data_dir=Path(tmp), chat_backend="none", vision_backend="none", seed_demo_data=True,
                            chat_sessions_per_minute=100_000)  # fmt: skip
        model = build_chat_model(VLLMConfig(base_urls=[fake.base_url], model="bench", read_timeout=60, max_retries=0))
        services = build_services(settings, chat_model=model, start_models=False)
        server = None
        try:
            print("indexing the demo store…", flush=True)
            services.knowledge_admin.ingest_corpus()
            services.language.warm_up()
            server = BackgroundServer(create_app(services, None), port=find_free_port()).start()
            tally = Tally()
            idle = Tally()
            stop = threading.Event()
            probe = threading.Thread(target=_prober, args=(server.url, stop, idle), daemon=True)
            probe.start()
            time.sleep(2)  # /healthz at rest, for the ratio
            stop.set()
            probe.join()
            print(f"{args.buyers} buyers for {args.seconds:.0f} s (think {args.think:.1f} s)…", flush=True)
            stop = threading.Event()
            probe = threading.Thread(target=_prober, args=(server.url, stop, tally), daemon=True)
            probe.start()
            until = time.monotonic() + args.seconds
            with ThreadPoolExecutor(max_workers=args.buyers) as pool:
                list(pool.map(lambda i: _buyer(server.url, i, args.buyers, until, args.think, tally), range(args.buyers)))
            stop.set()
            probe.join()
            print(f"\nreplies {len(tally.replies_ms)}   errors {len(tally.errors)} (target 0)")
            print(f"whole reply   p50 {_pct(tally.replies_ms, 50):8.0f} ms   p95 {_pct(tally.replies_ms, 95):8.0f} ms")
            print(f"first text    p50 {_pct(tally.first_text_ms, 50):8.0f} ms   p95 {_pct(tally.first_text_ms, 95):8.0f} ms")
            at_rest, loaded = _pct(idle.health_ms, 95), _pct(tally.health_ms, 95)
            print(f"/healthz      p50 {_pct(tally.health_ms, 50):8.1f} ms   p95 {loaded:8.1f} ms   "
                  f"(at rest p95 {at_rest:.1f} ms, x{loaded / at_rest:.1f} under load)")  # fmt: skip
            if tally.errors:
                print(f"errors: {sorted(set(tally.errors))[:5]}")
            return 1 if tally.errors else 0
        finally:
            if server is not None:
                server.stop()
            services.close()
            fake.stop()
