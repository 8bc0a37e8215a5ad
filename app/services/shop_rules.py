"""The shop's own rules the console edits at run time: its order-number patterns and its shipping table.

Both live in the merchant settings table, every save is validated and audited, and every reader (chat intents,
the reply guard, templates, shipping facts, refund shipping costs) asks this one provider per use, so a save applies
to the next message without a restart. The provider keeps the parsed value with the time it read it: a save through
it takes effect at once; a save by another process is seen within `max_age_s` (no global state, one instance per app).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from app.domain.order_numbers import OrderNumberFormat, OrderNumberPatternError
from app.errors import InvalidInputError
from app.services.chat.facts.catalog import CatalogSource, ShippingRow
from app.services.refunds.shipping_costs import ShippingCostTable, ShippingRate
from app.store.audit import AuditLog
from app.store.merchant_settings import MerchantSettingsRepository
from knowledge.chunking import shipping_sentence

ORDER_PATTERNS_KEY = "order_number_patterns"
SHIPPING_TABLE_KEY = "shipping_table"
MAX_PATTERNS = 5
MAX_PATTERN_CHARS = 80
MAX_SHIPPING_ROWS = 300
SHIPPING_COLUMNS = ("country_code", "country", "carrier", "service", "days_min", "days_max", "cost", "currency",
                    "free_over", "incoterm", "return_cost")  # ShippingTableRow's fields, in order

# Ordinary buyer text with no order number in it: a pattern that finds one here would read years, prices, counts or
# words as order numbers (and the guard would then treat them as someone else's order).
_PLAIN_TEXT = (
    "Hello, I bought the blue one for 19.99 USD on 2026-12-02 and paid 1,299 in total; 2 items came after 5 days, "
    "the 27 inch screen is 144 Hz, tracking says 2024, call me at 555 0123. Thanks a lot!"
)
_PLAIN_TOKENS = ("hello", "refund", "shipping", "thanks", "a", "1", "7", "42", "100", "2024", "2026", "19.99")


@dataclass(frozen=True)
class PatternCheck:
    pattern: str
    example: str | None  # a made-up order number in the pattern's shape, when one can be built


def _repeats(node: Any) -> Iterable[tuple[int, Any]]:
    """(max count, body) of each repetition directly or indirectly under `node` (an sre parse tree)."""
    import re._constants as sre_constants  # noqa: PLC0415 — the standard library's own regex tree, read-only

    items = node if isinstance(node, list) else getattr(node, "data", None)
    if items is None:
        return
    for op, av in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            yield av[1], av[2]
        elif isinstance(av, tuple | list):
            for part in av:
                if isinstance(part, list) or hasattr(part, "data"):
                    yield from _repeats(part)
                elif isinstance(part, tuple | list):
                    for sub in part:
                        yield from _repeats(sub)


def _catastrophic(pattern: str) -> bool:
    """A repetition inside a repetition where either is unbounded, e.g. (\\d+)+ : exponential backtracking."""
    import re._constants as sre_constants  # noqa: PLC0415
    import re._parser as sre_parse  # noqa: PLC0415

    unbounded = sre_constants.MAXREPEAT
    for outer_max, body in _repeats(sre_parse.parse(pattern)):
        for inner_max, _ in _repeats(body):
            if outer_max > 1 and (outer_max == unbounded or inner_max == unbounded):
                return True
    return False


def check_order_number_patterns(patterns: Iterable[str]) -> list[PatternCheck]:
    """Each pattern compiled and proven usable, with an example; InvalidInputError names the first bad one."""
    cleaned = list(dict.fromkeys(p.strip() for p in patterns if p and p.strip()))
    if not cleaned:
        raise InvalidInputError("Give at least one order number pattern, e.g. #\\d{4,} for Shopify.")
    if len(cleaned) > MAX_PATTERNS:
        raise InvalidInputError(f"At most {MAX_PATTERNS} order number patterns.")
    checks = []
    for pattern in cleaned:
        if len(pattern) > MAX_PATTERN_CHARS:
            raise InvalidInputError(f"Order number pattern {pattern[:20]!r}… is longer than {MAX_PATTERN_CHARS} "
                                    "characters.")  # fmt: skip
        try:
            strict = re.compile(pattern, re.IGNORECASE)
            catastrophic = _catastrophic(pattern)
        except (re.error, RecursionError, OverflowError) as exc:
            raise InvalidInputError(f"Order number pattern “{pattern}” is not a valid regular expression: "
                                    f"{exc}") from exc  # fmt: skip
        try:
            single = OrderNumberFormat.from_patterns([pattern])
        except (OrderNumberPatternError, re.error) as exc:
            raise InvalidInputError(f"Order number pattern “{pattern}” cannot be used to find order numbers in "
                                    "messages; write an optional prefix or separator without '?'.") from exc
        if catastrophic:
            raise InvalidInputError(f"Order number pattern “{pattern}” repeats a repetition (like (\\d+)+), which "
                                    "can take forever on some messages; write it without the nested repeat.")
        if strict.fullmatch(""):
            raise InvalidInputError(f"Order number pattern “{pattern}” matches empty text.")
        broad = [t for t in _PLAIN_TOKENS if strict.fullmatch(t)] or single.find_all(_PLAIN_TEXT)
        if broad:
            raise InvalidInputError(
                f"Order number pattern “{pattern}” is too broad: it takes “{broad[0]}” from ordinary text for an "
                "order number. Add the shop's prefix (#, PP-…) or the exact number of digits."
            )
        example = single.example() or _example(pattern)
        if example is not None and single.find(f"order {example}") != example:
            raise InvalidInputError(f"Order number pattern “{pattern}”: its own example “{example}” is not found "
                                    "in a message; simplify the pattern.")  # fmt: skip
        checks.append(PatternCheck(pattern, example))
    return checks


def _example(pattern: str) -> str | None:
    """The shortest text the pattern's parse tree spells (first of each class or branch), if it fullmatches."""
    import re._constants as c  # noqa: PLC0415
    import re._parser as sre_parse  # noqa: PLC0415

    def spell(items: Any) -> str:
        out = ""
        for op, av in items:
            if op is c.LITERAL:
                out += chr(av)
            elif op is c.IN:
                first = next((x for x in av if x[0] in (c.LITERAL, c.RANGE, c.CATEGORY)), None)
                out += spell([first]) if first else "?"
            elif op is c.RANGE:
                out += chr(av[0])
            elif op is c.CATEGORY:
                out += {c.CATEGORY_DIGIT: "1", c.CATEGORY_WORD: "A"}.get(av, "?")
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                out += spell(av[2]) * max(av[0], 1)
            elif op is c.SUBPATTERN:
                out += spell(av[3])
            elif op is c.BRANCH:
                out += spell(av[1][0])
            elif op is c.ANY:
                out += "A"
        return out

    try:
        text = spell(sre_parse.parse(pattern))
    except (TypeError, ValueError, IndexError, RecursionError):
        return None
    return text.upper() if re.fullmatch(pattern, text.upper(), re.IGNORECASE) else None


