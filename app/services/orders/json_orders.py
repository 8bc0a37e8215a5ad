"""The documented order JSON: `{"orders": [ {...}, … ]}` or a bare list (see schema.OrderIn for the fields)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from app.errors import InvalidInputError
from app.services.orders.source import Candidate, OrderFile


def read(text: str) -> OrderFile:
    try:
        payload: Any = json.loads(text, parse_float=Decimal)  # money stays exact
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"The JSON is not valid (line {exc.lineno}: {exc.msg}).") from None
    records = payload.get("orders") if isinstance(payload, dict) else payload
    if not isinstance(records, list):
        raise InvalidInputError('The JSON must be a list of orders or {"orders": [...]}.')
    candidates: list[Candidate] = []
    orphans: list[tuple[int, str]] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            orphans.append((number, "is not an object"))
            continue
        items = record.get("items")
        count = len(items) if isinstance(items, list) else 0
        candidates.append(Candidate(str(record.get("order_no") or ""), [number], record, [number] * count))
    return OrderFile("order JSON", candidates, orphans, {})
