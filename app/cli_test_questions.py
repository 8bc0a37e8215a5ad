"""`python -m app test-questions FILE`: the merchant's test questions from CI; exits 1 when any fails."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _test_questions(args: argparse.Namespace) -> int:
    from app.errors import CopilotError
    from app.services.question_checks.cases import STARTER_CSV, parse_csv
    from app.settings import Settings
    from app.wiring import build_services

    path = STARTER_CSV if args.file == "starter" else Path(args.file)
    try:
        cases = parse_csv(path.read_bytes(), path.name)
    except OSError as error:
        print(f"{path}: cannot read the file ({error.strerror}).", file=sys.stderr)
        return 2
    except CopilotError as error:
        print(error.user_message, file=sys.stderr)
        return 2
    settings = Settings()
    overrides: dict[str, Any] = {"start_models": not args.no_model}
    services = build_services(settings, **overrides)
    try:
        if services.knowledge.count() == 0:
            print("The knowledge index is empty: run `python -m app ingest` first.", file=sys.stderr)
            return 2
        run = services.question_checks.run(cases, label=args.label or path.name)
    finally:
        services.close()
    for result in run.results:
        mark = "PASS" if result.passed else "FAIL"
        print(f"{mark}  [{result.produced:<8}] {result.question}")
        if not result.passed:
            print(f"      {result.why}")
    for change in run.changes:
        if change.before != change.now and change.before != "new":
            print(f"CHANGED {change.before} -> {change.now}: {change.question}")
    print(run.summary())
    return 0 if run.failed == 0 else 1


def register_test_questions_command(commands: Any) -> None:
    parser = commands.add_parser("test-questions", help="run test questions (CSV) through the buyer chat")
    parser.add_argument("file", help="CSV with a question column (optional: language, expected_source, "
                        "expected_fact); 'starter' runs the demo store's starter set")  # fmt: skip
    parser.add_argument("--label", help="name of this run (default: the file name)")
    parser.add_argument("--no-model", action="store_true", help="answer without the chat model (templates + sources)")
    parser.set_defaults(handler=_test_questions)
