"""Money is Decimal plus an ISO currency, rounded to the currency's minor unit. Never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 currencies without a minor unit (the ones a cross-border shop meets).
_ZERO_DECIMAL = frozenset({"JPY", "KRW", "CLP", "VND", "ISK"})


def minor_unit_exponent(currency: str) -> int:
    return 0 if currency.upper() in _ZERO_DECIMAL else 2


def to_decimal(value: object) -> Decimal:
    """Parse money from str/int/Decimal; floats are refused because they already lost precision."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a string or Decimal")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a money amount: {value!r}") from exc


def round_money(amount: Decimal, currency: str, rounding: str = ROUND_HALF_UP) -> Decimal:
    exponent = minor_unit_exponent(currency)
    quantum = Decimal(1).scaleb(-exponent)
    return amount.quantize(quantum, rounding=rounding)


def format_money(amount: Decimal, currency: str) -> str:
    return f"{round_money(amount, currency):,} {currency.upper()}"
