"""The chargeback case aggregate without a database: the transition table and what an outcome writes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.chargeback_case import TRANSITIONS, ChargebackCaseState, next_status
from app.domain.chargebacks import OUTCOMES
from app.errors import CaseTransitionError, InvalidInputError


def test_open_and_responded_cases_close_with_any_outcome_and_a_closed_one_has_no_way_out() -> None:
    for status in ("open", "responded"):
        for outcome in OUTCOMES:
            assert next_status(status, outcome) == outcome  # type: ignore[arg-type]
    assert next_status("open", "respond") == "responded"
    assert not any(status in OUTCOMES for status, _event in TRANSITIONS)
    with pytest.raises(CaseTransitionError, match="already closed as won"):
        next_status("won", "lost")


def test_an_outcome_writes_one_decision_with_its_inputs_and_one_audit_entry() -> None:
    state = ChargebackCaseState("V-1", "responded", Decimal("229.00"), "USD")
    state.record_outcome("won", actor="ana", note="issuer reversed", rules_fired=["Visa 13.1"], inputs={"x": 1})
    assert state.new_status == "won"
    [decision] = state.decisions
    assert (decision.outcome, decision.amount, decision.decided_by, decision.note) == (
        "won", Decimal("229.00"), "ana", "issuer reversed",
    )
    assert decision.inputs == {"x": 1, "previous_status": "responded"}
    assert [(a.action, a.detail["outcome"]) for a in state.audit] == [("outcome_recorded", "won")]


def test_an_unknown_outcome_is_refused_before_anything_changes() -> None:
    state = ChargebackCaseState("V-1", "open", Decimal("1"), "USD")
    with pytest.raises(InvalidInputError, match="won, lost, accepted"):
        state.record_outcome("maybe", actor="ana", note="", rules_fired=[], inputs={})
    assert state.new_status is None and state.decisions == [] and state.audit == []


def test_a_rebuttal_moves_an_open_case_to_responded_and_leaves_a_closed_one_closed() -> None:
    opened = ChargebackCaseState("V-1", "open", Decimal("1"), "USD")
    opened.respond("ana", {"path": "x.docx"})
    assert opened.new_status == "responded" and [a.action for a in opened.audit] == ["rebuttal_generated"]
    closed = ChargebackCaseState("V-1", "won", Decimal("1"), "USD")
    closed.respond("ana", {})
    assert closed.new_status is None and len(closed.audit) == 1