class ShippingTableRow(BaseModel):
    """One destination of the shipping table, as the console edits it and the chat and refund engine read it."""

    country_code: str = Field(pattern=r"^[A-Z]{2}$")
    country: str = Field(min_length=1, max_length=60)
    carrier: str = Field(min_length=1, max_length=80)
    service: str = Field(default="", max_length=120)
    days_min: int = Field(ge=0, le=180)
    days_max: int = Field(ge=0, le=180)
    cost: Decimal = Field(ge=0, le=100_000)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    free_over: Decimal | None = Field(default=None, ge=0, le=1_000_000)
    incoterm: Literal["DDP", "DAP"] | None = None  # DDP: the shop pays import duties; DAP: the buyer does
    return_cost: Decimal | None = Field(default=None, ge=0, le=100_000)

    @model_validator(mode="after")
    def _days(self) -> ShippingTableRow:
        if self.days_min > self.days_max:
            raise ValueError(f"{self.country_code}: fewest days ({self.days_min}) is more than most days "
                             f"({self.days_max})")  # fmt: skip
        return self


def parse_shipping_table(rows: Sequence[dict[str, Any]]) -> list[ShippingTableRow]:
    """Validated rows from console cells (strings or numbers); blank rows skipped; errors name the row."""
    if len(rows) > MAX_SHIPPING_ROWS:
        raise InvalidInputError(f"At most {MAX_SHIPPING_ROWS} rows in the shipping table.")
    parsed: list[ShippingTableRow] = []
    problems: list[str] = []
    for number, raw in enumerate(rows, start=1):
        cells = {k: ("" if v is None else str(v).strip()) for k, v in raw.items()}
        if not any(cells.values()):
            continue
        data: dict[str, Any] = {k: (v or None) for k, v in cells.items()}
        for key in ("country_code", "currency", "incoterm"):
            data[key] = (data.get(key) or "").upper() or None
        data["service"] = data.get("service") or ""
        try:
            parsed.append(ShippingTableRow.model_validate(data))
        except ValidationError as exc:
            problems += [f"row {number} {'.'.join(map(str, e['loc'])) or ''}: {e['msg']}".replace(" :", ":")
                         for e in exc.errors()]  # fmt: skip
    if problems:
        raise InvalidInputError("Shipping table not saved: " + "; ".join(problems[:8]))
    codes = [row.country_code for row in parsed]
    if doubles := sorted({c for c in codes if codes.count(c) > 1}):
        # Several services per country are fine in a knowledge file; here one row is the country's answer.
        raise InvalidInputError(f"Shipping table not saved: {', '.join(doubles)} appear more than once.")
    return parsed


