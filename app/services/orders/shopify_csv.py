"""Shopify's orders export (Orders > Export > CSV): one row per line item, the order's fields on its first row.

Column names as Shopify writes them: Name, Email, Financial Status, Paid at, Fulfillment Status, Currency,
Subtotal, Shipping, Taxes, Total, Created at, Lineitem quantity/name/price/sku, Billing Name, Shipping Name,
Shipping Address1/Address2/City/Zip/Country, Payment Method, Cancelled at, …
"""

from __future__ import annotations

from typing import Any

from app.services.orders.source import Candidate, OrderFile, payment_ids, put

REQUIRED = ("Name", "Email", "Created at", "Currency", "Total", "Lineitem name", "Lineitem quantity", "Lineitem price")
COLUMNS = {
    "order_no": "Name", "email": "Email", "created_at": "Created at", "currency": "Currency", "total": "Total",
    "shipping": "Shipping", "country_code": "Shipping Country", "paid_at": "Paid at",
    "financial_status": "Financial Status", "items.title": "Lineitem name", "items.quantity": "Lineitem quantity",
    "items.unit_price": "Lineitem price", "items.sku": "Lineitem sku", "shipping_address": "Shipping address",
}


def looks_like(header: list[str]) -> bool:
    return "name" in header and "lineitem name" in header


def _status(row: dict[str, str]) -> str:
    fulfillment = row.get("fulfillment status", "").lower()
    if fulfillment == "restocked":
        return "returned"
    return "shipped" if fulfillment in {"fulfilled", "partial"} else "processing"


def _order_fields(row: dict[str, str]) -> dict[str, Any]:
    payload: dict[str, Any] = {"order_no": row.get("name", "")}
    for key, column in (("email", "email"), ("created_at", "created at"), ("currency", "currency"),
                        ("total", "total"), ("shipping", "shipping"), ("paid_at", "paid at"),
                        ("financial_status", "financial status")):  # fmt: skip
        put(payload, key, row.get(column, ""))
    put(payload, "buyer_name", row.get("billing name") or row.get("shipping name", ""))
    put(payload, "country_code", row.get("shipping country") or row.get("billing country", ""))
    payload["status"] = _status(row)
    if row.get("cancelled at"):
        payload["financial_status"] = "cancelled"
    ids = payment_ids(row.get("payment id", ""), row.get("payment reference", ""), row.get("payment references", ""))
    if row.get("payment method") or ids:
        payload["payment"] = {"method": row.get("payment method") or "card", "payment_ids": ids}
    if row.get("shipping country"):
        line1 = ", ".join(p for p in (row.get("shipping address1", ""), row.get("shipping address2", "")) if p)
        payload["shipping_address"] = {
            "name": row.get("shipping name", ""), "line1": line1 or row.get("shipping street", ""),
            "city": row.get("shipping city", ""), "postal_code": row.get("shipping zip", "").lstrip("'"),
            "country_code": row["shipping country"],
        }  # fmt: skip
    return payload


def _item(row: dict[str, str]) -> dict[str, Any]:
    return {
        "title": row.get("lineitem name", ""), "quantity": row.get("lineitem quantity", ""),
        "unit_price": row.get("lineitem price", ""), "sku": row.get("lineitem sku", ""),
    }  # fmt: skip


def read(rows: list[tuple[int, dict[str, str]]]) -> OrderFile:
    orders: dict[str, Candidate] = {}
    orphans: list[tuple[int, str]] = []
    for number, row in rows:
        name = row.get("name", "")
        if not name:
            orphans.append((number, "no Name (order number) on this row"))
            continue
        candidate = orders.get(name.upper())
        if candidate is None:
            candidate = orders[name.upper()] = Candidate(name, [], _order_fields(row))
            candidate.payload["items"] = []
        candidate.rows.append(number)
        if row.get("lineitem name") or row.get("lineitem quantity"):
            candidate.payload["items"].append(_item(row))
            candidate.item_rows.append(number)
    return OrderFile("Shopify orders CSV", list(orders.values()), orphans, COLUMNS)
