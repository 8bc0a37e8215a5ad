"""Deadlines: network window from the dispute date, days left, urgent within 3 days, the acquirer's date wins."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.chargebacks import ChargebackNotice, Network
from app.services.chargebacks.catalog import ReasonCodeCatalog
from app.services.chargebacks.deadline import compute_deadline

pytestmark = pytest.mark.unit
CATALOG = ReasonCodeCatalog.load()


def _notice(network: Network, code: str, dispute: date, respond_by: date | None = None) -> ChargebackNotice:
    return ChargebackNotice(case_id="CB", network=network, reason_code=code, amount=Decimal("10.00"), currency="USD",
                            dispute_date=dispute, order_no="PP-1", respond_by=respond_by)


@pytest.mark.parametrize(("network", "code", "due"), [
    ("visa", "13.1", date(2026, 12, 1)), ("mastercard", "4853", date(2026, 12, 16)),
    ("amex", "C08", date(2026, 11, 21)), ("discover", "RG", date(2026, 12, 1)),
])
def test_due_date_follows_the_network_window(network: Network, code: str, due: date) -> None:
    reason = CATALOG.lookup(code, network).reason
    deadline = compute_deadline(_notice(network, code, date(2026, 11, 1)), reason, today=date(2026, 11, 1))
    assert deadline.due_date == due
    assert deadline.days_left == (due - date(2026, 11, 1)).days


@pytest.mark.parametrize(("today", "urgent", "overdue", "flag"), [
    (date(2026, 11, 27), False, False, ""),        # 4 days left
    (date(2026, 11, 28), True, False, "URGENT"),   # 3 days left
    (date(2026, 12, 1), True, False, "URGENT"),    # due today
    (date(2026, 12, 2), False, True, "OVERDUE"),
])
def test_urgent_within_three_days_and_overdue_after(today: date, urgent: bool, overdue: bool, flag: str) -> None:
    reason = CATALOG.lookup("13.1").reason
    deadline = compute_deadline(_notice("visa", "13.1", date(2026, 11, 1)), reason, today=today)
    assert (deadline.urgent, deadline.overdue, deadline.flag) == (urgent, overdue, flag)


def test_the_acquirers_own_due_date_wins() -> None:
    reason = CATALOG.lookup("4853").reason
    notice = _notice("mastercard", "4853", date(2026, 11, 1), respond_by=date(2026, 11, 10))
    deadline = compute_deadline(notice, reason, today=date(2026, 11, 8))
    assert deadline.due_date == date(2026, 11, 10) and deadline.days_left == 2 and deadline.urgent
    assert "acquirer" in deadline.rule
