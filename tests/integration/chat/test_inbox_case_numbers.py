"""The Inbox names the cases on the thread's order by number (R-000001, CB-000001) and where to open them, so the
merchant answering a buyer sees the claim and the chargeback at a glance (real SQLite, console over loopback)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from gradio_client import Client

from app.services.case_refs import case_refs_markdown
from app.store.conversations import ConversationRepository
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration

ORDER, EMAIL = "PP-261020", "mariana.oliveira@example.org"


def test_the_inbox_thread_names_the_cases_on_its_order(chat_services, openai_fake, run_app) -> None:  # type: ignore[no-untyped-def]
    openai_fake.set_default("ok")
    services = chat_services()
    assert services.case_refs.for_order(ORDER) == [] and case_refs_markdown([]) == ""
    token = services.buyer_chat.new_session()
    assert services.buyer_chat.reply(token, "I want to talk to a person, please.").handoff == "buyer_request"
    conversation = services.buyer_chat.conversation(token)
    ConversationRepository(services.db).set_verified_order(conversation.id, ORDER, EMAIL)
    services.refunds.open_claim(ORDER, EMAIL, "damaged", "The screen is cracked.")
    services.chargebacks.create({"case_id": "VCR-5", "reason_code": "13.1", "amount": "100.00",
                                 "dispute_date": datetime.now(UTC).date().isoformat(), "order_no": ORDER})  # fmt: skip

    console = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    _thread, header = console.predict(conversation.id, api_name="/inbox_open")
    assert "Cases on this order: **R-000001** (new, Refunds tab) · **CB-000001** (open, Chargebacks tab)" in header
    console.close()
