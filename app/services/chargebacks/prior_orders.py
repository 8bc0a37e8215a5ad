"""Earlier undisputed orders of the same buyer, and the Visa Compelling Evidence 3.0 qualification check.

CE 3.0 (Visa, April 2023; reason code 10.4 only): at least two prior transactions on the same payment credential,
undisputed and not reported as fraud, processed 120–365 days before the dispute date, each sharing at least two of
these data elements with the disputed transaction — user/account ID, IP address, device ID, shipping address — of
which at least one is the IP address or the device ID.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.orders import Order

CE3_MIN_AGE_DAYS = 120
CE3_MAX_AGE_DAYS = 365
CE3_MIN_TRANSACTIONS = 2
ELEMENT_NAMES = {"user_id": "account email", "ip": "IP address", "device": "device ID", "address": "shipping address"}


@dataclass(frozen=True)
class PriorOrder:
    order_no: str
    order_date: date
    amount: Decimal
    currency: str
    age_days: int  # days before the dispute date
    same_card: bool
    matched: tuple[str, ...]  # keys of ELEMENT_NAMES shared with the disputed order

    @property
    def matched_names(self) -> str:
        return ", ".join(ELEMENT_NAMES[key] for key in self.matched) or "none"


@dataclass(frozen=True)
class Ce3Check:
    prior: tuple[PriorOrder, ...]
    qualifying: tuple[PriorOrder, ...]
    reasons: tuple[str, ...]

    @property
    def qualified(self) -> bool:
        return len(self.qualifying) >= CE3_MIN_TRANSACTIONS


def _address_key(order: Order) -> tuple[str, ...] | None:
    address = order.shipping_address
    if address is None:
        return None
    return tuple(" ".join(part.lower().split()) for part in (address.line1, address.postal_code, address.country_code))


def _matched_elements(disputed: Order, prior: Order) -> tuple[str, ...]:
    a, b = disputed.payment, prior.payment
    matched = []
    if disputed.buyer_email.strip().lower() == prior.buyer_email.strip().lower():
        matched.append("user_id")
    if a.ip_address and a.ip_address == b.ip_address:
        matched.append("ip")
    if a.device_id and a.device_id == b.device_id:
        matched.append("device")
    if _address_key(disputed) is not None and _address_key(disputed) == _address_key(prior):
        matched.append("address")
    return tuple(matched)


def _same_card(disputed: Order, prior: Order) -> bool:
    a, b = disputed.payment, prior.payment
    return bool(a.card_last4) and a.card_last4 == b.card_last4 and (a.card_brand or "") == (b.card_brand or "")


def prior_undisputed_orders(
    disputed: Order, buyer_orders: Iterable[Order], disputed_order_nos: set[str], dispute_date: date
) -> list[PriorOrder]:
    """Orders of the same buyer placed before the disputed one and never charged back, oldest first."""
    prior = []
    email = disputed.buyer_email.strip().lower()
    for order in buyer_orders:
        if order.buyer_email.strip().lower() != email:
            continue
        if order.order_no == disputed.order_no or order.order_no in disputed_order_nos:
            continue
        if order.created_at >= disputed.created_at:
            continue
        prior.append(
            PriorOrder(
                order_no=order.order_no,
                order_date=order.created_at.date(),
                amount=order.total_paid,
                currency=order.currency,
                age_days=(dispute_date - order.created_at.date()).days,
                same_card=_same_card(disputed, order),
                matched=_matched_elements(disputed, order),
            )
        )
    return sorted(prior, key=lambda p: p.order_date)


def _disqualification(order: PriorOrder) -> str | None:
    if not CE3_MIN_AGE_DAYS <= order.age_days <= CE3_MAX_AGE_DAYS:
        return (
            f"{order.order_no} was placed {order.age_days} days before the dispute "
            f"(must be {CE3_MIN_AGE_DAYS}–{CE3_MAX_AGE_DAYS})"
        )
    if not order.same_card:
        return f"{order.order_no} was paid with a different card"
    if len(order.matched) < 2:
        return f"{order.order_no} shares only {order.matched_names} with the disputed order (2 elements needed)"
    if not {"ip", "device"} & set(order.matched):
        return f"{order.order_no} shares neither the IP address nor the device ID"
    return None


def check_ce3(prior: list[PriorOrder]) -> Ce3Check:
    qualifying = []
    reasons = []
    for order in prior:
        problem = _disqualification(order)
        if problem is None:
            qualifying.append(order)
        else:
            reasons.append(problem)
    if len(qualifying) < CE3_MIN_TRANSACTIONS:
        reasons.insert(
            0,
            f"{len(qualifying)} qualifying prior undisputed order(s); Visa CE 3.0 needs {CE3_MIN_TRANSACTIONS}",
        )
    return Ce3Check(prior=tuple(prior), qualifying=tuple(qualifying), reasons=tuple(reasons))
