"""Shared console parts for judging assistant replies: rate a reply good or bad, and write a store answer (from a
bad reply in one click, or from scratch). Wiring only: ReplyFeedbackService and StoreAnswerService do the work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from app.domain.chat import StoredMessage
from app.errors import CopilotError
from app.wiring import Services

RATING_MARKS = {"good": "👍", "bad": "👎"}


def reply_choices(messages: list[StoredMessage]) -> list[tuple[str, int]]:
    """The assistant replies of a thread, newest first, labelled with their rating."""
    choices = []
    for m in reversed(messages):
        if m.role != "assistant":
            continue
        mark = RATING_MARKS.get(str((m.meta.get("feedback") or {}).get("rating")), "")
        choices.append((f"#{m.id} {mark} {m.text[:70]}".replace("  ", " "), m.id))
    return choices


def _merchant(request: gr.Request | None) -> str:
    return (request.username if request else None) or "merchant"


def _id(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


@dataclass(frozen=True)
class StoreAnswerForm:
    answer_id: gr.Number
    from_message: gr.Number
    question: gr.Textbox
    answer: gr.Textbox
    status: gr.Markdown
    saved: Any  # the save event, for callers that refresh a list after it


def build_store_answer_form(services: Services, api_prefix: str) -> StoreAnswerForm:
    answer_id = gr.Number(label="Store answer #", precision=0, interactive=False)
    from_message = gr.Number(label="Written for reply #", precision=0, interactive=False)
    question = gr.Textbox(label="Buyer question (any language)", lines=2)
    answer = gr.Textbox(label="Your answer (any language; buyers get it translated)", lines=4)
    save = gr.Button("Save store answer", variant="primary")
    status = gr.Markdown()

    def on_save(answer_id: Any, from_message: Any, question: str, answer: str, request: gr.Request) -> tuple[Any, str]:
        try:
            saved = services.store_answers.save(
                question, answer, merchant=_merchant(request), answer_id=_id(answer_id), from_message_id=_id(from_message)
            )
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return saved.id, f"Saved store answer #{saved.id} ({saved.language}). Buyers asking something similar get it."

    saved = save.click(on_save, inputs=[answer_id, from_message, question, answer], outputs=[answer_id, status],
                       api_name=f"{api_prefix}store_answer_save")
    return StoreAnswerForm(answer_id, from_message, question, answer, status, saved)


def build_reply_review(services: Services, api_prefix: str, form: StoreAnswerForm) -> gr.Dropdown:
    """Rating controls for one reply of the open thread; returns the reply picker (its choices: reply_choices)."""
    feedback = services.reply_feedback
    picker = gr.Dropdown(label="Assistant reply", choices=[], interactive=True)
    with gr.Row():
        good = gr.Button("👍 Good reply")
        bad = gr.Button("👎 Bad reply")
        draft = gr.Button("Write a store answer for this question")
    status = gr.Markdown()

    def rate(message_id: Any, rating: str, request: gr.Request) -> tuple[gr.Dropdown, str]:
        if _id(message_id) is None:
            raise gr.Error("Pick an assistant reply first.")
        try:
            rated = feedback.rate(int(message_id), rating, merchant=_merchant(request))
            _conversation, messages = feedback.thread(rated.conversation_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return gr.Dropdown(choices=reply_choices(messages), value=rated.id), f"Reply #{rated.id} marked {rating}."

    def rate_good(message_id: Any, request: gr.Request) -> tuple[gr.Dropdown, str]:
        return rate(message_id, "good", request)

    def rate_bad(message_id: Any, request: gr.Request) -> tuple[gr.Dropdown, str]:
        return rate(message_id, "bad", request)

    def start_draft(message_id: Any) -> tuple[Any, ...]:
        if _id(message_id) is None:
            raise gr.Error("Pick an assistant reply first.")
        try:
            found = feedback.draft(int(message_id))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        note = f"The assistant had answered: _{found.bad_reply[:300]}_"
        return None, found.message_id, found.question, "", note

    good.click(rate_good, inputs=picker, outputs=[picker, status], api_name=f"{api_prefix}reply_good")
    bad.click(rate_bad, inputs=picker, outputs=[picker, status], api_name=f"{api_prefix}reply_bad")
    draft.click(start_draft, inputs=picker,
                outputs=[form.answer_id, form.from_message, form.question, form.answer, form.status],
                api_name=f"{api_prefix}store_answer_draft")
    return picker
