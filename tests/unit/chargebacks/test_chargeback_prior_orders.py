"""Visa Compelling Evidence 3.0: 2+ prior undisputed orders, same card, 120–365 days old, IP or device shared."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.orders import Order
from app.services.chargebacks.prior_orders import check_ce3, prior_undisputed_orders
from app.store.orders import load_orders_file

pytestmark = pytest.mark.unit

ORDERS = {o.order_no: o for o in load_orders_file(Path(__file__).resolve().parents[3] / "knowledge/corpus/orders.json")}
DISPUTED = ORDERS["PP-261015"]  # Lukas Becker, Mastercard, same IP/device as PP-260904
DISPUTE_DATE = date(2026, 11, 20)


def _earlier(days_before_dispute: int, order_no: str, **payment: str) -> Order:
    created = datetime.combine(DISPUTE_DATE - timedelta(days=days_before_dispute), datetime.min.time(), tzinfo=UTC)
    base = ORDERS["PP-260904"]
    return base.model_copy(update={
        "order_no": order_no, "created_at": created,
        "payment": base.payment.model_copy(update={"card_last4": DISPUTED.payment.card_last4, **payment}),
    })


def test_demo_buyer_has_one_prior_undisputed_order_too_recent_for_ce3() -> None:
    prior = prior_undisputed_orders(DISPUTED, list(ORDERS.values()), set(), DISPUTE_DATE)
    assert [p.order_no for p in prior] == ["PP-260904"]
    assert set(prior[0].matched) >= {"user_id", "ip", "device", "address"}
    check = check_ce3(prior)
    assert not check.qualified
    assert any("77 days before the dispute" in reason for reason in check.reasons), check.reasons
    assert check.reasons[0].startswith("0 qualifying")


def test_two_old_enough_orders_sharing_ip_and_device_qualify() -> None:
    history = [_earlier(130, "PP-OLD1"), _earlier(300, "PP-OLD2"), DISPUTED]
    check = check_ce3(prior_undisputed_orders(DISPUTED, history, set(), DISPUTE_DATE))
    assert check.qualified
    assert [p.order_no for p in check.qualifying] == ["PP-OLD2", "PP-OLD1"]


@pytest.mark.parametrize(("orders", "why"), [
    (lambda: [_earlier(130, "A"), _earlier(366, "B")], "366 days"),
    (lambda: [_earlier(130, "A"), _earlier(119, "B")], "119 days"),
    (lambda: [_earlier(130, "A"), _earlier(200, "B", card_last4="9999")], "different card"),
    (lambda: [_earlier(130, "A"), _earlier(200, "B", ip_address="1.2.3.4", device_id="dev-other")], "neither"),
])
def test_ce3_refuses_orders_outside_the_rules(orders, why: str) -> None:  # type: ignore[no-untyped-def]
    check = check_ce3(prior_undisputed_orders(DISPUTED, [*orders(), DISPUTED], set(), DISPUTE_DATE))
    assert not check.qualified
    assert any(why in reason for reason in check.reasons), check.reasons


def test_disputed_and_later_orders_are_not_prior_undisputed_orders() -> None:
    history = [_earlier(130, "A"), _earlier(200, "B"), _earlier(10, "LATER").model_copy(
        update={"created_at": DISPUTED.created_at + timedelta(days=1)}), DISPUTED]
    prior = prior_undisputed_orders(DISPUTED, history, {"B"}, DISPUTE_DATE)
    assert [p.order_no for p in prior] == ["A"]
