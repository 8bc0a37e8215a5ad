"""What every analytics query returns: a named table (columns + rows) the UI plots and exports as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from statistics import median

from app.errors import InvalidInputError


@dataclass(frozen=True)
class DateRange:
    """Whole days, both ends included, in UTC (the store keeps UTC)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"The end date {self.end} is before the start date {self.start}.")

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=UTC)

    @property
    def until(self) -> datetime:
        """Exclusive upper bound: midnight after the last day."""
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)

    @classmethod
    def last_days(cls, days: int, today: date | None = None) -> DateRange:
        end = today or datetime.now(UTC).date()
        return cls(end - timedelta(days=days - 1), end)


@dataclass
class Table:
    name: str  # also the CSV file stem
    columns: tuple[str, ...]
    rows: Sequence[tuple[object, ...]] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, object]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[object]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.columns)
        writer.writerows([_cell(value) for value in row] for row in self.rows)
        return buffer.getvalue()


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # Spreadsheet apps run cells starting with these as formulas; buyer-typed text must never execute.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes (UTC by construction); Postgres returns aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def day_text(value: object) -> str:
    """date(created_at) is text on SQLite and a date on Postgres: one form for both."""
    return str(value)[:10]


def hours_between(start: datetime, end: datetime) -> float:
    return (as_utc(end) - as_utc(start)).total_seconds() / 3600


def median_or_none(values: list[float]) -> float | None:
    return round(median(values), 2) if values else None


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def parse_range(start: str | None, end: str | None, default_days: int, today: date | None = None) -> DateRange:
    """The console's two date fields ("YYYY-MM-DD", either may be empty) as a DateRange; a clear message
    naming the field when one cannot be read."""
    def read(text: str | None, field_name: str) -> date | None:
        text = (text or "").strip()[:10]
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidInputError(f"{field_name}: '{text}' is not a date (use YYYY-MM-DD).") from None

    fallback = DateRange.last_days(default_days, today)
    first, last = read(start, "From"), read(end, "To")
    first, last = first or fallback.start, last or fallback.end
    if last < first:
        raise InvalidInputError(f"To ({last}) is before From ({first}).")
    return DateRange(first, last)
