"""The refund policy's offer on an order, for a buyer who says in chat they will dispute the charge.

Before the bank is involved the shop offers what its written policy already gives on that order — computed by the
same policy engine that decides claims, never by a model. Without photos the engine can only judge the claim every
buyer may make without evidence: a return within the return window (change of mind). So the offer is the engine's
decision for that claim on the buyer's order today; when the engine would reject or escalate it (not delivered yet,
outside the window, above the auto-offer limit, an earlier claim on the order...), there is no offer and a person
answers. Each offer is stored as a decision with its inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from app.domain.orders import Order
from app.domain.refunds import (
    OFFERABLE,
    OPEN_CASE_STATUSES,
    ClaimLine,
    ClaimReason,
    Finding,
    PolicyDecision,
    PolicyInput,
    RefundPolicy,
)
from app.services.refunds.negotiation import offer_key, offer_sentence
from app.services.refunds.policy import decide
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.base import utcnow
from app.store.decisions import DecisionRepository
from app.store.refunds import RefundRepository

# The claim a buyer can make on any delivered order without evidence.
BASELINE_REASON: ClaimReason = "changed_mind"
# Offers that pay something; a replacement needs a person to arrange it.
_MONEY_OFFERS = frozenset({"full_refund_no_return", "partial_refund_no_return", "return_for_refund"}) & OFFERABLE

LEAD: dict[str, str] = {
    "en": "What our refund policy offers on order {order_no} right now:",
    "zh": "根据我们的退款政策，订单 {order_no} 目前可获得以下方案：",
    "es": "Esto es lo que nuestra política de reembolsos ofrece ahora para el pedido {order_no}:",
    "fr": "Voici ce que notre politique de remboursement propose dès maintenant pour la commande {order_no} :",
    "de": "Das bietet unsere Erstattungsrichtlinie für die Bestellung {order_no} jetzt an:",
    "it": "Ecco cosa prevede subito la nostra politica di rimborso per l'ordine {order_no}:",
    "pt": "Veja o que a nossa política de reembolso oferece agora para o pedido {order_no}:",
    "nl": "Dit biedt ons terugbetalingsbeleid nu voor bestelling {order_no}:",
    "pl": "Oto, co nasza polityka zwrotów oferuje teraz dla zamówienia {order_no}:",
    "ru": "Вот что наша политика возврата предлагает сейчас по заказу {order_no}:",
    "tr": "İade politikamızın {order_no} numaralı sipariş için şu anda sunduğu seçenek:",
    "ar": "هذا ما تقدمه سياسة الاسترداد لدينا الآن للطلب {order_no}:",
    "ja": "当店の返金ポリシーに基づき、ご注文 {order_no} について現在ご提案できる内容は次のとおりです：",
    "ko": "저희 환불 정책에 따라 주문 {order_no}에 대해 지금 제안해 드릴 수 있는 내용은 다음과 같습니다:",
}


@dataclass(frozen=True)
class DisputeOffer:
    order_no: str
    decision: PolicyDecision
    text: str  # in the buyer's language, amounts formatted by code


class DisputeOffers:
    def __init__(
        self, *, repository: RefundRepository, decisions: DecisionRepository, shipping: ShippingCostTable,
        products: ProductCategories, policy: Callable[[], RefundPolicy], clock: Callable[[], datetime] = utcnow,
    ) -> None:  # fmt: skip
        self._repository = repository
        self._decisions = decisions
        self._shipping = shipping
        self._products = products
        self._policy = policy
        self._clock = clock

    def policy_input(self, order: Order, policy: RefundPolicy, now: datetime) -> PolicyInput:
        """The claim the engine judges: a return of the whole order, claimed now, with the order's claim history."""
        claims = self._repository.cases_for_order(order.order_no)
        refunded = [c for c in claims if c.status == "resolved" and (c.final_amount or Decimal(0)) > 0]
        country, currency = order.country_code, order.currency.upper()
        return PolicyInput(
            reason=BASELINE_REASON, claimed_at=now, currency=currency, item_value=order.items_subtotal,
            shipping_paid=order.shipping_paid, total_paid=order.total_paid, country_code=country,
            order_status=order.status, delivered_at=order.delivered_at,
            return_cost=self._shipping.return_cost(country, currency),
            prior_claims=self._repository.count_claims(
                order.buyer_email.strip().lower(), since=now - timedelta(days=policy.repeat_claim_window_days),
                before=now, exclude_case="",
            ),
            open_claims_on_order=sum(c.status in OPEN_CASE_STATUSES for c in claims),
            refunded_claims_on_order=len(refunded),
            already_refunded=sum((c.final_amount or Decimal(0) for c in refunded), Decimal(0)),
            finding=Finding(status="unanalysed"),
            lines=[ClaimLine(title=i.title, category=self._products.category(i.product_id)) for i in order.items],
            outbound_cost=self._shipping.outbound_cost(country, currency),
        )  # fmt: skip

    def offer(self, order: Order, language: str, conversation_id: str) -> DisputeOffer | None:
        """The policy's offer on `order` (a verified buyer's), or None when the policy makes none on its own."""
        policy, now = self._policy(), self._clock()
        inp = self.policy_input(order, policy, now)
        decision = decide(policy, inp)
        if decision.outcome not in _MONEY_OFFERS or decision.amount <= 0:
            return None
        sentence = offer_sentence(
            offer_key(decision.outcome, inp.reason), decision.amount, decision.percent, decision.currency, language
        )
        text = f"{LEAD.get(language, LEAD['en']).format(order_no=order.order_no)} {sentence}"
        # Stated to the buyer, so stored like any decision: with every input and the rules that fired.
        self._decisions.record(
            case_kind="conversation", case_id=conversation_id, outcome=decision.outcome, amount=decision.amount,
            currency=decision.currency, rules_fired=[hit.model_dump() for hit in decision.rules_fired],
            inputs={"claim": inp.model_dump(mode="json"), "policy": policy.model_dump(mode="json"),
                    "order_no": order.order_no, "why": "dispute_risk"},
            decided_by="policy-engine", policy_version=policy.version, note="offered in chat to a buyer threatening a dispute",
        )  # fmt: skip
        return DisputeOffer(order.order_no, decision, text)
