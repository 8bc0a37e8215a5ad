"""Analytics tab: date range, headline numbers, plots and tables, CSV export. Wiring only: AnalyticsService
computes everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import gradio as gr
import pandas as pd

from app.errors import CopilotError
from app.services.analytics.demo_activity import demo_seeded_on
from app.services.analytics.presentation import summary_markdown
from app.services.analytics.tables import DateRange, Table, parse_range
from app.wiring import Services


def _frame(table: Table, day_column: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(table.rows, columns=list(table.columns))
    for column in frame.columns:
        # Decimal money -> float for plotting; the CSV export keeps the exact text.
        if frame[column].map(lambda v: isinstance(v, Decimal)).any():
            frame[column] = frame[column].astype(float)
    if day_column and not frame.empty:
        frame[day_column] = pd.to_datetime(frame[day_column])
    return frame


@dataclass(frozen=True)
class AnalyticsTab:
    """What the console wires: the report (filled when the tab is opened) and the unanswered questions' actions,
    which open other tabs (the store answer editor, the Knowledge tab)."""

    report: Any
    inputs: list[Any]
    outputs: list[Any]
    question: gr.Textbox  # the unanswered question picked in the table
    add_store_answer: gr.Button
    add_knowledge: gr.Button


def _picked_question(event: gr.SelectData, rows: Any) -> str:
    row = event.index[0] if isinstance(event.index, list | tuple) else event.index
    values = rows.values.tolist() if hasattr(rows, "values") else (rows or [])
    return str(values[row][0]) if values and 0 <= row < len(values) else ""


def build_analytics_tab(services: Services) -> AnalyticsTab:
    analytics = services.analytics
    settings = services.settings
    exports_dir = settings.data_dir / "exports"
    seeded = demo_seeded_on(services.merchant_settings)
    if seeded:
        gr.Markdown(
            f"> **Demo data.** This demo store was filled with made-up activity on {seeded} so the plots have "
            "something to show. None of it comes from real buyers."
        )
    default = DateRange.last_days(settings.analytics_default_days)
    with gr.Row():
        start = gr.DateTime(value=str(default.start), include_time=False, type="string", label="From")
        end = gr.DateTime(value=str(default.end), include_time=False, type="string", label="To")
        refresh = gr.Button("Show", variant="primary")
        export_button = gr.Button("Export CSV")
    summary = gr.Markdown()
    with gr.Row():
        volume = gr.LinePlot(x="day", y="conversations", color="language", title="Conversations per day by language")
        sources = gr.BarPlot(x="day", y="replies", color="source", title="How replies were produced")
    outcomes = gr.BarPlot(
        x="week", y="conversations", color="outcome", title="Conversation outcomes by week (durable = no handoff, "
        "refund claim or chargeback within the window; pending = window not over)",
    )  # fmt: skip
    gr.Markdown("#### Top unanswered questions (refused or handed to a person), grouped by meaning\n"
                "Shown in your language (the original when no trustworthy translation exists). Click a question, "
                "then teach the assistant the answer.")
    unanswered = gr.Dataframe(interactive=False, wrap=True)
    with gr.Row():
        question = gr.Textbox(label="Question picked in the table", interactive=False, scale=3)
        add_store_answer = gr.Button("Add a store answer")
        add_knowledge = gr.Button("Add knowledge")
    with gr.Row():
        refunds = gr.BarPlot(x="reason", y="claims", color="outcome", title="Refund claims by reason and outcome")
        chargebacks = gr.BarPlot(x="reason_code", y="cases", color="network", title="Chargebacks by reason code")
    with gr.Accordion("Tables", open=False):
        savings = gr.Dataframe(label="Refunded vs full refund with return (savings)", interactive=False)
        by_code = gr.Dataframe(label="Chargeback win rate by reason code", interactive=False)
        recovered = gr.Dataframe(label="Chargeback amount recovered", interactive=False)
        handoffs = gr.Dataframe(label="Handoffs and time to the first human reply (hours)", interactive=False)
        volume_table = gr.Dataframe(label="Conversations and buyer messages per day", interactive=False)
        disputes = gr.Dataframe(label="Dispute-risk conversations per day (buyer threatened a bank / PayPal dispute)",
                                interactive=False)  # fmt: skip
    files = gr.File(label="CSV files", file_count="multiple", interactive=False)

    def report(start_text: str | None, end_text: str | None) -> dict[Any, Any]:
        try:
            result = analytics.report(parse_range(start_text, end_text, settings.analytics_default_days))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        t = result.tables
        return {
            summary: summary_markdown(result),
            volume: _frame(t["conversations_by_day"], "day"),
            sources: _frame(t["replies_by_source"], "day"),
            outcomes: _frame(t["outcomes_by_week"], "week"),
            unanswered: _frame(t["unanswered_questions"]),
            refunds: _frame(t["refunds_by_reason"]),
            chargebacks: _frame(t["chargebacks_by_reason"]),
            savings: _frame(t["refund_savings"]),
            by_code: _frame(t["chargebacks_by_reason"]),
            recovered: _frame(t["chargeback_recovered"]),
            handoffs: _frame(t["handoffs"]),
            volume_table: _frame(t["conversations_by_day"]),
            disputes: _frame(t["dispute_risk_by_day"]),
        }

    def export(start_text: str | None, end_text: str | None) -> list[str]:
        try:
            result = analytics.report(parse_range(start_text, end_text, settings.analytics_default_days))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        folder = exports_dir / f"analytics-{datetime.now(UTC):%Y%m%d-%H%M%S}"
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for table in result.tables.values():
            path = folder / f"{table.name}_{result.period.start}_{result.period.end}.csv"
            path.write_text(table.to_csv(), encoding="utf-8")
            paths.append(str(path))
        return paths

    outputs = [summary, volume, sources, outcomes, unanswered, refunds, chargebacks, savings, by_code, recovered, handoffs,
               volume_table, disputes]
    refresh.click(report, inputs=[start, end], outputs=outputs, api_name="analytics_report")
    export_button.click(export, inputs=[start, end], outputs=files, api_name="analytics_export")
    unanswered.select(_picked_question, inputs=unanswered, outputs=question, api_visibility="private")
    return AnalyticsTab(report, [start, end], outputs, question, add_store_answer, add_knowledge)
