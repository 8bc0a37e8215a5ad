"""Test questions end to end with no chat model: real buyer chat, real Chroma with the demo store, real SQLite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.__main__ import main as cli
from app.errors import InvalidInputError
from app.services.question_checks.cases import STARTER_CSV, parse_csv, parse_lines
from app.store.tables import AuditRow, ConversationRow

pytestmark = pytest.mark.integration


def count(services, row) -> int:  # type: ignore[no-untyped-def]
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(row)) or 0)


def test_starter_set_passes_on_the_demo_store_and_leaves_no_conversations(make_services) -> None:
    services = make_services()
    run = services.question_checks.run(parse_csv(STARTER_CSV.read_bytes(), STARTER_CSV.name), label="starter")
    failures = [(r.question, r.why) for r in run.results if not r.passed]
    assert failures == []
    by_question = {r.question: r for r in run.results}
    assert by_question["Do you sell refrigerators?"].produced == "refused"
    payment = by_question["Which payment methods do you accept?"]
    # Payment methods are read by code from the shop's own FAQ (the fact layer), with the source cited.
    assert payment.produced == "facts" and "PayPal" in payment.answer and payment.sources
    assert by_question["¿Cuánto cuesta el envío a España?"].language == "es"
    # Throwaway conversations: nothing for the Inbox, analytics or the audit trail.
    assert count(services, ConversationRow) == 0
    assert count(services, AuditRow) == 0


def test_failures_say_why_and_the_next_run_is_compared(make_services, tmp_path: Path) -> None:
    services = make_services()
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "question,language,expected_source,expected_fact\n"
        "Which payment methods do you accept?,en,model,\n"
        "Is a charger included with the monitors?,en,,Zebra\n"
        "Do you sell refrigerators?,,,\n",
        encoding="utf-8",
    )
    first = services.question_checks.run(parse_csv(csv_file.read_bytes(), csv_file.name))
    assert [r.passed for r in first.results] == [False, False, False]
    assert first.results[0].why == "expected model, was facts"
    assert first.results[1].why == 'the answer does not say "Zebra"'
    assert first.results[2].why == "not answered (refused)"
    second = services.question_checks.run(parse_lines("Is a charger included with the monitors?\nDo you sell refrigerators?"))
    assert second.previous_run_id == first.run_id
    assert [(c.before, c.now) for c in second.changes] == [("fail", "pass"), ("fail", "fail")]
    assert second.summary() == f"Run #{second.run_id}: 1 of 2 passed; since run #{first.run_id}: 1 fixed, 0 now failing."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text,language\nhello,en\n", "bad.csv: row 1 must be a header with a 'question' column"),
        ("question,language\nhello,en\nhola,xx\n", "bad.csv: row 3: language 'xx' is not one of"),
        ("question,expected_source\nhello,magic\n", "bad.csv: row 2: expected_source 'magic'"),
        ("question\n", "bad.csv: no questions found."),
    ],
)
def test_bad_csv_names_the_file_and_row(content: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_csv(content.encode(), "bad.csv")
    assert caught.value.user_message.startswith(message)


def test_cli_exits_non_zero_on_failures(indexed_data_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(indexed_data_dir / "chroma", data_dir / "chroma")
    monkeypatch.setenv("MC_DATA_DIR", str(data_dir))
    monkeypatch.setenv("MC_CHAT_BACKEND", "none")
    monkeypatch.setenv("MC_EMBEDDER", "use-multilingual")  # the copied index was built with USE
    failing = tmp_path / "failing.csv"
    failing.write_text("question,expected_fact\nWhich payment methods do you accept?,Bitcoin\n", encoding="utf-8")
    assert cli(["test-questions", str(failing), "--no-model"]) == 1
    out = capsys.readouterr().out
    assert 'FAIL  [facts   ] Which payment methods do you accept?' in out and "Bitcoin" in out
    assert cli(["test-questions", "starter", "--no-model"]) == 0
    assert "14 of 14 passed" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("nope\nx\n", encoding="utf-8")
    assert cli(["test-questions", str(bad)]) == 2
