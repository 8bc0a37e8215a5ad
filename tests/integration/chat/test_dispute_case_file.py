"""One case file from chat to dispute, over the real services (SQLite, Chroma, the fake model server for
translations): a Korean buyer threatens a chargeback in chat -> the Inbox shows that conversation first, marked;
analytics counts it; the merchant decides the refund claim -> the buyer gets a Korean decision receipt with the
amount in Korean money format; a chargeback on the same order -> the Word rebuttal holds the receipt and the chat
transcript with the buyer's Korean words and the English translation side by side."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from app.services.analytics.presentation import summary_markdown
from app.services.analytics.tables import DateRange
from app.services.chat import reply_checks
from app.ui.inbox_tab import DISPUTE_MARKER, why

pytestmark = pytest.mark.integration

ORDER, EMAIL = "PP-260921", "jihoon.park@example.org"
BUYER_KO = "주문 PP-260921 모니터가 켜지지 않는데 답이 없네요. 카드사에 이의 제기하고 차지백 신청할 거예요."
BUYER_EN = "The monitor from order PP-260921 does not turn on and nobody answers. I will dispute it with my card company."


def translations(body: dict[str, Any]) -> str:
    system = body["messages"][0]["content"]
    return BUYER_EN if "You translate" in system and "to English" in system else "ok"


def docx_text(path: Path) -> tuple[str, list[list[str]]]:
    document = Document(str(path))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return "\n".join(p.text for p in document.paragraphs), rows


def test_chargeback_threat_to_inbox_analytics_receipt_and_rebuttal(chat_services, openai_fake) -> None:
    openai_fake.set_default(translations)
    services = chat_services()
    chat = services.buyer_chat

    token = chat.new_session()
    reply = chat.reply(token, BUYER_KO)
    assert reply.language == "ko" and reply.handoff == "dispute_risk"
    assert "Return / refund" in reply.text and "오늘" in reply.text  # the claim form, a person today
    assert reply_checks.promises_in(reply.text) == []  # no money promised
    flagged = chat.conversation(token)
    # A plain handoff that comes later (newest) still lists after the dispute risk.
    other = chat.new_session()
    assert chat.reply(other, "I want to talk to a human").handoff == "buyer_request"

    items = services.chat_inbox.open_items()
    assert [i.conversation.id for i in items][0] == flagged.id and len(items) == 2
    assert items[0].dispute_risk and not items[1].dispute_risk
    assert why(items[0]).startswith(DISPUTE_MARKER) and DISPUTE_MARKER not in why(items[1])
    stored = chat.history(token)
    assert stored[0].meta["intent"] == "dispute_risk" and stored[1].meta["dispute_risk"] is True

    today = datetime.now(UTC).date()
    report = services.analytics.report(DateRange(today, today))
    assert report.dispute_risk == 1
    assert "**Dispute risk:** 1 conversation(s)" in summary_markdown(report)
    assert report.tables["dispute_risk_by_day"].rows == [(today.isoformat(), 1)]

    # The merchant reads the thread (translated into English, stored) and decides the buyer's claim.
    services.chat_inbox.thread(flagged.id)
    case = services.refunds.open_claim(ORDER, EMAIL, "defective", "모니터가 켜지지 않아요.", language="ko")
    services.refunds.propose(case.id)
    services.refunds.merchant_decide(case.id, "merchant", "edit", Decimal("100"), "goodwill")
    view = services.refunds.buyer_view(case.id, EMAIL)
    assert view.receipt is not None
    receipt = view.receipt.splitlines()
    # The claim is named by its case number (R-000001), never by the internal id.
    assert case.number == "R-000001" and receipt[0] == f"결정 영수증 — 신청 {case.number} · 주문 {ORDER}"
    assert "금액: US$100.00" in receipt  # Korean locale's money format, from the stored decision
    assert "결정: 부분 환불(반품 불필요)" in receipt
    assert "사유: 상품 불량; 환불 정책에 따라 저희 팀이 결정함" in receipt

    services.chargebacks.create({"case_id": "KR-CB-1", "reason_code": "13.3", "amount": "229.00",
                                 "dispute_date": (today.replace(day=1)).isoformat(), "order_no": ORDER,
                                 "claim_text": "Item not as described."})  # fmt: skip
    text, rows = docx_text(Path(services.chargebacks.generate("KR-CB-1").path))
    assert "Refund decision receipt sent to the buyer" in text
    assert f"Decision receipt — Claim {case.number} · Order {ORDER}" in text and "Amount: $100.00" in text
    assert case.id not in text
    # The transcript: the buyer's own Korean words with the English translation in the next column.
    assert any(row[1] == BUYER_KO and row[2] == BUYER_EN for row in rows), rows
