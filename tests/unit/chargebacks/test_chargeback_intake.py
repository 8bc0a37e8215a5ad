"""Notice intake: CSV/JSON rows with clear per-field messages; network inferred; card numbers masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import InvalidInputError
from app.services.chargebacks.catalog import ReasonCodeCatalog
from app.services.chargebacks.intake import parse_notice, read_rows
from app.store.orders import load_orders_file

pytestmark = pytest.mark.unit

CATALOG = ReasonCodeCatalog.load()
ORDERS = {o.order_no: o for o in load_orders_file(Path(__file__).resolve().parents[3] / "knowledge/corpus/orders.json")}
GOOD = {"case_id": "CB-1", "reason_code": "13.1", "amount": "229.00", "dispute_date": "2026-11-20",
        "order_no": "PP-260921", "claim_text": "Never arrived. Card 4111 1111 1111 1111."}


def _parse(**changes: str):  # type: ignore[no-untyped-def]
    return parse_notice({**GOOD, **changes}, CATALOG, ORDERS.get, lambda case_id: case_id == "TAKEN")


def test_a_good_notice_takes_network_and_currency_from_the_order_and_masks_the_claim() -> None:
    result = _parse()
    assert result.notice.network == "visa" and result.notice.currency == "USD"
    assert result.notice.reason_code == "13.1" and result.lookup.known
    assert "4111" not in result.notice.claim_text.replace("•••• 1111", "")
    assert "[card •••• 1111]" in result.notice.claim_text
    assert any("from the order" in warning for warning in result.warnings)


def test_order_number_is_normalised_and_the_code_canonicalised() -> None:
    result = _parse(order_no="#pp-260921", reason_code="1301")
    assert result.notice.order_no == "PP-260921" and result.notice.reason_code == "13.1"


@pytest.mark.parametrize(("changes", "message"), [
    ({"amount": "abc"}, "amount: 'abc' is not an amount"),
    ({"amount": "229,00"}, "dot for decimals"),
    ({"amount": "-5"}, "amount"),
    ({"amount": "1.234"}, "more decimals than USD"),
    ({"dispute_date": "20/11/2026"}, "use YYYY-MM-DD"),
    ({"order_no": "PP-000000"}, "order PP-000000 is not in the store"),
    ({"case_id": "TAKEN"}, "already exists"),
    ({"case_id": "bad id!"}, "case_id"),
    ({"network": "diners"}, "network: 'diners'"),
    ({"currency": "US"}, "currency"),
    ({"respond_by": "2026-11-01"}, "before the dispute date"),
    ({"reason_code": ""}, "missing reason_code"),
])
def test_bad_fields_get_a_message_naming_the_field(changes: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInputError) as error:
        _parse(**changes)
    assert message in error.value.user_message


def test_unknown_reason_code_is_accepted_with_a_warning() -> None:
    result = _parse(reason_code="99.9", network="visa")
    assert not result.lookup.known and result.lookup.reason.category == "unknown"
    assert any("not in the catalog" in warning for warning in result.warnings)


def test_csv_headers_are_matched_loosely() -> None:
    data = (b"Case ID,Network,Reason,Amount,Currency,Dispute Date,Order Number,Claim\n"
            b"CB-9,visa,13.1,229.00,USD,2026-11-20,PP-260921,not received\n")
    rows = read_rows(data, "notices.csv")
    assert rows == [{"case_id": "CB-9", "network": "visa", "reason_code": "13.1", "amount": "229.00",
                     "currency": "USD", "dispute_date": "2026-11-20", "order_no": "PP-260921",
                     "claim_text": "not received"}]


def test_json_accepts_a_list_or_a_notices_object() -> None:
    assert read_rows(json.dumps([GOOD]).encode(), "a.json")[0]["case_id"] == "CB-1"
    assert read_rows(json.dumps({"notices": [GOOD]}).encode(), "a.json")[0]["order_no"] == "PP-260921"


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"case_id,amount\nx,1\n", "n.csv", "lacks column(s): reason_code, dispute_date, order_no"),
    (b"{not json", "n.json", "not valid"),
    (b'{"rows": 1}', "n.json", "list of notices"),
    (b"\xff\xfe\x00", "n.csv", "not UTF-8"),
    (b"x", "n.xlsx", ".csv or .json"),
])
def test_unreadable_files_are_refused_as_a_whole(data: bytes, name: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as error:
        read_rows(data, name)
    assert message in error.value.user_message
