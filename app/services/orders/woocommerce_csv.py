"""WooCommerce orders export (WooCommerce.com "Customer / Order CSV Export", default formats).

One row per item (item_name, item_sku, item_quantity, item_subtotal, item_total…) or one row per order with a
`line_items` column ("name:Mug|sku:MUG-1|quantity:2|total:24.00;name:…"). Order columns: order_number, order_date,
status, shipping_total, order_total, order_currency, payment_method, billing_first_name/last_name, billing_email,
shipping_first_name/last_name, shipping_address_1/2, shipping_city, shipping_postcode, shipping_country…
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.domain.money import minor_unit_exponent
from app.services.orders.source import Candidate, OrderFile, payment_ids, put
from app.services.orders.values import parse_money

REQUIRED = ("billing_email", "order_date", "order_total")
COLUMNS = {
    "order_no": "order_number", "email": "billing_email", "created_at": "order_date", "currency": "order_currency",
    "total": "order_total", "shipping": "shipping_total", "country_code": "shipping_country",
    "paid_at": "paid_date", "items.title": "item_name", "items.quantity": "item_quantity",
    "items.unit_price": "item_subtotal", "items.sku": "item_sku", "shipping_address": "shipping address",
}
# WooCommerce order statuses -> (fulfilment status here, financial status kept as the shop says it).
_STATUS = {"completed": "shipped", "refunded": "processing", "cancelled": "processing", "failed": "processing"}


def looks_like(header: list[str]) -> bool:
    return "billing email" in header and ("order number" in header or "order id" in header)


def _order_no(row: dict[str, str]) -> str:
    return row.get("order number formatted") or row.get("order number") or row.get("order id", "")


def _unit_price(line_total: str, quantity: str, currency: str) -> str:
    """Woo exports line totals; the unit price is the line total over the quantity, at the currency's precision."""
    try:
        amount, count = parse_money(line_total), int(quantity)
    except ValueError:
        return line_total  # the schema reports the bad value with its column
    if count < 1:
        return line_total
    quantum = Decimal(1).scaleb(-minor_unit_exponent(currency or "USD"))
    return str((amount / count).quantize(quantum, rounding=ROUND_HALF_UP))


def _order_fields(row: dict[str, str]) -> dict[str, Any]:
    status = row.get("status", "").lower().removeprefix("wc-")
    payload: dict[str, Any] = {"order_no": _order_no(row), "status": _STATUS.get(status, "processing")}
    for key, column in (("email", "billing email"), ("created_at", "order date"), ("currency", "order currency"),
                        ("total", "order total"), ("shipping", "shipping total"), ("paid_at", "paid date")):  # fmt: skip
        put(payload, key, row.get(column, ""))
    put(payload, "financial_status", status)
    names = (row.get("billing first name", ""), row.get("billing last name", ""))
    put(payload, "buyer_name", row.get("billing full name") or " ".join(n for n in names if n))
    put(payload, "country_code", row.get("shipping country") or row.get("billing country", ""))
    method = row.get("payment method title") or row.get("payment method", "")
    ids = payment_ids(row.get("transaction id", ""))
    if method or ids:
        payload["payment"] = {"method": method or "card", "payment_ids": ids}
    if row.get("shipping country"):
        ship_names = (row.get("shipping first name", ""), row.get("shipping last name", ""))
        line1 = ", ".join(p for p in (row.get("shipping address 1", ""), row.get("shipping address 2", "")) if p)
        payload["shipping_address"] = {
            "name": row.get("shipping full name") or " ".join(n for n in ship_names if n), "line1": line1,
            "city": row.get("shipping city", ""), "postal_code": row.get("shipping postcode", ""),
            "country_code": row["shipping country"],
        }  # fmt: skip
    return payload


def _row_item(row: dict[str, str], currency: str) -> dict[str, Any]:
    quantity = row.get("item quantity", "")
    return {
        "title": row.get("item name", ""), "sku": row.get("item sku", ""), "quantity": quantity,
        "unit_price": _unit_price(row.get("item subtotal") or row.get("item total", ""), quantity, currency),
    }  # fmt: skip


def _line_items(text: str, currency: str) -> list[dict[str, Any]]:
    items = []
    for chunk in filter(None, (part.strip() for part in text.split(";"))):
        fields = dict(pair.split(":", 1) for pair in chunk.split("|") if ":" in pair)
        quantity = fields.get("quantity", "")
        items.append({
            "title": fields.get("name", ""), "sku": fields.get("sku", ""), "quantity": quantity,
            "unit_price": _unit_price(fields.get("subtotal") or fields.get("total", ""), quantity, currency),
        })  # fmt: skip
    return items


def read(rows: list[tuple[int, dict[str, str]]]) -> OrderFile:
    orders: dict[str, Candidate] = {}
    orphans: list[tuple[int, str]] = []
    for number, row in rows:
        order_no = _order_no(row)
        if not order_no:
            orphans.append((number, "no order_number on this row"))
            continue
        candidate = orders.get(order_no.upper())
        if candidate is None:
            candidate = orders[order_no.upper()] = Candidate(order_no, [], _order_fields(row))
            candidate.payload["items"] = []
        candidate.rows.append(number)
        currency = candidate.payload.get("currency", "")
        if row.get("line items"):
            items = _line_items(row["line items"], currency)
            candidate.payload["items"].extend(items)
            candidate.item_rows.extend([number] * len(items))
        elif row.get("item name") or row.get("item quantity"):
            candidate.payload["items"].append(_row_item(row, currency))
            candidate.item_rows.append(number)
    return OrderFile("WooCommerce orders CSV", list(orders.values()), orphans, COLUMNS)
