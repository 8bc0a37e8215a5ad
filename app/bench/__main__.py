"""`python -m app.bench <name> [options]`: run one benchmark by name.

Each benchmark is a module exposing `DESCRIPTION`, `add_arguments(parser)` and
`run(args) -> int`; only the chosen one is imported. Adding a benchmark is one line in
BENCHMARKS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> (module, one-line summary for --help)
BENCHMARKS: dict[str, tuple[str, str]] = {
    "retrieval": ("app.bench.retrieval",
                  "knowledge retrieval latency (embed + Chroma) vs raw Chroma, 1k-100k chunks"),
    "answers": ("app.bench.answers",
                "14-language buyer probes: right source in top 3, off-topic refused, facts in no-model replies"),
    "rebuttal": ("app.bench.rebuttal", "chargeback rebuttal .docx build time, 50 cases x 3 photos (p50/p95)"),
    "chat": ("app.bench.chat", "buyer chat overhead per message over SSE (p50/p95); --real: embedded model first text, tok/s"),
    "translation": ("app.bench.translation",
                    "inbox translation check: good translations accepted / wrong ones rejected, per language"),
    "listings": ("app.bench.listings",
                 "localized listings per minute and share passing every check, per language (configured model)"),
    "load": ("app.bench.load", "N concurrent buyers for 60 s against the real app: errors, chat p50/p95, /healthz p95"),
    "refunds": ("app.bench.refunds", "refund claim intake (phone photos + video, checked and stored) p50/p95; policy decisions/s"),
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    listing = "\n".join(f"  {name:12} {summary}" for name, (_, summary) in BENCHMARKS.items())
    top = argparse.ArgumentParser(
        prog="python -m app.bench", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=__doc__, epilog=f"benchmarks:\n{listing}")
    top.add_argument("name", choices=sorted(BENCHMARKS), metavar="NAME")
    if not argv or argv[0] in ("-h", "--help"):
        top.print_help()
        return 0 if argv else 2
    name, rest = top.parse_args(argv[:1]).name, argv[1:]

    module = importlib.import_module(BENCHMARKS[name][0])
    parser = argparse.ArgumentParser(prog=f"python -m app.bench {name}",
                                     description=module.DESCRIPTION)
    module.add_arguments(parser)
    result: int = module.run(parser.parse_args(rest))
    return result


if __name__ == "__main__":
    raise SystemExit(main())
