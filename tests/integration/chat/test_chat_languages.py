"""For each of the 14 languages: a question about one product retrieves it (real USE embedder + Chroma), the
prompt captured at the model boundary carries that product's chunk and names the reply language, and a reply
in the buyer's language passes the identifier check unchanged."""

from __future__ import annotations

import pytest

from app.services.chat.prompts import REPLY_IN
from tests.integration.chat.conftest import user_prompt

pytestmark = pytest.mark.integration

PRODUCT = "PP-156-4K-OLED"
# (question, a correct short answer in the same language)
QUESTIONS = {
    "en": ("Does the 4K OLED monitor support HDR?", "Yes, the Lumen 4K OLED is a real HDR10 display."),
    "zh": ("4K OLED显示器支持HDR吗？", "是的，这款4K OLED显示器是真正的HDR10显示器。"),
    "es": ("¿El monitor OLED 4K es compatible con HDR?", "Sí, el monitor OLED 4K es una pantalla HDR10 real."),
    "fr": ("Le moniteur OLED 4K prend-il en charge le HDR ?", "Oui, le moniteur OLED 4K est un véritable écran HDR10."),
    "de": ("Unterstützt der 4K-OLED-Monitor HDR?", "Ja, der 4K-OLED-Monitor ist ein echtes HDR10-Display."),
    "it": ("Il monitor OLED 4K supporta l'HDR?", "Sì, il monitor OLED 4K è un vero display HDR10."),
    "pt": ("O monitor OLED 4K suporta HDR?", "Sim, o monitor OLED 4K é uma tela HDR10 de verdade."),
    "nl": ("Ondersteunt de 4K OLED-monitor HDR?", "Ja, de 4K OLED-monitor is een echt HDR10-scherm."),
    "pl": ("Czy monitor OLED 4K obsługuje HDR?", "Tak, monitor OLED 4K to prawdziwy wyświetlacz HDR10."),
    "ru": ("Поддерживает ли монитор 4K OLED HDR?", "Да, монитор 4K OLED — это настоящий дисплей с HDR10."),
    "tr": ("4K OLED monitör HDR destekliyor mu?", "Evet, 4K OLED monitör gerçek bir HDR10 ekrandır."),
    "ar": ("هل تدعم شاشة OLED بدقة 4K تقنية HDR؟", "نعم، شاشة OLED بدقة 4K هي شاشة HDR10 حقيقية."),
    "ja": ("4K有機ELモニターはHDRに対応していますか？", "はい、この4K有機ELモニターは本物のHDR10ディスプレイです。"),
    "ko": ("4K OLED 모니터는 HDR을 지원하나요?", "네, 4K OLED 모니터는 진정한 HDR10 디스플레이입니다."),
}


def test_every_language_retrieves_the_product_and_prompts_for_its_language(chat_services, openai_fake) -> None:
    services = chat_services()
    chat = services.buyer_chat
    failures = {}
    for language, (question, answer) in QUESTIONS.items():
        number = len(openai_fake.requests)
        openai_fake.enqueue(answer)
        token = chat.new_session()  # a fresh buyer per language: no conversation language to fall back on
        reply = chat.reply(token, question)
        prompt = user_prompt(openai_fake.requests[number])
        problems = []
        if reply.language != language:
            problems.append(f"detected {reply.language}")
        if PRODUCT not in {c.product_id for c in reply.citations}:
            problems.append(f"citations {[c.product_id for c in reply.citations]}")
        if f"({PRODUCT})" not in prompt:
            problems.append("product chunk missing from the prompt")
        if REPLY_IN[language] not in prompt or REPLY_IN[language] not in openai_fake.requests[number]["messages"][0]["content"]:
            problems.append("reply language not instructed")
        if reply.text != answer or reply.done is None or reply.done.source != "model":
            problems.append(f"reply replaced: {reply.text[:60]!r} {reply.done and reply.done.flags}")
        if problems:
            failures[language] = problems
    assert failures == {}
    assert len(openai_fake.requests) == len(QUESTIONS)  # one model call per question: no retries were needed


def test_a_mixed_or_unclear_message_keeps_the_conversation_language(chat_services, openai_fake) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    openai_fake.enqueue("Sí, es una pantalla HDR10 real.", "Sí.")
    assert chat.reply(token, "¿El monitor OLED 4K es compatible con HDR?").language == "es"
    assert chat.reply(token, "PP-156-4K-OLED ok?").language == "es"
    assert chat.conversation(token).language == "es"
