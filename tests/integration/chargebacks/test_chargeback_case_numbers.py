"""Chargeback case numbers on real SQLite: CB-000001… in order of intake (a rejected row takes no number), and a case
opened by its number as well as by the network's dispute id."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.errors import NotFoundError
from tests.integration.chargebacks.conftest import ChargebackEnv

pytestmark = pytest.mark.integration

CSV = (
    "case_id,network,reason_code,amount,currency,dispute_date,order_no,claim_text\n"
    "V-1,visa,13.1,229.00,USD,2026-10-27,PP-260921,never arrived\n"
    "BAD,visa,13.1,lots,USD,2026-11-01,PP-260921,\n"
    "45,amex,C08,299.00,USD,2026-11-10,PP-261002,not received\n"
)


def test_chargebacks_are_numbered_and_opened_by_number_or_dispute_id(
    chargeback_env: Callable[..., ChargebackEnv],
) -> None:
    env = chargeback_env()
    report = env.service.import_notices(CSV.encode(), "notices.csv")
    assert report.created == ["V-1", "45"]
    assert env.service.get("V-1").number == "CB-000001"
    assert env.service.get("CB-000002").case_id == "45"
    assert env.service.get("cb1").case_id == "V-1"
    # A dispute id that looks like a number still means that dispute first.
    assert env.service.get("45").number == "CB-000002"
    assert env.service.get("1").case_id == "V-1"
    with pytest.raises(NotFoundError):
        env.service.get("CB-000003")
    with pytest.raises(NotFoundError):
        env.service.get("R-000001")
    recorded = env.service.record_outcome("CB-000001", "won")
    assert recorded.status == "won" and recorded.number == "CB-000001"
    assert [row.case.number for row in env.service.queue(include_closed=True)] == ["CB-000001", "CB-000002"]
