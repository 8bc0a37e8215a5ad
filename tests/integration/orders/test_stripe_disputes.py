"""Stripe Dispute objects into chargeback cases on real SQLite: order links from metadata, zero-decimal amounts,
the deadline from evidence_details.due_by, closed disputes skipped, re-import idempotent, unmatched ones matched
by hand; the `python -m app stripe` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.__main__ import main as cli_main
from app.errors import InvalidInputError, NotFoundError
from app.services.chargebacks.factory import build_chargeback_service
from app.services.chargebacks.service import ChargebackService
from app.services.chargebacks.stripe_disputes import StripeDisputeIntake
from app.services.orders.importer import OrderIntake
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.chargebacks import ChargebackRepository
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.orders import OrderRepository
from app.store.pending_disputes import PendingDisputeRepository

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"
TODAY = date(2026, 12, 2)


@dataclass
class Desk:
    chargebacks: ChargebackService
    stripe: StripeDisputeIntake
    audit: AuditLog
    orders: OrderRepository
    intake: OrderIntake


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    """A shop with the test store's Shopify and WooCommerce orders (no demo data) and its chargeback desk."""
    settings = Settings(data_dir=tmp_path / "data", chat_backend="none", vision_backend="none")
    db = Database(settings.resolved_database_url)
    db.create_schema()
    orders, audit = OrderRepository(db), AuditLog(db)
    intake = OrderIntake(orders, audit)
    for name in ("shopify_orders_export.csv", "woocommerce_orders_export.csv"):
        intake.import_file((DATA / name).read_bytes(), name)
    chargebacks = build_chargeback_service(
        settings=settings, db=db, orders=orders, files=FileStore(db, settings.evidence_dir), audit=audit,
        decisions=DecisionRepository(db), chat_model=None, merchant_name=lambda: "Trailhead", today=lambda: TODAY,
    )  # fmt: skip
    stripe = StripeDisputeIntake(chargebacks, orders, PendingDisputeRepository(db), ChargebackRepository(db))
    yield Desk(chargebacks, stripe, audit, orders, intake)
    db.dispose()


def _disputes() -> bytes:
    return (DATA / "stripe_disputes.json").read_bytes()


def test_stripe_disputes_become_cases_with_the_right_amount_and_deadline(desk: Desk) -> None:
    report = desk.stripe.import_file(_disputes(), "stripe_disputes.json")
    assert sorted(report.created) == ["dp_1QwTrailGBP0001", "dp_1QwTrailJPY0002"]
    assert report.unmatched == ["dp_1QwTrailUSD0003"]
    assert report.closed == ["dp_1QwTrailEUR0004 (won)"] and report.errors == []

    gbp = desk.chargebacks.get("dp_1QwTrailGBP0001")
    assert (gbp.notice.order_no, gbp.notice.amount, gbp.notice.currency) == ("4821", Decimal("53.95"), "GBP")
    assert gbp.reason.display == "Visa 13.1" and gbp.reason_known
    assert gbp.notice.dispute_date == date(2026, 11, 20) and gbp.notice.acquirer == "Stripe"
    deadline = desk.chargebacks.deadline(gbp)
    assert (deadline.due_date, deadline.days_left) == (date(2026, 12, 7), 5)

    yen = desk.chargebacks.get("dp_1QwTrailJPY0002")
    assert (yen.notice.order_no, yen.notice.amount, yen.notice.currency) == ("#1005", Decimal("5300"), "JPY")
    assert yen.reason.display == "Mastercard 4837"
    assert desk.chargebacks.deadline(yen).due_date == date(2026, 12, 11)
    assert [e.detail["source"] for e in desk.audit.for_case("chargeback", yen.case_id)] == ["stripe:stripe_disputes.json"]


def test_reimport_is_idempotent(desk: Desk) -> None:
    desk.stripe.import_file(_disputes(), "stripe_disputes.json")
    again = desk.stripe.import_file(_disputes(), "stripe_disputes.json")
    assert again.created == [] and sorted(again.already) == ["dp_1QwTrailGBP0001", "dp_1QwTrailJPY0002"]
    assert again.unmatched == ["dp_1QwTrailUSD0003"] and len(desk.stripe.unmatched()) == 1
    assert len(desk.chargebacks.queue()) == 2


def test_unmatched_dispute_is_matched_by_hand(desk: Desk) -> None:
    desk.stripe.import_file(_disputes(), "stripe_disputes.json")
    waiting = desk.stripe.unmatched()
    assert [(w.dispute_id, w.notice["amount"], w.notice["respond_by"]) for w in waiting] == [
        ("dp_1QwTrailUSD0003", "129.99", "2026-12-09")
    ]
    with pytest.raises(InvalidInputError, match="not in the store database"):
        desk.stripe.match("dp_1QwTrailUSD0003", "#9999")
    with pytest.raises(NotFoundError):
        desk.stripe.match("dp_unknown", "#1002")
    result = desk.stripe.match("dp_1QwTrailUSD0003", "1002")
    assert (result.notice.order_no, result.notice.amount, result.notice.respond_by) == (
        "#1002", Decimal("129.99"), date(2026, 12, 9)
    )
    assert desk.stripe.unmatched() == []
    assert desk.chargebacks.get("dp_1QwTrailUSD0003").reason.display == "Visa 13.3"


