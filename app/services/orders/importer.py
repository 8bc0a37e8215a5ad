"""OrderIntake: order files and storefront pushes into the orders table, idempotent by order number.

Every order is validated on its own; a bad one is reported with its row numbers and the column at fault and the
good ones still go in. Re-importing an export never wipes tracking that arrived through the API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from app.domain.orders import Order, TrackingEvent
from app.errors import InvalidInputError, NotFoundError
from app.services.orders import json_orders, shopify_csv, woocommerce_csv
from app.services.orders.schema import OrderIn, TrackingUpdate, to_order
from app.services.orders.source import Candidate, OrderFile, csv_rows, header_key
from app.store.audit import AuditLog
from app.store.orders import OrderRepository, UpsertResult

MAX_FILE_BYTES = 20_000_000
BATCH = 500
AUDIT_KIND = "order"
_PROGRESS = {"processing": 0, "shipped": 1, "delivered": 2, "returned": 3}


@dataclass(frozen=True)
class RejectedRow:
    rows: tuple[int, ...]
    order_no: str
    message: str

    def __str__(self) -> str:
        where = "Row" if len(self.rows) == 1 else "Rows"
        rows = ", ".join(str(r) for r in self.rows) or "?"
        order = f" (order {self.order_no})" if self.order_no else ""
        return f"{where} {rows}{order}: {self.message}"


@dataclass
class OrderImportReport:
    filename: str
    format: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{self.filename} ({self.format}): {len(self.created)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected."
        ]
        lines += [f"- {row}" for row in self.rejected]
        return "\n".join(lines)


@dataclass(frozen=True)
class PushResult:
    order: Order
    result: UpsertResult


def _field_message(error: Any, columns: dict[str, str] | Any) -> str:
    loc = [part for part in error.get("loc", ()) if not isinstance(part, int)]
    path = ".".join(str(part) for part in loc)
    name = columns.get(path) or columns.get(".".join(str(p) for p in loc[:1])) or path
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{name}: {message}" if name else message


def validation_messages(exc: ValidationError, columns: dict[str, str] | Any = None) -> list[str]:
    return [_field_message(error, columns or {}) for error in exc.errors(include_url=False)]


def _error_rows(exc: ValidationError, candidate: Candidate) -> tuple[int, ...]:
    """The rows the errors are on: an item's own row when only items are wrong, else the order's rows."""
    rows: set[int] = set()
    for error in exc.errors(include_url=False):
        loc = error.get("loc", ())
        if len(loc) > 1 and loc[0] == "items" and isinstance(loc[1], int) and loc[1] < len(candidate.item_rows):
            rows.add(candidate.item_rows[loc[1]])
        else:
            return tuple(candidate.rows[:1])
    return tuple(sorted(rows)) or tuple(candidate.rows[:1])


def read_order_file(data: bytes, filename: str) -> OrderFile:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInputError(f"{filename}: larger than {MAX_FILE_BYTES // 1_000_000} MB; split the export.")
    try:
        text = data.decode("utf-8-sig")  # Excel and Shopify write a BOM
    except UnicodeDecodeError:
        raise InvalidInputError(f"{filename}: not UTF-8 text; export it as UTF-8 CSV or JSON.") from None
    suffix = filename.lower().rsplit(".", 1)[-1]
    if suffix == "json":
        return json_orders.read(text)
    if suffix != "csv":
        raise InvalidInputError(f"{filename}: import a Shopify or WooCommerce orders .csv, or an orders .json.")
    header, rows = csv_rows(text)
    for reader in (shopify_csv, woocommerce_csv):
        if reader.looks_like(header):
            missing = [name for name in reader.REQUIRED if header_key(name) not in header]
            if missing:
                raise InvalidInputError(f"{filename}: the header lacks column(s): {', '.join(missing)}.")
            return reader.read(rows)
    raise InvalidInputError(
        f"{filename}: not a Shopify orders export (needs Name, Lineitem name…) nor a WooCommerce orders export "
        "(needs order_number, billing_email…)."
    )


def merge_tracking(incoming: Order, existing: Order | None) -> Order:
    """An export that carries no tracking keeps the carrier, tracking and delivery already known."""
    if existing is None or incoming.tracking_events or incoming.tracking_no:
        return incoming
    update: dict[str, Any] = {
        "carrier": incoming.carrier or existing.carrier,
        "tracking_no": existing.tracking_no,
        "tracking_events": existing.tracking_events,
        "delivered_at": incoming.delivered_at or existing.delivered_at,
        "delivery_proof": incoming.delivery_proof or existing.delivery_proof,
    }
    # An export written before the parcel moved must not move the order back (shipped -> processing).
    if _PROGRESS[existing.status] > _PROGRESS[incoming.status]:
        update["status"] = existing.status
    return incoming.model_copy(update=update)


class OrderIntake:
    def __init__(self, orders: OrderRepository, audit: AuditLog) -> None:
        self._orders = orders
        self._audit = audit

    def _save(self, order: Order, actor: str, source: str) -> tuple[Order, UpsertResult]:
        [(merged, result)] = self._orders.upsert_merged([order], merge_tracking)
        if result != "unchanged":
            self._audit.record(AUDIT_KIND, merged.order_no, actor, f"order_{result}", {"source": source})
        return merged, result

    def import_file(self, data: bytes, filename: str, actor: str = "merchant") -> OrderImportReport:
        parsed = read_order_file(data, filename)
        report = OrderImportReport(filename=filename, format=parsed.format)
        report.rejected += [RejectedRow((row, ), "", why) for row, why in parsed.orphans]
        valid: dict[str, Order] = {}
        for candidate in parsed.candidates:
            try:
                payload = OrderIn.model_validate(candidate.payload)
            except ValidationError as exc:
                message = "; ".join(validation_messages(exc, parsed.columns))
                report.rejected.append(RejectedRow(_error_rows(exc, candidate), candidate.order_no, message))
                continue
            order = to_order(payload)
            valid[order.order_no.upper().lstrip("#")] = order  # the last of "#1001" / "1001" wins, as in the store
        orders = list(valid.values())
        # One transaction per batch: an export of thousands of orders must not cost a commit per order.
        for start in range(0, len(orders), BATCH):
            for order, result in self._orders.upsert_merged(orders[start : start + BATCH], merge_tracking):
                getattr(report, result).append(order.order_no)
        if report.created or report.updated:
            self._audit.record(AUDIT_KIND, f"import:{filename}"[:64], actor, "orders_imported", {
                "format": parsed.format, "created": report.created, "updated": report.updated,
                "rejected": len(report.rejected),
            })  # fmt: skip
        return report

    def push(self, payload: OrderIn, actor: str) -> PushResult:
        """One order from a storefront; sending the same order again changes nothing."""
        return PushResult(*self._save(to_order(payload), actor, "api"))

    def add_tracking(self, order_no: str, update: TrackingUpdate, actor: str) -> PushResult:
        order = self._orders.get(order_no)
        if order is None:
            raise NotFoundError(f"Order {order_no} is not in the store database.")
        # Applied to the order as stored inside the write, so two updates in a row both land.
        [(updated, result)] = self._orders.upsert_merged([order], lambda _, stored: apply_tracking(stored or order, update))
        if result != "unchanged":
            self._audit.record(AUDIT_KIND, order.order_no, actor, "tracking_updated", {
                "events": len(updated.tracking_events), "status": updated.status,
            })  # fmt: skip
        return PushResult(updated, result)


def apply_tracking(order: Order, update: TrackingUpdate) -> Order:
    """New scan events (repeats ignored), carrier / tracking number / delivery, and the status they imply."""
    known = {(e.time, e.description) for e in order.tracking_events}
    events = list(order.tracking_events)
    events += [TrackingEvent(**e.model_dump()) for e in update.events if (e.time, e.description) not in known]
    changes: dict[str, Any] = {"tracking_events": sorted(events, key=lambda e: e.time)}
    if update.carrier:
        changes["carrier"] = update.carrier
    if update.tracking_no:
        changes["tracking_no"] = update.tracking_no
    if update.delivered_at:
        changes["delivered_at"] = update.delivered_at
    status = update.status or ("delivered" if update.delivered_at else None)
    if status is None and (update.tracking_no or update.events) and order.status == "processing":
        status = "shipped"
    if status:
        changes["status"] = status
    return Order.model_validate({**order.model_dump(), **changes})
