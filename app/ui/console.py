"""The merchant console: one Blocks, one tab per job, each built by its own builder."""

from __future__ import annotations

from typing import Any

import gradio as gr

from app.services.analytics.presentation import knowledge_hint, store_answer_note
from app.ui.analytics_tab import AnalyticsTab, build_analytics_tab
from app.ui.chargeback_tab import build_chargeback_tab
from app.ui.chat_tab import build_chat_tab
from app.ui.conversations_tab import build_conversations_tab
from app.ui.inbox_tab import build_inbox_tab
from app.ui.knowledge_tab import KnowledgeTab, build_knowledge_tab
from app.ui.listings_tab import build_listings_tab
from app.ui.orders_tab import build_orders_tab
from app.ui.refund_tab import build_refund_tab
from app.ui.reply_review import StoreAnswerForm
from app.ui.settings_tab import build_settings_tab
from app.ui.status_tab import build_status_tab
from app.ui.test_questions_tab import build_test_questions_tab
from app.wiring import Services

CONSOLE_TITLE = "Marketplace Copilot"


def build_console(services: Services) -> gr.Blocks:
    store_name = services.merchant_profile.get().store_name
    with gr.Blocks(title=f"{CONSOLE_TITLE} — {store_name}") as console:
        gr.Markdown(f"## {CONSOLE_TITLE} · {store_name}")
        with gr.Tabs() as tabs:
            with gr.Tab("Buyer chat", id="chat"):
                build_chat_tab(services)
            with gr.Tab("Inbox", id="inbox"):
                build_inbox_tab(services)
            with gr.Tab("Conversations", id="conversations"):
                store_answer_form = build_conversations_tab(services)
            with gr.Tab("Refund review", id="refunds"):
                build_refund_tab(services)
            with gr.Tab("Chargeback defense", id="chargebacks"):
                build_chargeback_tab(services)
            with gr.Tab("Orders", id="orders"):
                build_orders_tab(services)
            with gr.Tab("Analytics", id="analytics") as analytics_tab:
                analytics = build_analytics_tab(services)
            with gr.Tab("Listings", id="listings"):
                build_listings_tab(services)
            with gr.Tab("Knowledge", id="knowledge"):
                knowledge = build_knowledge_tab(services)
            with gr.Tab("Test questions", id="test-questions"):
                build_test_questions_tab(services)
            with gr.Tab("Settings", id="settings"):
                build_settings_tab(services)
            with gr.Tab("Status", id="status"):
                refresh_status, status_outputs = build_status_tab(services)
        console.load(refresh_status, outputs=status_outputs)
        analytics_tab.select(analytics.report, inputs=analytics.inputs, outputs=analytics.outputs)
        _wire_unanswered_actions(analytics, store_answer_form, knowledge, tabs)
    console.queue(default_concurrency_limit=services.settings.queue_concurrency)
    return console


def _wire_unanswered_actions(
    analytics: AnalyticsTab, form: StoreAnswerForm, knowledge: KnowledgeTab, tabs: gr.Tabs
) -> None:
    """Analytics' unanswered questions -> a new store answer prefilled with the question (Conversations tab), or
    the Knowledge tab with what to add and the question ready to search."""

    def picked(question: str | None) -> str:
        if not (question or "").strip():
            raise gr.Error("Click a question in the table of unanswered questions first.")
        return (question or "").strip()

    def to_store_answer(question: str | None) -> tuple[Any, ...]:
        text = picked(question)
        return None, None, text, "", store_answer_note(text), gr.Tabs(selected="conversations")

    def to_knowledge(question: str | None) -> tuple[Any, ...]:
        text = picked(question)
        return knowledge_hint(text), text, gr.Tabs(selected="knowledge")

    analytics.add_store_answer.click(
        to_store_answer, inputs=analytics.question,
        outputs=[form.answer_id, form.from_message, form.question, form.answer, form.status, tabs],
        api_name="unanswered_to_store_answer",
    )  # fmt: skip
    analytics.add_knowledge.click(
        to_knowledge, inputs=analytics.question, outputs=[knowledge.hint, knowledge.query, tabs],
        api_name="unanswered_to_knowledge",
    )