def test_single_dispute_object_and_unknown_fields(desk: Desk) -> None:
    dispute = json.loads(_disputes())["data"][1]
    dispute.update(id="dp_single", some_future_stripe_field={"x": 1}, amount=120000, currency="krw")
    dispute["charge"] = {"id": "ch_1", "metadata": {}, "description": "Trailhead order #1001"}
    report = desk.stripe.import_file(json.dumps(dispute).encode(), "one.json")
    assert report.created == ["dp_single"], report.summary()
    case = desk.chargebacks.get("dp_single")
    assert (case.notice.order_no, case.notice.amount, case.notice.currency) == ("#1001", Decimal("120000"), "KRW")
    assert "disputed in KRW but order #1001 was paid in EUR" in report.summary()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"[{\"id\": \"dp_bad\", \"amount\": 12.5, \"currency\": \"usd\", \"created\": 1}]", "Dispute 1 (dp_bad): amount"),
     (b"[{\"id\": \"dp_x\", \"currency\": \"usd\", \"created\": 1}]", "amount: Field required")],
)  # fmt: skip
def test_malformed_disputes_are_reported(desk: Desk, content: bytes, message: str) -> None:
    report = desk.stripe.import_file(content, "d.json")
    assert report.created == [] and message in report.errors[0]


def test_not_a_dispute_file(desk: Desk) -> None:
    with pytest.raises(InvalidInputError, match="d.json: expected a list of Stripe disputes"):
        desk.stripe.import_file(b'{"object": "charge"}', "d.json")


def test_stripe_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MC_CHAT_BACKEND", "none")
    monkeypatch.setenv("MC_SEED_DEMO_DATA", "false")
    cli_main(["orders", "import", str(DATA / "shopify_orders_export.csv")])
    assert cli_main(["stripe", "import", str(DATA / "stripe_disputes.json")]) == 0
    out = capsys.readouterr().out
    assert "1 case(s) opened, 2 waiting for an order match" in out and "match by hand: dp_1QwTrailGBP0001" in out
    assert cli_main(["stripe", "unmatched"]) == 0
    assert "dp_1QwTrailGBP0001           53.95 GBP  due 2026-12-07  (4821)" in capsys.readouterr().out
    assert cli_main(["stripe", "match", "dp_1QwTrailGBP0001", "#1001"]) == 0
    assert "case opened for order #1001" in capsys.readouterr().out
    assert cli_main(["stripe", "match", "dp_1QwTrailGBP0001", "#1001"]) == 2
    assert "waiting for a match" in capsys.readouterr().err


def _dispute(dispute_id: str, amount: int, currency: str, **fields: object) -> bytes:
    return json.dumps([{"id": dispute_id, "object": "dispute", "amount": amount, "currency": currency,
                        "created": 1795361400, "reason": "fraudulent", "status": "needs_response",
                        "evidence_details": {"due_by": 1796000000}, **fields}]).encode()  # fmt: skip


def test_payment_ids_from_imports_are_kept_and_found_exactly(desk: Desk) -> None:
    assert "c23817236.1" in desk.orders.get("#1001").payment.payment_ids  # Shopify "Payment ID"
    assert desk.orders.by_payment_id("c23817236.1").order_no == "#1001"
    for almost in ("c23817236", "c23817236.%", "c2381723_.1", '"c23817236.1"'):
        assert desk.orders.by_payment_id(almost) is None


def _push(desk: Desk, order_no: str, total: str, created: str, payment_ids: list[str] | None = None) -> None:
    order = {"order_no": order_no, "email": "lea@example.fr", "buyer_name": "Léa Martin", "created_at": created,
             "country_code": "FR", "currency": "USD", "total": total, "shipping": "0",
             "items": [{"sku": "TH-CAP", "title": "Trail cap", "quantity": 1, "unit_price": total}],
             "payment": {"method": "card", "payment_ids": payment_ids or []}}  # fmt: skip
    report = desk.intake.import_file(json.dumps({"orders": [order]}).encode(), "orders.json")
    assert not report.rejected, report.summary()


def test_a_dispute_without_an_order_link_finds_its_order_by_the_payment(desk: Desk) -> None:
    """The storefront pushed the order with Stripe's payment intent id; the dispute names only the payment."""
    _push(desk, "#2001", "49.00", "2026-11-20 18:00:00 +0100", ["pi_3TrailAPI0001", "ch_3TrailAPI0001"])
    result = desk.stripe.import_file(
        _dispute("dp_PaymentOnly01", 4900, "usd", charge={"id": "ch_other", "payment_intent": "pi_3TrailAPI0001"}),
        "one.json",
    )
    assert result.created == ["dp_PaymentOnly01"] and result.unmatched == []
    assert desk.chargebacks.get("dp_PaymentOnly01").notice.order_no == "#2001"


def test_an_unmatched_dispute_gets_suggested_orders_the_merchant_confirms(desk: Desk) -> None:
    _push(desk, "#2002", "129.99", "2026-11-10 12:00:00 +0100")  # same amount, before the dispute: suggested
    _push(desk, "#2003", "129.98", "2026-11-10 12:00:00 +0100")  # another amount
    _push(desk, "#2004", "129.99", "2026-06-01 12:00:00 +0100")  # long before Stripe's dispute window
    desk.stripe.import_file(_disputes(), "stripe_disputes.json")
    (waiting,) = desk.stripe.unmatched()
    assert waiting.notice["_suggested_orders"] == ["#2002"]
    result = desk.stripe.match(waiting.dispute_id, waiting.notice["_suggested_orders"][0])
    assert result.notice.order_no == "#2002" and "_suggested_orders" not in result.notice.model_dump()

    # A buyer email in the dispute that differs from the order's rules the order out.
    other = desk.stripe.import_file(_dispute("dp_OtherBuyer01", 12999, "usd", charge="ch_unknown",
                                             evidence={"customer_email_address": "nobody@else.example"}), "x.json")
    assert other.unmatched == ["dp_OtherBuyer01"]
    assert [w.notice["_suggested_orders"] for w in desk.stripe.unmatched()] == [[]]
