"""Order exports into a real SQLite store: Shopify, WooCommerce and the order JSON; re-import is idempotent;
rejected rows are named; tracking from the API survives a later export; the CLI does the same."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.__main__ import main as cli_main
from app.errors import InvalidInputError
from app.services.orders.importer import OrderIntake
from app.services.orders.schema import TrackingUpdate
from app.store.audit import AuditLog
from app.store.db import Database
from app.store.orders import OrderRepository

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[OrderIntake, OrderRepository]]:
    db = Database(f"sqlite:///{tmp_path / 'shop.db'}")
    db.create_schema()
    orders = OrderRepository(db)
    yield OrderIntake(orders, AuditLog(db)), orders
    db.dispose()


def _import(intake: OrderIntake, name: str) -> object:
    return intake.import_file((DATA / name).read_bytes(), name)


def test_shopify_export_with_line_item_rows(store: tuple[OrderIntake, OrderRepository]) -> None:
    intake, orders = store
    report = _import(intake, "shopify_orders_export.csv")
    assert sorted(report.created) == ["#1001", "#1002", "#1005"]  # type: ignore[attr-defined]

    order = orders.get_for_buyer("#1001", "mina.kim@example.kr")
    assert order is not None, "found by the number the buyer types, with their email"
    assert orders.get_for_buyer("1001", "MINA.KIM@example.kr") == order
    assert orders.get_for_buyer("#1001", "someone@example.com") is None
    assert [(i.product_id, i.quantity, i.unit_price) for i in order.items] == [
        ("TH-BOT-750-MOS", 2, Decimal("24.00")), ("TH-LID-CAR", 1, Decimal("36.00")),
    ]
    assert (order.total_paid, order.shipping_paid, order.currency) == (Decimal("90.90"), Decimal("6.90"), "EUR")
    assert (order.country_code, order.language, order.status, order.financial_status) == ("KR", "ko", "shipped", "paid")
    assert order.created_at.isoformat() == "2026-11-02T10:15:00+01:00"
    assert order.shipping_address is not None and order.shipping_address.postal_code == "06236"

    yen = orders.get("#1005")
    assert yen is not None and yen.total_paid == Decimal("5300") and yen.status == "returned"


def test_rejected_rows_are_reported_with_row_numbers_and_columns(store: tuple[OrderIntake, OrderRepository]) -> None:
    intake, orders = store
    report = _import(intake, "shopify_orders_export.csv")
    rejected = [str(row) for row in report.rejected]  # type: ignore[attr-defined]
    assert "Row 5 (order #1003): Lineitem quantity: Input should be a valid integer" in " ".join(rejected)
    assert any(r.startswith("Row 6:") and "no Name" in r for r in rejected)
    assert any(r.startswith("Row 7 (order #1004): Email") for r in rejected)
    assert orders.get("#1003") is None and orders.get("#1004") is None
    assert "3 new, 0 updated, 0 unchanged, 3 rejected" in report.summary()  # type: ignore[attr-defined]


def test_reimport_changes_nothing_and_an_edited_export_updates(
    store: tuple[OrderIntake, OrderRepository], tmp_path: Path
) -> None:
    intake, orders = store
    _import(intake, "shopify_orders_export.csv")
    again = _import(intake, "shopify_orders_export.csv")
    assert (again.created, again.updated, sorted(again.unchanged)) == ([], [], ["#1001", "#1002", "#1005"])  # type: ignore[attr-defined]
    assert orders.count() == 3

    edited = (DATA / "shopify_orders_export.csv").read_text(encoding="utf-8-sig").replace(
        "unfulfilled", "fulfilled"
    )
    report = intake.import_file(edited.encode(), "export.csv")
    assert report.updated == ["#1002"] and orders.get("#1002").status == "shipped"  # type: ignore[union-attr]
    assert orders.count() == 3


def test_woocommerce_export(store: tuple[OrderIntake, OrderRepository]) -> None:
    intake, orders = store
    report = _import(intake, "woocommerce_orders_export.csv")
    assert sorted(report.created) == ["4821", "4822"]  # type: ignore[attr-defined]
    assert [str(r) for r in report.rejected] == [  # type: ignore[attr-defined]
        "Row 5 (order 4823): order_date: 'yesterday' is not a date; expected e.g. 2026-11-02 10:15:00 +0100"
    ]
    order = orders.get_for_buyer("4821", "olivia.brown@example.co.uk")
    assert order is not None and order.buyer_name == "Olivia Brown" and order.status == "shipped"
    assert [(i.title, i.quantity, i.unit_price) for i in order.items] == [
        ("Merino Beanie", 3, Decimal("10.00")), ("Wool Mittens", 1, Decimal("19.00")),
    ]
    assert (order.total_paid, order.currency, order.language) == (Decimal("53.95"), "GBP", "en")
    assert orders.get("4822").language == "es"  # type: ignore[union-attr]


def test_woocommerce_one_row_per_order_with_line_items(store: tuple[OrderIntake, OrderRepository]) -> None:
    intake, orders = store
    csv = (
        "order_number,order_date,status,shipping_total,order_total,order_currency,billing_email,billing_country,"
        "line_items,some_plugin_column\r\n"
        '77,2026-11-12 08:00:00,processing,5.00,35.00,EUR,jan@example.nl,NL,'
        '"name:Mug|product_id:5|sku:MUG|quantity:2|total:20.00;name:Cap|sku:CAP|quantity:1|total:10.00",x\r\n'
    )
    report = intake.import_file(csv.encode(), "woo.csv")
    assert report.created == ["77"]
    order = orders.get("77")
    assert order is not None and [(i.product_id, i.quantity, i.unit_price) for i in order.items] == [
        ("MUG", 2, Decimal("10.00")), ("CAP", 1, Decimal("10.00")),
    ]
    assert order.language == "nl"


def test_order_json_with_tracking_and_payment_checks(store: tuple[OrderIntake, OrderRepository], tmp_path: Path) -> None:
    intake, orders = store
    payload = {"orders": [
        {"order_no": "A-1", "email": "ko@example.kr", "buyer_name": "Ko Eun", "created_at": "2026-11-01T09:00:00+09:00",
         "currency": "KRW", "total": 120000, "shipping": 3000, "country_code": "KR",
         "items": [{"sku": "TENT", "title": "Tent", "quantity": 1, "unit_price": 117000}],
         "payment": {"method": "card", "card_brand": "visa", "card_last4": "4242", "avs_result": "Y",
                     "cvv_result": "M", "three_ds": "authenticated", "ip_address": "121.1.2.3"},
         "status": "delivered", "carrier": "CJ Logistics", "tracking_no": "CJ123",
         "tracking_events": [{"time": "2026-11-03T10:00:00+09:00", "location": "Seoul", "description": "Delivered"},
                             {"time": "2026-11-02T10:00:00+09:00", "location": "Incheon", "description": "Picked up"}],
         "delivered_at": "2026-11-03T10:00:00+09:00", "delivery_signature": "Ko"},
        {"order_no": "A-2", "email": "x@example.com", "currency": "USD", "total": 10.5, "country_code": "US",
         "created_at": "2026-11-01", "items": [{"title": "Cap", "quantity": 0, "unit_price": "10.50"}]},
    ]}  # fmt: skip
    report = intake.import_file(json.dumps(payload).encode(), "orders.json")
    assert report.created == ["A-1"]
    assert [str(r) for r in report.rejected] == ["Row 2 (order A-2): items.quantity: Input should be greater than or equal to 1"]
    order = orders.get("a-1")
    assert order is not None and order.total_paid == Decimal("120000")
    assert order.payment.three_ds == "authenticated" and order.payment.masked_card == "VISA •••• 4242"
    assert [e.description for e in order.tracking_events] == ["Picked up", "Delivered"]
    assert order.delivery_proof is not None and order.delivery_proof.signature_name == "Ko"


def test_export_reimport_keeps_tracking_pushed_later(store: tuple[OrderIntake, OrderRepository]) -> None:
    intake, orders = store
    _import(intake, "shopify_orders_export.csv")
    update = TrackingUpdate.model_validate({
        "carrier": "DHL", "tracking_no": "JD0001", "status": "delivered", "delivered_at": "2026-11-06T12:00:00Z",
        "events": [{"time": "2026-11-04T08:00:00Z", "location": "Leipzig", "description": "Departed hub"}],
    })  # fmt: skip
    intake.add_tracking("1002", update, actor="test")
    report = _import(intake, "shopify_orders_export.csv")
    assert "#1002" in report.unchanged  # type: ignore[attr-defined]
    order = orders.get("#1002")
    assert order is not None and (order.tracking_no, order.status) == ("JD0001", "delivered")
    assert [e.location for e in order.tracking_events] == ["Leipzig"]

    # Only tracking, no delivery yet: an older export saying "unfulfilled" keeps the order shipped.
    intake.add_tracking("#1001", TrackingUpdate.model_validate({"tracking_no": "KR777"}), actor="test")
    edited = (DATA / "shopify_orders_export.csv").read_text(encoding="utf-8-sig").replace(
        ",fulfilled,2026-11-03", ",unfulfilled,2026-11-03"
    )
    intake.import_file(edited.encode(), "older.csv")
    assert orders.get("#1001").status == "shipped"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("orders.xlsx", b"PK..", "import a Shopify or WooCommerce"),
        ("orders.csv", b"Handle,Title,Variant SKU\r\nmug,Mug,M1\r\n", "not a Shopify orders export"),
        ("orders.csv", b"Name,Email,Lineitem name\r\n#1,a@b.co,Mug\r\n", r"lacks column\(s\): Created at, Currency, Total, Lineitem quantity, Lineitem price\."),
        ("orders.csv", "Name;Email\r\n".encode("utf-16"), "not UTF-8"),
        ("orders.json", b"{\"orders\": ", "not valid"),
    ],
)
def test_unreadable_files_name_the_file(
    store: tuple[OrderIntake, OrderRepository], name: str, content: bytes, message: str
) -> None:
    intake, _ = store
    with pytest.raises(InvalidInputError, match=message) as caught:
        intake.import_file(content, name)
    assert caught.value.user_message.startswith(name) or "JSON" in caught.value.user_message


def test_cli_imports_an_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MC_CHAT_BACKEND", "none")
    monkeypatch.setenv("MC_SEED_DEMO_DATA", "false")
    assert cli_main(["orders", "import", str(DATA / "woocommerce_orders_export.csv")]) == 1  # one row rejected
    assert "2 new, 0 updated, 0 unchanged, 1 rejected" in capsys.readouterr().out
    assert cli_main(["orders", "import", str(DATA / "woocommerce_orders_export.csv")]) == 1
    assert "0 new, 0 updated, 2 unchanged, 1 rejected" in capsys.readouterr().out
    assert cli_main(["orders", "import", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
