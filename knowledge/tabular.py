"""Read spreadsheet exports (CSV from Shopify, WooCommerce, Excel…) tolerantly.

Exports differ in delimiter (Excel in many locales writes ";"), byte-order marks and
stray spaces in headers; rows keep their line numbers so errors can point at them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass


class TableError(ValueError):
    """A table that cannot be read; the message names the row where it can."""


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # 1-based row number as a spreadsheet shows it (the header is row 1)
    values: Mapping[str, str]

    def get(self, column: str, default: str = "") -> str:
        return (self.values.get(column) or default).strip()


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    unit: str = "row"  # what error messages call one record: "row" (CSV) or "item" (JSON)

    def has(self, *columns: str) -> bool:
        return all(c in self.header for c in columns)


def _delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(text: str) -> Table:
    """Header + non-empty rows; header names trimmed; missing cells read as ""."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TableError("the file is empty")
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        records = list(reader)
    except csv.Error as exc:
        raise TableError(f"not a readable CSV table ({exc})") from exc
    header = tuple(h.strip() for h in records[0])
    if not any(header):
        raise TableError("row 1 (the header) is empty")
    rows: list[Row] = []
    # A record with a multi-line cell is still one spreadsheet row, so the record index is the row number.
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        values = {name: (record[i] if i < len(record) else "") for i, name in enumerate(header) if name}
        rows.append(Row(number=index, values=values))
    return Table(header=header, rows=tuple(rows))
