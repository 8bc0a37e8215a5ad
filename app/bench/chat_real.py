"""`python -m app.bench chat --real`: the embedded model's speed as a buyer feels it, through the real app.

Starts the embedded model the way the app does (app.wiring.build_chat_backend: packaged GGUF, local server on a
free port, MC_EMBEDDED_RUNTIME picks the server), waits until it is ready, and asks grounded questions in several
languages over POST /api/chat/stream (SSE) of the real app, one buyer at a time. Per question and as p50/p95:
  first text   request sent -> first text event at the buyer (what the buyer waits for; the app holds a draft
               back until a whole sentence passed its checks, so this is later than the model's first token)
  model TTFT   request at the model -> its first token (prefill of the prompt the app built)
  tok/s        generated tokens / time from the model's first to its last token (decode speed)
  prompt       prompt tokens (the model's own tokenizer over its chat template)
and how each reply was produced (model / fallback / facts). The model is timed by a thin ChatModel wrapper; the
app, retrieval, checks and streaming are the real ones.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from models.types import Capabilities, ChatMessage, ChatModel, GenerationParams, HealthStatus, ModelInfo

# (language, question): everyday grounded questions the demo store's documents answer, phrased as buyers do.
QUESTIONS: list[tuple[str, str]] = [
    ("en", "Can I use the portable monitor with my Nintendo Switch?"),
    ("es", "¿El monitor funciona con un iPhone?"),
    ("de", "Mein Bildschirm flackert und wird immer wieder schwarz. Was kann ich tun?"),
    ("fr", "Est-ce que l'écran tactile a besoin de pilotes ?"),
    ("ko", "삼성 덱스를 지원하나요?"),
    ("ja", "ノートパソコンのUSB-Cポートが映像出力に対応していません。それでもモニターを使えますか？"),
    ("pt", "Posso usar o monitor em 110 V e 220 V?"),
    ("it", "Qual è la vostra politica sui pixel difettosi?"),
    ("tr", "Monitörler HDR destekliyor mu?"),
    ("ar", "هل تعمل الشاشة مع هاتف آيفون؟"),
    ("ru", "Нужно ли покупать зарядное устройство для монитора?"),
    ("zh", "如何联系人工客服？"),
]
WARM_UP = ("en", "Does the monitor work with a Samsung phone?")


@dataclass
class ModelCall:
    """One request to the model, timed at the ChatModel boundary (monotonic seconds)."""

    messages: list[ChatMessage]
    max_tokens: int
    started: float
    first: float | None = None
    last: float | None = None
    text: str = ""


class TimedChatModel:
    """A ChatModel that forwards to the real one and records when each token arrives (bench only)."""

    def __init__(self, inner: ChatModel) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self.calls: list[ModelCall] = []

    @property
    def info(self) -> ModelInfo:
        return self._inner.info

    @property
    def capabilities(self) -> Capabilities:
        return self._inner.capabilities

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        call = ModelCall(list(messages), (params or GenerationParams()).max_tokens, time.monotonic())
        with self._lock:
            self.calls.append(call)
        return self._timed(self._inner.stream(messages, params), call)

    @staticmethod
    def _timed(stream: Iterator[str], call: ModelCall) -> Iterator[str]:
        try:
            for delta in stream:
                now = time.monotonic()
                call.first = call.first or now
                call.last = now
                call.text += delta
                yield delta
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        return "".join(self.stream(messages, params))

    def complete_json(
        self, messages: Sequence[ChatMessage], schema: dict[str, Any], params: GenerationParams | None = None
    ) -> dict[str, Any]:
        return self._inner.complete_json(messages, schema, params)

    def health(self) -> HealthStatus:
        return self._inner.health()

    def close(self) -> None:
        self._inner.close()


class TokenCounter:
    """Counts tokens with the embedded model's own tokenizer and chat template."""

    def __init__(self, tokenizer_source: Path, gguf_file: str | None = None) -> None:
        from transformers import AutoTokenizer

        self._tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_source), gguf_file=gguf_file)

    def prompt(self, messages: Sequence[ChatMessage]) -> int:
        # Consecutive system messages are merged by the backend; the count differs by a few tokens at most.
        rendered = [{"role": m.role, "content": m.text} for m in messages]
        text = self._tokenizer.apply_chat_template(rendered, tokenize=False, add_generation_prompt=True)
        # The template already holds the special tokens: do not add them again.
        return self.text(str(text))

    def text(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])


@dataclass
class Result:
    language: str
    source: str
    first_text_s: float | None
    total_s: float
    prompt_tokens: int = 0
    generated_tokens: int = 0
    ttft_s: float | None = None
    decode_tok_s: float | None = None
    flags: list[str] = field(default_factory=list)
    reply: str = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--real", action="store_true",
                        help="the real embedded model instead of a fake (this benchmark)")
    parser.add_argument("--questions", type=int, default=len(QUESTIONS),
                        help=f"how many of the {len(QUESTIONS)} questions to ask (default all)")
    parser.add_argument("--models-dir", type=Path, default=None,
                        help="where the embedded model is prepared (default MC_MODELS_PATH or <data_dir>/models)")
    parser.add_argument("--max-tokens", type=int, default=None, help="MC_CHAT_MAX_TOKENS for this run")
    parser.add_argument("--runtime", choices=["auto", "vllm", "llamacpp"], default=None,
                        help="MC_EMBEDDED_RUNTIME for this run (default: the configured one)")
    parser.add_argument("--show", action="store_true", help="print each reply")


