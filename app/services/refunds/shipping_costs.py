"""Return (and outbound) shipping cost per destination, from the store's shipping table (shipping.csv)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path


@dataclass(frozen=True)
class ShippingRate:
    country_code: str
    outbound_cost: Decimal
    return_cost: Decimal | None
    currency: str


class ShippingCostTable:
    """The file is read once per instance; a missing file or country means "unknown", never a guessed price.
    `saved`: the shipping table the merchant keeps in Store setup, asked per use; when it has rows it wins."""

    def __init__(
        self, rates: dict[str, ShippingRate], saved: Callable[[], Mapping[str, ShippingRate] | None] | None = None
    ) -> None:
        self._rates = rates
        self._saved = saved

    @classmethod
    def from_corpus(
        cls, corpus_dir: Path, saved: Callable[[], Mapping[str, ShippingRate] | None] | None = None
    ) -> ShippingCostTable:
        path = corpus_dir / "shipping.csv"
        if not path.is_file():
            return cls({}, saved)
        rates: dict[str, ShippingRate] = {}
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = (row.get("country_code") or "").strip().upper()
                outbound = _money(row.get("cost"))
                if not code or outbound is None:
                    continue
                rates[code] = ShippingRate(
                    country_code=code,
                    outbound_cost=outbound,
                    return_cost=_money(row.get("return_cost")),
                    currency=(row.get("currency") or "USD").strip().upper(),
                )
        return cls(rates, saved)

    def rate(self, country_code: str) -> ShippingRate | None:
        saved = self._saved() if self._saved is not None else None
        return (saved or self._rates).get(country_code.strip().upper())

    def return_cost(self, country_code: str, currency: str) -> Decimal | None:
        """Return label cost in `currency`; None when unknown or priced in another currency."""
        rate = self.rate(country_code)
        if rate is None or rate.return_cost is None or rate.currency != currency.upper():
            return None
        return rate.return_cost

    def outbound_cost(self, country_code: str, currency: str) -> Decimal | None:
        rate = self.rate(country_code)
        if rate is None or rate.currency != currency.upper():
            return None
        return rate.outbound_cost


def _money(text: str | None) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None
