"""A buyer who threatens a dispute in chat gets the refund policy's own offer on their order — the amount the
policy engine gives a claim filed now, never a model's number — and only after proving the order is theirs.

Real services (SQLite, Chroma); the fake model server only answers the Inbox's translations. The orders are placed
relative to the real clock, so the return window holds whatever day the test runs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.services.chat.dispute import DISPUTE_REPLY
from app.services.refunds.dispute_offer import LEAD

pytestmark = pytest.mark.integration

TEMPLATE_ORDER, EMAIL = "PP-261020", "mariana.oliveira@example.org"  # a 169.00 USD monitor shipped to Brazil


def recent_copy(services: Any, order_no: str, delivered_days_ago: int) -> None:
    """The São Paulo order again, under a new number, delivered `delivered_days_ago` days before now."""
    now = datetime.now(UTC)
    template = services.orders.get(TEMPLATE_ORDER)
    services.orders.upsert_many([template.model_copy(update={
        "order_no": order_no, "created_at": now - timedelta(days=delivered_days_ago + 10),
        "delivered_at": now - timedelta(days=delivered_days_ago), "tracking_events": [],
    })])  # fmt: skip


def test_a_verified_buyer_threatening_a_dispute_gets_the_amount_a_claim_would_get(
    chat_services: Any, openai_fake: Any
) -> None:
    openai_fake.set_default(lambda _body: "ok")
    services = chat_services()
    recent_copy(services, "PP-261097", delivered_days_ago=3)
    chat = services.buyer_chat
    token = chat.new_session()

    reply = chat.reply(token, f"Order PP-261097, email {EMAIL}. Refund me or I will dispute the charge with my bank.")
    assert reply.handoff == "dispute_risk"
    assert "What our refund policy offers on order PP-261097 right now:" in reply.text
    offered = chat.history(token)[-1].meta["policy_offer"]

    # The same engine, on the claim a buyer can file without photos: the chat quoted exactly that offer.
    case = services.refunds.open_claim("PP-261097", EMAIL, "changed_mind", "I will send it back.", language="en")
    view = services.refunds.propose(case.id)
    assert view.status == "offered"
    assert (offered["outcome"], offered["amount"]) == (services.refunds.case_detail(case.id).case.proposed_outcome,
                                                       str(view.amount))  # fmt: skip
    assert f"{view.amount} USD" in reply.text

    # Stated to the buyer, so stored like any decision, with its inputs.
    conversation = chat.conversation(token)
    [decision] = services.decisions.for_case("conversation", conversation.id)
    assert decision.decided_by == "policy-engine" and str(decision.amount) == offered["amount"]
    assert decision.inputs["claim"]["reason"] == "changed_mind" and decision.inputs["order_no"] == "PP-261097"


def test_no_offer_without_proof_of_the_order_or_outside_the_policy(chat_services: Any, openai_fake: Any) -> None:
    openai_fake.set_default(lambda _body: "ok")
    services = chat_services()
    recent_copy(services, "PP-261097", delivered_days_ago=3)
    recent_copy(services, "PP-261098", delivered_days_ago=60)  # outside the 30-day return window
    chat = services.buyer_chat

    stranger = chat.new_session()  # knows the order number, not the buyer's email
    reply = chat.reply(stranger, "Order PP-261097. I will dispute the charge with my bank.")
    assert reply.handoff == "dispute_risk" and "USD" not in reply.text and "PP-261097 right now" not in reply.text

    late = chat.new_session()
    reply = chat.reply(late, f"Order PP-261098, email {EMAIL}. I will dispute the charge with my bank.")
    assert reply.handoff == "dispute_risk" and "USD" not in reply.text
    assert "policy_offer" not in chat.history(late)[-1].meta
    assert services.decisions.for_case("conversation", chat.conversation(late).id) == []


def test_the_offer_lead_exists_in_every_chat_language() -> None:
    assert set(LEAD) == set(DISPUTE_REPLY)
    assert all("{order_no}" in text for text in LEAD.values())
