"""Conversations tab: browse recent buyer conversations, rate the assistant's replies, and keep the store answers
(the merchant's own answers, used for similar buyer questions). Wiring only."""

from __future__ import annotations

from typing import Any

import gradio as gr

from app.errors import CopilotError
from app.ui.inbox_tab import thread_messages
from app.ui.reply_review import StoreAnswerForm, build_reply_review, build_store_answer_form, reply_choices
from app.wiring import Services


def build_conversations_tab(services: Services) -> StoreAnswerForm:
    """Returns the store answer form, which other tabs prefill (Analytics: "Add a store answer")."""
    feedback = services.reply_feedback
    store_answers = services.store_answers

    def list_conversations() -> tuple[list[list[Any]], gr.Dropdown]:
        conversations = feedback.recent()
        rows = [[c.id, c.language, c.status, f"{c.updated_at:%Y-%m-%d %H:%M}"] for c in conversations]
        choices = [(f"{c.id[:8]} · {c.language} · {c.status} · {c.updated_at:%Y-%m-%d %H:%M}", c.id) for c in conversations]
        return rows, gr.Dropdown(choices=choices)

    def open_conversation(conversation_id: str | None) -> tuple[list[dict[str, Any]], gr.Dropdown, list[int | None]]:
        if not conversation_id:
            raise gr.Error("Pick a conversation first.")
        try:
            _conversation, messages = feedback.thread(conversation_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        # thread_messages renders one chat message per stored message: position i is message ids[i].
        ids = [m.id if m.role == "assistant" else None for m in messages]
        return thread_messages(messages), gr.Dropdown(choices=reply_choices(messages), value=None), ids

    def thumbs(ids: list[int | None], data: gr.LikeData, request: gr.Request) -> str:
        """The thread's own 👍/👎 buttons rate the reply they sit on."""
        index = data.index if isinstance(data.index, int) else data.index[0]
        message_id = ids[index] if 0 <= index < len(ids) else None
        if message_id is None:
            return "Only the assistant's replies can be rated."
        rating = "good" if data.liked is True else "bad"
        try:
            feedback.rate(message_id, rating, merchant=request.username or "merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return f"Reply #{message_id} marked {rating}."

    def list_answers() -> tuple[list[list[Any]], gr.Dropdown]:
        answers = store_answers.list()
        rows = [[a.id, a.question, a.answer, a.language, a.created_by, f"{a.updated_at:%Y-%m-%d %H:%M}"] for a in answers]
        return rows, gr.Dropdown(choices=[(f"#{a.id} {a.question[:60]}", a.id) for a in answers], value=None)

    def load_answer(answer_id: Any) -> tuple[Any, ...]:
        if answer_id in (None, ""):
            raise gr.Error("Pick a store answer first.")
        try:
            found = store_answers.get(int(answer_id))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return found.id, found.from_message_id, found.question, found.answer, ""

    def new_answer() -> tuple[Any, ...]:
        return None, None, "", "", ""

    def delete_answer(answer_id: Any, request: gr.Request) -> tuple[Any, ...]:
        if answer_id in (None, ""):
            raise gr.Error("Open a saved store answer first.")
        try:
            store_answers.delete(int(answer_id), merchant=request.username or "merchant")
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return None, None, "", "", f"Store answer #{int(answer_id)} deleted."

    gr.Markdown("Recent buyer conversations. Mark the assistant's replies good or bad; for a bad one, write the "
                "answer yourself: buyers asking something similar get your store answer, in their language.")
    refresh = gr.Button("Refresh")
    table = gr.Dataframe(headers=["conversation", "language", "status", "updated"], interactive=False,
                         label="Recent conversations")
    picker = gr.Dropdown(label="Conversation", choices=[], interactive=True, allow_custom_value=True)
    thread = gr.Chatbot(label="Thread", height=380, feedback_options=("Like", "Dislike"))
    thread_ids = gr.State([])
    thumbs_status = gr.Markdown()
    with gr.Accordion("Store answer", open=True):
        form = build_store_answer_form(services, "conversations_")
    reply_picker = build_reply_review(services, "conversations_", form)

    gr.Markdown("### Store answers")
    answers_table = gr.Dataframe(headers=["#", "question", "answer", "language", "by", "updated"],
                                 interactive=False, wrap=True)
    answer_picker = gr.Dropdown(label="Store answer to edit", choices=[], interactive=True)
    with gr.Row():
        new_button = gr.Button("New store answer")
        delete_button = gr.Button("Delete this store answer", variant="stop")
    form_fields = [form.answer_id, form.from_message, form.question, form.answer, form.status]

    refresh.click(list_conversations, outputs=[table, picker], api_name="conversations_list").then(
        list_answers, outputs=[answers_table, answer_picker], api_name="store_answers_list")
    picker.change(open_conversation, inputs=picker, outputs=[thread, reply_picker, thread_ids],
                  api_name="conversations_open")
    thread.like(thumbs, inputs=thread_ids, outputs=thumbs_status, api_visibility="private")
    answer_picker.change(load_answer, inputs=answer_picker, outputs=form_fields, api_name="store_answer_load")
    new_button.click(new_answer, outputs=form_fields, api_visibility="private")
    delete_button.click(delete_answer, inputs=form.answer_id, outputs=form_fields, api_name="store_answer_delete").then(
        list_answers, outputs=[answers_table, answer_picker], api_visibility="private")
    form.saved.then(list_answers, outputs=[answers_table, answer_picker], api_visibility="private")
    return form
