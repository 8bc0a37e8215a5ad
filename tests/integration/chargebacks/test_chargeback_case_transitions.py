"""A chargeback outcome is one transition of the case, saved with its decision and audit entry in one transaction
(real SQLite): a failure between the writes leaves the case open with no decision, and a closed case stays closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import CaseTransitionError
from app.store.chargeback_tables import ChargebackCaseRow
from tests.integration.chargebacks.conftest import ChargebackEnv

pytestmark = pytest.mark.integration

NOTICE = {"case_id": "V-9", "reason_code": "13.1", "amount": "229.00", "dispute_date": "2026-11-20",
          "order_no": "PP-260921"}  # fmt: skip


def trail(env: ChargebackEnv, case_id: str) -> tuple[Any, ...]:
    return (
        env.service.get(case_id).status,
        env.decisions.for_case("chargeback", case_id),
        env.audit.for_case("chargeback", case_id),
    )


def test_an_outcome_whose_audit_write_fails_leaves_the_case_untouched(
    chargeback_env: Callable[..., ChargebackEnv], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = chargeback_env()
    env.service.create(NOTICE)
    before = trail(env, "V-9")
    seen_inside: list[str] = []

    def fail(session: Any, *args: Any, **kwargs: Any) -> None:
        seen_inside.append(session.scalar(select(ChargebackCaseRow.status).where(ChargebackCaseRow.case_id == "V-9")))
        raise OSError("no space left on device")

    monkeypatch.setattr(env.audit, "add", fail)
    with pytest.raises(OSError):
        env.service.record_outcome("V-9", "won", actor="ana")
    assert seen_inside == ["won"], "the status was already written in the transaction when the audit failed"
    assert trail(env, "V-9") == before == ("open", [], before[2])
    assert env.service.win_rates() == [], "no half-recorded win in the win rate"

    monkeypatch.undo()
    assert env.service.record_outcome("V-9", "won", actor="ana").status == "won"
    status, decisions, audit = trail(env, "V-9")
    assert [d.outcome for d in decisions] == ["won"] and [a.action for a in audit] == ["created", "outcome_recorded"]


def test_a_closed_case_is_not_decided_again(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.create(NOTICE)
    env.service.record_outcome("V-9", "lost", actor="ana")
    with pytest.raises(CaseTransitionError, match="already closed as lost"):
        env.service.record_outcome("V-9", "won", actor="lee")
    status, decisions, _audit = trail(env, "V-9")
    assert status == "lost" and [d.decided_by for d in decisions] == ["ana"]


def test_a_rebuttal_whose_audit_write_fails_leaves_the_case_open(
    chargeback_env: Callable[..., ChargebackEnv], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = chargeback_env()
    env.service.create(NOTICE)
    before = trail(env, "V-9")

    def fail(session: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(env.audit, "add", fail)
    with pytest.raises(OSError):
        env.service.generate("V-9", use_model=False)
    assert trail(env, "V-9") == before, "still open, no 'rebuttal_generated' entry"
    monkeypatch.undo()
    env.service.generate("V-9", use_model=False)
    assert trail(env, "V-9")[0] == "responded"
    assert [a.action for a in trail(env, "V-9")[2]] == ["created", "rebuttal_generated"]
