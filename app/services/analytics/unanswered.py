"""Top unanswered questions: buyer messages the bot refused or handed to a human, grouped by meaning across
languages (the app's multilingual embedder, greedy clustering by cosine) and shown in the merchant's language.

A group is shown as asked in the merchant's language when a buyer asked it so, else as the Inbox's stored
translation, else machine-translated through the chat's checked Translator (numbers, codes, length, meaning). A
translation that fails its check is not shown: the original is, with the reason, as in the Inbox."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from app.domain.chat import Translation
from app.services.analytics.tables import DateRange, Table
from app.store.db import Database
from app.store.tables import MessageRow
from knowledge.embedders import Embedder

MAX_MESSAGES = 5000
# (text, source language, target language) -> the translation; the chat's Translator.translate.
Translate = Callable[[str, str, str], Translation]


@dataclass(frozen=True)
class UnansweredMessage:
    text: str
    language: str
    # The stored translation into the merchant's language (the Inbox stores one when a thread is opened).
    translation: str | None
    reason: str  # refused | handoff:<reason>


@dataclass
class QuestionGroup:
    shown: str  # the question as the merchant reads it
    shown_language: str
    members: list[UnansweredMessage] = field(default_factory=list)
    original: str = ""  # the most asked wording, as a buyer wrote it
    original_language: str = ""
    # How `shown` came to be: asked | stored translation | machine translation | not translated (<why>)
    translation: str = ""

    @property
    def languages(self) -> list[str]:
        return sorted({m.language for m in self.members})


def unanswered_messages(db: Database, period: DateRange, merchant_language: str) -> list[UnansweredMessage]:
    buyer = aliased(MessageRow)
    reply = aliased(MessageRow)
    handoff = reply.meta["handoff"].as_string()
    query = (
        select(buyer.text, buyer.language, buyer.translation, buyer.meta, reply.meta["refused"].as_boolean(), handoff)
        .join(reply, reply.meta["reply_to"].as_integer() == buyer.id)
        .where(buyer.role == "buyer", reply.role == "assistant")
        .where(reply.created_at >= period.since, reply.created_at < period.until)
        # Abuse is not a knowledge gap.
        .where(or_(reply.meta["refused"].as_boolean().is_(True), handoff.in_(("low_confidence", "buyer_request"))))
        # The most recent ones: enough to rank what buyers miss, bounded so a refresh stays quick at any volume.
        .order_by(buyer.id.desc())
        .limit(MAX_MESSAGES)
    )
    with db.session() as session:
        found = session.execute(query).all()
    messages = []
    for text, language, translation, meta, refused, handoff_reason in found:
        translated = translation if (meta or {}).get("translated_to") == merchant_language else None
        reason = "refused" if refused else f"handoff:{handoff_reason}"
        messages.append(UnansweredMessage(text, language, translated, reason))
    return messages


def group_by_meaning(
    messages: list[UnansweredMessage], embedder: Embedder, merchant_language: str, min_similarity: float
) -> list[QuestionGroup]:
    """Greedy clustering: the most repeated question leads a group; each next question joins the first group
    whose leader it resembles at least `min_similarity` (cosine), or leads a new one. Largest groups first."""
    if not messages:
        return []
    texts = Counter(m.text.strip() for m in messages)
    ordered = [text for text, _ in texts.most_common()]
    vectors = np.asarray(embedder.embed_documents(ordered), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    leaders: list[int] = []
    group_of: dict[str, int] = {}
    for i, text in enumerate(ordered):
        scores = [float(vectors[i] @ vectors[j]) for j in leaders]
        best = int(np.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= min_similarity:
            group_of[text] = best
        else:
            group_of[text] = len(leaders)
            leaders.append(i)
    groups = [QuestionGroup("", "") for _ in leaders]
    for message in messages:
        groups[group_of[message.text.strip()]].members.append(message)
    for group in groups:
        _in_merchant_language(group, merchant_language)
    return sorted(groups, key=lambda g: -len(g.members))


def _in_merchant_language(group: QuestionGroup, merchant_language: str) -> None:
    """A member asked in the merchant's language, else a stored translation, else the most asked original (which
    `translate_groups` may translate)."""
    group.original, group.original_language = Counter(
        (m.text.strip(), m.language) for m in group.members
    ).most_common(1)[0][0]
    native = Counter(m.text.strip() for m in group.members if m.language == merchant_language)
    translated = Counter(m.translation.strip() for m in group.members if m.translation)
    if native:
        group.shown, group.shown_language, group.translation = native.most_common(1)[0][0], merchant_language, "asked"
    elif translated:
        group.shown, group.shown_language = translated.most_common(1)[0][0], merchant_language
        group.translation = "stored translation"
    else:
        group.shown, group.shown_language = group.original, group.original_language
        group.translation = "not translated (no translation model)"


def translate_groups(groups: list[QuestionGroup], translate: Translate | None, merchant_language: str) -> None:
    """Machine-translates the groups still shown in a buyer's language; a translation that fails its check leaves
    the original shown, with the reason."""
    for group in groups:
        if group.shown_language == merchant_language or translate is None:
            continue
        result = translate(group.original, group.original_language, merchant_language)
        if result.status == "machine":
            group.shown, group.shown_language, group.translation = result.text, merchant_language, "machine translation"
        elif result.status == "same_language":
            group.shown_language, group.translation = merchant_language, "asked"
        else:
            why = "; ".join(result.problems) or "failed its check"
            group.translation = f"not translated ({why})"


class CachedTranslate:
    """A Translate that remembers trusted translations (bounded), so refreshing the tab does not call the model for
    the same questions again. Failed ones are retried next time (the model may be back)."""

    def __init__(self, translate: Translate, max_entries: int = 1000) -> None:
        self._translate = translate
        self._max = max_entries
        self._lock = threading.Lock()
        self._done: dict[tuple[str, str, str], Translation] = {}

    def __call__(self, text: str, source: str, target: str) -> Translation:
        key = (text, source, target)
        with self._lock:
            found = self._done.get(key)
        if found is not None:
            return found
        result = self._translate(text, source, target)
        if result.status == "machine":
            with self._lock:
                if len(self._done) >= self._max:
                    self._done.pop(next(iter(self._done)))
                self._done[key] = result
        return result


def groups_table(groups: list[QuestionGroup], limit: int) -> Table:
    rows = []
    for group in groups[:limit]:
        examples = " | ".join(dict.fromkeys(m.text.strip() for m in group.members if m.text.strip() != group.shown))
        reasons = Counter(m.reason for m in group.members)
        original = group.original if group.original != group.shown else ""
        rows.append(
            (group.shown, group.shown_language, len(group.members), ", ".join(group.languages),
             ", ".join(f"{r} {n}" for r, n in reasons.most_common()), examples[:300], original,
             group.translation)
        )  # fmt: skip
    return Table(
        "unanswered_questions",
        ("question", "shown_in", "times_asked", "languages", "why", "also_asked_as", "original", "translation"),
        rows,
    )