class ShopRules:
    """The provider: the current order-number format and shipping table, from the database, defaults from settings."""

    def __init__(
        self,
        merchant_settings: MerchantSettingsRepository,
        audit: AuditLog,
        *,
        default_patterns: Sequence[str],
        file_shipping: Callable[[], list[ShippingTableRow]] = list,
        max_age_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = merchant_settings
        self._audit = audit
        self._default_format = OrderNumberFormat.from_patterns(default_patterns)
        self._file_shipping = file_shipping
        self._max_age_s = max_age_s
        self._clock = clock
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, Any]] = {}  # key -> (read at, parsed value)

    # -- reading (per use) -----------------------------------------------------------------------------------

    def _cached(self, key: str, parse: Callable[[Any], Any]) -> Any:
        now = self._clock()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and now - hit[0] < self._max_age_s:
                return hit[1]
        raw = self._settings.get(key)
        try:
            value = parse(raw) if raw is not None else None
        except (InvalidInputError, OrderNumberPatternError, ValidationError, TypeError, ValueError):
            value = None  # a row edited by hand into nonsense: fall back to the defaults rather than break the chat
        with self._lock:
            self._cache[key] = (now, value)
        return value

    def current(self) -> OrderNumberFormat:
        """The order-number format now (an OrderNumbersSource)."""
        stored = self._cached(ORDER_PATTERNS_KEY, lambda raw: OrderNumberFormat.from_patterns(list(raw)))
        return stored or self._default_format

    def order_number_patterns(self) -> list[str]:
        return list(self.current().patterns)

    def saved_shipping_table(self) -> list[ShippingTableRow] | None:
        """The table saved in the console; None while the shipping files in the knowledge folders apply."""
        rows = self._cached(SHIPPING_TABLE_KEY, lambda raw: [ShippingTableRow.model_validate(r) for r in raw])
        return list(rows) if rows else None

    def fact_rows(self) -> list[ShippingRow] | None:
        """The saved table for the chat's shipping facts; None: the knowledge files answer."""
        saved = self.saved_shipping_table()
        return [fact_row(row) for row in saved] if saved else None

    def refund_rates(self) -> dict[str, ShippingRate] | None:
        """The saved table for refund shipping costs; None: shipping.csv prices them."""
        saved = self.saved_shipping_table()
        return {row.country_code: refund_rate(row) for row in saved} if saved else None

    def shipping_table(self) -> list[ShippingTableRow]:
        """What the chat and the refund engine use: the saved table, else the rows of the shipping files."""
        saved = self.saved_shipping_table()
        return saved if saved is not None else self._file_shipping()

    # -- saving (console) ------------------------------------------------------------------------------------

    def save_order_number_patterns(self, patterns: Iterable[str], actor: str) -> list[PatternCheck]:
        checks = check_order_number_patterns(patterns)
        values = [c.pattern for c in checks]
        before = self.order_number_patterns()
        self._settings.set(ORDER_PATTERNS_KEY, values)
        self._forget(ORDER_PATTERNS_KEY)
        self._audit.record("store", "setup", actor, "order_number_patterns_saved", {"before": before, "after": values})
        return checks

    def save_shipping_table(self, rows: Sequence[dict[str, Any]], actor: str) -> list[ShippingTableRow]:
        """An empty table hands the answers back to the shipping files of the knowledge folders."""
        parsed = parse_shipping_table(rows)
        self._settings.set(SHIPPING_TABLE_KEY, [row.model_dump(mode="json") for row in parsed] or None)
        self._forget(SHIPPING_TABLE_KEY)
        self._audit.record("store", "setup", actor, "shipping_table_saved",
                           {"rows": [row.model_dump(mode="json") for row in parsed]})  # fmt: skip
        return self.shipping_table()

    def _forget(self, key: str) -> None:
        with self._lock:
            self._cache.pop(key, None)


