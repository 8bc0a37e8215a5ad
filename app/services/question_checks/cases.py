"""Test questions from a CSV (question, optional language, expected_source, expected_fact) or typed lines."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from app.errors import InvalidInputError

LANGUAGES = ("en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko")
# How a reply can be produced, as the results table names it.
PRODUCED = ("facts", "model", "fallback", "template", "refused", "handoff", "store_answer")
COLUMNS = ("question", "language", "expected_source", "expected_fact")
MAX_QUESTIONS = 200
MAX_CHARS = 2000
STARTER_CSV = Path(__file__).with_name("starter_demo_store.csv")


@dataclass(frozen=True)
class QuestionCase:
    question: str
    language: str | None = None
    expected_source: str | None = None
    expected_fact: str | None = None
    row: int = 0  # CSV row (header = 1) or typed line number, for messages


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInputError(f"{name}: not UTF-8 text (byte {error.start}). Save the file as UTF-8 CSV.") from None


def parse_csv(data: bytes, name: str) -> list[QuestionCase]:
    reader = csv.DictReader(io.StringIO(_decode(data, name)))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "question" not in header:
        raise InvalidInputError(f"{name}: row 1 must be a header with a 'question' column (optional: "
                                f"{', '.join(COLUMNS[1:])}); found {', '.join(header) or 'nothing'}.")  # fmt: skip
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise InvalidInputError(f"{name}: row 1: unknown column(s) {', '.join(unknown)}; use {', '.join(COLUMNS)}.")
    cases = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        cases.append(_case(row, f"{name}: row {number}", number))
    return _checked(cases, name)


def parse_lines(text: str) -> list[QuestionCase]:
    """One question per line, nothing expected: each passes when the bot answers it."""
    cases = [QuestionCase(line.strip(), row=i) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return _checked(cases, "typed questions")


def _case(row: dict[str, str], where: str, number: int) -> QuestionCase:
    question = row.get("question", "")
    if not question:
        raise InvalidInputError(f"{where}: the question is empty.")
    if len(question) > MAX_CHARS:
        raise InvalidInputError(f"{where}: the question is {len(question)} characters long (limit {MAX_CHARS}).")
    language = row.get("language", "").lower() or None
    if language and language not in LANGUAGES:
        raise InvalidInputError(f"{where}: language '{language}' is not one of {', '.join(LANGUAGES)}.")
    source = row.get("expected_source", "").lower() or None
    if source and source not in PRODUCED:
        raise InvalidInputError(f"{where}: expected_source '{source}' is not one of {', '.join(PRODUCED)}.")
    return QuestionCase(question, language, source, row.get("expected_fact") or None, number)


def _checked(cases: list[QuestionCase], name: str) -> list[QuestionCase]:
    if not cases:
        raise InvalidInputError(f"{name}: no questions found.")
    if len(cases) > MAX_QUESTIONS:
        raise InvalidInputError(f"{name}: {len(cases)} questions; one run takes at most {MAX_QUESTIONS}.")
    return cases
