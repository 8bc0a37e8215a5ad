"""A buyer who says they will go to their bank / card issuer / PayPal is dispute risk, in all 14 languages; the
reply opens the shop's claim route and promises no money."""

from __future__ import annotations

import pytest

from app.services.chat import intents, reply_checks
from app.services.chat.dispute import DISPUTE_REPLY, dispute_reply

pytestmark = pytest.mark.unit

LANGUAGES = ("en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko")

THREATS = [
    ("en", "If you don't fix this I will file a chargeback for order PP-261112"),
    ("en", "I'm going to call my bank and dispute the charge."),
    ("en", "I'll open a PayPal claim today"),
    ("zh", "再不处理我就联系银行申请拒付"),
    ("es", "Voy a llamar a mi banco y pedir un contracargo"),
    ("fr", "Je vais contacter ma banque pour contester le paiement"),
    ("de", "Ich werde meine Bank anrufen und die Zahlung zurückbuchen lassen"),
    ("it", "Chiamerò la mia banca per contestare l'addebito"),
    ("pt", "Vou ligar para o meu banco e contestar a compra"),
    ("nl", "Ik ga mijn bank bellen voor een terugboeking"),
    ("pl", "Zadzwonię do banku i zrobię obciążenie zwrotne"),
    ("ru", "Я позвоню в банк и оспорю платеж"),
    ("tr", "Bankamı arayacağım ve ödemeye itiraz edeceğim"),
    ("ar", "سأتصل بالبنك وأطلب الاعتراض على الدفع"),
    ("ja", "カード会社に連絡してチャージバックします"),
    ("ko", "카드사에 이의 제기하고 차지백 신청할 거예요"),
]

NOT_THREATS = [
    "I want a refund for order PP-261112",
    "Can I pay with PayPal?",
    "Does the bank transfer option work for Germany?",
    "Quiero devolver el monitor",
    "環境に優しい梱包ですか？",
    "이 모니터는 은행 창구에서도 살 수 있나요?",
]


def test_the_threat_list_covers_every_language() -> None:
    assert {language for language, _ in THREATS} == set(LANGUAGES)


@pytest.mark.parametrize(("language", "text"), THREATS)
def test_threat_to_dispute_is_routed_as_dispute_risk(language: str, text: str) -> None:
    result = intents.classify(text)
    assert result.intent == "dispute_risk", (language, text, result)


def test_dispute_risk_outranks_anger() -> None:
    assert intents.classify("You are thieves, I will call my bank!").intent == "dispute_risk"


@pytest.mark.parametrize("text", NOT_THREATS)
def test_ordinary_messages_are_not_dispute_risk(text: str) -> None:
    assert intents.classify(text).intent != "dispute_risk"


def test_order_number_is_kept_with_the_threat() -> None:
    assert intents.classify("I will file a chargeback for PP-261112").order_no == "PP-261112"


@pytest.mark.parametrize("language", LANGUAGES)
def test_reply_points_to_the_claim_form_and_promises_no_money(language: str) -> None:
    text = dispute_reply(language)
    assert text == DISPUTE_REPLY[language]
    assert "Return / refund" in text
    assert reply_checks.promises_in(text) == []


def test_unknown_language_gets_english() -> None:
    assert dispute_reply("xx") == DISPUTE_REPLY["en"]
