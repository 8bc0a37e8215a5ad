"""The vision finding as plain sentences a shop owner reads, each with how much it matters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.domain.refunds import Finding

Level = Literal["good", "note", "check", "problem"]
SEVERITY_LEVEL: dict[str, Level] = {"none": "note", "minor": "note", "moderate": "check", "severe": "problem"}


@dataclass(frozen=True)
class FindingLine:
    level: Level
    text: str


def finding_lines(finding: Finding | None) -> list[FindingLine]:
    if finding is None:
        return [FindingLine("check", "The evidence has not been analysed yet.")]
    if not finding.usable:
        manual = FindingLine("check", "No model could judge the photos: look at them yourself before deciding.")
        return [manual] + ([FindingLine("note", finding.note)] if finding.note else [])
    lines: list[FindingLine] = []
    what = f" ({finding.damage_type})" if finding.damage_type else ""
    if finding.issue_visible == "yes":
        lines.append(FindingLine(SEVERITY_LEVEL[finding.severity], f"The photos show the problem{what}; severity: {finding.severity}."))
    elif finding.issue_visible == "no":
        lines.append(FindingLine("problem", "The photos do not show the problem the buyer describes."))
    else:
        lines.append(FindingLine("check", "The photos do not make clear whether the problem is there."))
    lines.append({
        "yes": FindingLine("good", "The product in the photos matches the one ordered."),
        "no": FindingLine("problem", "The product in the photos does not look like the one ordered."),
        "unclear": FindingLine("check", "It is unclear whether the product in the photos is the one ordered."),
    }[finding.product_matches])  # fmt: skip
    if finding.packaging_damage == "yes":
        lines.append(FindingLine("note", "The packaging is damaged too (points to damage in transit)."))
    for label, match in (("order number", finding.order_no_match), ("tracking number", finding.tracking_no_match)):
        if match == "yes":
            lines.append(FindingLine("good", f"The {label} on the shipping label matches this order."))
        elif match == "no":
            lines.append(FindingLine("problem", f"The {label} on the shipping label is not this order's."))
    if finding.reused_photo:
        detail = f": {finding.reused_detail}" if finding.reused_detail else ""
        lines.append(FindingLine("problem", f"A photo was already used in another claim{detail}."))
    if finding.text_read:
        lines.append(FindingLine("note", "Text read in the photos: " + "; ".join(finding.text_read[:6])))
    if finding.summary:
        lines.append(FindingLine("note", f"In short: {finding.summary}"))
    return lines
