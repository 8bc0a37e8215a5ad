"""Stripe Dispute objects (as the API returns them: a list, or `{"object": "list", "data": [...]}`) into cases.

The order is found from the metadata the shop put on the dispute, its charge or payment intent (order_id,
order_number…) or an "Order 1234" description, else by the payment itself (the charge / payment intent id stored on
the order by the import or the API). A dispute whose order is still not found waits in a list until the merchant
matches it by hand; orders with the same amount, currency, date and (when Stripe has it) email are suggested there,
never linked without the merchant. Amounts are in the currency's smallest unit, by Stripe's own table of decimals.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.domain.money import minor_unit_exponent
from app.errors import InvalidInputError, NotFoundError
from app.services.chargebacks.catalog import normalise_network
from app.services.chargebacks.intake import IntakeResult
from app.services.chargebacks.service import ChargebackService
from app.store.chargebacks import ChargebackRepository
from app.store.orders import OrderRepository
from app.store.pending_disputes import PendingDispute, PendingDisputeRepository

MAX_FILE_BYTES = 10_000_000
# https://docs.stripe.com/currencies: zero-decimal currencies, and three-decimal ones (last digit always 0).
# ISK and UGX are zero-decimal in ISO but Stripe keeps them as two-decimal amounts, so they use the default 2.
STRIPE_ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF", "XOF", "XPF"}
)
STRIPE_THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
# Disputes Stripe has closed need no defense: they are reported, not opened as cases.
CLOSED = frozenset({"won", "lost", "warning_closed", "charge_refunded", "prevented"})
ORDER_KEYS = ("order_no", "order_number", "order_id", "order", "orderid", "order_ref", "woocommerce_order_id")
_DESCRIPTION_ORDER = re.compile(r"\border\s*(?:no\.?|number|#)?\s*#?\s*([A-Za-z0-9][A-Za-z0-9\-_]{0,63})", re.I)


class _Card(BaseModel):
    model_config = ConfigDict(extra="ignore")
    brand: str | None = None
    network_reason_code: str | None = None


class _MethodDetails(BaseModel):
    model_config = ConfigDict(extra="ignore")
    card: _Card | None = None


class _EvidenceDetails(BaseModel):
    model_config = ConfigDict(extra="ignore")
    due_by: int | None = None


class StripeDispute(BaseModel):
    """The fields of a Stripe Dispute that a case needs; everything else Stripe sends is ignored."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=3, max_length=64)
    amount: int = Field(gt=0)
    currency: str = Field(min_length=3, max_length=3)
    created: int
    reason: str = "general"
    status: str = "needs_response"
    network_reason_code: str | None = None
    evidence_details: _EvidenceDetails = Field(default_factory=_EvidenceDetails)
    charge: str | dict[str, Any] | None = None
    payment_intent: str | dict[str, Any] | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    payment_method_details: _MethodDetails | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)


def stripe_amount(minor_units: int, currency: str) -> Decimal:
    """Stripe's integer amount as money: 5000 USD -> 50.00, 5000 JPY -> 5000, 12340 KWD -> 12.34."""
    code = currency.upper()
    exponent = 0 if code in STRIPE_ZERO_DECIMAL else 3 if code in STRIPE_THREE_DECIMAL else 2
    amount = Decimal(minor_units).scaleb(-exponent)
    quantum = Decimal(1).scaleb(-minor_unit_exponent(code))
    # Write it at the store's precision for the currency when that loses nothing (ISK 500000 -> 5000).
    return amount.quantize(quantum) if amount == amount.quantize(quantum) else amount


def _day(timestamp: int) -> date:
    return datetime.fromtimestamp(timestamp, UTC).date()


def order_refs(dispute: StripeDispute) -> list[str]:
    """Order references in the dispute's, its charge's and its payment intent's metadata and descriptions."""
    refs: list[str] = []
    sources: list[dict[str, Any]] = [{"metadata": dispute.metadata}]
    sources += [obj for obj in (dispute.charge, dispute.payment_intent) if isinstance(obj, dict)]
    for source in sources:
        metadata = source.get("metadata") or {}
        if isinstance(metadata, dict):
            lowered = {str(k).lower(): v for k, v in metadata.items()}
            refs += [str(lowered[key]).strip() for key in ORDER_KEYS if str(lowered.get(key) or "").strip()]
    for source in sources:
        match = _DESCRIPTION_ORDER.search(str(source.get("description") or ""))
        if match:
            refs.append(match.group(1))
    return list(dict.fromkeys(refs))


