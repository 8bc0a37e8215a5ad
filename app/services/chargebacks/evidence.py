"""Assemble a case's evidence from the store: order, payment checks, delivery, documents, chat, refunds, history.

The bundle is the single source of facts for the checklist, the narrative and the Word document.
"""

from __future__ import annotations

from datetime import date

from app.domain.chargebacks import (
    ChargebackCase,
    Deadline,
    EvidenceBundle,
    EvidenceItem,
    TimelineEntry,
    TrackingRow,
)
from app.domain.money import format_money
from app.domain.orders import Order
from app.services.chargebacks.catalog import ReasonCodeCatalog
from app.services.chargebacks.evidence_context import EvidenceContext
from app.services.chargebacks.evidence_items import (
    BUILDERS,
    DECISION_RECEIPT,
    decision_receipt,
    from_exhibits,
)
from app.services.chargebacks.prior_orders import check_ce3, prior_undisputed_orders
from app.services.chargebacks.refund_history import RefundHistorySource
from app.services.chargebacks.store_documents import StoreDocuments
from app.store.chargebacks import ChargebackRepository, TranscriptReader
from app.store.orders import OrderRepository


def exhibit_letter(index: int) -> str:
    """'Exhibit A' … 'Exhibit Z', 'Exhibit AA' …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Exhibit {letters}"


class EvidenceAssembler:
    def __init__(
        self,
        catalog: ReasonCodeCatalog,
        orders: OrderRepository,
        cases: ChargebackRepository,
        transcripts: TranscriptReader,
        refunds: RefundHistorySource,
        documents: StoreDocuments,
    ) -> None:
        self._catalog = catalog
        self._orders = orders
        self._cases = cases
        self._transcripts = transcripts
        self._refunds = refunds
        self._documents = documents

    def context(self, case: ChargebackCase) -> EvidenceContext:
        notice = case.notice
        order = self._orders.get(notice.order_no)
        letters = {exhibit.id: exhibit_letter(i) for i, exhibit in enumerate(case.exhibits)}
        if order is None:
            return EvidenceContext(case=case, order=None, exhibit_letters=letters)
        buyer_orders = self._orders.list_for_buyer(order.buyer_email)
        others = {o.order_no for o in buyer_orders if o.order_no != order.order_no}
        prior = prior_undisputed_orders(order, buyer_orders, self._cases.disputed_order_nos(others), notice.dispute_date)
        products = [p for p in (self._documents.product(item.product_id) for item in order.items) if p is not None]
        return EvidenceContext(
            case=case,
            order=order,
            buyer_orders=buyer_orders,
            prior=prior,
            ce3=check_ce3(prior),
            transcript=self._transcripts.for_buyer(order.buyer_email, order.order_no),
            refunds=self._refunds.refunds_for_order(order.order_no),
            products=products,
            policy=self._documents.returns_policy(),
            exhibit_letters=letters,
        )

    def items(self, ctx: EvidenceContext) -> list[EvidenceItem]:
        """Every evidence kind in the catalog's vocabulary, present or not (the checklist picks what it needs),
        and the buyer's refund decision receipts, an exhibit of any dispute on the order."""
        result = []
        for key, kind in self._catalog.evidence_kinds.items():
            builder = BUILDERS.get(key, from_exhibits) if kind.source == "store" else from_exhibits
            item = builder(ctx, key, kind.label)
            if not item.present and ctx.exhibits_for(key):
                # A merchant's exhibit can supply any item the store lacks.
                item = from_exhibits(ctx, key, kind.label)
            result.append(item)
        if DECISION_RECEIPT[0] not in self._catalog.evidence_kinds:
            result.append(decision_receipt(ctx, *DECISION_RECEIPT))
        return result

    def assemble(
        self, case: ChargebackCase, *, merchant_name: str, deadline: Deadline, today: date, default_acquirer: str
    ) -> EvidenceBundle:
        ctx = self.context(case)
        order = ctx.order
        return EvidenceBundle(
            case=case,
            merchant_name=merchant_name,
            acquirer=case.notice.acquirer or default_acquirer,
            generated_on=today,
            deadline=deadline,
            masked_card=order.payment.masked_card if order else "not recorded",
            order_date=order.created_at.date() if order else None,
            items=tuple(self.items(ctx)),
            timeline=tuple(build_timeline(ctx, deadline)),
            tracking=tuple(
                TrackingRow(when=e.time, location=e.location, description=e.description)
                for e in (order.tracking_events if order else [])
            ),
            carrier=order.carrier if order else None,
            tracking_no=order.tracking_no if order else None,
        )


def _order_timeline(order: Order) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            when=order.created_at.date(),
            event=f"Order {order.order_no} placed and paid ({format_money(order.total_paid, order.currency)}, "
            f"{order.payment.masked_card})",
        )
    ]
    if order.accepted_policy_version:
        entries.append(
            TimelineEntry(when=order.created_at.date(), event=f"Buyer accepted policy version {order.accepted_policy_version}")
        )
    entries.extend(
        TimelineEntry(when=e.time.date(), event=f"Carrier: {e.description} ({e.location})") for e in order.tracking_events
    )
    if order.delivered_at and order.delivery_proof and order.delivery_proof.signature_name:
        entries.append(
            TimelineEntry(when=order.delivered_at.date(), event=f"Delivery signed for by {order.delivery_proof.signature_name}")
        )
    return entries


def build_timeline(ctx: EvidenceContext, deadline: Deadline) -> list[TimelineEntry]:
    notice = ctx.case.notice
    entries = [
        TimelineEntry(when=p.order_date, event=f"Earlier order {p.order_no} by the same buyer (not disputed)")
        for p in ctx.prior
    ]
    if ctx.order is not None:
        entries.extend(_order_timeline(ctx.order))
    seen: set[str] = set()
    for message in ctx.transcript:
        if message.conversation_id not in seen:
            seen.add(message.conversation_id)
            entries.append(TimelineEntry(when=message.created_at.date(), event="Buyer started a chat with the shop"))
    for refund in ctx.refunds or ():
        entries.append(TimelineEntry(when=refund.requested_on, event=f"Refund request {refund.reference} ({refund.status})"))
    entries.append(
        TimelineEntry(when=notice.dispute_date, event=f"Chargeback {notice.case_id} filed ({ctx.case.reason.display})")
    )
    entries.append(TimelineEntry(when=deadline.due_date, event="Response due"))
    # Stable sort keeps same-day events in the order they happened.
    return sorted(entries, key=lambda entry: entry.when)
