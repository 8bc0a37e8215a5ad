"""`POST /api/orders` on the real app over loopback: keys made and revoked in the console (gradio_client), 401 for a
missing/wrong/revoked key, 422 with a message for a bad body, 413 past the limit, a duplicate push is the same
order, tracking updates; the pushed order is then found by its #number and email."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client, handle_file

from app.wiring import Services, build_services
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER, make_settings

pytestmark = pytest.mark.integration

ORDER: dict[str, Any] = {
    "order_no": "#1001",
    "email": "mina.kim@example.kr",
    "buyer_name": "Mina Kim",
    "created_at": "2026-11-02 10:15:00 +0100",
    "currency": "EUR",
    "total": "90.90",
    "shipping": "6.90",
    "items": [{"sku": "TH-BOT-750-MOS", "title": "Trailhead Bottle 750 ml", "quantity": 2, "unit_price": "24.00"},
              {"sku": "TH-LID-CAR", "title": "Carabiner Lid", "quantity": 1, "unit_price": "36.00"}],
    "shipping_address": {"name": "Mina Kim", "line1": "12 Teheran-ro", "city": "Seoul", "postal_code": "06236",
                         "country_code": "KR"},
    "payment": {"method": "card", "card_brand": "visa", "card_last4": "4242", "avs_result": "Y", "cvv_result": "M",
                "three_ds": "authenticated"},
    "storefront_internal_id": 998877,
}  # fmt: skip


@pytest.fixture
def shop(tmp_path: Path, use_embedder: Any, run_app: Callable[[Services], str]) -> Iterator[tuple[Services, str]]:
    """A real shop with no demo data: fresh SQLite, empty knowledge, the whole app served on loopback."""
    services = build_services(
        make_settings(tmp_path / "data", seed_demo_data=False, orders_api_max_body_bytes=4096),
        embedder=use_embedder, start_models=False,
    )  # fmt: skip
    yield services, run_app(services)
    services.close()


def test_storefront_pushes_orders_with_a_key_from_the_console(shop: tuple[Services, str]) -> None:
    services, url = shop
    console = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    secret, keys = console.predict("WooCommerce webhook", api_name="/api_key_create")
    assert secret.startswith("mck_") and len(secret) > 40
    row = keys["data"][0]
    assert row[1:3] == ["WooCommerce webhook", secret[:8] + "…"] and row[4] == "never" and row[5] == "active"
    key_id = row[0]

    with httpx.Client(base_url=url, timeout=30) as http:
        auth = {"Authorization": f"Bearer {secret}"}
        assert http.post("/api/orders", json=ORDER).status_code == 401
        wrong = http.post("/api/orders", json=ORDER, headers={"Authorization": "Bearer mck_not-a-key"})
        assert wrong.status_code == 401 and "API key" in wrong.json()["error"]

        # A JSON number is read exactly (36.00 stays 36.00, never a float).
        body = json.dumps(ORDER).replace('"36.00"', "36.00")
        first = http.post("/api/orders", content=body, headers={**auth, "Content-Type": "application/json"})
        assert first.status_code == 201, first.text
        assert first.json() == {"order_no": "#1001", "result": "created", "status": "processing", "items": 2,
                                "tracking_events": 0}  # fmt: skip
        again = http.post("/api/orders", json=ORDER, headers=auth)
        assert again.status_code == 200 and again.json()["result"] == "unchanged"
        assert services.orders.count() == 1

        bad = http.post("/api/orders", json={**ORDER, "total": "ninety", "items": []}, headers=auth)
        assert bad.status_code == 422
        assert "total: 'ninety' is not an amount" in bad.json()["error"] and "items" in bad.json()["error"]
        not_json = http.post("/api/orders", content=b"{order", headers={**auth, "Content-Type": "application/json"})
        assert not_json.status_code == 422 and "not valid JSON" in not_json.json()["error"]
        huge = {**ORDER, "items": [ORDER["items"][0]] * 200}
        assert http.post("/api/orders", json=huge, headers=auth).status_code == 413

        tracking = {"carrier": "CJ Logistics", "tracking_no": "CJ5566",
                    "events": [{"time": "2026-11-03T09:00:00+09:00", "location": "Incheon", "description": "Arrived"}]}
        moved = http.post("/api/orders/%231001/tracking", json=tracking, headers=auth)
        assert moved.status_code == 200 and moved.json()["status"] == "shipped" and moved.json()["tracking_events"] == 1
        repeat = http.post("/api/orders/1001/tracking", json=tracking, headers=auth)
        assert repeat.json()["result"] == "unchanged" and repeat.json()["tracking_events"] == 1
        delivered = http.post("/api/orders/1001/tracking", headers=auth,
                              json={"status": "delivered", "delivered_at": "2026-11-04T15:00:00+09:00"})
        assert delivered.json()["status"] == "delivered"
        assert http.post("/api/orders/9999/tracking", json=tracking, headers=auth).status_code == 404
        assert http.post("/api/orders/1001/tracking", json={}, headers=auth).status_code == 422

        # A storefront re-sending the order after it shipped does not undo the tracking.
        assert http.post("/api/orders", json=ORDER, headers=auth).json()["status"] == "delivered"

        _, keys = console.predict(key_id, api_name="/api_key_revoke")
        assert keys["data"][0][5] == "revoked" and keys["data"][0][4] != "never"
        assert http.post("/api/orders", json=ORDER, headers=auth).status_code == 401

    order = services.orders.get_for_buyer("#1001", "Mina.Kim@example.kr")
    assert order is not None and order.tracking_no == "CJ5566" and order.payment.three_ds == "authenticated"
    assert order.language == "ko" and str(order.items[1].unit_price) == "36.00"
    console.close()


def test_keys_are_stored_hashed(shop: tuple[Services, str]) -> None:
    services, _ = shop
    new = services.api_keys.create("Shop")
    with services.db.engine.connect() as connection:
        dump = "\n".join(" ".join(str(v) for v in row) for row in connection.exec_driver_sql("SELECT * FROM api_keys"))
    assert new.secret not in dump and new.secret[8:] not in dump
    assert services.api_keys.authenticate(new.secret) is not None
    assert services.api_keys.authenticate(new.secret + "x") is None


def test_console_imports_orders_and_stripe_disputes(shop: tuple[Services, str]) -> None:
    services, url = shop
    data = Path(__file__).resolve().parents[2] / "data" / "imports"
    console = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)

    report, table = console.predict(handle_file(str(data / "shopify_orders_export.csv")), api_name="/orders_import")
    assert "3 new, 0 updated, 0 unchanged, 3 rejected" in report and "Row 5 (order #1003): Lineitem quantity" in report
    assert {row[0] for row in table["data"]} == {"#1001", "#1002", "#1005"}
    report, _ = console.predict(handle_file(str(data / "shopify_orders_export.csv")), api_name="/orders_import")
    assert "0 new, 0 updated, 3 unchanged" in report

    report, waiting = console.predict(handle_file(str(data / "stripe_disputes.json")), api_name="/stripe_disputes_import")
    assert "1 case(s) opened, 2 waiting for an order match" in report
    assert [row[0] for row in waiting["data"]] == ["dp_1QwTrailGBP0001", "dp_1QwTrailUSD0003"]
    with pytest.raises(Exception, match="not in the store database"):
        console.predict("dp_1QwTrailUSD0003", "#4040", api_name="/stripe_dispute_match")
    status, waiting = console.predict("dp_1QwTrailUSD0003", "#1002", api_name="/stripe_dispute_match")
    assert status == "Case dp_1QwTrailUSD0003 opened for order #1002."
    assert [row[0] for row in waiting["data"]] == ["dp_1QwTrailGBP0001"]
    assert services.chargebacks.get("dp_1QwTrailJPY0002").notice.amount == 5300
    console.close()
