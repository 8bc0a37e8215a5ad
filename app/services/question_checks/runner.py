"""Runs test questions through the real BuyerChatService, one throwaway conversation each, and checks them.

Pass rules, per question:
- expected_source given: the reply was produced that way (facts / model / fallback / template / refused / handoff);
- expected_fact given: the reply contains that text (case and spacing ignored);
- language given: the reply is in that language;
- nothing expected: the bot answered (no refusal, no handoff, knowledge lookup available).
The conversations are deleted after the run: test questions never show in analytics or the Inbox.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime

from app.errors import CopilotError, NotFoundError
from app.services.chat.service import BuyerChatService, ChatReply
from app.services.question_checks.cases import QuestionCase
from app.store.conversations import ConversationRepository
from app.store.question_checks import QuestionCheckRepository


@dataclass
class CheckResult:
    question: str
    language: str  # the reply's language
    answer: str
    sources: list[str]
    produced: str
    flags: list[str]
    passed: bool
    why: str = ""  # what failed, for the merchant


@dataclass
class Comparison:
    question: str
    before: str  # pass | fail | new
    now: str  # pass | fail


@dataclass
class CheckRun:
    run_id: int
    label: str
    created_at: datetime | None
    results: list[CheckResult]
    previous_run_id: int | None = None
    changes: list[Comparison] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    def summary(self) -> str:
        text = f"Run #{self.run_id}: {self.passed} of {len(self.results)} passed"
        if self.previous_run_id is not None:
            fixed = sum(c.before == "fail" and c.now == "pass" for c in self.changes)
            broke = sum(c.before == "pass" and c.now == "fail" for c in self.changes)
            text += f"; since run #{self.previous_run_id}: {fixed} fixed, {broke} now failing"
        return text + "."


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def produced_by(reply: ChatReply) -> str:
    flags = reply.done.flags if reply.done else []
    if "low_retrieval_score" in flags:
        return "refused"
    if reply.handoff is not None:
        return "handoff"
    return reply.done.source if reply.done else "template"


def judge(case: QuestionCase, reply: ChatReply, produced: str) -> tuple[bool, str]:
    problems = []
    if case.expected_source and produced != case.expected_source:
        problems.append(f"expected {case.expected_source}, was {produced}")
    if case.expected_fact and _normal(case.expected_fact) not in _normal(reply.text):
        problems.append(f"the answer does not say \"{case.expected_fact}\"")
    if case.language and reply.language != case.language:
        problems.append(f"answered in {reply.language}, expected {case.language}")
    flags = reply.done.flags if reply.done else []
    if not case.expected_source and produced in ("refused", "handoff"):
        problems.append(f"not answered ({produced})")
    if "retrieval_unavailable" in flags:
        problems.append("the knowledge lookup was unavailable")
    return not problems, "; ".join(problems)


class QuestionCheckService:
    def __init__(
        self, chat: BuyerChatService, conversations: ConversationRepository, runs: QuestionCheckRepository
    ) -> None:
        self._chat = chat
        self._conversations = conversations
        self._runs = runs

    def ask(self, case: QuestionCase) -> CheckResult:
        token = secrets.token_urlsafe(24)
        conversation = self._conversations.create(token, case.language or "en")
        try:
            try:
                reply = self._chat.reply(token, case.question)
            except CopilotError as error:  # a question the chat refuses to take (too long…) is a failed check
                return CheckResult(case.question, case.language or "", "", [], "error", [], False, error.user_message)
            produced = produced_by(reply)
            passed, why = judge(case, reply, produced)
            return CheckResult(
                question=case.question, language=reply.language, answer=reply.text,
                sources=[c.title for c in reply.citations], produced=produced,
                flags=list(reply.done.flags) if reply.done else [], passed=passed, why=why,
            )  # fmt: skip
        finally:
            self._runs.discard_conversation(conversation.id)

    def run(
        self, cases: list[QuestionCase], label: str = "", progress: Callable[[int, int], None] | None = None
    ) -> CheckRun:
        results = []
        for i, case in enumerate(cases):
            if progress:
                progress(i, len(cases))
            results.append(self.ask(case))
        run_id = self._runs.save(label, [asdict(r) for r in results], sum(r.passed for r in results))
        return self.load(run_id)

    def load(self, run_id: int) -> CheckRun:
        row = self._runs.get(run_id)
        if row is None:
            raise NotFoundError(f"There is no test run #{run_id}.")
        results = [CheckResult(**r) for r in row.results]
        run = CheckRun(row.id, row.label, row.created_at, results)
        previous = self._runs.previous(run_id)
        if previous is not None:
            before = {r["question"]: ("pass" if r["passed"] else "fail") for r in previous.results}
            run.previous_run_id = previous.id
            run.changes = [
                Comparison(r.question, before.get(r.question, "new"), "pass" if r.passed else "fail") for r in results
            ]
        return run

    def runs(self, limit: int = 20) -> list[tuple[int, str, str, int, int]]:
        """(id, when, label, passed, total), newest first."""
        return [
            (row.id, row.created_at.isoformat(timespec="minutes"), row.label, row.passed, row.total)
            for row in self._runs.latest(limit)
        ]
