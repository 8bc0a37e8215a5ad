"""Policy numbers in the buyer's language, from the refund engine's own policy object (one source of truth)."""

from __future__ import annotations

from app.domain.chat import Citation
from app.domain.refunds import RefundPolicy
from app.services.chat.facts import templates as t


def policy_citation(policy: RefundPolicy) -> Citation:
    return Citation(
        chunk_id=f"refund-policy@{policy.version}", title=f"Returns and refunds policy ({policy.version})",
        source="refund policy settings", kind="policy", score=1.0,
        excerpt=(f"Return window {policy.return_window_days} days; damage report {policy.damage_report_days} days; "
                 f"refund within {policy.refund_business_days} business days; returnless above "
                 f"{policy.returnless_threshold_pct}% return cost."),
    )  # fmt: skip


def policy_sentence(topic: str, policy: RefundPolicy, language: str) -> str | None:
    if topic == "return_window":
        return t.text("policy_return_window", language, n=t.number(policy.return_window_days, language))
    if topic == "refund_time":
        return t.text("policy_refund_time", language, days=t.number(policy.refund_business_days, language))
    if topic == "returnless":
        return t.text("policy_returnless", language, pct=t.percent(policy.returnless_threshold_pct, language))
    return None


def damage_answer(policy: RefundPolicy, language: str, order_no: str | None) -> str:
    """Damaged / wrong / missing item: the reporting window, the evidence and where the claim form is."""
    window = t.number(policy.damage_report_days, language)
    parts = [t.text("damage_report", language, n=window)]
    if order_no:
        parts.append(t.text("damage_order", language, order_no=order_no))
    parts.append(t.text("damage_after", language, n=window))
    return " ".join(parts)
