"""A chargeback case as an aggregate: its status, the one table of legal transitions, and what a command writes.

The service loads the case, calls one method here and saves the status change, the decision and the audit entry in
one transaction. Pure: no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from app.domain.chargebacks import OUTCOMES, CaseStatus, ChargebackCase
from app.errors import CaseTransitionError, InvalidInputError

# "respond": the rebuttal was generated (sent to the acquirer); won / lost / accepted: the network's final word.
ChargebackEvent = Literal["respond", "won", "lost", "accepted"]

# (status, event) -> next status. An outcome is final: a closed case is not reopened or re-decided here.
TRANSITIONS: Mapping[tuple[str, ChargebackEvent], CaseStatus] = {
    ("open", "respond"): "responded",
    ("responded", "respond"): "responded",  # a corrected rebuttal, sent again before the deadline
    **{(status, outcome): outcome for status in ("open", "responded") for outcome in OUTCOMES},  # type: ignore[misc]
}
CLOSED: frozenset[str] = frozenset(OUTCOMES)


def next_status(status: str, event: ChargebackEvent) -> CaseStatus:
    target = TRANSITIONS.get((status, event))
    if target is None:
        if status in CLOSED:
            raise CaseTransitionError(f"This chargeback case is already closed as {status}.")
        raise CaseTransitionError(f"A chargeback case that is {status} cannot be marked {event}.")
    return target


@dataclass(frozen=True)
class ChargebackDecision:
    outcome: str
    amount: Decimal
    currency: str
    rules_fired: list[Any]
    inputs: dict[str, Any]
    decided_by: str
    note: str | None


@dataclass(frozen=True)
class ChargebackAudit:
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass
class ChargebackCaseState:
    """The aggregate for one command: the case's loaded status and what the command changes."""

    case_id: str
    status: str
    amount: Decimal
    currency: str
    new_status: CaseStatus | None = None
    decisions: list[ChargebackDecision] = field(default_factory=list)
    audit: list[ChargebackAudit] = field(default_factory=list)

    @classmethod
    def of(cls, case: ChargebackCase) -> ChargebackCaseState:
        return cls(case.case_id, case.status, case.notice.amount, case.notice.currency)

    def record_outcome(
        self, outcome: str, *, actor: str, note: str, rules_fired: list[Any], inputs: dict[str, Any]
    ) -> None:
        """The network's final word, with the evidence picture that led to it (stored as the decision's inputs)."""
        if outcome not in OUTCOMES:
            raise InvalidInputError(f"Outcome must be one of {', '.join(OUTCOMES)}.")
        self.new_status = next_status(self.status, outcome)  # type: ignore[arg-type]
        self.decisions.append(ChargebackDecision(
            outcome=outcome, amount=self.amount, currency=self.currency, rules_fired=rules_fired,
            inputs={**inputs, "previous_status": self.status}, decided_by=actor, note=note or None,
        ))  # fmt: skip
        self.audit.append(ChargebackAudit(actor, "outcome_recorded", {"outcome": outcome, "note": note}))

    def respond(self, actor: str, detail: dict[str, Any]) -> None:
        """A rebuttal was generated: an open case becomes responded; a closed one keeps its outcome (the packet
        can still be rebuilt for the merchant's records)."""
        if self.status not in CLOSED:
            self.new_status = next_status(self.status, "respond")
        self.audit.append(ChargebackAudit(actor, "rebuttal_generated", detail))
