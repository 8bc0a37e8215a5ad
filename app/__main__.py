"""Command line: `python -m app run|ingest|hash-password|prepare-model|chargeback|orders|stripe|test-questions|listings|
backup|restore|db …`."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_chargebacks import register_chargeback_commands
from app.cli_db import register_db_commands
from app.cli_listings import register_listing_commands
from app.cli_orders import register_order_commands
from app.cli_test_questions import register_test_questions_command

if TYPE_CHECKING:
    from knowledge.types import UpsertReport


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from app.errors import CopilotError
    from app.settings import Settings
    from app.wiring import build_services

    settings = Settings()
    if args.corpus_dir:
        settings = settings.model_copy(update={"corpus_dir": args.corpus_dir})
    services = build_services(settings, start_models=False)
    admin = services.knowledge_admin
    try:
        if args.delete_source:
            print(f"deleted {admin.delete_source(args.delete_source)} chunks")
            return 0
        with tqdm(total=100, unit="%", disable=args.quiet) as bar:

            def progress(fraction: float, message: str) -> None:
                bar.set_description(message[:40])
                bar.n = round(fraction * 100)
                bar.refresh()

            if args.file or args.url:
                mapping = admin.mapping_from_json(args.mapping.read_text(encoding="utf-8")) if args.mapping else None
                for path in args.file:
                    print(f"uploads/{path.name}: {_counts(admin.ingest_upload(path, progress=progress, mapping=mapping))}")
                for url in args.url:
                    source, upserted = admin.ingest_url(url, progress=progress)
                    print(f"{source}: {_counts(upserted)}")
                return 0
            report = admin.ingest_corpus(progress=progress)
        print(report.summary())
        return 0
    except CopilotError as exc:
        print(f"error: {exc.user_message}", file=sys.stderr)
        return 1
    finally:
        services.close()


def _counts(report: UpsertReport) -> str:
    return (f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.removed} removed, {report.embedded} embedded")


def _hash_password(_args: argparse.Namespace) -> int:
    from app.services.auth import hash_password

    password = getpass.getpass("New merchant password: ")
    if len(password) < 10:
        print("Use at least 10 characters.", file=sys.stderr)
        return 2
    print(f"MC_MERCHANT_PASSWORD_HASH='{hash_password(password)}'")
    return 0


def _prepare_model(_args: argparse.Namespace) -> int:
    from app.settings import Settings
    from models.embedded import ensure_embedded_model

    embedded = ensure_embedded_model(Settings().models_dir)
    print(f"embedded model ready: {embedded.hf_dir}")
    return 0


def _run(_args: argparse.Namespace) -> int:
    from app.main import main

    main()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="Marketplace Copilot")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="start the app (default)").set_defaults(handler=_run)
    ingest = commands.add_parser("ingest", help="index the store's knowledge files into Chroma")
    ingest.add_argument("corpus_dir", nargs="?", help="folder (default: MC_CORPUS_DIR or knowledge/corpus)")
    ingest.add_argument("--delete-source", help="remove one source (e.g. uploads/faq.md) from the index")
    ingest.add_argument("--file", type=Path, action="append", default=[], metavar="FILE",
                        help="import one file (Shopify/WooCommerce CSV, PDF, DOCX, HTML, MD, TXT, YAML, CSV/JSON); repeatable")
    ingest.add_argument("--url", action="append", default=[], metavar="URL", help="import a public web page; repeatable")
    ingest.add_argument("--mapping", type=Path, metavar="JSON",
                        help='column mapping for a generic CSV/JSON: {"target": "products", "columns": {"id": "sku", …}}')
    ingest.add_argument("--quiet", action="store_true")
    ingest.set_defaults(handler=_ingest)
    commands.add_parser("hash-password", help="print MC_MERCHANT_PASSWORD_HASH for a password").set_defaults(
        handler=_hash_password
    )
    commands.add_parser("prepare-model", help="assemble and convert the embedded model once").set_defaults(
        handler=_prepare_model
    )
    register_chargeback_commands(commands)
    register_order_commands(commands)
    register_test_questions_command(commands)
    register_listing_commands(commands)
    register_db_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", _run)
    return int(handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
