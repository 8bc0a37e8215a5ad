"""The Analytics and Test questions tabs in the real console over loopback (gradio_client), demo store."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gradio_client import Client

from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration


def test_analytics_tab_shows_demo_activity_and_exports_csv(make_services, run_app) -> None:
    services = make_services(demo_mode=True)
    client = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    today = datetime.now(UTC).date()
    start, end = str(today - timedelta(days=55)), str(today)
    summary, volume, sources, outcomes, unanswered, *_ = client.predict(start, end, api_name="/analytics_report")
    assert f"### {start} – {end}" in summary
    assert "**Conversations:** 0" not in summary and "Durable resolution" in summary
    assert volume["data"], "the seeded weeks give the volume plot points"
    assert {row[1] for row in sources["data"]} >= {"model", "fallback", "refused"}
    assert {row[1] for row in outcomes["data"]} >= {"durable", "pending"}
    groups = {row[0]: row for row in unanswered["data"]}
    # Asked in en/es/de/ja, grouped by meaning and shown in the merchant's language (English).
    eight_k = groups["Do you sell 8K monitors?"]
    assert eight_k[1] == "en" and len(eight_k[3].split(", ")) >= 3
    assert not any("8K" in question for question in groups if question != "Do you sell 8K monitors?")
    files = client.predict(start, end, api_name="/analytics_export")
    names = {Path(f).name.split("_20")[0] for f in files}
    assert {"conversations_by_day", "replies_by_source", "durable_resolution", "refund_savings"} <= names
    savings = next(f for f in files if Path(f).name.startswith("refund_savings"))
    with open(savings, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and float(rows[0]["full_refund_with_return"]) > float(rows[0]["refunded"])
    client.close()


def test_bad_date_is_a_clear_message(make_services, run_app) -> None:
    client = Client(run_app(make_services()), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    with pytest.raises(Exception, match=r"From: 'soon' is not a date \(use YYYY-MM-DD\)"):
        client.predict("soon", "", api_name="/analytics_report")
    client.close()


def test_test_questions_tab_runs_typed_questions(make_services, run_app) -> None:
    client = Client(run_app(make_services()), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    summary, results, _changes, history = client.predict(
        "Which payment methods do you accept?\nDo you sell refrigerators?", None, "first try",
        api_name="/test_questions_run",
    )  # fmt: skip
    assert summary == "**Run #1: 1 of 2 passed.**"
    rows = {row[1]: row for row in results["data"]}
    assert rows["Which payment methods do you accept?"][0] == "✅"
    assert rows["Do you sell refrigerators?"][0] == "❌" and rows["Do you sell refrigerators?"][4] == "refused"
    assert history["data"][0][2] == "first try"
    client.close()


def test_an_unanswered_question_opens_the_store_answer_editor_or_the_knowledge_tab(make_services, run_app) -> None:
    from app.ui.console import build_console

    services = make_services()
    config = build_console(services).config
    deps = {d.get("api_name"): d for d in config["dependencies"]}
    components = {c["id"]: c for c in config["components"]}
    labels = lambda ids: [components[i]["props"].get("label") or components[i]["type"] for i in ids]  # noqa: E731
    assert labels(deps["unanswered_to_store_answer"]["outputs"])[2:] == [
        "Buyer question (any language)", "Your answer (any language; buyers get it translated)", "markdown", "tabs"]
    assert labels(deps["unanswered_to_knowledge"]["outputs"])[1:] == ["Try a search (any language)", "tabs"]
    picked = "Question picked in the table"
    assert labels(deps["unanswered_to_store_answer"]["inputs"]) == [picked]
    # Clicking a row of the unanswered table fills the picked question.
    table = next(i for i in deps["analytics_report"]["outputs"] if components[i]["type"] == "dataframe")
    assert any([list(t) for t in d["targets"]] == [[table, "select"]] and labels(d["outputs"]) == [picked]
               for d in config["dependencies"])

    client = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    answer_id, _from, question, answer, note, *_tabs = client.predict(
        "Do you sell 8K monitors?", api_name="/unanswered_to_store_answer")
    assert (answer_id, question, answer) == (None, "Do you sell 8K monitors?", "")
    assert "in their language" in note
    hint, query, *_tabs = client.predict("Do you sell 8K monitors?", api_name="/unanswered_to_knowledge")
    assert query == "Do you sell 8K monitors?" and "“Do you sell 8K monitors?”" in hint and ".md" in hint
    with pytest.raises(Exception, match="Click a question"):
        client.predict("", api_name="/unanswered_to_store_answer")
    client.close()