# -- the table in the shapes its readers use ---------------------------------------------------------------------

SHIPPING_SOURCE = "Store setup: shipping table"


def fact_row(row: ShippingTableRow) -> ShippingRow:
    cells = {k: ("" if v is None else str(v)) for k, v in row.model_dump(mode="json").items()}
    return ShippingRow(
        country_code=row.country_code, country=row.country, carrier=row.carrier, service=row.service,
        days_min=row.days_min, days_max=row.days_max, cost=row.cost, currency=row.currency, free_over=row.free_over,
        incoterm=row.incoterm, source=SHIPPING_SOURCE, chunk_id=f"store-setup#shipping-{row.country_code.lower()}",
        sentence=shipping_sentence(cells),
    )  # fmt: skip


def refund_rate(row: ShippingTableRow) -> ShippingRate:
    return ShippingRate(row.country_code, row.cost, row.return_cost, row.currency)


def table_row(row: ShippingRow, rates: ShippingCostTable | None = None) -> ShippingTableRow | None:
    """A knowledge-file row in the console's shape (None when the file row lacks what the table requires)."""
    rate = rates.rate(row.country_code) if rates is not None else None
    try:
        return ShippingTableRow(
            country_code=row.country_code, country=row.country or row.country_code, carrier=row.carrier or "—",
            service=row.service, days_min=row.days_min or 0, days_max=row.days_max or row.days_min or 0,
            cost=row.cost if row.cost is not None else Decimal(0), currency=row.currency or "USD",
            free_over=row.free_over, incoterm="DDP" if row.incoterm == "DDP" else "DAP" if row.incoterm == "DAP" else None,
            return_cost=rate.return_cost if rate is not None else None,
        )  # fmt: skip
    except ValidationError:
        return None


def knowledge_file_shipping(corpus_dir: Path, uploads_dir: Path, currency: str) -> Callable[[], list[ShippingTableRow]]:
    """The shipping rows of the knowledge folders' CSV files, re-read when a file changes."""
    source = CatalogSource(corpus_dir, uploads_dir, currency)
    rates = ShippingCostTable.from_corpus(corpus_dir)

    def rows() -> list[ShippingTableRow]:
        converted = (table_row(row, rates) for row in source.file_catalog().shipping)
        return list({row.country_code: row for row in reversed([r for r in converted if r])}.values())[::-1]

    return rows