def _id(obj: str | dict[str, Any] | None) -> str | None:
    value = obj.get("id") if isinstance(obj, dict) else obj
    return str(value).strip() if isinstance(value, str) and value.strip() else None


def payment_refs(dispute: StripeDispute) -> list[str]:
    """The charge and payment intent ids (expanded objects or bare ids), the charge's own payment intent too."""
    charge = dispute.charge if isinstance(dispute.charge, dict) else {}
    refs = [_id(dispute.charge), _id(dispute.payment_intent), _id(charge.get("payment_intent"))]
    return list(dict.fromkeys(ref for ref in refs if ref))


def buyer_email(dispute: StripeDispute) -> str | None:
    charge = dispute.charge if isinstance(dispute.charge, dict) else {}
    intent = dispute.payment_intent if isinstance(dispute.payment_intent, dict) else {}
    details = charge.get("billing_details")
    billing: dict[str, Any] = details if isinstance(details, dict) else {}
    for value in (dispute.evidence.get("customer_email_address"), billing.get("email"), charge.get("receipt_email"),
                  intent.get("receipt_email")):  # fmt: skip
        if isinstance(value, str) and "@" in value:
            return value.strip().casefold()
    return None


def paid_at(dispute: StripeDispute) -> datetime | None:
    """When the disputed payment was made (the expanded charge's `created`), if Stripe sent it."""
    created = dispute.charge.get("created") if isinstance(dispute.charge, dict) else None
    return datetime.fromtimestamp(created, UTC) if isinstance(created, int) else None


# An order is suggested when it was placed this close to the payment (or, with no payment time, this long before the
# dispute): cards are charged at checkout, and Stripe disputes can be opened up to 120 days after the payment.
SUGGEST_NEAR_PAYMENT = timedelta(days=2)
SUGGEST_BEFORE_DISPUTE = timedelta(days=120)
SUGGESTED_KEY = "_suggested_orders"  # kept with the waiting notice, never sent to the case


def notice_fields(dispute: StripeDispute) -> dict[str, Any]:
    """The notice as the chargeback intake reads it, without the order (found separately)."""
    card = dispute.payment_method_details.card if dispute.payment_method_details else None
    code = dispute.network_reason_code or (card.network_reason_code if card else None) or dispute.reason
    fields: dict[str, Any] = {
        "case_id": dispute.id,
        "reason_code": code,
        "amount": str(stripe_amount(dispute.amount, dispute.currency)),
        "currency": dispute.currency.upper(),
        "dispute_date": _day(dispute.created).isoformat(),
        "claim_text": f"Stripe dispute reason: {dispute.reason.replace('_', ' ')}.",
        "acquirer": "Stripe",
    }
    if normalise_network(card.brand if card else None):
        fields["network"] = card.brand if card else None
    if dispute.evidence_details.due_by:
        fields["respond_by"] = _day(dispute.evidence_details.due_by).isoformat()
    return fields


def read_disputes(data: bytes, filename: str) -> list[Any]:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInputError(f"{filename}: larger than {MAX_FILE_BYTES // 1_000_000} MB.")
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInputError(f"{filename}: not UTF-8 JSON.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"{filename}: not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    if isinstance(payload, dict) and payload.get("object") == "dispute":
        return [payload]
    records = payload.get("data") if isinstance(payload, dict) else payload
    if not isinstance(records, list):
        raise InvalidInputError(f'{filename}: expected a list of Stripe disputes or {{"object": "list", "data": [...]}}.')
    return records


@dataclass
class StripeImportReport:
    filename: str
    created: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{self.filename}: {len(self.created)} case(s) opened, {len(self.unmatched)} waiting for an order match, "
            f"{len(self.already)} already imported, {len(self.closed)} closed in Stripe, {len(self.errors)} rejected."
        ]
        lines += [f"- {error}" for error in self.errors]
        lines += [f"- match by hand: {dispute_id}" for dispute_id in self.unmatched]
        lines += [f"- note: {warning}" for warning in self.warnings]
        return "\n".join(lines)


