"""One builder per evidence key: facts from the gathered records, a one-line summary made only of those facts.

Pure functions over an `EvidenceContext`; `evidence.py` gathers the context from the database and files. Payment
and buyer-history builders live in `evidence_payment.py`. Fact values keep the records' own words (PAN-masked);
`quoted_as` says which of them are someone's free text, which the narrative prompt quotes as data, not as facts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.domain.chargebacks import EvidenceItem, Fact
from app.domain.money import format_money
from app.services.chargebacks.evidence_context import EvidenceContext, item_missing, item_present, when
from app.services.chargebacks.evidence_payment import (
    authorization_approval,
    avs_cvv_match,
    ip_device_match,
    ip_device_recorded,
    prior_undisputed_orders,
    three_ds_authentication,
    visa_ce3_qualified,
)
from app.services.chargebacks.pan import mask_pans
from app.services.chargebacks.refund_history import RefundRecord

POLICY_SECTIONS = ("Return window", "Damaged, defective or wrong items", "Refunds")
MAX_MESSAGES = 20
# Items whose fact values are free text somebody wrote, and how the narrative prompt labels them when quoting.
_QUOTED_ITEMS = {
    "product_description": "PRODUCT LISTING TEXT",
    "refund_history": "REFUND RECORD, WITH THE BUYER'S STATED REASON",
    "credit_issued": "REFUND RECORD, WITH THE BUYER'S STATED REASON",
    "decision_receipt": "REFUND DECISION RECEIPT SENT TO THE BUYER",
}
# Records the store keeps that are exhibits of every dispute on the order, whatever the reason code asks for.
DECISION_RECEIPT = ("decision_receipt", "Refund decision receipt sent to the buyer")
_CHAT_SPEAKERS = {"buyer": "BUYER'S OWN WORDS", "assistant": "SHOP ASSISTANT'S CHAT REPLY", "merchant": "MERCHANT'S CHAT REPLY"}


def _chat_label(moment: datetime, role: str) -> str:
    return f"{when(moment)} {role}"


def quoted_as(item_key: str, fact_label: str) -> str | None:
    """How to label `fact`'s value when quoting it as data (free text), or None for a value the store computed."""
    if item_key == "customer_communication":
        role = fact_label.rsplit(" ", 1)[-1]  # the label is `_chat_label`'s "<time> <role>"
        return _CHAT_SPEAKERS.get(role, "CHAT MESSAGE")
    return _QUOTED_ITEMS.get(item_key)


