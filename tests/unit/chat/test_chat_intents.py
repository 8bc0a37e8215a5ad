"""Deterministic routing before generation, across the shop's languages."""

from __future__ import annotations

import pytest

from app.services.chat import intents

pytestmark = pytest.mark.unit

CASES = [
    ("I want to talk to a human", "human"),
    ("¿Puedo hablar con un agente?", "human"),
    ("Je voudrais parler à un conseiller", "human"),
    ("Ich möchte mit einem Mitarbeiter sprechen", "human"),
    ("상담원 연결해 주세요", "human"),
    ("转人工", "human"),
    ("担当者と話したいです", "human"),
    ("أريد التحدث مع موظف", "human"),
    ("I want a refund for order PP-261112", "refund_request"),
    ("Quiero devolver el monitor", "refund_request"),
    ("환불해 주세요", "refund_request"),
    ("返品したいです", "refund_request"),
    ("Ich möchte eine Rückerstattung", "refund_request"),
    ("What is your return policy?", "product_question"),
    ("¿Cuál es la política de devoluciones?", "product_question"),
    ("Where is my order?", "order_status"),
    ("PP-261112 camille.martin@example.org", "order_status"),
    ("Où est ma commande ?", "order_status"),
    ("내 주문 어디쯤 왔나요?", "order_status"),
    ("Siparişim nerede?", "order_status"),
    ("How long does shipping to Korea take?", "shipping"),
    ("¿Cuánto cuesta el envío a España?", "shipping"),
    ("한국까지 배송 기간은?", "shipping"),
    ("Does the 15.6 inch monitor work with a Switch?", "product_question"),
    ("This is a SCAM, you are thieves", "abuse"),
    ("WHERE IS MY MONEY YOU PEOPLE!!!", "abuse"),
    ("Sois unos estafadores", "abuse"),
]


@pytest.mark.parametrize(("text", "intent"), CASES)
def test_rules_route_messages(text: str, intent: str) -> None:
    assert intents.classify(text).intent == intent


def test_order_number_and_email_are_extracted_in_canonical_form() -> None:
    result = intents.classify("my order is #pp 261112, email Camille.Martin@Example.org")
    assert (result.order_no, result.email) == ("PP-261112", "camille.martin@example.org")


def test_abuse_wins_over_a_refund_request() -> None:
    # An angry buyer goes to a person even when they also ask for money back.
    assert intents.classify("Refund me now, you scammers").intent == "abuse"