class StripeDisputeIntake:
    def __init__(
        self,
        chargebacks: ChargebackService,
        orders: OrderRepository,
        pending: PendingDisputeRepository,
        cases: ChargebackRepository,
    ) -> None:
        self._chargebacks = chargebacks
        self._orders = orders
        self._pending = pending
        self._cases = cases

    def import_file(self, data: bytes, filename: str, actor: str = "merchant") -> StripeImportReport:
        report = StripeImportReport(filename)
        for number, record in enumerate(read_disputes(data, filename), start=1):
            try:
                dispute = StripeDispute.model_validate(record)
            except ValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)
                )
                ident = record.get("id") if isinstance(record, dict) else None
                report.errors.append(f"Dispute {number}{f' ({ident})' if ident else ''}: {problems}")
                continue
            if self._cases.exists(dispute.id):
                report.already.append(dispute.id)
                continue
            if dispute.status in CLOSED:
                report.closed.append(f"{dispute.id} ({dispute.status})")
                continue
            self._one(dispute, number, actor, filename, report)
        return report

    def _one(self, dispute: StripeDispute, number: int, actor: str, filename: str, report: StripeImportReport) -> None:
        fields = notice_fields(dispute)
        refs = order_refs(dispute)
        order = next((o for o in map(self._orders.get, refs) if o is not None), None)
        order = order or next((o for o in map(self._orders.by_payment_id, payment_refs(dispute)) if o), None)
        if order is None:
            suggested = self.suggest(dispute)
            self._pending.save(dispute.id, {**fields, SUGGESTED_KEY: suggested}, refs)
            report.unmatched.append(dispute.id + (f" (suggested: {', '.join(suggested)})" if suggested else ""))
            return
        try:
            result = self._chargebacks.create({**fields, "order_no": order.order_no}, actor, f"stripe:{filename}")
        except InvalidInputError as exc:
            report.errors.append(f"Dispute {number} ({dispute.id}): {exc.user_message}")
            return
        self._pending.delete(dispute.id)
        report.created.append(dispute.id)
        report.warnings += [f"{dispute.id}: {warning}" for warning in result.warnings]
        if order.currency != result.notice.currency:
            report.warnings.append(
                f"{dispute.id}: disputed in {result.notice.currency} but order {order.order_no} was paid in "
                f"{order.currency}; check that the order link is right."
            )

    def suggest(self, dispute: StripeDispute, limit: int = 3) -> list[str]:
        """Orders that look like the disputed payment: same amount and currency, placed at the payment time (or in
        the window before the dispute), the same buyer email when Stripe has one. Suggestions only."""
        amount, currency = stripe_amount(dispute.amount, dispute.currency), dispute.currency.upper()
        paid, email = paid_at(dispute), buyer_email(dispute)
        opened = datetime.fromtimestamp(dispute.created, UTC)
        start, end = (paid - SUGGEST_NEAR_PAYMENT, paid + SUGGEST_NEAR_PAYMENT) if paid else \
            (opened - SUGGEST_BEFORE_DISPUTE, opened)
        near = paid or opened
        found = [
            # The query window is a day wider: stored times lose their UTC offset on SQLite; exact check here.
            o for o in self._orders.created_between(start - timedelta(days=1), end + timedelta(days=1))
            if start <= o.created_at.astimezone(UTC) <= end and o.currency.upper() == currency and o.total_paid == amount
            and (email is None or o.buyer_email.strip().casefold() == email)
        ]
        found.sort(key=lambda o: abs((o.created_at.astimezone(UTC) - near).total_seconds()))
        return [o.order_no for o in found[:limit]]

    def unmatched(self) -> list[PendingDispute]:
        return self._pending.list_all()

    def match(self, dispute_id: str, order_no: str, actor: str = "merchant") -> IntakeResult:
        """Open the case of a waiting dispute for the order the merchant names."""
        pending = self._pending.get(dispute_id.strip())
        if pending is None:
            raise NotFoundError(f"No Stripe dispute {dispute_id} is waiting for a match.")
        order = self._orders.get(order_no)
        if order is None:
            raise InvalidInputError(f"Order {order_no} is not in the store database; import the orders first.")
        notice = {k: v for k, v in pending.notice.items() if k != SUGGESTED_KEY}
        result = self._chargebacks.create({**notice, "order_no": order.order_no}, actor, "stripe:matched")
        self._pending.delete(pending.dispute_id)
        return result
