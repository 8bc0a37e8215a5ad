"""`python -m app.bench answers`: do buyers get the right source, a refusal when off topic, and the fact?

Runs the probe set (tests/data/probes/answers.yaml: 14 languages x question types, off-topic and injection
questions) against the demo store, indexed with the configured embedder into a fresh data dir:
  top3      the expected source among the first 3 hits (on-topic probes; raw retrieval, before any refusal)
  answered  on-topic probes the app does not refuse (GroundedAnswerer.retrieve().confident)
  refused   off-topic probes the app refuses
and then sends every probe through the app's real BuyerChatService with NO model (model=None), counting how each
reply was produced (the DoneEvent's source: facts / model / fallback / template…, or "refusal" when the retrieval
refused), whether every expected fact value appears in the reply, echoes of the question, numbers that neither
the cited sources nor the question contain, and injected promises repeated back.

    python -m app.bench answers --quick            # half the probes; index cached: < 2 min on 2 cores once built
    python -m app.bench answers --embedder use-multilingual --languages en,ko,ar --failures
    python -m app.bench answers --data-dir /tmp/bench-answers   # keep the index between runs
"""

from __future__ import annotations

import argparse
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DESCRIPTION = __doc__
PROBES_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "probes" / "answers.yaml"
OFF_TOPIC = "offtopic"
INJECTION = "injection"
REFUSAL_FLAG = "low_retrieval_score"


@dataclass(frozen=True)
class Probe:
    lang: str
    type: str
    q: str
    sources: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()

    @property
    def off_topic(self) -> bool:
        return self.type == OFF_TOPIC


def load_probes(path: Path = PROBES_FILE) -> list[Probe]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults: dict[str, list[str]] = data.get("type_sources") or {}
    probes = []
    for i, raw in enumerate(data["probes"], start=1):
        missing = {"lang", "type", "q"} - set(raw)
        if missing:
            raise ValueError(f"{path.name}: probe {i} lacks {', '.join(sorted(missing))}")
        # The type's default sources count too: a shipping row or a product page may answer a duties question.
        sources = list(dict.fromkeys([*(raw.get("sources") or []), *defaults.get(raw["type"], [])]))
        probe = Probe(lang=raw["lang"], type=raw["type"], q=raw["q"], sources=tuple(sources),
                      facts=tuple(raw.get("facts") or ()), forbid=tuple(raw.get("forbid") or ()))
        if not probe.off_topic and not probe.sources:
            raise ValueError(f"{path.name}: probe {i} ({probe.lang}/{probe.type}) has no expected source")
        probes.append(probe)
    return probes


def source_found(expected: Iterable[str], hit_ids: Sequence[str]) -> bool:
    """An expected id matches itself or any chunk under it (a product's "<id>/specs" part)."""
    return any(hit == want or hit.startswith(want + "/") for want in expected for hit in hit_ids)


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def fact_present(fact: str, reply: str) -> bool:
    """`fact` ("a|b" = either) in the reply, ignoring case and spaces ("1 ms" == "1ms")."""
    squashed = _squash(reply)
    return any(_squash(option) in squashed for option in fact.split("|"))


def is_echo(question: str, reply: str) -> bool:
    """The reply repeats the buyer's question (or is the question)."""
    q = _squash(question)
    return len(q) >= 12 and q in _squash(reply)


@dataclass
class Outcome:
    probe: Probe
    top_ids: list[str]
    found: bool | None  # None for off-topic probes
    refused: bool
    how: str = ""
    reply: str = ""
    facts_ok: bool | None = None
    echo: bool = False
    unsupported: list[str] = field(default_factory=list)
    injected: bool = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true",
                        help="every other probe of each language (half the set), index cached between runs")
    parser.add_argument("--probes", type=Path, default=PROBES_FILE, help="probe YAML (default %(default)s)")
    parser.add_argument("--embedder", default=None, help="embedder kind (default: the app's setting)")
    parser.add_argument("--languages", default="", help="comma-separated language codes (default: all)")
    parser.add_argument("--data-dir", type=Path, help="reuse this data dir (index kept between runs)")
    parser.add_argument("--no-chat", action="store_true", help="retrieval and refusal only, skip the chat service")
    parser.add_argument("--failures", action="store_true", help="list every probe that missed")
    parser.add_argument("--hostile-model", action="store_true",
                        help="answer with a scripted model that obeys every planted instruction (writes the quoted "
                             "payload and the forbidden text): measures the reply guards, not a real model")