def order_details(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None:
        return item_missing(key, label, "The order is not in the store database.")
    items = "; ".join(f"{item.quantity} x {item.title}" for item in order.items)
    total = format_money(order.total_paid, order.currency)
    facts = [
        Fact(label="Order number", value=order.order_no),
        Fact(label="Order date", value=when(order.created_at)),
        Fact(label="Buyer", value=order.buyer_name),
        Fact(label="Items", value=items),
        Fact(label="Shipping paid", value=format_money(order.shipping_paid, order.currency)),
        Fact(label="Total paid", value=total),
        Fact(label="Card", value=order.payment.masked_card),
    ]
    summary = f"Order {order.order_no} was placed on {order.created_at.date().isoformat()} by {order.buyer_name} for {total}."
    return item_present(key, label, facts, summary)


def transaction_amount_match(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order, notice = ctx.order, ctx.case.notice
    if order is None:
        return item_missing(key, label, "The order is not in the store database.")
    total = format_money(order.total_paid, order.currency)
    disputed = format_money(notice.amount, notice.currency)
    facts = [Fact(label="Order total", value=total), Fact(label="Disputed amount", value=disputed)]
    if notice.currency != order.currency or notice.amount > order.total_paid:
        return item_missing(key, label, f"The disputed amount {disputed} differs from the order total {total}.", facts)
    summary = f"The disputed amount of {disputed} does not exceed the order total of {total}, charged in {order.currency}."
    return item_present(key, label, facts, summary)


def proof_of_delivery(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None or order.delivered_at is None:
        status = order.status if order else "unknown"
        return item_missing(key, label, f"No delivery is recorded (order status: {status}).")
    facts = [Fact(label="Carrier", value=order.carrier or "not recorded"), Fact(label="Tracking number", value=order.tracking_no or "not recorded"),
             Fact(label="Delivered", value=when(order.delivered_at))]
    place = ""
    if order.shipping_address is not None:
        address = order.shipping_address
        facts.append(Fact(label="Delivery address", value=f"{address.name}, {address.line1}, {address.postal_code} {address.city}, {address.country_code}"))
        place = f" to {address.city}, {address.country_code}"
    summary = (
        f"The parcel was shipped with {order.carrier or 'the carrier'} under tracking number {order.tracking_no or 'not recorded'} "
        f"and delivered on {order.delivered_at.date().isoformat()}{place}."
    )
    return item_present(key, label, facts, summary)


def signed_delivery(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    proof = ctx.order.delivery_proof if ctx.order else None
    if proof is None or not proof.signature_name:
        return item_missing(key, label, "The carrier recorded no signature.")
    return item_present(key, label, [Fact(label="Signed for by", value=proof.signature_name)], f"Delivery was signed for by {proof.signature_name}.")


def tracking_events(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    events = ctx.order.tracking_events if ctx.order else []
    if not events:
        return item_missing(key, label, "No tracking events are recorded.")
    first, last = events[0], events[-1]
    facts = [Fact(label=when(e.time), value=f"{e.location}: {e.description}") for e in events]
    summary = (
        f"The carrier recorded {len(events)} tracking events, from {first.time.date().isoformat()} ({first.location}: "
        f"{first.description}) to {last.time.date().isoformat()} ({last.location}: {last.description})."
    )
    return item_present(key, label, facts, summary)


def product_description(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    if not ctx.products:
        return item_missing(key, label, "The ordered products are not in the product catalog.")
    facts = [Fact(label=p.product_id, value=mask_pans(f"{p.title}. {p.description}"[:700])) for p in ctx.products]
    titles = "; ".join(p.title for p in ctx.products)
    return item_present(key, label, facts, f"The listing described the goods as: {titles}.")


def refund_policy_accepted(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    version = ctx.order.accepted_policy_version if ctx.order else None
    if not version:
        return item_missing(key, label, "No accepted policy version is recorded on the order.")
    policy = ctx.policy
    title = policy.title if policy else "Returns policy"
    facts = [Fact(label="Policy accepted at checkout", value=f"{title}, version {version}")]
    note = ""
    if policy is not None and policy.version == version:
        facts.extend(Fact(label=name, value=policy.sections[name]) for name in POLICY_SECTIONS if name in policy.sections)
    else:
        note = f"The policy file on record is version {policy.version if policy else 'missing'}; attach version {version}."
    return item_present(key, label, facts, f"At checkout the buyer accepted the {title}, version {version}.", note)


def customer_communication(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    messages = list(ctx.transcript)
    if not messages:
        return item_missing(key, label, "No chat messages with this buyer are stored.")
    shown = messages[-MAX_MESSAGES:]
    # The buyer's original words, with the English translation beside them when one was made.
    facts = [
        Fact(label=_chat_label(m.created_at, m.role), value=mask_pans(m.text)[:400],
             translation=mask_pans(m.english)[:400] if m.english and m.english != m.text else "")
        for m in shown
    ]  # fmt: skip
    summary = (
        f"The buyer exchanged {len(messages)} message(s) with the shop between "
        f"{messages[0].created_at.date().isoformat()} and {messages[-1].created_at.date().isoformat()}."
    )
    if any(fact.translation for fact in facts):
        summary += " The buyer's original words are quoted with an English translation beside them."
    return item_present(key, label, facts, summary)


def _refund_fact(record: RefundRecord) -> Fact:
    amount = f", {format_money(record.amount, record.currency)}" if record.amount is not None and record.currency else ""
    return Fact(label=record.reference, value=mask_pans(f"{record.requested_on.isoformat()}, {record.status}{amount}. {record.reason}").strip())


def refund_history(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    if ctx.refunds is None:
        return item_missing(key, label, "No refund records are kept in this installation.")
    if not ctx.refunds:
        return item_present(key, label, [Fact(label="Refund requests", value="none")], "No refund or return was requested for this order.")
    summary = f"{len(ctx.refunds)} refund request(s) are recorded for this order: " + "; ".join(
        f"{r.reference} ({r.status})" for r in ctx.refunds) + "."
    return item_present(key, label, [_refund_fact(r) for r in ctx.refunds], summary)


def decision_receipt(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    """The receipts the buyer got when their refund claims on this order were decided (English copy)."""
    issued = [r for r in ctx.refunds or () if r.receipt]
    if not issued:
        return item_missing(key, label, "No refund decision was issued to the buyer for this order.")
    facts = [Fact(label=f"Receipt for claim {r.reference}", value=mask_pans(r.receipt)) for r in issued]
    return item_present(key, label, facts, f"The buyer received {len(issued)} written refund decision(s) for this "
                                           "order, with the policy clause and the amount.")  # fmt: skip


def credit_issued(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    issued = [r for r in ctx.refunds or () if r.status == "refunded" and r.amount is not None and r.currency]
    if not issued:
        return item_missing(key, label, "No refund has been issued for this order.")
    listed = "; ".join(
        f"{format_money(r.amount, r.currency)} ({r.reference}"  # type: ignore[arg-type]
        + (f", {r.refunded_on.isoformat()})" if r.refunded_on else ")") for r in issued
    )
    return item_present(key, label, [_refund_fact(r) for r in issued], f"Refunds already issued: {listed}.")


def single_transaction(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    order = ctx.order
    if order is None:
        return item_missing(key, label, "The order is not in the store database.")
    same_day = [o for o in ctx.buyer_orders if o.created_at.date() == order.created_at.date()
                and o.total_paid == order.total_paid and o.currency == order.currency]
    day = order.created_at.date().isoformat()
    if len(same_day) > 1:
        others = ", ".join(o.order_no for o in same_day)
        return item_missing(key, label, f"Several orders with the same amount on {day}: {others}.")
    total = format_money(order.total_paid, order.currency)
    facts = [Fact(label=f"Charges of {total} to this buyer on {day}", value="1")]
    return item_present(key, label, facts, f"Only one charge of {total} was made to this buyer on {day} (order {order.order_no}).")


def from_exhibits(ctx: EvidenceContext, key: str, label: str) -> EvidenceItem:
    exhibits = ctx.exhibits_for(key)
    if not exhibits:
        hint = "Attach it in the case view."
        if key == "delivery_photo" and ctx.order and ctx.order.delivery_proof and ctx.order.delivery_proof.photo:
            hint = "The carrier recorded a delivery photo: download it from the carrier and attach it."
        return item_missing(key, label, hint)
    refs = [f"{ctx.exhibit_letters.get(e.id, 'Exhibit')}: {e.caption}" for e in exhibits]
    facts = [Fact(label=ctx.exhibit_letters.get(e.id, "Exhibit"), value=e.caption) for e in exhibits]
    return item_present(key, label, facts, f"{label} attached as " + "; ".join(refs) + ".")


Builder = Callable[[EvidenceContext, str, str], EvidenceItem]
BUILDERS: dict[str, Builder] = {
    "order_details": order_details,
    "transaction_amount_match": transaction_amount_match,
    "authorization_approval": authorization_approval,
    "avs_cvv_match": avs_cvv_match,
    "three_ds_authentication": three_ds_authentication,
    "ip_device_recorded": ip_device_recorded,
    "ip_device_match": ip_device_match,
    "prior_undisputed_orders": prior_undisputed_orders,
    "visa_ce3_qualified": visa_ce3_qualified,
    "proof_of_delivery": proof_of_delivery,
    "signed_delivery": signed_delivery,
    "tracking_events": tracking_events,
    "product_description": product_description,
    "refund_policy_accepted": refund_policy_accepted,
    "customer_communication": customer_communication,
    "refund_history": refund_history,
    "credit_issued": credit_issued,
    "single_transaction": single_transaction,
}
