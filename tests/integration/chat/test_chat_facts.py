"""Structured questions through BuyerChatService (real SQLite, real Chroma with the demo store): answered from the
merchant's data in the buyer's language, source "facts", with the data row cited and no model call."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

# (language, question, a value that must be in the reply, the cited chunk id)
SHIPPING = [
    ("en", "How long does shipping to Brazil take?", "15–30", "shipping.csv#br"),
    ("zh", "运到德国要几天？运费多少？", "7–12天", "shipping.csv#de"),
    ("es", "¿Cuánto cuesta el envío a España?", "12,00", "shipping.csv#es"),
    ("fr", "Combien de temps pour la livraison en Allemagne ?", "7 à 12 jours", "shipping.csv#de"),
    ("de", "Wie lange dauert der Versand in die Schweiz?", "4–6 Tage", "shipping.csv#ch"),
    ("it", "Quanto costa la spedizione in Italia?", "12,00", "shipping.csv#it"),
    ("pt", "Quanto tempo demora o frete para Portugal?", "9–15 dias", "shipping.csv#pt"),
    ("nl", "Hoe lang duurt de verzending naar Nederland?", "6–11 dagen", "shipping.csv#nl"),
    ("pl", "Ile trwa wysyłka do Polski?", "8–13 dni", "shipping.csv#pl"),
    ("ru", "Сколько идёт доставка в Германию?", "7–12 дней", "shipping.csv#de"),
    ("tr", "Türkiye'ye kargo kaç gün sürer?", "4–7 gün", "shipping.csv#tr"),
    ("ar", "كم يستغرق الشحن إلى السعودية؟", "6–12", "shipping.csv#sa"),
    ("ja", "ブラジルまで配送は何日かかりますか？", "15～30日", "shipping.csv#br"),
    ("ko", "한국으로 배송 얼마나 걸려요?", "4~7일", "shipping.csv#kr"),
]


def test_shipping_to_a_country_is_answered_from_the_table_in_every_language(chat_services, openai_fake) -> None:
    chat = chat_services().buyer_chat
    failures = {}
    for language, question, value, chunk_id in SHIPPING:
        reply = chat.reply(chat.new_session(language), question)
        if not (reply.done and reply.done.source == "facts" and value in reply.text
                and chunk_id in [c.chunk_id for c in reply.citations] and reply.language == language):
            failures[language] = (reply.language, reply.done and reply.done.source, reply.text[:120])
    assert failures == {}
    assert openai_fake.requests == []  # no model was asked


@pytest.mark.parametrize(("language", "question", "value"), [
    ("en", "What is the response time of the PP-156-FHD-240?", "1 ms (MPRT)"),
    ("es", "¿Cuál es el precio del PP-156-4K-OLED?", "299,00"),
    ("de", "Ist der PP-CHG-65W auf Lager?", "auf Lager"),
    ("ja", "PP-133-FHDの重さは？", "0.58 kg"),
    ("ko", "PP-156-FHD 보증 기간은?", "18개월"),
])  # fmt: skip
def test_a_spec_price_or_stock_question_gets_the_exact_value(chat_services, openai_fake, language, question, value) -> None:
    chat = chat_services().buyer_chat
    reply = chat.reply(chat.new_session(language), question)
    assert reply.done is not None and reply.done.source == "facts"
    assert value in reply.text and reply.citations[0].product_id in question
    assert openai_fake.requests == []


def test_a_country_we_do_not_ship_to_is_said_so_with_the_served_list(chat_services) -> None:
    chat = chat_services().buyer_chat
    reply = chat.reply(chat.new_session(), "Do you ship to Chad? How long does delivery take?")
    assert reply.done is not None and reply.done.source == "facts"
    assert "do not ship to Chad" in reply.text and "Brazil" in reply.text


def test_an_unknown_product_code_gets_a_clear_not_found(chat_services, openai_fake) -> None:
    chat = chat_services().buyer_chat
    reply = chat.reply(chat.new_session(), "What is the price of the XZ-999 monitor?")
    assert reply.done is not None and reply.done.source == "facts"
    assert "could not find that product" in reply.text and openai_fake.requests == []


def test_damaged_on_arrival_gets_the_policy_window_and_the_claim_form(chat_services, openai_fake) -> None:
    chat = chat_services().buyer_chat
    reply = chat.reply(chat.new_session(), "My screen arrived cracked, how many days do I have to report it?")
    assert reply.done is not None and reply.done.source == "facts"
    assert "within 7 days" in reply.text and "Return / refund" in reply.text
    assert "not covered" not in reply.text  # the warranty's impact exclusion does not win
    korean = chat.reply(chat.new_session(), "모니터가 깨져서 왔어요")
    assert "7일" in korean.text and "Return / refund" in korean.text
    assert openai_fake.requests == []


def test_the_chat_quotes_the_policy_the_refund_engine_uses(chat_services) -> None:
    services = chat_services()
    chat = services.buyer_chat
    before = chat.reply(chat.new_session(), "How many days do I have to return an item?")
    assert "30 days" in before.text
    policy = services.refunds.policy().model_copy(update={"return_window_days": 45, "damage_report_days": 10})
    services.refunds.save_policy(policy, actor="merchant")
    after = chat.reply(chat.new_session(), "How many days do I have to return an item?")
    damaged = chat.reply(chat.new_session(), "The monitor arrived broken")
    assert "45 days" in after.text and "30 days" not in after.text
    assert "within 10 days" in damaged.text
    assert services.refunds.policy().return_window_days == 45
