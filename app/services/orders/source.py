"""What every order file reader yields: one candidate order per order number, with the rows it came from."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.errors import InvalidInputError


@dataclass
class Candidate:
    """One order as read from a file, before validation. `rows` are the file's row numbers (header = row 1)."""

    order_no: str
    rows: list[int]
    payload: dict[str, Any]
    # Row number of each entry of payload["items"], so an item error names its own row.
    item_rows: list[int] = field(default_factory=list)
    # Problems found while reading (not validation): the order is rejected with these.
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OrderFile:
    format: str
    candidates: list[Candidate]
    # Rows that could not belong to any order (no order number): (row, why).
    orphans: list[tuple[int, str]]
    # payload path (e.g. "total", "items.quantity") -> the file's column name, for messages.
    columns: Mapping[str, str]


def header_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", (name or "").strip().lower())


def csv_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(normalised header, [(row number, {normalised header: value})]); blank lines are skipped."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInputError("The CSV is empty.") from None
    keys = [header_key(name) for name in header]
    rows: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        rows.append((number, {key: value.strip() for key, value in zip(keys, values, strict=False) if key}))
    return keys, rows


def put(payload: dict[str, Any], key: str, value: Any) -> None:
    """Set a field only when the file has a value, so the schema's defaults apply to empty cells."""
    if value not in (None, "", [], {}):
        payload[key] = value


def payment_ids(*cells: str) -> list[str]:
    """Payment ids in one or more cells (Shopify joins several with '+', ',' or spaces), without repeats."""
    return list(dict.fromkeys(part for cell in cells for part in re.split(r"[\s,+]+", cell or "") if len(part) >= 3))
