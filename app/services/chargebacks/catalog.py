"""The reason-code catalog (reason_codes.yaml) and a lookup that forgives how people type codes.

"13.1", "1301", "13-1", "visa 13.1", "4853", "MC 4853", "F29", "f29" all resolve; an unknown code resolves to a
stand-in with category "unknown", a broad evidence list and a warning, never an exception.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from app.domain.chargebacks import NETWORK_NAMES, EvidenceKind, Network, ReasonCode, ReasonLookup

CATALOG_PATH = Path(__file__).with_name("reason_codes.yaml")

_NETWORK_WORDS: dict[str, Network] = {
    "american express": "amex",
    "mastercard": "mastercard",
    "master card": "mastercard",
    "discover": "discover",
    "amex": "amex",
    "visa": "visa",
    "mc": "mastercard",
}
_PREFIX = re.compile(
    r"^\s*("
    + "|".join(re.escape(word) for word in sorted(_NETWORK_WORDS, key=len, reverse=True))
    + r")[\s:#\-]*",
    re.IGNORECASE,
)
_VISA_CODE = re.compile(r"^(1[0-3])[.\-\s/]?0?(\d)(?:[.\-\s/]?0?(\d))?$")


def _key(code: str) -> str:
    """Upper-case letters and digits only: 'f-29' -> 'F29', '13.1' -> '131'."""
    return re.sub(r"[^0-9A-Z]", "", code.upper())


def _aliases(reason: ReasonCode) -> set[str]:
    aliases = {_key(reason.code)}
    if reason.network == "visa":
        parts = reason.code.split(".")
        aliases.add("".join(part.zfill(2) for part in parts))  # 13.1 -> 1301, 12.6.1 -> 120601
    return aliases


def split_network(text: str) -> tuple[Network | None, str]:
    """('visa', '13.1') from 'Visa 13.1'; (None, '4853') when no network word leads the text."""
    match = _PREFIX.match(text)
    if match and text[match.end() :].strip():
        return _NETWORK_WORDS[match.group(1).lower()], text[match.end() :].strip()
    return None, text.strip()


def normalise_network(text: str | None) -> Network | None:
    if not text or not text.strip():
        return None
    word = text.strip().lower()
    if word in _NETWORK_WORDS:
        return _NETWORK_WORDS[word]
    return None


# What a legacy entry takes from the current code it names, unless it states its own.
_INHERITED = ("category", "evidence", "argument", "deadline_days")


def _inherit(entry: dict[str, Any], entries: list[dict[str, Any]], path: Path) -> dict[str, Any]:
    target = entry.get("consolidated_into")
    if target is None:
        return entry
    current = next(
        (e for e in entries if e["network"] == entry["network"] and str(e["code"]) == str(target)), None
    )
    if current is None or current.get("consolidated_into"):
        raise ValueError(
            f"{path.name}: {entry['network']} {entry['code']} is consolidated into {target!r}, "
            "which is not a current code of that network"
        )
    return {**{key: current[key] for key in _INHERITED if key in current}, **entry}


def _source(entry: dict[str, Any], networks: dict[str, Any], sources: dict[str, str], path: Path) -> str:
    key = entry.get("source") or networks[entry["network"]].get("source")
    if key not in sources:
        raise ValueError(f"{path.name}: {entry['network']} {entry['code']} cites unknown source {key!r}")
    return sources[key]


@dataclass(frozen=True)
class ReasonCodeCatalog:
    codes: tuple[ReasonCode, ...]
    evidence_kinds: dict[str, EvidenceKind]
    category_arguments: dict[str, str]
    deadline_days: dict[str, int]
    unknown_evidence: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = CATALOG_PATH) -> ReasonCodeCatalog:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        deadlines = {name: int(rule["deadline_days"]) for name, rule in data["networks"].items()}
        kinds = {
            key: EvidenceKind(key=key, label=spec["label"], source=spec.get("source", "store"))
            for key, spec in data["evidence_items"].items()
        }
        sources: dict[str, str] = data.get("sources", {})
        entries = [_inherit(entry, data["codes"], path) for entry in data["codes"]]
        codes = tuple(
            ReasonCode(
                network=entry["network"],
                code=str(entry["code"]),
                title=entry["title"],
                category=entry["category"],
                evidence=tuple(entry["evidence"]),
                deadline_days=int(entry.get("deadline_days", deadlines[entry["network"]])),
                consolidated_into=entry.get("consolidated_into"),
                note=entry.get("note"),
                argument=" ".join(entry["argument"].split()) if entry.get("argument") else None,
                source=_source(entry, data["networks"], sources, path),
            )
            for entry in entries
        )
        catalog = cls(
            codes=codes,
            evidence_kinds=kinds,
            category_arguments={k: " ".join(v.split()) for k, v in data["category_arguments"].items()},
            deadline_days=deadlines,
            unknown_evidence=tuple(data["unknown_evidence"]),
        )
        catalog._check()
        return catalog

    def _check(self) -> None:
        # A broken catalog file must fail loudly at start-up, not produce a rebuttal with holes.
        current = {(r.network, r.code) for r in self.codes if not r.legacy}
        for reason in self.codes:
            if reason.legacy and (reason.network, reason.consolidated_into) not in current:
                raise ValueError(
                    f"{reason.display}: consolidated_into {reason.consolidated_into!r} is not a current "
                    f"{NETWORK_NAMES[reason.network]} code in reason_codes.yaml"
                )
            unknown = [key for key in reason.evidence if key not in self.evidence_kinds]
            if unknown:
                raise ValueError(f"{reason.display}: unknown evidence keys {unknown} in reason_codes.yaml")
        for key in self.unknown_evidence:
            if key not in self.evidence_kinds:
                raise ValueError(f"unknown_evidence: unknown evidence key {key!r}")

    @cached_property
    def _index(self) -> dict[str, list[ReasonCode]]:
        index: dict[str, list[ReasonCode]] = defaultdict(list)
        for reason in self.codes:
            for alias in _aliases(reason):
                index[alias].append(reason)
        return index

    def _candidates(self, code: str) -> list[ReasonCode]:
        index = self._index
        found = index.get(_key(code), [])
        if found:
            return found
        visa = _VISA_CODE.match(code.strip())
        if visa:  # '13 - 01', '12/6/1'…
            dotted = ".".join(part for part in visa.groups() if part)
            return index.get(_key(dotted), [])
        return []

    def lookup(self, code: str, network: str | None = None) -> ReasonLookup:
        hinted, bare = split_network(code)
        wanted = normalise_network(network) or hinted
        candidates = self._candidates(bare) if bare else []
        matching = [r for r in candidates if wanted is None or r.network == wanted]
        also = ""
        if len(matching) > 1 and wanted is None:
            # '4863' is Mastercard's current code and a retired Discover one: a notice today means the current code.
            current = [r for r in matching if not r.legacy]
            if len(current) == 1:
                others = ", ".join(sorted(r.display for r in matching if r is not current[0]))
                also = f" The code is also {others} (retired); give the card network if the notice is from there."
                matching = current
        if len(matching) == 1:
            reason = matching[0]
            warning = also.strip() or None
            if reason.consolidated_into:
                warning = (
                    f"{reason.display} is a legacy code; {NETWORK_NAMES[reason.network]} now files it under "
                    f"{reason.consolidated_into}.{also}"
                )
            return ReasonLookup(reason=reason, known=True, warning=warning)
        if candidates and not matching and wanted is not None:
            others = ", ".join(sorted({r.display for r in candidates}))
            warning = (
                f"Reason code {bare!r} is not a {NETWORK_NAMES[wanted]} code (it matches {others}). "
                "Check the notice; the case is handled with a generic evidence list."
            )
        elif len(matching) > 1:
            warning = f"Reason code {bare!r} is ambiguous; give the card network."
        else:
            warning = (
                f"Reason code {bare or code!r} is not in the catalog; the case is handled as category "
                "'unknown' with a generic evidence list."
            )
        return ReasonLookup(reason=self.unknown_reason(bare or code, wanted), known=False, warning=warning)

    def unknown_reason(self, code: str, network: Network | None) -> ReasonCode:
        # Without a known network, assume the shortest window so a deadline is never overstated.
        days = self.deadline_days.get(network or "", min(self.deadline_days.values()))
        return ReasonCode(
            network=network or "unknown",
            code=code.strip()[:32] or "?",
            title="Unknown reason code",
            category="unknown",
            evidence=self.unknown_evidence,
            deadline_days=days,
        )

    def label(self, evidence_key: str) -> str:
        kind = self.evidence_kinds.get(evidence_key)
        return kind.label if kind else evidence_key.replace("_", " ")

    def argument_for(self, reason: ReasonCode) -> str:
        return reason.argument or self.category_arguments.get(
            reason.category, self.category_arguments["unknown"]
        )

    def exhibit_keys(self) -> list[str]:
        return [key for key, kind in self.evidence_kinds.items() if kind.source == "exhibit"]
