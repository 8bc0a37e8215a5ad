"""Order-number patterns and the shipping table as Store setup checks them: a pattern that would read years, prices
or words as order numbers, or that can backtrack forever, is refused with the reason; good ones show an example."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import InvalidInputError
from app.services.shop_rules import (
    SHIPPING_COLUMNS,
    ShippingTableRow,
    ShopRules,
    check_order_number_patterns,
    parse_shipping_table,
)
from app.store.audit import AuditLog
from app.store.db import Database
from app.store.merchant_settings import MerchantSettingsRepository


@pytest.mark.parametrize(("pattern", "example"), [
    (r"#\d{4,}", "#1234"),
    (r"\d{16}", "1234567890123456"),
    (r"PP-\d{6}", "PP-123456"),
    (r"AB\d{3}-\d{4}", "AB111-1111"),
    (r"(?:SO|PO)-\d{5}", "SO-11111"),
])  # fmt: skip
def test_usable_patterns_come_back_with_an_example(pattern: str, example: str) -> None:
    assert [(c.pattern, c.example) for c in check_order_number_patterns([pattern])] == [(pattern, example)]


@pytest.mark.parametrize(("pattern", "reason"), [
    (r"\d+", "too broad"),             # every number
    (r"\d{4}", "too broad"),           # years
    (r"[a-z]+", "too broad"),          # plain words
    (r"\d+(?:\.\d\d)?", "too broad"),  # prices
    (r"(\d+)+", "repeats a repetition"),
    (r"(?:\d{3}-)+\d", "repeats a repetition"),
    (r"(", "not a valid regular expression"),
    (r".*", "matches empty text"),
])  # fmt: skip
def test_bad_patterns_are_refused_with_the_reason(pattern: str, reason: str) -> None:
    with pytest.raises(InvalidInputError, match=reason) as caught:
        check_order_number_patterns([r"#\d{4,}", pattern])
    assert pattern in caught.value.user_message


def test_no_pattern_or_too_many_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="at least one"):
        check_order_number_patterns(["", "  "])
    with pytest.raises(InvalidInputError, match="At most"):
        check_order_number_patterns([f"X{i}-\\d{{6}}" for i in range(6)])


def _cells(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = dict(country_code="no", country="Norway", carrier="Posten", service="", days_min="3",
                                  days_max="5", cost="15", currency="eur", free_over="", incoterm="dap",
                                  return_cost="20")  # fmt: skip
    return {**row, **overrides}


def test_shipping_rows_are_cleaned_and_checked_per_row() -> None:
    assert list(SHIPPING_COLUMNS) == list(ShippingTableRow.model_fields)
    (row,) = parse_shipping_table([_cells(), {k: "" for k in SHIPPING_COLUMNS}])  # the blank row is skipped
    assert (row.country_code, row.currency, row.incoterm, row.free_over, str(row.return_cost)) == \
        ("NO", "EUR", "DAP", None, "20")
    with pytest.raises(InvalidInputError, match=r"row 2: .*SE: fewest days \(9\) is more than most days \(5\)"):
        parse_shipping_table([_cells(), _cells(country_code="SE", days_min="9")])
    with pytest.raises(InvalidInputError, match="row 1 incoterm"):
        parse_shipping_table([_cells(incoterm="FOB")])
    with pytest.raises(InvalidInputError, match="row 1 cost"):
        parse_shipping_table([_cells(cost="-3")])
    with pytest.raises(InvalidInputError, match="NO appear more than once"):
        parse_shipping_table([_cells(), _cells()])


def test_the_provider_applies_a_save_at_once_and_ignores_a_broken_stored_value(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'shop.db'}")
    db.create_schema()
    repo, audit = MerchantSettingsRepository(db), AuditLog(db)
    # A long cache age: only the save through the provider can make the next read see the new value.
    rules = ShopRules(repo, audit, default_patterns=[r"PP-\d{6}"], max_age_s=3600)
    assert rules.current().find("order 1001") is None
    rules.save_order_number_patterns([r"#\d{4,}"], "merchant")
    assert rules.current().find("order 1001") == "#1001"
    assert [e.action for e in audit.for_case("store", "setup")] == ["order_number_patterns_saved"]

    fresh = ShopRules(repo, audit, default_patterns=[r"PP-\d{6}"], max_age_s=0)
    repo.set("order_number_patterns", ["("])  # edited by hand into nonsense
    assert fresh.current().patterns == (r"PP-\d{6}",)
    assert fresh.saved_shipping_table() is None and fresh.refund_rates() is None
    fresh.save_shipping_table([_cells()], "merchant")
    assert fresh.refund_rates()["NO"].return_cost == 20  # type: ignore[index]
    fresh.save_shipping_table([], "merchant")
    assert fresh.saved_shipping_table() is None
    db.dispose()
