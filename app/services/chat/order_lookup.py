"""Order lookup for buyers. The ONLY path to an order is OrderRepository.get_for_buyer (number AND email).

Status answers are rendered from the database by templates, so no model ever sees or invents order data;
only the buyer's own verified order is summarised for the prompt (no address, no payment data).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.chat import Conversation
from app.domain.orders import Order
from app.services.chat import answer_fallback
from app.store.orders import OrderRepository

TRACKING_EVENTS_SHOWN = 3


@dataclass(frozen=True)
class LookupOutcome:
    order: Order | None
    # "verified" (found now), "session" (the conversation's verified order), "not_found", "need_details"
    state: str
    order_no: str | None = None
    email: str | None = None


class OrderLookup:
    def __init__(self, orders: OrderRepository) -> None:
        self._orders = orders

    def resolve(self, conversation: Conversation, order_no: str | None, email: str | None) -> LookupOutcome:
        """The order the buyer may see, from what they wrote (now or earlier) or their verified session."""
        if order_no and email:
            order = self._orders.get_for_buyer(order_no, email)
            if order is None:
                return LookupOutcome(None, "not_found", order_no, email)
            return LookupOutcome(order, "verified", order.order_no, email)
        session_order = self.session_order(conversation)
        if session_order is not None and (order_no is None or order_no == session_order.order_no):
            return LookupOutcome(session_order, "session", session_order.order_no, conversation.buyer_email)
        return LookupOutcome(None, "need_details", order_no, email)

    def session_order(self, conversation: Conversation) -> Order | None:
        if not (conversation.verified_order_no and conversation.buyer_email):
            return None
        return self._orders.get_for_buyer(conversation.verified_order_no, conversation.buyer_email)


def status_text(order: Order, language: str) -> str:
    status = answer_fallback.text(f"status_{order.status}", language)
    lines = [answer_fallback.text("order_header", language, order_no=order.order_no, status=status)]
    if order.carrier and order.tracking_no:
        lines.append(answer_fallback.text("carrier_line", language, carrier=order.carrier, tracking=order.tracking_no))
    events = sorted(order.tracking_events, key=lambda event: event.time, reverse=True)[:TRACKING_EVENTS_SHOWN]
    if events:
        lines.append(answer_fallback.text("tracking_header", language))
        lines += [f"- {e.time:%Y-%m-%d %H:%M} · {e.location} · {e.description}" for e in events]
    return "\n".join(lines)


def prompt_summary(order: Order) -> str:
    """What the model may know about the buyer's own order: no address, email or payment details."""
    items = ", ".join(f"{item.quantity} x {item.title} ({item.product_id})" for item in order.items)
    lines = [f"Order {order.order_no}, status {order.status}, destination country {order.country_code}.", f"Items: {items}."]
    if order.carrier:
        lines.append(f"Carrier {order.carrier}, tracking number {order.tracking_no or 'not yet assigned'}.")
    if order.tracking_events:
        latest = max(order.tracking_events, key=lambda event: event.time)
        lines.append(f"Latest tracking event {latest.time:%Y-%m-%d}: {latest.description} ({latest.location}).")
    if order.delivered_at:
        lines.append(f"Delivered on {order.delivered_at:%Y-%m-%d}.")
    return "\n".join(lines)
