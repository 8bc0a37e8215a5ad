"""The refund case aggregate without a database: the transition table, and what each command changes and writes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from app.domain.refund_case import (
    TRANSITIONS,
    NegotiationStep,
    RefundCase,
    RefundCaseRecord,
    next_status,
)
from app.domain.refunds import CASE_STATUSES, PolicyDecision, RuleHit
from app.errors import CaseTransitionError, InvalidInputError

NOW = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)


class Texts:
    """A phrasebook that shows which template and amount were used."""

    def message(self, key: str, amount: Decimal | None = None) -> str:
        return f"{key}:{amount}" if amount is not None else key

    def offer(self, outcome: str, reason: str, amount: Decimal, percent: Decimal) -> str:
        return f"offer:{outcome}:{amount}:{percent}"

    def money(self, amount: Decimal) -> str:
        return f"{amount} USD"


def record(**fields: Any) -> RefundCaseRecord:
    base: dict[str, Any] = dict(
        id="c1", order_no="PP-1", buyer_email="b@example.org", country_code="BR", currency="USD", product_id=None,
        reason="damaged", description="", language="pt", status="new", item_value=Decimal("169.00"),
        total_paid=Decimal("187.00"), proposed_outcome=None, proposed_amount=None, suggested_outcome=None,
        final_outcome=None, final_amount=None, resolved_at=None, created_at=NOW,
    )  # fmt: skip
    return RefundCaseRecord(**{**base, **fields})


def case(refundable: str = "187.00", steps: tuple[NegotiationStep, ...] = (), **fields: Any) -> RefundCase:
    return RefundCase(record=record(**fields), steps=steps, refundable=Decimal(refundable), texts=Texts())


def step(name: str, outcome: str | None = None, amount: str | None = None) -> NegotiationStep:
    return NegotiationStep(name, "x", outcome, Decimal(amount) if amount else None, "USD", "pt", "", NOW)


def decision(outcome: str, amount: str) -> PolicyDecision:
    return PolicyDecision(outcome=outcome, amount=Decimal(amount), percent=Decimal("50"), currency="USD",  # type: ignore[arg-type]
                          rules_fired=[RuleHit(code="r", description="d")], reasons=[])  # fmt: skip


# -- the table -----------------------------------------------------------------------------------------------------


def test_the_table_only_names_known_statuses_and_closed_cases_have_no_way_out() -> None:
    for (status, _event), target in TRANSITIONS.items():
        assert status in CASE_STATUSES and target in CASE_STATUSES
    leaving = {status for (status, _event) in TRANSITIONS}
    assert leaving.isdisjoint({"resolved", "rejected", "closed_no_return"})


@pytest.mark.parametrize(
    ("status", "event", "message"),
    [
        ("resolved", "merchant_settle", "already decided"),
        ("awaiting_return", "merchant_reject", "already decided"),
        ("new", "merchant_settle", "no proposal yet"),
        ("review", "buyer_accept", "no longer open"),
        ("offered", "offer", "This claim is offered; a new proposal is not possible"),
        ("review", "return_received", "not waiting for a returned item"),
        ("rejected", "close_unreturned", "already decided"),
        ("offered", "add_evidence", "evidence can no longer be added"),
    ],
)
def test_an_illegal_transition_is_one_error_with_a_message_for_the_person(status: str, event: str, message: str) -> None:
    with pytest.raises(CaseTransitionError, match=message):
        next_status(status, event)  # type: ignore[arg-type]


def test_a_transition_error_is_an_invalid_request() -> None:
    assert issubclass(CaseTransitionError, InvalidInputError)  # the UI and API answer it as a 4xx, never a 500


# -- commands ------------------------------------------------------------------------------------------------------


def test_an_offerable_proposal_is_offered_and_writes_decision_step_and_audit() -> None:
    aggregate = case()
    aggregate.propose(decision("partial_refund_no_return", "84.50"), {"claim": {}}, "2026-09-01")
    assert aggregate.current.status == "offered" and aggregate.current.proposed_amount == Decimal("84.50")
    assert [s.step for s in aggregate.new_steps] == ["offer"]
    assert [(d.outcome, d.amount, d.policy_version) for d in aggregate.new_decisions] == [
        ("partial_refund_no_return", Decimal("84.50"), "2026-09-01")
    ]
    assert [a.action for a in aggregate.new_audit] == ["offer_sent"]
    assert aggregate.reply == "offer:partial_refund_no_return:84.50:50"
    assert aggregate.record.status == "new", "the loaded record is what the save compares against"


def test_an_escalation_goes_to_review_without_an_offer() -> None:
    aggregate = case()
    aggregate.propose(decision("escalate", "0"), {}, "v")
    assert aggregate.current.status == "review" and aggregate.new_audit[0].action == "sent_to_review"


def test_accepting_a_return_waits_for_the_item_with_no_money_decision() -> None:
    aggregate = case(status="offered", proposed_outcome="return_for_refund", proposed_amount=Decimal("187.00"))
    aggregate.accept_offer(NOW, "v")
    assert aggregate.current.status == "awaiting_return" and aggregate.current.final_amount is None
    assert aggregate.new_decisions == [] and not aggregate.wants_receipt


def test_accepting_a_partial_refund_settles_with_a_receipt() -> None:
    aggregate = case(status="offered", proposed_outcome="partial_refund_no_return", proposed_amount=Decimal("84.50"))
    aggregate.accept_offer(NOW, "v")
    assert (aggregate.current.status, aggregate.current.final_amount) == ("resolved", Decimal("84.50"))
    assert [d.decided_by for d in aggregate.new_decisions] == ["buyer"] and aggregate.wants_receipt
    assert [s.step for s in aggregate.new_steps] == ["accept"]


def test_a_counter_within_the_bound_is_agreed_and_beyond_it_goes_to_a_person() -> None:
    offered = dict(status="offered", proposed_outcome="partial_refund_no_return", proposed_amount=Decimal("84.50"))
    agreed = case(**offered)
    agreed.counter(Decimal("90"), "90", Decimal("101.40"), NOW, "v")
    assert agreed.current.status == "resolved" and [s.step for s in agreed.new_steps] == ["counter", "counter_accepted"]
    asked = case(**offered)
    asked.counter(Decimal("120"), "120", Decimal("101.40"), NOW, "v")
    assert asked.current.status == "review" and asked.new_decisions == []
    assert [s.step for s in asked.new_steps] == ["counter", "counter_escalated"]
    at_bound, cent_above = case(**offered), case(**offered)
    at_bound.counter(Decimal("101.40"), "101.40", Decimal("101.40"), NOW, "v")
    cent_above.counter(Decimal("101.41"), "101.41", Decimal("101.40"), NOW, "v")
    assert (at_bound.current.status, cent_above.current.status) == ("resolved", "review")
    with pytest.raises(InvalidInputError, match=r"at most what you paid \(187.00 USD\)"):
        case(**offered).counter(Decimal("200"), "200", Decimal("101.40"), NOW, "v")
    with pytest.raises(InvalidInputError, match="partial refunds only"):
        case(status="offered", proposed_outcome="replacement").check_counter()


def test_merchant_approve_grants_the_escalated_counter_capped_at_what_is_left() -> None:
    steps = (step("offer", "partial_refund_no_return", "84.50"), step("counter_escalated", "partial_refund_no_return", "120"))
    aggregate = case(refundable="100.00", steps=steps, status="review", proposed_outcome="partial_refund_no_return",
                     proposed_amount=Decimal("84.50"))  # fmt: skip
    aggregate.merchant_decide("ana", "approve", None, None, NOW)
    assert (aggregate.current.status, aggregate.current.final_amount) == ("resolved", Decimal("100.00"))
    assert aggregate.new_audit[0].detail["status"] == "resolved"


def test_merchant_reject_needs_a_note_and_changes_nothing_without_one() -> None:
    aggregate = case(status="review", proposed_outcome="escalate")
    with pytest.raises(InvalidInputError, match="note"):
        aggregate.merchant_decide("ana", "reject", None, "  ", NOW)
    assert aggregate.changes == {} and aggregate.new_steps == [] and aggregate.new_audit == []


def test_the_returned_item_settles_the_agreed_amount_and_an_unreturned_one_closes_with_nothing() -> None:
    steps = (step("offer", "return_for_refund", "187.00"), step("merchant_edit", "return_for_refund", "150.00"))
    received = case(steps=steps, status="awaiting_return", proposed_outcome="return_for_refund",
                    proposed_amount=Decimal("187.00"))  # fmt: skip
    received.return_received("lee", NOW)
    assert (received.current.status, received.current.final_amount) == ("resolved", Decimal("150.00"))
    closed = case(steps=steps, status="awaiting_return", proposed_outcome="return_for_refund")
    closed.close_unreturned("lee", "no tracking after 30 days", NOW)
    assert (closed.current.status, closed.current.final_amount) == ("closed_no_return", Decimal("0"))
    assert closed.new_decisions[0].inputs["agreed_amount"] == "150.00"
