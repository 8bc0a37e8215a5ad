"""Completeness per reason code: which of the code's compelling-evidence items the bundle has, and a score."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.chargebacks import Completeness, EvidenceBundle, EvidenceItem


def completeness(bundle: EvidenceBundle) -> Completeness:
    reason = bundle.case.reason
    present = {item.key for item in bundle.items if item.present}
    required = reason.evidence
    return Completeness(
        reason_display=reason.display,
        required=required,
        present=tuple(key for key in required if key in present),
        missing=tuple(key for key in required if key not in present),
    )


@dataclass(frozen=True)
class ChecklistRow:
    item: EvidenceItem
    required: bool

    @property
    def status(self) -> str:
        return "present" if self.item.present else "missing"


def checklist(bundle: EvidenceBundle) -> list[ChecklistRow]:
    """The reason code's items first (in catalog order), then any other item the bundle has."""
    required = bundle.case.reason.evidence
    rows = [ChecklistRow(item=item, required=True) for key in required if (item := bundle.item(key)) is not None]
    rows.extend(ChecklistRow(item=item, required=False) for item in bundle.items if item.present and item.key not in required)
    return rows
