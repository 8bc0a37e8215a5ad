"""The report's headline numbers as sentences a shop owner reads (English: the console's language)."""

from __future__ import annotations

from app.services.analytics.service import AnalyticsReport


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _hours(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 60:.0f} min" if value < 1 else f"{value:.1f} h"


def summary_markdown(report: AnalyticsReport) -> str:
    h, r, f, c = report.handoffs, report.resolution, report.refunds, report.chargebacks
    period = f"{report.period.start} – {report.period.end}"
    return "\n".join([
        f"### {period}",
        f"- **Conversations:** {h.conversations} · handed to a person: {h.handed_off} ({_pct(h.rate)}) · "
        f"median wait for the first human reply: {_hours(h.median_hours_to_first_reply)} · open handoffs now: {h.open_now}",
        f"- **Dispute risk:** {report.dispute_risk} conversation(s) in which the buyer threatened a bank, card or "
        "PayPal dispute (shown first in the Inbox)",
        f"- **Durable resolution:** {_pct(r.rate)} — {r.durable} of {r.settled} settled conversations ended without a "
        f"handoff, refund claim or chargeback within {r.window_days} days ({r.pending} still inside their window, "
        "not counted)",
        f"- **Refunds:** {f.claims} claims filed · {f.resolved} decided, {f.returnless} without a return "
        f"({_pct(f.returnless_share)}) · median claim-to-decision: {_hours(f.median_hours_to_decision)}",
        f"- **Chargebacks:** {c.open} open, {c.urgent} urgent · won {c.won} of {c.decided} fought ({_pct(c.win_rate)}) · "
        f"median time to a rebuttal packet: {_hours(c.median_hours_to_packet)}",
    ])  # fmt: skip


def knowledge_hint(question: str) -> str:
    """What to add to the Knowledge tab so the assistant can answer an unanswered question."""
    return (
        f"**Buyers asked:** “{question}”\n\n"
        "Add a file that answers it, then search for the question below to check it is found: a FAQ or policy "
        "(.md / .txt, e.g. a heading with the question and the answer under it), a product export (.csv) or a manual "
        "(.pdf / .docx). For a short answer of your own, use **Add a store answer** in the Analytics tab instead."
    )


def store_answer_note(question: str) -> str:
    return (
        f"Write the store's answer to “{question}” and save it: buyers asking something similar, in any language, "
        "get it in their language."
    )
