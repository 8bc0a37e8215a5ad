"""Response deadlines: dispute date + the network's window (or the acquirer's own date), days left, urgency."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.chargebacks import NETWORK_NAMES, ChargebackNotice, Deadline, ReasonCode

URGENT_WITHIN_DAYS = 3


def compute_deadline(
    notice: ChargebackNotice, reason: ReasonCode, today: date, urgent_within_days: int = URGENT_WITHIN_DAYS
) -> Deadline:
    if notice.respond_by is not None:
        due = notice.respond_by
        rule = "due date stated on the acquirer's notice"
    else:
        due = notice.dispute_date + timedelta(days=reason.deadline_days)
        rule = f"{reason.deadline_days} days from the dispute date ({NETWORK_NAMES[reason.network]} typical window)"
    days_left = (due - today).days
    return Deadline(
        due_date=due,
        days_left=days_left,
        urgent=0 <= days_left <= urgent_within_days,
        overdue=days_left < 0,
        rule=rule,
    )
