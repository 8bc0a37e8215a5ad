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


SPEC = {  # the 240 Hz model's response time
 "en": "What's the response time of the PP-156-FHD-240?", "zh": "PP-156-FHD-240的响应时间是多少？",
 "es": "¿Cuál es el tiempo de respuesta del PP-156-FHD-240?", "fr": "Quel est le temps de réponse du PP-156-FHD-240 ?",
 "de": "Wie hoch ist die Reaktionszeit des PP-156-FHD-240?", "it": "Qual è il tempo di risposta del PP-156-FHD-240?",
 "pt": "Qual é o tempo de resposta do PP-156-FHD-240?", "nl": "Wat is de reactietijd van de PP-156-FHD-240?",
 "pl": "Jaki jest czas reakcji PP-156-FHD-240?", "ru": "Какое время отклика у PP-156-FHD-240?",
 "tr": "PP-156-FHD-240 tepki süresi nedir?", "ar": "ما هو زمن الاستجابة لشاشة PP-156-FHD-240؟",
 "ja": "PP-156-FHD-240の応答速度は？", "ko": "PP-156-FHD-240 응답 속도가 어떻게 되나요?",
}
PRICE = {
 "en": "how much is the PP-156-4K-OLED", "zh": "PP-156-4K-OLED多少钱？", "es": "¿Cuánto cuesta el PP-156-4K-OLED?",
 "fr": "Quel est le prix du PP-156-4K-OLED ?", "de": "Was kostet der PP-156-4K-OLED?", "it": "Quanto costa il PP-156-4K-OLED?",
 "pt": "Quanto custa o PP-156-4K-OLED?", "nl": "Wat kost de PP-156-4K-OLED?", "pl": "Ile kosztuje PP-156-4K-OLED?",
 "ru": "Сколько стоит PP-156-4K-OLED?", "tr": "PP-156-4K-OLED fiyatı nedir?", "ar": "كم سعر PP-156-4K-OLED؟",
 "ja": "PP-156-4K-OLEDの値段はいくらですか？", "ko": "PP-156-4K-OLED 가격이 얼마예요?",
}
STOCK = {
 "en": "Is the PP-CHG-65W in stock?", "zh": "PP-CHG-65W有货吗？", "es": "¿Tienen el PP-CHG-65W disponible?",
 "fr": "Est-ce que le chargeur PP-CHG-65W est encore disponible ?", "de": "Ist der PP-CHG-65W auf Lager?", "it": "Il PP-CHG-65W è disponibile?",
 "pt": "O PP-CHG-65W está em estoque?", "nl": "Is de PP-CHG-65W op voorraad?", "pl": "Czy PP-CHG-65W jest dostępny?",
 "ru": "Есть ли PP-CHG-65W в наличии?", "tr": "PP-CHG-65W stokta var mı?", "ar": "هل PP-CHG-65W متوفر؟",
 "ja": "PP-CHG-65Wの在庫はありますか？", "ko": "PP-CHG-65W 재고 있나요?",
}
RETURN = {
 "en": "How many days do I have to return something?", "zh": "收货后多少天内可以退货？", "es": "¿Cuántos días tengo para devolver un producto?",
 "fr": "Combien de jours ai-je pour retourner un article ?", "de": "Wie viele Tage habe ich für die Rückgabe?",
 "it": "Quanti giorni ho per il reso?", "pt": "Quantos dias tenho para devolver um produto?", "nl": "Hoeveel dagen heb ik om te retourneren?",
 "pl": "Ile dni mam na zwrot towaru?", "ru": "Сколько дней у меня есть на возврат товара?", "tr": "İade için kaç gün süre var?",
 "ar": "كم يوم لدي لإرجاع المنتج؟", "ja": "返品は何日以内ならできますか？", "ko": "반품은 며칠 안에 해야 하나요?",
}
DAMAGED = {
 "en": "My monitor arrived with a cracked screen", "zh": "显示器到货时屏幕碎了", "es": "Mi monitor llegó roto",
 "fr": "Mon écran est arrivé cassé", "de": "Der Monitor kam beschädigt an", "it": "Il monitor è arrivato rotto",
 "pt": "O monitor chegou com a tela rachada", "nl": "Mijn monitor is kapot aangekomen", "pl": "Monitor dotarł uszkodzony",
 "ru": "Монитор пришёл с разбитым экраном", "tr": "Monitör kırık ekranla geldi", "ar": "وصلت الشاشة مكسورة",
 "ja": "モニターが割れた状態で届きました", "ko": "모니터 화면이 깨져서 왔어요",
}

# (questions per language, a value every reply must carry per language, the fact kind)
PER_LANGUAGE = {
    "spec": (SPEC, {lang: "1 ms (MPRT)" for lang in SPEC}),
    "price": (PRICE, {lang: "299" for lang in PRICE}),
    "stock": (STOCK, {"en": "in stock", "zh": "有货", "es": "en stock", "fr": "en stock", "de": "auf Lager",
                      "it": "disponibile", "pt": "em estoque", "nl": "op voorraad", "pl": "dostępny", "ru": "в наличии",
                      "tr": "stokta var", "ar": "متوفر", "ja": "在庫あり", "ko": "재고 있음"}),
    "return_window": (RETURN, {lang: "30" for lang in RETURN}),
    "damaged": (DAMAGED, {lang: "7" for lang in DAMAGED}),
}


@pytest.mark.parametrize("kind", list(PER_LANGUAGE))
def test_each_structured_question_is_answered_from_data_in_every_language(chat_services, openai_fake, kind) -> None:
    questions, values = PER_LANGUAGE[kind]
    chat = chat_services().buyer_chat
    failures = {}
    for language, question in questions.items():
        reply = chat.reply(chat.new_session(language), question)
        if not (reply.done and reply.done.source == "facts" and values[language] in reply.text and reply.citations):
            failures[language] = (reply.done and reply.done.source, reply.text[:100])
        if kind == "damaged" and "Return / refund" not in reply.text:
            failures[language] = ("no claim form", reply.text[:100])
    assert set(questions) == {"en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko"}
    assert failures == {}
    assert openai_fake.requests == []


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


def test_without_a_model_the_fallback_states_facts_in_the_buyers_language_not_raw_chunks(make_services) -> None:
    chat = make_services(chat_model=None).buyer_chat
    reply = chat.reply(chat.new_session("de"), "Erzählen Sie mir bitte etwas über den Monitor PP-156-FHD")
    assert reply.done is not None and reply.done.source == "fallback"
    first_line = reply.text.splitlines()[0]
    assert "119,00" in first_line and "auf Lager" in first_line  # Babel's German money, the localized stock word
    assert "Category:" not in reply.text and "Price:" not in reply.text and "Availability:" not in reply.text
    assert first_line.count(".") <= 3 + first_line.count(",00")  # at most three short sentences
