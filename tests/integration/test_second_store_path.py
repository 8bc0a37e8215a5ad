"""The first hour of a real shop, end to end, on the second store's own files (no demo data): its Shopify product
export, PDF manual and HTML FAQ imported into real Chroma → the chat (no model) answers Korean questions about a
variant's price and the manual with the right values and sources → an order pushed through POST /api/orders with a
console-made key is found in the chat by its #number and email → Stripe disputes become chargeback cases with the
deadline Stripe gives."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.wiring import Services, build_services
from tests.support.fixtures_app import make_settings

pytestmark = pytest.mark.integration

IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"
CATALOG = ("shopify_products.csv", "aurora_x2_manual.pdf", "faq.html")

ORDER: dict[str, Any] = {
    "order_no": "#1001",
    "email": "Mina.Kim@example.kr",
    "buyer_name": "Mina Kim",
    "created_at": "2026-11-02 10:15:00 +0100",
    "currency": "EUR",
    "total": "90.90",
    "shipping": "6.90",
    "items": [{"sku": "NV-FMH-MO-M", "title": "Fjell Merino Hoodie - Moss / M", "quantity": 1, "unit_price": "84.00"}],
    "shipping_address": {"name": "Mina Kim", "line1": "12 Teheran-ro", "city": "Seoul", "postal_code": "06236",
                         "country_code": "KR"},
}  # fmt: skip


@pytest.fixture
def shop(tmp_path: Path, e5_embedder: Any, run_app: Callable[[Services], str]) -> Iterator[tuple[Services, str]]:
    """A shop that is not the demo: empty database and knowledge, prices in EUR, Shopify order numbers. The app's
    default embedder (e5), as the off-topic gate is calibrated for it."""
    services = build_services(
        make_settings(tmp_path / "data", seed_demo_data=False, store_currency="EUR", order_number_patterns=[r"#\d{4,}"]),
        embedder=e5_embedder, start_models=False,
    )  # fmt: skip
    yield services, run_app(services)
    services.close()


def _ask(services: Services, question: str):
    chat = services.buyer_chat
    return chat.reply(chat.new_session(), question)


def test_a_second_store_from_import_to_chargeback(shop: tuple[Services, str]) -> None:
    services, url = shop
    assert services.chat_model is None and services.orders.count() == 0

    # 1. Knowledge in: the merchant's own exports, as the console's Knowledge tab imports them.
    for name in CATALOG:
        report = services.knowledge_admin.ingest_upload(IMPORTS / name)
        assert report.added > 0 and report.embedded == report.added, name

    # 2. A variant's price, asked in Korean: the variant's own price (not the product's lowest), with its source.
    price = _ask(services, "Fjell 메리노 후디 차콜 L 사이즈 가격이 얼마예요?")
    assert price.language == "ko"
    assert "129.00" in price.text and "119.00" not in price.text and "Size: L" in price.text, price.text
    assert any(c.source == "uploads/shopify_products.csv" for c in price.citations), price.citations

    # A manual question: answered from the PDF, the citation names the page.
    manual = _ask(services, "Aurora X2 헤드램프는 완전히 충전하는 데 몇 시간 걸리나요?")
    assert manual.language == "ko"
    assert manual.citations and manual.citations[0].source == "uploads/aurora_x2_manual.pdf", manual.citations
    assert manual.citations[0].title.endswith("2 Charging, p. 2")
    # With no model there is no Korean prose to write from an English manual: the reply points to the page.
    assert "2 Charging, p. 2" in manual.text.splitlines()[1], manual.text

    # 3. Orders in: the storefront pushes an order with a key made for it; the buyer finds it in the chat.
    secret = services.api_keys.create("Storefront").secret
    with httpx.Client(base_url=url, timeout=30) as http:
        pushed = http.post("/api/orders", json=ORDER, headers={"Authorization": f"Bearer {secret}"})
    assert pushed.status_code == 201, pushed.text
    found = _ask(services, "주문 1001 어디쯤 왔나요? 이메일은 mina.kim@example.kr 입니다")
    assert "#1001" in found.text and "PP-" not in found.text, found.text
    # The wrong email finds nothing and reveals nothing.
    stranger = _ask(services, "order #1001, my email is someone@example.com")
    assert "Mina" not in stranger.text and "Teheran" not in stranger.text

    # 4. Disputes in: the rest of the shop's orders from its Shopify export, then Stripe's dispute list.
    orders = services.order_intake.import_file((IMPORTS / "shopify_orders_export.csv").read_bytes(),
                                               "shopify_orders_export.csv")
    assert orders.created == ["#1002", "#1005"] and orders.updated == ["#1001"], orders.summary()
    disputes = json.loads((IMPORTS / "stripe_disputes.json").read_text(encoding="utf-8"))
    # The pushed order's dispute, still open (the file has it already won).
    mine = copy.deepcopy(next(d for d in disputes["data"] if d["metadata"].get("order_id") == "#1001"))
    mine.update(id="dp_secondstore1001", status="needs_response")
    mine["evidence_details"]["due_by"] = 1796860799  # 2026-12-09 23:59:59 UTC
    disputes["data"].append(mine)
    report = services.stripe_disputes.import_file(json.dumps(disputes).encode(), "disputes.json")
    assert report.errors == [] and "dp_1QwTrailEUR0004 (won)" in report.closed
    assert {"dp_1QwTrailJPY0002", "dp_secondstore1001"} <= set(report.created)

    yen = services.chargebacks.get("dp_1QwTrailJPY0002")
    assert yen.notice.order_no == "#1005" and str(yen.notice.amount) == "5300"
    assert services.chargebacks.deadline(yen).due_date == date(2026, 12, 11)
    case = services.chargebacks.get("dp_secondstore1001")
    assert (case.notice.order_no, str(case.notice.amount), case.notice.currency) == ("#1001", "90.90", "EUR")
    assert services.chargebacks.deadline(case).due_date == date(2026, 12, 9)
