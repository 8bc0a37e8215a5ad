"""Test questions tab: the merchant's questions run through the real buyer chat before buyers see it.
Wiring only: QuestionCheckService runs, judges, stores and compares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from app.errors import CopilotError
from app.services.question_checks.cases import STARTER_CSV, QuestionCase, parse_csv, parse_lines
from app.services.question_checks.runner import CheckRun
from app.wiring import Services

RESULT_COLUMNS = ["pass", "question", "answer", "sources", "how produced", "language", "flags", "why"]


def _results(run: CheckRun) -> pd.DataFrame:
    rows = [
        ["✅" if r.passed else "❌", r.question, r.answer, "; ".join(r.sources), r.produced, r.language,
         ", ".join(r.flags), r.why]
        for r in run.results
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def _changes(run: CheckRun) -> pd.DataFrame:
    rows = [[c.question, c.before, c.now] for c in run.changes if c.before != c.now]
    return pd.DataFrame(rows, columns=["question", f"run #{run.previous_run_id}", f"run #{run.run_id}"])


def build_test_questions_tab(services: Services) -> None:
    checks = services.question_checks
    gr.Markdown(
        "Ask the assistant your own questions before buyers do. Type one question per line, or upload a CSV with "
        "the columns `question`, and optionally `language`, `expected_source` (facts, model, fallback, template, "
        "refused, handoff) and `expected_fact` (text the answer must contain). Each question runs in its own "
        "throwaway conversation: nothing shows up in the Inbox or in Analytics."
    )
    with gr.Row():
        typed = gr.Textbox(label="Questions (one per line)", lines=6, scale=2)
        with gr.Column(scale=1):
            upload = gr.File(label="…or a CSV file", file_types=[".csv"], type="filepath")
            label = gr.Textbox(label="Name this run (optional)", placeholder="after adding the FAQ")
            run_button = gr.Button("Run questions", variant="primary")
            starter_button = gr.Button("Run the demo store's starter set")
    summary = gr.Markdown()
    results = gr.Dataframe(headers=RESULT_COLUMNS, interactive=False, wrap=True)
    changes = gr.Dataframe(label="Changed since the previous run", interactive=False)
    history = gr.Dataframe(label="Earlier runs", headers=["run", "when", "name", "passed", "questions"], interactive=False)

    def show(run: CheckRun) -> dict[Any, Any]:
        return {
            summary: f"**{run.summary()}**",
            results: _results(run),
            changes: _changes(run),
            history: pd.DataFrame(checks.runs(), columns=["run", "when", "name", "passed", "questions"]),
        }

    def execute(cases: list[QuestionCase], name: str, progress: gr.Progress) -> dict[Any, Any]:
        def step(done: int, total: int) -> None:
            progress((done, total), desc="Asking", unit="questions")

        return show(checks.run(cases, label=name.strip(), progress=step))

    def run(text: str, file_path: str | None, name: str, progress: gr.Progress = gr.Progress()) -> dict[Any, Any]:
        try:
            if file_path:
                path = Path(file_path)
                cases = parse_csv(path.read_bytes(), path.name)
            else:
                cases = parse_lines(text or "")
            return execute(cases, name, progress)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc

    def run_starter(name: str, progress: gr.Progress = gr.Progress()) -> dict[Any, Any]:
        try:
            return execute(parse_csv(STARTER_CSV.read_bytes(), STARTER_CSV.name), name or "starter set", progress)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc

    outputs = [summary, results, changes, history]
    run_button.click(run, inputs=[typed, upload, label], outputs=outputs, api_name="test_questions_run")
    starter_button.click(run_starter, inputs=[label], outputs=outputs, api_name="test_questions_starter")
