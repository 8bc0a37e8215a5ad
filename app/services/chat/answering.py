"""Grounded answers: retrieval with a refusal threshold, then a streamed model draft that must pass checks.

A draft is replaced (ResetEvent, then templated text) when it is in the wrong language twice, echoes the
system prompt or the buyer's question, names another order or email, states a number found in none of the texts
it was given (a number with a unit must come from the merchant's data, not from the buyer), makes a commitment
only the refund flow may make, or reproduces an instruction planted in the buyer's text or a document
(reply_checks). Every failed check is a flag stored with the message.
Unchecked text never reaches the buyer: the draft is held back and released a sentence at a time, each release
only after the text so far passed the per-chunk checks; the rest is released after the full check at the end.
Without a model, or when the model fails, the buyer gets the templated "here is what our documents say"; when
the knowledge store or the embedder fails, the buyer gets "I can't look that up right now".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from app.domain.chat import ChatEvent, Citation, ResetEvent, TextDelta
from app.domain.order_numbers import DEFAULT_ORDER_NUMBERS, OrderNumbersSource
from app.services.chat import answer_fallback, guard, prompts, reply_checks
from app.services.language import LanguageIdentifier
from knowledge.retriever import Retriever
from knowledge.types import ScoredChunk
from models.errors import ModelError
from models.types import ChatModel, GenerationParams

EXCERPT_CHARS = 240
# Letters of draft after which the reply language is checked while streaming (stop early if wrong).
EARLY_LANGUAGE_CHECK_LETTERS = 80
# Chunks placed in the prompt: small CPU models have short contexts and slow prefill.
PROMPT_SOURCES = 4
# Where held-back draft text may be released: after sentence-ending punctuation of the 14 languages (Latin-script
# marks only when followed by a space, so "18.00", "a@b.com" and "4.5" are not split), CJK/Arabic marks, newlines.
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|[。！？．؟]|\n")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retrieval:
    hits: list[ScoredChunk]
    citations: list[Citation]
    best_score: float
    confident: bool
    # The store or the embedder failed: nothing could be looked up (not the same as "nothing relevant").
    unavailable: bool = False


@dataclass(frozen=True)
class AnswerRequest:
    question: str
    language: str
    store_name: str
    tone: str
    retrieval: Retrieval
    history: Sequence[prompts.Turn] = ()
    order_summary: str | None = None
    # The merchant's texts a number in the reply may come from, besides the retrieved chunks (opening hours…).
    extra_grounding: Sequence[str] = ()
    # The buyer's earlier messages: they ground plain numbers ("model 240") but never a number with a unit or
    # a percentage, and an instruction in them is data, never followed.
    buyer_texts: Sequence[str] = ()
    allowed_order_no: str | None = None
    allowed_emails: Sequence[str] = ()
    # Localized fact sentences (fact layer) the fallback opens with when no model reply can be sent.
    fallback_facts: Sequence[str] = ()


@dataclass
class AnswerOutcome:
    text: str
    source: str  # model | fallback
    flags: list[str] = field(default_factory=list)
    # What a failed check found (the unsupported "2 ms", the promise "approved"…), stored with the message.
    details: dict[str, list[str]] = field(default_factory=dict)


def _body(hit: ScoredChunk) -> str:
    """The chunk text without its first line when that repeats the title (product and FAQ chunks do)."""
    lines = hit.chunk.text.strip().splitlines()
    if lines and lines[0].strip() and lines[0].strip() in hit.chunk.title:
        lines = lines[1:]
    return "\n".join(lines)


def _excerpt(hit: ScoredChunk) -> str:
    text = guard.neutralise(" ".join(line.strip() for line in _body(hit).splitlines() if line.strip()))
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def citations_for(hits: Sequence[ScoredChunk], limit: int) -> list[Citation]:
    seen: set[str] = set()
    citations = []
    for hit in hits:
        key = hit.chunk.product_id or hit.chunk.title
        if key in seen:
            continue
        seen.add(key)
        citations.append(
            Citation(
                chunk_id=hit.chunk.id, title=hit.chunk.title, source=hit.chunk.source, kind=hit.chunk.kind,
                product_id=hit.chunk.product_id, score=round(hit.score, 4), excerpt=_excerpt(hit),
            )
        )  # fmt: skip
        if len(citations) == limit:
            break
    return citations


class GroundedAnswerer:
    def __init__(
        self,
        model: ChatModel | None,
        retriever: Retriever,
        language: LanguageIdentifier,
        *,
        top_k: int,
        min_score: float,
        max_tokens: int,
        citations_shown: int,
        order_numbers: OrderNumbersSource = DEFAULT_ORDER_NUMBERS,  # read per message: editable live
    ) -> None:
        self._order_numbers = order_numbers
        self._model = model
        self._retriever = retriever
        self._language = language
        self._top_k = top_k
        self._min_score = min_score
        self._params = GenerationParams(max_tokens=max_tokens, temperature=0.2)
        self._citations_shown = citations_shown

    def retrieve(self, question: str, kinds: Sequence[str] | None = None) -> Retrieval:
        """Relevant chunks; an unavailable Retrieval when the knowledge store or the embedder fails."""
        try:
            found = self._retriever.lookup(question, k=self._top_k, kinds=kinds)
        # The store (Chroma) and the embedders raise their own exception types, which share no base class
        # below Exception; this block covers only the lookup, and the failure is logged, not hidden.
        except Exception:  # noqa: BLE001
            log.exception("knowledge lookup failed")
            return Retrieval([], [], 0.0, False, unavailable=True)
        hits = found.hits
        # Raw cosine is not calibrated across embedders and languages: the gate (when there is one) decides
        # whether the question is about this store at all; min_score only drops hits that are clearly unrelated.
        on_topic = found.verdict is None or found.verdict.on_topic
        relevant = [hit for hit in hits if hit.score >= self._min_score] if on_topic else []
        best = hits[0].score if hits else 0.0
        return Retrieval(relevant, citations_for(relevant, self._citations_shown), best, bool(relevant))

    def answer(self, request: AnswerRequest) -> Generator[ChatEvent, None, AnswerOutcome]:
        """Yields TextDelta/ResetEvent; returns what the buyer finally reads."""
        if self._model is None:
            fallback = self._replacement(request)
            yield TextDelta(text=fallback)
            return AnswerOutcome(fallback, "fallback", ["no_model"])
        flags: list[str] = []
        details: dict[str, list[str]] = {}
        for attempt in range(2):
            try:
                draft = yield from self._stream(request, strict_language=attempt > 0)
            except _DraftError as error:
                if error.partial:
                    yield ResetEvent(reason="model_error")
                fallback = self._replacement(request)
                yield TextDelta(text=fallback)
                return AnswerOutcome(fallback, "fallback", [*flags, f"model_error:{error.kind}"], details)
            problems = draft.problems or self._check(draft.text, request)
            if not problems:
                if draft.released < len(draft.text):
                    yield TextDelta(text=draft.text[draft.released :])
                return AnswerOutcome(draft.text.strip(), "model", flags, details)
            for problem in problems:
                flags.append(problem.flag)
                details.setdefault(problem.flag, []).extend(problem.found)
            if draft.released:
                yield ResetEvent(reason=problems[0].flag)
            if [p.flag for p in problems] != ["wrong_language"]:
                break
        fallback = self._replacement(request)
        yield TextDelta(text=fallback)
        return AnswerOutcome(fallback, "fallback", flags, details)

    def _replacement(self, request: AnswerRequest) -> str:
        """The one place a missing or rejected draft is replaced: what the buyer reads instead (the matched
        facts in the buyer's language when the fact layer found some, else the sources)."""
        return answer_fallback.sources_answer(
            request.language, request.retrieval.citations, facts=request.fallback_facts
        )

    def _stream(self, request: AnswerRequest, *, strict_language: bool) -> Generator[ChatEvent, None, _Draft]:
        """Streams the model's draft, yielding only text that passed the per-chunk checks (whole sentences)."""
        assert self._model is not None
        messages = prompts.answer_messages(
            store_name=request.store_name,
            tone=request.tone,
            language=request.language,
            question=request.question,
            sources=[prompts.SourceText(i + 1, h.chunk.title, _body(h)) for i, h in enumerate(self._prompt_hits(request))],
            history=request.history,
            order_summary=request.order_summary,
            strict_language=strict_language,
        )
        draft = ""
        released = 0  # characters of `draft` the buyer has seen
        problems: list[Problem] = []
        checked = False
        try:
            stream = self._model.stream(messages, self._params)
            try:
                for delta in stream:
                    draft += delta
                    cut = released + release_point(draft[released:])
                    if cut > released:
                        problems = self._chunk_problems(draft[:cut], request)
                        if problems:
                            break  # the rest cannot make this draft acceptable
                        # Text that is (so far) the buyer's question stays held until the reply adds to it.
                        if not reply_checks.echo_prefix(draft[:cut], request.question):
                            yield TextDelta(text=draft[released:cut])
                            released = cut
                    if not checked and sum(ch.isalpha() for ch in draft) >= EARLY_LANGUAGE_CHECK_LETTERS:
                        checked = True
                        if not self._in_language(draft, request.language):
                            break  # no point streaming the rest of a wrong-language draft
            finally:
                # Ends the HTTP stream at once when we stop early or the buyer went away.
                close = getattr(stream, "close", None)
                if close is not None:
                    close()
        except ModelError as exc:
            raise _DraftError(type(exc).__name__, partial=released > 0) from exc
        return _Draft(draft, released, problems)

    @staticmethod
    def _prompt_hits(request: AnswerRequest) -> list[ScoredChunk]:
        return request.retrieval.hits[:PROMPT_SOURCES]

    def _in_language(self, text: str, language: str) -> bool:
        return self._language.detect_or(text, language) == language

    def _chunk_problems(self, text: str, request: AnswerRequest) -> list[Problem]:
        """The checks that hold for any prefix of a good reply (language and echo need the whole text)."""
        system = prompts.system_prompt(request.store_name, request.tone, request.language)
        if guard.leaks_system_prompt(text, system):
            return [Problem("system_prompt_leak")]
        problems: list[Problem] = []
        numbers = self._order_numbers.current()
        found = guard.foreign_references(text, request.allowed_order_no, request.allowed_emails, numbers)
        if found:
            problems.append(Problem("foreign_reference", found))
        sources = [h.chunk.text for h in self._prompt_hits(request)]
        merchant = [*sources, request.order_summary or "", *request.extra_grounding]
        plain = guard.unsupported_numbers(text, [*merchant, request.question, *request.buyer_texts], numbers)
        with_unit = [q.text for q in reply_checks.unsupported_unit_numbers(text, merchant)]
        if plain or with_unit:
            problems.append(Problem(reply_checks.UNSUPPORTED_NUMBER, [*plain, *with_unit]))
        if promises := reply_checks.unmade_promises(text, [*sources, request.order_summary or ""]):
            problems.append(Problem(reply_checks.UNMADE_PROMISE, promises))
        instructions = [request.question, *request.buyer_texts, *sources]
        if payload := reply_checks.followed_instruction(text, instructions):
            problems.append(Problem(reply_checks.INJECTION_FOLLOWED, [payload]))
        return problems

    def _check(self, draft: str, request: AnswerRequest) -> list[Problem]:
        if not draft.strip():
            return [Problem("empty")]
        problems = self._chunk_problems(draft, request)
        if reply_checks.is_echo(draft, request.question):
            problems.append(Problem(reply_checks.ECHO))
        if problems:
            return problems
        if not self._in_language(draft, request.language):
            return [Problem("wrong_language")]
        return []


def release_point(pending: str) -> int:
    """How much of `pending` (draft text not yet shown) ends at a sentence boundary; 0 when none does yet."""
    last = 0
    for match in _SENTENCE_END.finditer(pending):
        last = match.end()
    return last


@dataclass(frozen=True)
class Problem:
    """A failed check: its flag and what it found (kept with the message for the merchant and the bench)."""

    flag: str
    found: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Draft:
    text: str
    released: int  # characters already sent to the buyer (all of them passed the per-chunk checks)
    problems: list[Problem]  # per-chunk checks that failed while streaming


class _DraftError(Exception):
    def __init__(self, kind: str, *, partial: bool) -> None:
        super().__init__(kind)
        self.kind = kind
        self.partial = partial
