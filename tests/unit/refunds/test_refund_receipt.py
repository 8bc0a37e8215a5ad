"""The decision receipt is written by code from the stored decision: outcome, reason, clause and amount."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.services.refunds.receipt import receipt_text
from app.services.refunds.receipt_texts import LABELS, OUTCOMES, REASONS
from app.store.decisions import StoredDecision
from app.store.refunds import RefundCaseRecord

pytestmark = pytest.mark.unit

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def case(status: str = "resolved", language: str = "de", reason: str = "changed_mind") -> RefundCaseRecord:
    return RefundCaseRecord(
        id="c1", order_no="SHOP-77", buyer_email="a@b.example", country_code="DE", currency="EUR", product_id=None,
        reason=reason, description="", language=language, status=status, item_value=Decimal("80"),
        total_paid=Decimal("1234.5"), proposed_outcome=None, proposed_amount=None, suggested_outcome=None,
        final_outcome=None, final_amount=None, resolved_at=None, created_at=WHEN,
    )  # fmt: skip


def decision(outcome: str, amount: str, by: str, rules: list[dict[str, str]], did: int = 1) -> StoredDecision:
    return StoredDecision(
        id=did, case_kind="refund", case_id="c1", outcome=outcome, amount=Decimal(amount), currency="EUR",
        rules_fired=rules, inputs={}, policy_version="v1", decided_by=by, note=None, created_at=WHEN,
    )  # fmt: skip


ENGINE = decision("partial_refund_no_return", "1234.50", "policy-engine",
                  [{"code": "returnless", "description": "Return label costs more than 30%.",
                    "clause": "Partial refund without return"}])  # fmt: skip


def test_every_language_has_every_label_outcome_and_reason() -> None:
    for table in (LABELS, OUTCOMES, REASONS):
        assert set(table) == set(LABELS)
        for language in table:
            assert set(table[language]) == set(table["en"]), language


def test_engine_decision_in_german_with_clause_and_money_format() -> None:
    text = receipt_text(case(), [ENGINE], "de").splitlines()
    assert text == [
        "Entscheidungsbeleg — Reklamation c1 · Bestellung SHOP-77",
        "Entscheidung: Teilerstattung ohne Rücksendung",
        "Betrag: 1.234,50\xa0€",
        "Grund: Meinung geändert; nach den Regeln unserer Erstattungsrichtlinie entschieden",
        "Richtlinienabschnitt: “Partial refund without return”",
        "Entschieden am: 2026-11-20",
    ]


def test_merchant_approval_keeps_the_clause_the_engine_applied_and_english_names_the_rules() -> None:
    approved = decision("partial_refund_no_return", "1234.50", "lee",
                        [{"code": "merchant_approve", "description": "Decided by lee."}], did=2)  # fmt: skip
    text = receipt_text(case(), [ENGINE, approved], "en")
    assert "Policy clause: “Partial refund without return”" in text
    assert "decided by our team under our refund policy" in text
    assert text.endswith("Rules applied: Decided by lee.")


def test_return_never_arrived_reads_as_closed_with_zero() -> None:
    closed = decision("return_for_refund", "0", "lee", [{"code": "return_not_received", "description": "x"}])
    text = receipt_text(case(status="closed_no_return", language="ja"), [closed], "ja")
    assert "決定: 終了：返品された商品が届きませんでした" in text
    assert "金額: €0.00" in text
