"""What evidence builders read (the gathered records) and the small helpers they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.chargebacks import ChargebackCase, EvidenceItem, Exhibit, Fact
from app.domain.orders import Order
from app.services.chargebacks.prior_orders import Ce3Check, PriorOrder
from app.services.chargebacks.refund_history import RefundRecord
from app.services.chargebacks.store_documents import PolicyDocument, ProductFacts
from app.store.chargebacks import TranscriptMessage


@dataclass(frozen=True)
class EvidenceContext:
    case: ChargebackCase
    order: Order | None
    buyer_orders: Sequence[Order] = ()
    prior: Sequence[PriorOrder] = ()
    ce3: Ce3Check | None = None
    transcript: Sequence[TranscriptMessage] = ()
    refunds: Sequence[RefundRecord] | None = None
    products: Sequence[ProductFacts] = ()
    policy: PolicyDocument | None = None
    exhibit_letters: dict[int, str] = field(default_factory=dict)

    def exhibits_for(self, key: str) -> list[Exhibit]:
        return [exhibit for exhibit in self.case.exhibits if exhibit.evidence_key == key]


def when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def item_present(key: str, label: str, facts: list[Fact], summary: str, note: str = "") -> EvidenceItem:
    return EvidenceItem(key=key, label=label, present=True, summary=summary, facts=tuple(facts), note=note)


def item_missing(key: str, label: str, note: str, facts: list[Fact] | None = None) -> EvidenceItem:
    return EvidenceItem(key=key, label=label, present=False, note=note, facts=tuple(facts or ()))
