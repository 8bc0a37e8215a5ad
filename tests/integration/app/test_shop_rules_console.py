"""Store setup's order-number patterns and shipping table on the real app over loopback (gradio_client): what the
merchant saves is what the chat detects and answers with, and what refunds price return labels with, from the next
message, without a restart; every save is audited and a bad value saves nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from app.domain.orders import Order
from app.services.shop_rules import SHIPPING_COLUMNS
from app.wiring import Services, build_services
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER, make_settings

pytestmark = pytest.mark.integration

DEMO_ORDERS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus" / "orders.json"


@pytest.fixture
def shop(tmp_path: Path, use_embedder: Any, run_app: Callable[[Services], str]) -> Iterator[tuple[Services, Client]]:
    services = build_services(make_settings(tmp_path / "data", seed_demo_data=False), embedder=use_embedder,
                              start_models=False)  # fmt: skip
    console = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    yield services, console
    console.close()
    services.close()


def _ask(services: Services, question: str) -> str:
    chat = services.buyer_chat
    return chat.reply(chat.new_session(), question).text


def test_order_number_patterns_apply_to_the_chat_without_a_restart(shop: tuple[Services, Client]) -> None:
    services, console = shop
    record = json.loads(DEMO_ORDERS.read_text(encoding="utf-8"))["orders"][0]
    record.update(order_no="SO-48213", buyer_email="mina@example.kr")
    services.orders.upsert_many([Order.model_validate(record)])
    question = "Where is my order so 48213? My email is mina@example.kr"
    assert not _ask(services, question).startswith("Order SO-48213")

    checked = console.predict("SO-\\d{5}\n#\\d{4,}", api_name="/check_order_number_patterns")
    assert "SO-12345" in checked and "#1234" in checked
    assert services.shop_rules.order_number_patterns() != [r"SO-\d{5}", r"#\d{4,}"]  # a check saves nothing

    saved = console.predict("SO-\\d{5}\n#\\d{4,}", api_name="/save_order_number_patterns")
    assert saved.startswith("Saved")
    assert _ask(services, question).startswith("Order SO-48213")
    assert "SO-12345" in _ask(services, "Where is my order?")  # the hint shows the shop's own shape
    (event,) = services.audit.for_case("store", "setup")
    assert (event.actor, event.action, event.detail["after"]) == \
        (MERCHANT_USER, "order_number_patterns_saved", [r"SO-\d{5}", r"#\d{4,}"])


def test_a_too_broad_pattern_is_refused_and_nothing_changes(shop: tuple[Services, Client]) -> None:
    services, console = shop
    before = services.shop_rules.order_number_patterns()
    with pytest.raises(Exception, match="too broad"):
        console.predict("#\\d{4,}\n\\d+", api_name="/save_order_number_patterns")
    assert services.shop_rules.order_number_patterns() == before
    assert services.audit.for_case("store", "setup") == []


def _table(*rows: dict[str, str]) -> dict[str, Any]:
    return {"headers": list(SHIPPING_COLUMNS), "data": [[row.get(c, "") for c in SHIPPING_COLUMNS] for row in rows]}


NORWAY = {"country_code": "NO", "country": "Norway", "carrier": "Posten Bring", "days_min": "3", "days_max": "6",
          "cost": "15", "currency": "USD", "free_over": "150", "incoterm": "DAP", "return_cost": "21"}  # fmt: skip


def test_the_shipping_table_answers_chat_and_prices_refunds_without_a_restart(shop: tuple[Services, Client]) -> None:
    services, console = shop
    # Before any save the table shows the knowledge files' rows, and Norway is not served.
    assert "KR" in [row.country_code for row in services.shop_rules.shipping_table()]
    assert "do not ship to Norway" in _ask(services, "Do you ship to Norway?")
    assert services.refunds.proposals.shipping.return_cost("NO", "USD") is None

    cells, note = console.predict(_table(NORWAY), api_name="/save_shipping_table")
    assert note.startswith("Saved 1 destinations")
    answer = _ask(services, "Do you ship to Norway?")
    assert "Posten Bring" in answer and "$15" in answer and "$150" in answer, answer
    assert "do not ship to South Korea" in _ask(services, "Do you ship to South Korea?")  # the saved table rules
    assert services.refunds.proposals.shipping.return_cost("NO", "USD") == Decimal("21")
    assert [e.action for e in services.audit.for_case("store", "setup")] == ["shipping_table_saved"]

    # An empty table hands the answers back to the knowledge files.
    console.predict(_table(), api_name="/save_shipping_table")
    assert "do not ship to Norway" in _ask(services, "Do you ship to Norway?")


def test_a_bad_shipping_row_is_named_and_nothing_is_saved(shop: tuple[Services, Client]) -> None:
    services, console = shop
    with pytest.raises(Exception, match="row 2 incoterm"):
        console.predict(_table(NORWAY, {**NORWAY, "country_code": "SE", "incoterm": "FOB"}),
                        api_name="/save_shipping_table")  # fmt: skip
    assert services.shop_rules.saved_shipping_table() is None
    assert services.audit.for_case("store", "setup") == []
