"""The buyer chat panel: the widget's chat, and a preview of it in the merchant console.

Wiring only: every decision is in BuyerChatService. The stream handler yields the cumulative messages
(Gradio messages format); the input is locked while a reply streams and one submit runs at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import gradio as gr

from app.domain.chat import (
    CitationsEvent,
    DoneEvent,
    HandoffEvent,
    LanguageEvent,
    ResetEvent,
    StoredMessage,
    TextDelta,
)
from app.errors import CopilotError
from app.i18n.catalog import DEFAULT_LANGUAGE
from app.i18n.catalog import text as catalog_text
from app.services.chat import answer_fallback
from app.services.chat.detached import finish_in_background
from app.services.language import RTL_LANGUAGES
from app.ui.buyer_i18n import t
from app.wiring import Services

# Lets each paragraph pick its own direction, so Arabic renders right-to-left beside Latin text.
CHAT_CSS = """
#buyer-chat .message p, #buyer-chat .message li { unicode-bidi: plaintext; text-align: start; }
"""

Message = dict[str, Any]


def chat_value(messages: list[Message], rtl: bool) -> gr.Chatbot:
    """A Chatbot update with these messages (messages-format dicts) and text direction."""
    return gr.Chatbot(value=cast(Any, messages), rtl=rtl)


def sources_message(citations: list[Any]) -> Message:
    lines = [f"- **{c.title}** ({c.source}): {c.excerpt}" for c in citations]
    return {"role": "assistant", "content": "\n".join(lines), "metadata": {"title": f"📄 Sources ({len(citations)})", "status": "done"}}


def render_message(message: StoredMessage, store_name: str) -> list[Message]:
    """One stored message as the buyer sees it (merchant replies in the buyer's language when translated)."""
    if message.role == "buyer":
        return [{"role": "user", "content": message.text}]
    if message.role == "merchant":
        text = message.buyer_text
        if message.meta.get("translation_status") == "untranslated":
            text = f"{text}\n\n_{answer_fallback.text('untranslated_note', message.language)}_"
        return [{"role": "assistant", "content": f"**{store_name} 🧑**: {text}"}]
    rendered = [{"role": "assistant", "content": message.text}]
    if message.citations:
        rendered.append(sources_message(message.citations))
    return rendered


def render_history(messages: list[StoredMessage], store_name: str) -> list[Message]:
    return [item for message in messages for item in render_message(message, store_name)]


def _client(request: gr.Request | None) -> str:
    """The buyer's address as uvicorn saw it (X-Forwarded-For applies only from configured trusted proxies)."""
    client = getattr(request, "client", None) if request is not None else None
    return str(getattr(client, "host", None) or "unknown")


def build_chat_tab(services: Services, *, persistent: bool = False) -> None:
    """`persistent`: keep the session token in the browser (widget); the console preview starts fresh each load."""
    chat = services.buyer_chat
    store_name = services.merchant_profile.get().store_name
    if persistent:
        token_state: gr.State | gr.BrowserState = gr.BrowserState(
            None, storage_key="marketplace-copilot-chat", secret=chat.browser_state_secret()
        )
    else:
        token_state = gr.State(None)
    merchant_seen = gr.State(0)

    def text(key: str) -> Any:
        # The widget (persistent) is mounted with the buyer catalog and shows the browser's language; the console's
        # test chat has no catalog and stays English.
        return t(key) if persistent else catalog_text(key, DEFAULT_LANGUAGE)

    # Mounted apps take no launch(css=…): a style element travels with the panel.
    gr.HTML(f"<style>{CHAT_CSS}</style>", padding=False)
    chatbot = gr.Chatbot(
        elem_id="buyer-chat", label=store_name, height=520, feedback_options=None,
        placeholder=f"**{store_name}** · Ask about products, shipping or your order, in your language.",
    )  # fmt: skip
    with gr.Row():
        message_box = gr.Textbox(
            show_label=False, placeholder=text("chat.input_placeholder"), scale=5, autofocus=True,
            max_lines=6, elem_id="buyer-chat-input",
        )  # fmt: skip
        send = gr.Button(text("chat.send"), variant="primary", scale=1, min_width=80)

    def start(token: str | None, request: gr.Request) -> tuple[str, gr.Chatbot, int]:
        try:
            token = chat.ensure_session(token, client=_client(request))
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        messages = chat.history(token)
        rtl = chat.conversation(token).language in RTL_LANGUAGES
        seen = max((m.id for m in messages if m.role == "merchant"), default=0)
        return token, chat_value(render_history(messages, store_name), rtl), seen

    def respond(message: str, token: str | None, request: gr.Request) -> Iterator[tuple[Any, Any, Any]]:
        # The conversation shown comes from the server, never from the client: a Chatbot value sent by a client
        # could name files (FileData) or put words in the shop's mouth.
        try:
            token = chat.ensure_session(token, client=_client(request))
            text = chat.validate(token, message)
            history = render_history(chat.history(token), store_name)
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc  # the text stays in the box: nothing is lost
        history = [*history, {"role": "user", "content": text}]
        yield gr.Textbox(value="", interactive=False), history, token
        answer: Message = {"role": "assistant", "content": ""}
        sources: list[Message] = []
        rtl = False
        try:
            for event in finish_in_background(chat.stream_reply(token, text)):
                if isinstance(event, LanguageEvent):
                    rtl = event.rtl
                    continue
                if isinstance(event, CitationsEvent) and event.citations:
                    sources = [sources_message(event.citations)]
                elif isinstance(event, TextDelta):
                    answer = {"role": "assistant", "content": answer["content"] + event.text}
                elif isinstance(event, ResetEvent):
                    answer = {"role": "assistant", "content": ""}
                elif isinstance(event, DoneEvent):
                    answer = {"role": "assistant", "content": event.text}
                elif isinstance(event, HandoffEvent):
                    continue
                yield gr.skip(), chat_value([*history, answer, *sources], rtl), gr.skip()
        except CopilotError as exc:
            raise gr.Error(exc.user_message) from exc
        # The last yield carries the whole conversation, so API clients get it as the result.
        yield gr.Textbox(interactive=True), chat_value([*history, answer, *sources], rtl), gr.skip()

    def unlock() -> gr.Textbox:
        return gr.Textbox(interactive=True)

    def poll(token: str | None, seen: int) -> tuple[Any, Any]:
        if not token:
            return gr.skip(), gr.skip()
        try:
            new = chat.updates(token, seen)
            if not new:
                return gr.skip(), gr.skip()
            history = render_history(chat.history(token), store_name)
        except CopilotError:
            return gr.skip(), gr.skip()
        return history, max(m.id for m in new)

    # A model behind vLLM batches requests, so chat events are not throttled; an in-process model is.
    in_process = services.chat_model is not None and services.chat_model.info.backend == "transformers"
    limit = 1 if in_process else None
    gr.on(
        [message_box.submit, send.click],
        respond,
        inputs=[message_box, token_state],
        outputs=[message_box, chatbot, token_state],
        api_name="chat",
        concurrency_limit=limit,
        concurrency_id="chat-model" if in_process else None,
        trigger_mode="once",
    ).then(unlock, outputs=message_box, api_visibility="private", queue=False)
    timer = gr.Timer(services.settings.chat_poll_seconds)
    timer.tick(
        poll, inputs=[token_state, merchant_seen], outputs=[chatbot, merchant_seen],
        api_name="chat_poll", queue=False, show_progress="hidden",
    )  # fmt: skip
    # The enclosing Blocks (widget or console) is the render context: restore the session on page load.
    page = gr.context.Context.root_block
    assert page is not None, "build_chat_tab must be called inside a gr.Blocks"
    page.load(start, inputs=token_state, outputs=[token_state, chatbot, merchant_seen], api_name="chat_start")