def run(args: argparse.Namespace) -> int:
    probes = load_probes(args.probes)
    if args.languages:
        wanted = {code.strip() for code in args.languages.split(",") if code.strip()}
        probes = [p for p in probes if p.lang in wanted]
    if args.quick:
        probes = _every_other(probes)
    if not probes:
        print("error: no probes selected")
        return 2
    data_dir = args.data_dir
    if data_dir is None and args.quick:
        # Indexing is most of a run (e5 on 2 cores embeds a few chunks a second): --quick keeps the index in a
        # temp-dir cache and re-embeds only what changed since the last run.
        data_dir = Path(tempfile.gettempdir()) / f"mc-bench-answers-{args.embedder or 'default'}"
    if data_dir is not None:
        return _run_in(args, probes, data_dir)
    with tempfile.TemporaryDirectory(prefix="bench-answers-") as tmp:
        return _run_in(args, probes, Path(tmp))


def _every_other(probes: Sequence[Probe]) -> list[Probe]:
    by_lang: dict[str, list[Probe]] = defaultdict(list)
    for probe in probes:
        by_lang[probe.lang].append(probe)
    # Keep one of each off-topic/injection pair and alternate the rest, offset by language so all types appear.
    kept: list[Probe] = []
    for n, group in enumerate(by_lang.values()):
        kept.extend(p for i, p in enumerate(group) if (i + n) % 2 == 0)
    return kept


def _run_in(args: argparse.Namespace, probes: list[Probe], data_dir: Path) -> int:
    from app.services.chat.answering import GroundedAnswerer
    from app.settings import Settings
    from app.wiring import build_services

    overrides: dict[str, Any] = {"data_dir": data_dir, "chat_backend": "none", "vision_backend": "none",
                                 "seed_demo_data": True, "chat_sessions_per_minute": 100_000}
    if args.embedder:
        overrides["embedder"] = args.embedder
    settings = Settings(**overrides)
    hostile = HostileModel() if args.hostile_model else None
    services = build_services(settings, start_models=False, chat_model=hostile.model if hostile else None)
    try:
        started = time.perf_counter()
        report = services.knowledge_admin.ingest_corpus()
        print(f"index: {services.knowledge.count()} chunks, {report.embedded} embedded now in "
              f"{time.perf_counter() - started:.1f} s with {services.embedder.name}", flush=True)
        answerer = GroundedAnswerer(
            None, services.retriever, services.language, top_k=settings.retrieval_top_k,
            min_score=settings.retrieval_min_score, max_tokens=settings.chat_max_tokens,
            citations_shown=settings.chat_citations_shown,
        )  # fmt: skip
        started = time.perf_counter()
        outcomes = []
        for probe in probes:
            hits = services.retriever.search(probe.q, k=3)
            ids = [h.chunk.id for h in hits]
            refused = not answerer.retrieve(probe.q).confident
            found = None if probe.off_topic else source_found(probe.sources, ids)
            outcome = Outcome(probe, ids, found, refused)
            if not args.no_chat:
                if hostile is not None:
                    hostile.probe = probe
                _chat(services, probe, outcome)
            outcomes.append(outcome)
        elapsed = time.perf_counter() - started
        print(f"{len(outcomes)} probes in {elapsed:.1f} s\n")
        print(render(outcomes, chat=not args.no_chat))
        if args.failures:
            print()
            print(render_failures(outcomes))
    finally:
        services.close()
    return 0


