"""Inbox tab: conversations handed off to a human, buyer messages in the merchant's language, replies sent back
translated into the buyer's language. Wiring only; the logic is in app.services.chat.handoff.InboxService."""

from __future__ import annotations

from typing import Any

import gradio as gr

from app.domain.chat import StoredMessage
from app.errors import CopilotError
from app.services.case_refs import case_refs_markdown
from app.services.chat.handoff import InboxItem, UntranslatedReplyError
from app.services.language import LANGUAGE_NAMES
from app.ui.reply_review import build_reply_review, build_store_answer_form, reply_choices
from app.wiring import Services

REASONS = {"buyer_request": "asked for a human", "low_confidence": "bot could not answer", "abuse": "angry / abusive",
           "dispute_risk": "threatens a bank / PayPal dispute"}
DISPUTE_MARKER = "⚠️ DISPUTE RISK"


def why(item: InboxItem) -> str:
    """The Inbox's "why" cell; a dispute risk is marked whatever the latest handoff reason was."""
    reason = item.conversation.handoff_reason or ""
    text = REASONS.get(reason, reason)
    return f"{DISPUTE_MARKER} · {text}" if item.dispute_risk else text


def _language(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def thread_messages(messages: list[StoredMessage]) -> list[dict[str, Any]]:
    """The thread as the merchant reads it: translations first, originals below."""
    rendered = []
    for m in messages:
        if m.role == "buyer":
            status = m.meta.get("translation_status")
            if status == "machine":
                content = f"{m.translation}\n\n_original ({_language(m.language)}): {m.text}_"
            elif status == "untranslated":
                why = "; ".join(m.meta.get("translation_problems") or [])
                note = f"\n\n_not translated: the machine translation failed its check ({why})_" if why else ""
                content = f"⚠️ untranslated ({_language(m.language)}): {m.text}{note}"
            else:
                content = m.text
            rendered.append({"role": "user", "content": content})
        elif m.role == "merchant":
            status = m.meta.get("translation_status")
            note = {
                "machine": f"_sent to the buyer in {_language(m.language)}: {m.translation}_"
                if m.translation
                else "",
                "untranslated": "⚠️ _sent untranslated (you confirmed: no trustworthy translation)_",
            }.get(str(status), "")
            rendered.append({"role": "assistant", "content": f"**You:** {m.text}\n\n{note}".strip()})
        else:
            rating = (m.meta.get("feedback") or {}).get("rating")
            mark = {"good": " _(👍 marked good)_", "bad": " _(👎 marked bad)_"}.get(str(rating), "")
            rendered.append({"role": "assistant", "content": f"🤖 {m.text}{mark}"})
    return rendered


def build_inbox_tab(services: Services) -> None:
    inbox = services.chat_inbox

    def list_rows() -> tuple[list[list[Any]], gr.Dropdown]:
        items = inbox.open_items()
        rows = [
            [
                item.conversation.id,
                _language(item.conversation.language),
                why(item),
                item.last_buyer_text[:120],
                item.messages,
                f"{item.conversation.updated_at:%Y-%m-%d %H:%M}",
            ]
            for item in items
        ]
        choices = [
            (f"{DISPUTE_MARKER + ' · ' if i.dispute_risk else ''}{i.conversation.id[:8]} · "
             f"{_language(i.conversation.language)} · {i.last_buyer_text[:40]}", i.conversation.id)
            for i in items
        ]
        return rows, gr.Dropdown(choices=choices)

    def open_thread(conversation_id: str | None) -> tuple[list[dict[str, Any]], str]:
        if not conversation_id:
            raise gr.Error("Pick a conversation first.")
        try:
            conversation, messages = inbox.thread(conversation_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        header = (
            f"Buyer writes in **{_language(conversation.language)}** · status **{conversation.status}**"
            + (f" · verified order {conversation.verified_order_no}" if conversation.verified_order_no else "")
        )
        cases = case_refs_markdown(services.case_refs.for_order(conversation.verified_order_no))
        header += f"\n\n{cases}" if cases else ""
        return thread_messages(messages), header

    def open_replies(conversation_id: str | None) -> gr.Dropdown:
        if not conversation_id:
            return gr.Dropdown(choices=[], value=None)
        try:
            _conversation, messages = inbox.thread(conversation_id)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        return gr.Dropdown(choices=reply_choices(messages), value=None)

    def send(conversation_id: str | None, text: str, untranslated: bool, request: gr.Request) -> tuple[Any, ...]:
        """(thread, header, reply box, warning, confirm button): a reply whose translation failed its check is
        not sent; the merchant is asked whether to send the original instead (the text stays in the box)."""
        if not conversation_id:
            raise gr.Error("Pick a conversation first.")
        try:
            inbox.reply(conversation_id, text, merchant=request.username or "merchant", send_untranslated=untranslated)
        except UntranslatedReplyError as exc:
            thread, header = open_thread(conversation_id)
            return thread, header, text, gr.Markdown(f"⚠️ {exc.user_message}", visible=True), gr.Button(visible=True)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc  # the reply stays in the box
        thread, header = open_thread(conversation_id)
        return thread, header, "", gr.Markdown("", visible=False), gr.Button(visible=False)

    def reply(conversation_id: str | None, text: str, request: gr.Request) -> tuple[Any, ...]:
        return send(conversation_id, text, False, request)

    def reply_untranslated(conversation_id: str | None, text: str, request: gr.Request) -> tuple[Any, ...]:
        return send(conversation_id, text, True, request)

    def close(conversation_id: str | None, request: gr.Request) -> str:
        if not conversation_id:
            raise gr.Error("Pick a conversation first.")
        inbox.close(conversation_id, merchant=request.username or "merchant")
        return "Conversation closed."

    def to_bot(conversation_id: str | None, request: gr.Request) -> str:
        if not conversation_id:
            raise gr.Error("Pick a conversation first.")
        inbox.return_to_bot(conversation_id, merchant=request.username or "merchant")
        return "The assistant answers this buyer again."

    language = services.merchant_profile.get().merchant_language
    gr.Markdown(
        f"Conversations handed to a human. Buyer messages are shown in your language ({_language(language)}, "
        "see Settings); your reply is translated into the buyer's language and appears in their chat."
    )
    refresh = gr.Button("Refresh")
    table = gr.Dataframe(
        headers=["conversation", "language", "why", "last buyer message", "messages", "updated"],
        interactive=False, wrap=True, label="Waiting for you",
    )  # fmt: skip
    # Custom values: a conversation can be opened by id even before the list refreshed.
    picker = gr.Dropdown(label="Conversation", choices=[], interactive=True, allow_custom_value=True)
    header = gr.Markdown()
    thread = gr.Chatbot(label="Thread", height=420, feedback_options=None)
    reply_box = gr.Textbox(label="Your reply (in your language)", lines=3)
    untranslated_warning = gr.Markdown(visible=False)
    with gr.Row():
        send_button = gr.Button("Send reply", variant="primary")
        send_original = gr.Button("Send my original text untranslated", variant="stop", visible=False)
        close_button = gr.Button("Close conversation")
        bot_button = gr.Button("Hand back to the assistant")
    done = gr.Markdown()
    with gr.Accordion("Rate the assistant's replies · store answer", open=False):
        form = build_store_answer_form(services, "inbox_")
        reply_picker = build_reply_review(services, "inbox_", form)

    refresh.click(list_rows, outputs=[table, picker], api_name="inbox_list")
    # New handoffs show up without a click; the thread itself refreshes when opened or answered.
    gr.Timer(10).tick(list_rows, outputs=[table, picker], api_visibility="private", queue=False, show_progress="hidden")
    picker.change(open_thread, inputs=picker, outputs=[thread, header], api_name="inbox_open").then(
        open_replies, inputs=picker, outputs=reply_picker, api_visibility="private")
    reply_outputs = [thread, header, reply_box, untranslated_warning, send_original]
    send_button.click(reply, inputs=[picker, reply_box], outputs=reply_outputs, api_name="inbox_reply")
    send_original.click(
        reply_untranslated, inputs=[picker, reply_box], outputs=reply_outputs, api_name="inbox_reply_untranslated"
    )
    close_button.click(close, inputs=picker, outputs=done, api_name="inbox_close")
    bot_button.click(to_bot, inputs=picker, outputs=done, api_name="inbox_to_bot")