def _ask(client: httpx.Client, url: str, question: str) -> tuple[float | None, float, dict[str, Any]]:
    token = client.post(f"{url}/api/chat/session").json()["session_token"]
    sent = time.monotonic()
    first: float | None = None
    done: dict[str, Any] = {}
    with client.stream("POST", f"{url}/api/chat/stream", json={"session_token": token, "message": question}) as response:
        response.raise_for_status()
        event = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
                if event == "delta" and first is None:
                    first = time.monotonic() - sent
            elif line.startswith("data: ") and event == "done":
                done = json.loads(line[6:])
    return first, time.monotonic() - sent, done


def _measure(client: httpx.Client, url: str, model: TimedChatModel, counter: TokenCounter,
             language: str, question: str) -> Result:
    model.calls.clear()
    first, total, done = _ask(client, url, question)
    result = Result(language, str(done.get("source", "?")), first, total,
                    flags=list(done.get("flags") or []), reply=str(done.get("text", "")))
    if model.calls:
        call = model.calls[0]  # the first draft: a retry (wrong language) is timed in the total only
        result.prompt_tokens = counter.prompt(call.messages)
        result.generated_tokens = sum(counter.text(c.text) for c in model.calls)
        if call.first is not None:
            result.ttft_s = call.first - call.started
            decode_tokens = counter.text(call.text) - 1
            if call.last is not None and call.last > call.first and decode_tokens > 0:
                result.decode_tok_s = decode_tokens / (call.last - call.first)
    return result


def _pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def report(results: list[Result]) -> None:
    print(f"\n{'lang':4} {'source':9} {'first s':>7} {'total s':>7} {'TTFT s':>6} {'tok/s':>6} {'prompt':>6} {'gen':>4}  flags")
    for r in results:
        print(f"{r.language:4} {r.source:9} {_fmt(r.first_text_s):>7} {r.total_s:>7.2f} {_fmt(r.ttft_s):>6} "
              f"{_fmt(r.decode_tok_s, '.1f'):>6} {r.prompt_tokens:>6} {r.generated_tokens:>4}  {','.join(r.flags)}")
    modelled = [r for r in results if r.ttft_s is not None]
    firsts = [r.first_text_s for r in modelled if r.first_text_s is not None]
    ttfts = [r.ttft_s for r in modelled if r.ttft_s is not None]
    speeds = [r.decode_tok_s for r in modelled if r.decode_tok_s is not None]
    prompts = [float(r.prompt_tokens) for r in modelled]
    totals = [r.total_s for r in modelled]
    sources = {s: sum(r.source == s for r in results) for s in sorted({r.source for r in results})}
    print(f"\nreplies by source: {sources}; {len(modelled)} reached the model")
    print(f"first text   p50 {_pct(firsts, 50):.2f} s  p95 {_pct(firsts, 95):.2f} s   (model-backed replies)")
    print(f"model TTFT   p50 {_pct(ttfts, 50):.2f} s  p95 {_pct(ttfts, 95):.2f} s")
    print(f"decode       p50 {_pct(speeds, 50):.1f} tok/s  min {min(speeds, default=float('nan')):.1f} tok/s")
    print(f"prompt       p50 {_pct(prompts, 50):.0f} tokens  max {max(prompts, default=float('nan')):.0f}")
    print(f"whole reply  p50 {_pct(totals, 50):.2f} s  p95 {_pct(totals, 95):.2f} s")
    print(f"load average {_load()} (after the run)")


def run_real(args: argparse.Namespace) -> int:
    from app.server import BackgroundServer, create_app
    from app.settings import Settings
    from app.wiring import build_chat_backend, build_services
    from models.embedded import embedded_paths
    from models.vllm_server import find_free_port

    questions = QUESTIONS[: max(1, args.questions)]
    with tempfile.TemporaryDirectory(prefix="bench-chat-real-") as tmp:
        base = Settings()
        updates: dict[str, Any] = {
            "data_dir": Path(tmp), "chat_backend": "embedded", "vision_backend": "none", "seed_demo_data": True,
            "chat_sessions_per_minute": 100_000, "chat_messages_per_minute": 100_000,
            "models_path": args.models_dir or base.models_dir,
        }
        if args.max_tokens:
            updates["chat_max_tokens"] = args.max_tokens
        if args.runtime:
            updates["embedded_runtime"] = args.runtime
        settings = base.model_copy(update=updates)
        print(f"load average {_load()} (before); preparing the embedded model in {settings.models_dir}…", flush=True)
        real, note, server = build_chat_backend(settings)
        assert real is not None and server is not None
        services = None
        app_server = None
        try:
            started = time.monotonic()
            server.wait_until_ready(timeout_s=settings.embedded_server_start_timeout_s)
            print(f"{note}\nserver ready after {time.monotonic() - started:.0f} s", flush=True)
            model = TimedChatModel(real)
            paths = embedded_paths(settings.models_dir)
            counter = (TokenCounter(paths.hf_dir) if paths.hf_dir.is_dir()
                       else TokenCounter(paths.gguf_path.parent, paths.gguf_path.name))
            services = build_services(settings, chat_model=model, start_models=False)
            services.knowledge_admin.ingest_corpus()
            services.language.warm_up()
            app_server = BackgroundServer(create_app(services, None), port=find_free_port()).start()
            with httpx.Client(timeout=300) as client:
                _measure(client, app_server.url, model, counter, *WARM_UP)
                results = []
                for language, question in questions:
                    result = _measure(client, app_server.url, model, counter, language, question)
                    results.append(result)
                    print(f"  {language}: {result.source}, first text {_fmt(result.first_text_s)} s", flush=True)
                    if args.show:
                        print(f"     {question}\n  -> {result.reply[:300]!r}")
            report(results)
            return 0
        finally:
            if app_server is not None:
                app_server.stop()
            if services is not None:
                services.close()  # closes the model client
            else:
                real.close()
            server.stop()
