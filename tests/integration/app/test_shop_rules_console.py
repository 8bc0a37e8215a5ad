"""Store setup's order-number patterns and shipping table on the real app over loopback (gradio_client): what the
merchant saves is what the chat detects and answers with, and what refunds price return labels with, from the next
message, without a restart; every save is audited and a bad value saves nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from app.domain.orders import Order
from app.services.shop_rules import SHIPPING_COLUMNS
from app.wiring import Services
from tests.support.fixtures_app import MERCHANT_USER, ask_new_buyer

pytestmark = pytest.mark.integration

DEMO_ORDERS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus" / "orders.json"





def test_order_number_patterns_apply_to_the_chat_without_a_restart(empty_shop_console: tuple[Services, Client]) -> None:
    services, console = empty_shop_console
    record = json.loads(DEMO_ORDERS.read_text(encoding="utf-8"))["orders"][0]
    record.update(order_no="SO-48213", buyer_email="mina@example.kr")
    services.orders.upsert_many([Order.model_validate(record)])
    question = "Where is my order so 48213? My email is mina@example.kr"
    assert not ask_new_buyer(services, question).startswith("Order SO-48213")

    checked = console.predict("SO-\\d{5}\n#\\d{4,}", api_name="/check_order_number_patterns")
    assert "SO-12345" in checked and "#1234" in checked
    assert services.shop_rules.order_number_patterns() != [r"SO-\d{5}", r"#\d{4,}"]  # a check saves nothing

    saved = console.predict("SO-\\d{5}\n#\\d{4,}", api_name="/save_order_number_patterns")
    assert saved.startswith("Saved")
    assert ask_new_buyer(services, question).startswith("Order SO-48213")
    assert "SO-12345" in ask_new_buyer(services, "Where is my order?")  # the hint shows the shop's own shape
    (event,) = services.audit.for_case("store", "setup")
    assert (event.actor, event.action, event.detail["after"]) == \
        (MERCHANT_USER, "order_number_patterns_saved", [r"SO-\d{5}", r"#\d{4,}"])


def test_a_too_broad_pattern_is_refused_and_nothing_changes(empty_shop_console: tuple[Services, Client]) -> None:
    services, console = empty_shop_console
    before = services.shop_rules.order_number_patterns()
    with pytest.raises(Exception, match="too broad"):
        console.predict("#\\d{4,}\n\\d+", api_name="/save_order_number_patterns")
    assert services.shop_rules.order_number_patterns() == before
    assert services.audit.for_case("store", "setup") == []


def _table(*rows: dict[str, str]) -> dict[str, Any]:
    return {"headers": list(SHIPPING_COLUMNS), "data": [[row.get(c, "") for c in SHIPPING_COLUMNS] for row in rows]}


NORWAY = {"country_code": "NO", "country": "Norway", "carrier": "Posten Bring", "days_min": "3", "days_max": "6",
          "cost": "15", "currency": "USD", "free_over": "150", "incoterm": "DAP", "return_cost": "21"}  # fmt: skip


def test_the_shipping_table_answers_chat_and_prices_refunds_without_a_restart(empty_shop_console: tuple[Services, Client]) -> None:
    services, console = empty_shop_console
    # Before any save the table shows the knowledge files' rows, and Norway is not served.
    assert "KR" in [row.country_code for row in services.shop_rules.shipping_table()]
    assert "do not ship to Norway" in ask_new_buyer(services, "Do you ship to Norway?")
    assert services.refunds.proposals.shipping.return_cost("NO", "USD") is None

    cells, note = console.predict(_table(NORWAY), api_name="/save_shipping_table")
    assert note.startswith("Saved 1 destinations")
    answer = ask_new_buyer(services, "Do you ship to Norway?")
    assert "Posten Bring" in answer and "$15" in answer and "$150" in answer, answer
    assert "do not ship to South Korea" in ask_new_buyer(services, "Do you ship to South Korea?")  # the saved table rules
    assert services.refunds.proposals.shipping.return_cost("NO", "USD") == Decimal("21")
    assert [e.action for e in services.audit.for_case("store", "setup")] == ["shipping_table_saved"]

    # An empty table hands the answers back to the knowledge files.
    console.predict(_table(), api_name="/save_shipping_table")
    assert "do not ship to Norway" in ask_new_buyer(services, "Do you ship to Norway?")


def test_a_bad_shipping_row_is_named_and_nothing_is_saved(empty_shop_console: tuple[Services, Client]) -> None:
    services, console = empty_shop_console
    with pytest.raises(Exception, match="row 2 incoterm"):
        console.predict(_table(NORWAY, {**NORWAY, "country_code": "SE", "incoterm": "FOB"}),
                        api_name="/save_shipping_table")  # fmt: skip
    assert services.shop_rules.saved_shipping_table() is None
    assert services.audit.for_case("store", "setup") == []
