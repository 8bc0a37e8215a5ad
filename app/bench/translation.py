"""Inbox translation check: how many faithful translations it accepts and wrong ones it rejects, per language,
on the pairs in tests/data/translation_pairs.yaml (a merchant's English replies and buyers' messages, each with
a good translation and wrong ones: "Do not reply", a changed amount, weeks as months, keep as return…).

    python -m app.bench translation                  # with the multilingual-e5-small meaning check
    python -m app.bench translation --no-encoder     # code checks only (numbers, codes, length)
    python -m app.bench translation --threshold 0.86 # try another similarity threshold
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

DESCRIPTION = __doc__
PAIRS = Path(__file__).resolve().parents[2] / "tests" / "data" / "translation_pairs.yaml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="YAML file of pairs (default %(default)s)")
    parser.add_argument("--threshold", type=float, default=None, help="similarity threshold (default: the app's)")
    parser.add_argument("--no-encoder", action="store_true", help="skip the meaning check")
    parser.add_argument("--verbose", action="store_true", help="print every wrong verdict")


class _Cached:
    """The pairs repeat their originals: embed each text once."""

    def __init__(self, encoder: Any) -> None:
        self._encoder = encoder
        self._vectors: dict[str, list[float]] = {}

    def embed_query(self, text: str) -> list[float]:
        if text not in self._vectors:
            self._vectors[text] = self._encoder.embed_query(text)
        return self._vectors[text]


def load_pairs(path: Path) -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return pairs


def run(args: argparse.Namespace) -> int:
    from app.services.chat.translation_check import DEFAULT_MIN_SIMILARITY, TranslationChecker
    from knowledge.cross_lingual import E5SentenceEncoder

    threshold = DEFAULT_MIN_SIMILARITY if args.threshold is None else args.threshold
    encoder = None if args.no_encoder else _Cached(E5SentenceEncoder())
    checker = TranslationChecker(encoder, threshold)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # good accepted, good, bad rejected, bad
    similarity: dict[bool, list[float]] = {True: [], False: []}
    wrong = []
    for pair in load_pairs(args.pairs):
        verdict = checker.check(pair["original"], pair["translation"], pair.get("source_language"),
                                pair.get("target_language"))
        score = checker.similarity(pair["original"], pair["translation"])  # for calibration, even if rejected
        row = stats[pair["language"]]
        if pair["good"]:
            row[0] += verdict.ok
            row[1] += 1
        else:
            row[2] += not verdict.ok
            row[3] += 1
        if score is not None:
            similarity[pair["good"]].append(score)
        if verdict.ok != pair["good"]:
            wrong.append((pair["language"], pair["case"], verdict.problems, score))
    print(f"translation check, threshold {threshold}{' (no encoder)' if args.no_encoder else ''}")
    print(f"{'lang':6}{'good accepted':>16}{'bad rejected':>16}")
    totals = [0, 0, 0, 0]
    for language in sorted(stats):
        row = stats[language]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"{language:6}{row[0]:>11}/{row[1]:<4}{row[2]:>11}/{row[3]:<4}")
    print(f"{'all':6}{totals[0]:>11}/{totals[1]:<4}{totals[2]:>11}/{totals[3]:<4}"
          f"  ({totals[0] / max(totals[1], 1):.0%} accepted, {totals[2] / max(totals[3], 1):.0%} rejected)")
    for good, values in similarity.items():
        if values:
            print(f"similarity of {'good' if good else 'bad'} pairs: min {min(values):.3f} max {max(values):.3f}")
    if args.verbose:
        for language, case, problems, score in wrong:
            print(f"  wrong: {language} {case} problems={problems} similarity={score}")
    return 0
