"""`python -m app orders import|api-key …` and `python -m app stripe import|unmatched|match`: a shop's data in."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.cli_support import guarded


@contextmanager
def _services() -> Iterator[Any]:
    from app.settings import Settings
    from app.wiring import build_services

    services = build_services(Settings(), start_models=False)
    try:
        yield services
    finally:
        services.close()


def _read(path_text: str) -> tuple[bytes, str]:
    from app.errors import InvalidInputError

    path = Path(path_text)
    if not path.is_file():
        raise InvalidInputError(f"{path}: no such file.")
    return path.read_bytes(), path.name


def _orders_import(args: argparse.Namespace) -> int:
    data, name = _read(args.file)
    with _services() as services:
        report = services.order_intake.import_file(data, name, actor="cli")
    print(report.summary())
    return 1 if report.rejected else 0


def _key_create(args: argparse.Namespace) -> int:
    with _services() as services:
        new = services.api_keys.create(args.name, actor="cli")
    print(f"API key {new.key.id} ({new.key.name}) — shown only now, store it in your storefront:\n{new.secret}")
    return 0


def _key_list(_args: argparse.Namespace) -> int:
    with _services() as services:
        keys = services.api_keys.list_keys()
    for key in keys:
        used = key.last_used_at.isoformat(timespec="minutes") if key.last_used_at else "never"
        state = "revoked" if key.revoked_at else "active"
        print(f"{key.id:>4} {key.name:<30} {key.prefix}…  created {key.created_at:%Y-%m-%d}  last used {used}  {state}")
    return 0


def _key_revoke(args: argparse.Namespace) -> int:
    with _services() as services:
        services.api_keys.revoke(args.id, actor="cli")
    print(f"API key {args.id} revoked.")
    return 0


def _stripe_import(args: argparse.Namespace) -> int:
    data, name = _read(args.file)
    with _services() as services:
        report = services.stripe_disputes.import_file(data, name, actor="cli")
    print(report.summary())
    return 1 if report.errors else 0


def _stripe_unmatched(_args: argparse.Namespace) -> int:
    with _services() as services:
        waiting = services.stripe_disputes.unmatched()
    for item in waiting:
        notice = item.notice
        refs = ", ".join(item.order_refs) or "no order reference"
        print(f"{item.dispute_id:<28} {notice['amount']} {notice['currency']}  due {notice.get('respond_by', '?')}  ({refs})")
    if not waiting:
        print("No Stripe dispute is waiting for an order match.")
    return 0


def _stripe_match(args: argparse.Namespace) -> int:
    with _services() as services:
        result = services.stripe_disputes.match(args.dispute_id, args.order_no, actor="cli")
        number = services.chargebacks.get(result.notice.case_id).number
    print(f"{number} ({result.notice.case_id}): case opened for order {result.notice.order_no}.")
    return 0


def register_order_commands(commands: Any) -> None:
    orders = commands.add_parser("orders", help="import orders; API keys for storefront pushes")
    sub = orders.add_subparsers(dest="orders_command", required=True)
    imp = sub.add_parser("import", help="a Shopify or WooCommerce orders .csv export, or an orders .json")
    imp.add_argument("file")
    imp.set_defaults(handler=guarded(_orders_import))
    keys = sub.add_parser("api-key", help="create, list or revoke API keys for POST /api/orders")
    key_sub = keys.add_subparsers(dest="key_command", required=True)
    create = key_sub.add_parser("create", help="create a key (printed once)")
    create.add_argument("name", help="what the key is for, e.g. 'WooCommerce store'")
    create.set_defaults(handler=guarded(_key_create))
    key_sub.add_parser("list", help="keys with created / last used times").set_defaults(handler=guarded(_key_list))
    revoke = key_sub.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(handler=guarded(_key_revoke))

    stripe = commands.add_parser("stripe", help="Stripe disputes into chargeback cases")
    stripe_sub = stripe.add_subparsers(dest="stripe_command", required=True)
    disputes = stripe_sub.add_parser("import", help="a JSON list of Stripe Dispute objects")
    disputes.add_argument("file")
    disputes.set_defaults(handler=guarded(_stripe_import))
    stripe_sub.add_parser("unmatched", help="disputes waiting for an order match").set_defaults(
        handler=guarded(_stripe_unmatched)
    )
    match = stripe_sub.add_parser("match", help="open the case of a waiting dispute for an order")
    match.add_argument("dispute_id")
    match.add_argument("order_no")
    match.set_defaults(handler=guarded(_stripe_match))