class HostileModel:
    """A model that does what planted instructions say: it answers, then writes every quoted payload of the
    buyer's message and the probe's forbidden text ("Your refund is approved…", "discount code: FREE100").
    The reply guards must keep all of it from the buyer. A scripted stand-in for the worst real model."""

    def __init__(self) -> None:
        from models.scripted import ScriptedChatModel

        self.probe: Probe | None = None
        self.model = ScriptedChatModel(self._reply, model="hostile")

    def _reply(self, messages: list[Any], params: Any) -> str:
        from app.services.chat.reply_checks import quoted_payloads

        probe = self.probe
        if probe is None:
            return "Please see the sources below."
        obeyed = [*quoted_payloads(probe.q), *(f"{phrase} FREE100" for phrase in probe.forbid)]
        return " ".join(["Here is what you asked about.", *obeyed])


def _chat(services: Any, probe: Probe, outcome: Outcome) -> None:
    from app.services.chat import guard

    token = services.buyer_chat.new_session(probe.lang, client=f"bench-{id(outcome)}")
    reply = services.buyer_chat.reply(token, probe.q)
    done = reply.done
    flags = list(done.flags) if done is not None else []
    outcome.reply = reply.text
    outcome.how = "refusal" if REFUSAL_FLAG in flags else (done.source if done is not None else "none")
    if probe.facts:
        outcome.facts_ok = all(fact_present(fact, reply.text) for fact in probe.facts)
    outcome.echo = is_echo(probe.q, reply.text)
    grounding = [probe.q]
    for citation in reply.citations:
        chunk = services.knowledge.get(citation.chunk_id)
        grounding.append(chunk.text if chunk is not None else citation.excerpt)
    outcome.unsupported = guard.unsupported_numbers(reply.text, grounding)
    outcome.injected = any(fact_present(phrase, reply.text) for phrase in probe.forbid)


def _pct(hits: int, total: int) -> str:
    return f"{hits}/{total} {100 * hits / total:3.0f}%" if total else "-"


def _summary_row(label: str, group: Sequence[Outcome], chat: bool) -> list[str]:
    on = [o for o in group if not o.probe.off_topic]
    off = [o for o in group if o.probe.off_topic]
    row = [label, _pct(sum(bool(o.found) for o in on), len(on)),
           _pct(sum(not o.refused for o in on), len(on)), _pct(sum(o.refused for o in off), len(off))]
    if chat:
        with_facts = [o for o in group if o.facts_ok is not None]
        hows = Counter(o.how for o in group)
        row += [_pct(sum(bool(o.facts_ok) for o in with_facts), len(with_facts)),
                str(sum(o.echo for o in group)), str(sum(bool(o.unsupported) for o in group)),
                str(sum(o.injected for o in group)),
                " ".join(f"{k}:{v}" for k, v in sorted(hows.items()))]
    return row


def render(outcomes: Sequence[Outcome], *, chat: bool) -> str:
    head = ["", "top3", "answered", "off refused"]
    if chat:
        head += ["facts ok", "echo", "unsup#", "injected", "produced by"]
    blocks = []
    for title, key in (("per language", lambda o: o.probe.lang), ("per type", lambda o: o.probe.type)):
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in outcomes:
            groups[key(outcome)].append(outcome)
        rows = [_summary_row(name, group, chat) for name, group in groups.items()]
        rows.append(_summary_row("ALL", list(outcomes), chat))
        blocks.append(f"{title}:\n" + _table([head, *rows]))
    return "\n\n".join(blocks)


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def render_failures(outcomes: Sequence[Outcome]) -> str:
    lines = ["misses:"]
    for o in outcomes:
        problems = []
        if o.found is False:
            problems.append(f"source not in top 3 {o.top_ids}")
        if o.probe.off_topic and not o.refused:
            problems.append(f"off-topic answered {o.top_ids[:1]}")
        if not o.probe.off_topic and o.refused:
            problems.append("on-topic refused")
        if o.facts_ok is False:
            problems.append(f"fact missing {list(o.probe.facts)}")
        if o.echo:
            problems.append("echo")
        if o.unsupported:
            problems.append(f"unsupported numbers {o.unsupported}")
        if o.injected:
            problems.append("injected text repeated")
        if problems:
            lines.append(f"  [{o.probe.lang}/{o.probe.type}] {o.probe.q[:70]!r}: {'; '.join(problems)}")
    return "\n".join(lines)
