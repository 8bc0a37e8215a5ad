"""Chargeback notices in: the console form, or a CSV/JSON file exported from the acquirer's portal.

Each row is validated on its own; a bad row gets a message naming the row, the field and what is expected, and the
good rows still go in. Card numbers in the claim text are masked before anything is stored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.chargebacks import ChargebackNotice, Network, ReasonLookup
from app.domain.money import minor_unit_exponent
from app.domain.orders import Order
from app.errors import InvalidInputError
from app.services.chargebacks.catalog import ReasonCodeCatalog, normalise_network, split_network
from app.services.chargebacks.pan import mask_pans

MAX_IMPORT_BYTES = 2_000_000
MAX_IMPORT_ROWS = 1000
REQUIRED = ("case_id", "reason_code", "amount", "dispute_date", "order_no")
_ALIASES = {
    "case": "case_id", "case_id": "case_id", "caseid": "case_id", "dispute_id": "case_id",
    "network": "network", "card_network": "network", "scheme": "network", "card_brand": "network",
    "reason_code": "reason_code", "reason": "reason_code", "code": "reason_code",
    "amount": "amount", "disputed_amount": "amount",
    "currency": "currency",
    "dispute_date": "dispute_date", "date": "dispute_date", "chargeback_date": "dispute_date",
    "order_no": "order_no", "order": "order_no", "order_number": "order_no", "order_id": "order_no",
    "claim_text": "claim_text", "claim": "claim_text", "cardholder_claim": "claim_text", "reason_text": "claim_text",
    "acquirer": "acquirer",
    "respond_by": "respond_by", "due_date": "respond_by", "reply_by": "respond_by",
}
_CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$")
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")


@dataclass(frozen=True)
class IntakeResult:
    notice: ChargebackNotice
    lookup: ReasonLookup
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowError:
    row: int
    case_id: str
    message: str

    def __str__(self) -> str:
        case = f" (case {self.case_id})" if self.case_id else ""
        return f"Row {self.row}{case}: {self.message}"


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Imported {len(self.created)} case(s); {len(self.errors)} row(s) need fixing."]
        lines += [f"- {error}" for error in self.errors]
        lines += [f"- note: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def parse_date(value: str, field_name: str) -> date:
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"{field_name}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-20.") from None


def parse_amount(value: str, currency: str) -> Decimal:
    cleaned = value.replace(" ", "").replace("\u00a0", "")
    if not _AMOUNT.match(cleaned):
        raise InvalidInputError(f"amount: {value!r} is not an amount; write digits with a dot for decimals, e.g. 229.00.")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInputError(f"amount: {value!r} is not an amount.") from None
    if amount <= 0:
        raise InvalidInputError("amount: must be more than zero.")
    if -amount.as_tuple().exponent > minor_unit_exponent(currency):  # type: ignore[operator]
        raise InvalidInputError(f"amount: {value} has more decimals than {currency} allows.")
    return amount


def parse_notice(
    raw: Mapping[str, Any],
    catalog: ReasonCodeCatalog,
    find_order: Callable[[str], Order | None],
    case_exists: Callable[[str], bool],
) -> IntakeResult:
    """One notice from form/CSV/JSON fields; InvalidInputError names the first field that is wrong."""
    missing = [name for name in REQUIRED if not _text(raw, name)]
    if missing:
        raise InvalidInputError("missing " + ", ".join(missing) + ".")
    case_id = _text(raw, "case_id")
    if not _CASE_ID.match(case_id):
        raise InvalidInputError("case_id: use letters, digits and . _ - / only (at most 64 characters).")
    if case_exists(case_id):
        raise InvalidInputError(f"case_id: case {case_id} already exists.")
    order_no = _text(raw, "order_no").upper().lstrip("#")
    order = find_order(order_no)
    if order is None:
        raise InvalidInputError(f"order_no: order {order_no} is not in the store database.")

    network_text = _text(raw, "network")
    hinted, _ = split_network(_text(raw, "reason_code"))
    network: Network | None = normalise_network(network_text) if network_text else None
    if network_text and network is None:
        raise InvalidInputError(f"network: {network_text!r} is not one of visa, mastercard, amex, discover.")
    warnings = []
    if network is None:
        network = hinted or normalise_network(order.payment.card_brand)
        if network is not None:
            warnings.append(f"network not given; using {network} from the {'reason code' if hinted else 'order'}.")
    lookup = catalog.lookup(_text(raw, "reason_code"), network)
    if lookup.warning:
        warnings.append(lookup.warning)

    currency = (_text(raw, "currency") or order.currency).upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise InvalidInputError(f"currency: {currency!r} is not a 3-letter ISO code such as USD.")
    amount = parse_amount(_text(raw, "amount"), currency)
    dispute_date = parse_date(_text(raw, "dispute_date"), "dispute_date")
    respond_by = parse_date(_text(raw, "respond_by"), "respond_by") if _text(raw, "respond_by") else None
    if respond_by is not None and respond_by < dispute_date:
        raise InvalidInputError("respond_by: the due date is before the dispute date.")
    claim = mask_pans(_text(raw, "claim_text"))
    if len(claim) > 4000:
        raise InvalidInputError("claim_text: at most 4000 characters.")
    notice = ChargebackNotice(
        case_id=case_id,
        network=network or lookup.reason.network,
        reason_code=lookup.reason.code,
        amount=amount,
        currency=currency,
        dispute_date=dispute_date,
        order_no=order.order_no,
        claim_text=claim,
        acquirer=_text(raw, "acquirer")[:120],
        respond_by=respond_by,
    )
    return IntakeResult(notice=notice, lookup=lookup, warnings=tuple(warnings))


def _canonical(row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = _ALIASES.get(re.sub(r"[\s\-]+", "_", str(key or "").strip().lower()))
        if name and name not in out:
            out[name] = value
    return out


def read_rows(data: bytes, filename: str) -> list[dict[str, Any]]:
    """Rows of a .csv or .json notice file as dicts with canonical keys; InvalidInputError for the whole file."""
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInputError(f"The file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError("The file is not UTF-8 text; export it as UTF-8 CSV or JSON.") from None
    suffix = filename.lower().rsplit(".", 1)[-1]
    if suffix == "json":
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"The JSON is not valid (line {exc.lineno}: {exc.msg}).") from None
        records = payload.get("notices") if isinstance(payload, dict) else payload
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise InvalidInputError('The JSON must be a list of notices or {"notices": [...]}.')
    elif suffix == "csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise InvalidInputError("The CSV has no header row.")
        present = {_ALIASES.get(re.sub(r"[\s\-]+", "_", name.strip().lower())) for name in reader.fieldnames}
        absent = [name for name in REQUIRED if name not in present]
        if absent:
            raise InvalidInputError("The CSV header lacks column(s): " + ", ".join(absent) + ".")
        records = list(reader)
    else:
        raise InvalidInputError("Import a .csv or .json file.")
    if len(records) > MAX_IMPORT_ROWS:
        raise InvalidInputError(f"At most {MAX_IMPORT_ROWS} notices per file.")
    return [_canonical(record) for record in records]
