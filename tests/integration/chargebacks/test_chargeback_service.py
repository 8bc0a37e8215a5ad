"""ChargebackService on real SQLite: import with per-row errors, queue by days left, evidence from the store
(payment checks, buyer history, chat transcript, refunds), outcomes as decisions, win rate by reason code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.errors import InvalidInputError, NotFoundError
from app.services.chargebacks.refund_history import RefundRecord
from app.store.tables import ConversationRow, MessageRow
from tests.integration.chargebacks.conftest import TEST_PAN, ChargebackEnv

pytestmark = pytest.mark.integration

CSV = (
    "case_id,network,reason_code,amount,currency,dispute_date,order_no,claim_text\n"
    "V-URGENT,visa,13.1,229.00,USD,2026-10-27,PP-260921,never arrived\n"
    "BAD-AMOUNT,visa,13.1,lots,USD,2026-11-01,PP-260921,\n"
    "AX-1,amex,C08,299.00,USD,2026-11-10,PP-261002,not received\n"
    "BAD-ORDER,visa,13.1,10.00,USD,2026-11-01,PP-999999,\n"
    "MC-1,,4853,299.00,USD,2026-11-20,PP-261015,not as described\n"
    "ODD-1,discover,X9,264.00,USD,2026-11-18,PP-261008,\n"
)


def _checked(env: ChargebackEnv, case_id: str) -> dict[str, bool]:
    return {row.item.key: row.item.present for row in env.service.review(case_id).checklist}


def test_import_keeps_good_rows_and_names_each_bad_one(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    report = env.service.import_notices(CSV.encode(), "notices.csv")
    assert report.created == ["V-URGENT", "AX-1", "MC-1", "ODD-1"]
    assert [str(error) for error in report.errors] == [
        "Row 2 (case BAD-AMOUNT): amount: 'lots' is not an amount; write digits with a dot for decimals, e.g. 229.00.",
        "Row 4 (case BAD-ORDER): order_no: order PP-999999 is not in the store database.",
    ]
    assert any("ODD-1" in w and "not in the catalog" in w for w in report.warnings)
    assert env.service.get("ODD-1").reason.category == "unknown"
    # Importing the same file again creates nothing twice.
    again = env.service.import_notices(CSV.encode(), "notices.csv")
    assert again.created == [] and all("already exists" in e.message or "PP-999999" in e.message or "lots" in e.message
                                       for e in again.errors)


def test_queue_sorts_by_days_left_and_flags_the_urgent(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env(today=date(2026, 11, 24))
    env.service.import_notices(CSV.encode(), "notices.csv")
    queue = env.service.queue()
    assert [row.case.case_id for row in queue] == ["V-URGENT", "AX-1", "ODD-1", "MC-1"]
    assert [(row.deadline.days_left, row.deadline.flag) for row in queue] == [
        (2, "URGENT"), (6, ""), (24, ""), (41, "")]
    assert all(0 <= row.completeness_score <= 100 for row in queue)


def test_fraud_prone_order_scores_low_and_says_why(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.create({"case_id": "FR-1", "reason_code": "10.4", "amount": "927.00", "dispute_date": "2026-11-22",
                        "order_no": "PP-261118"})
    review = env.service.review("FR-1")
    items = {row.item.key: row.item for row in review.checklist}
    assert not items["avs_cvv_match"].present and "AVS N" in items["avs_cvv_match"].note
    assert not items["three_ds_authentication"].present and "not_attempted" in items["three_ds_authentication"].note
    assert not items["proof_of_delivery"].present and not items["visa_ce3_qualified"].present
    assert review.completeness.score < 30
    assert "avs_cvv_match" in review.completeness.missing


def test_returning_buyer_history_counts_but_ce3_needs_older_orders(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.create({"case_id": "MC-9", "reason_code": "4837", "amount": "299.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-261015"})
    bundle = env.service.assemble("MC-9")
    prior, match, ce3 = (bundle.item(k) for k in ("prior_undisputed_orders", "ip_device_match", "visa_ce3_qualified"))
    assert prior and prior.present and "PP-260904" in prior.summary
    assert match and match.present and "IP address" in match.summary and "device ID" in match.summary
    assert ce3 and not ce3.present and "77 days before the dispute" in ce3.note and "Visa 10.4 only" in ce3.note


def test_chat_transcript_and_refund_history_become_evidence(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    class Refunds:
        def refunds_for_order(self, order_no: str) -> Sequence[RefundRecord]:
            return [RefundRecord(reference="RF-7", requested_on=date(2026, 9, 30), status="refunded",
                                 amount=Decimal("20.00"), currency="USD", refunded_on=date(2026, 10, 2),
                                 reason="partial refund for a scratch")] if order_no == "PP-260921" else []

    env = chargeback_env(refund_source=lambda: Refunds())
    with env.db.session() as session:
        conversation = ConversationRow(session_token="t1", buyer_email="JIHOON.PARK@example.org", language="ko")
        session.add(conversation)
        session.flush()
        for minute, (role, text) in enumerate([("buyer", f"배송 언제 와요? card {TEST_PAN}"),
                                               ("assistant", "It was delivered on 2026-09-26.")]):
            session.add(MessageRow(conversation_id=conversation.id, role=role, text=text, language="ko",
                                   created_at=datetime(2026, 9, 27, 9, minute, tzinfo=UTC)))
    env.service.create({"case_id": "KR-1", "reason_code": "13.6", "amount": "229.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-260921"})
    bundle = env.service.assemble("KR-1")
    chat = bundle.item("customer_communication")
    assert chat and chat.present and "2 message(s)" in chat.summary
    assert TEST_PAN not in bundle.fact_corpus() and "[card •••• 1111]" in chat.facts[0].value
    credit = bundle.item("credit_issued")
    assert credit and credit.present and "20.00 USD (RF-7, 2026-10-02)" in credit.summary
    assert any(entry.event == "Refund request RF-7 (refunded)" for entry in bundle.timeline)
    # Without a refund service the item says the records are not kept, rather than "no refund".
    plain = chargeback_env()
    plain.service.create({"case_id": "KR-2", "reason_code": "13.6", "amount": "229.00", "dispute_date": "2026-11-20",
                          "order_no": "PP-260921"})
    history = plain.service.assemble("KR-2").item("refund_history")
    assert history and not history.present and "No refund records are kept" in history.note


def test_outcomes_are_decisions_and_feed_the_win_rate(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.import_notices(CSV.encode(), "notices.csv")
    env.service.create({"case_id": "V-2", "reason_code": "13.1", "amount": "164.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-260917"})
    env.service.generate("V-URGENT")
    assert env.service.get("V-URGENT").status == "responded"
    env.service.record_outcome("V-URGENT", "won", actor="ana", note="issuer reversed")
    env.service.record_outcome("V-2", "lost", actor="ana")
    env.service.record_outcome("AX-1", "accepted", actor="ana")
    with pytest.raises(InvalidInputError):
        env.service.record_outcome("MC-1", "maybe")
    with pytest.raises(NotFoundError):
        env.service.record_outcome("NOPE", "won")

    decision = env.decisions.for_case("chargeback", "V-URGENT")[-1]
    assert decision.outcome == "won" and decision.amount == Decimal("229.00") and decision.decided_by == "ana"
    assert decision.inputs["reason_code"] == "13.1" and "proof_of_delivery" in decision.inputs["evidence_present"]
    assert decision.rules_fired[0] == "Visa 13.1" and decision.note == "issuer reversed"
    actions = [event.action for event in env.audit.for_case("chargeback", "V-URGENT")]
    assert actions == ["created", "rebuttal_generated", "outcome_recorded"]
    rates = {(r.network, r.reason_code): r for r in env.service.win_rates()}
    assert (rates[("visa", "13.1")].won, rates[("visa", "13.1")].lost, rates[("visa", "13.1")].win_rate) == (1, 1, 0.5)
    assert rates[("amex", "C08")].accepted == 1 and rates[("amex", "C08")].win_rate is None
    assert [row.case.case_id for row in env.service.queue()] == ["ODD-1", "MC-1"]  # closed cases leave the queue
