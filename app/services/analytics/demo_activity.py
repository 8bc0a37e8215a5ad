"""A few weeks of demo shop activity, so a fresh demo store shows meaningful analytics.

Demo mode only (wired in app.wiring). Everything written here is marked: conversations carry a
"demo-activity-" session token (real tokens are stored as 64-hex digests, so none can collide), messages carry
meta {"demo": true}, refund cases say "[demo]" in their description and chargeback cases are numbered DEMO-CB-….
Demo cases and conversations point at made-up orders (DEMO-ORD-…, demo-buyer-…@example.invalid) that copy only
country, currency and price from the demo store's orders: a real demo order never gets a seeded claim, so the
refund engine and chargeback evidence treat the demo store's orders exactly as before.
Demo conversations end closed and demo cases end decided, so the Inbox and the work queues stay empty.
Seeded once per database (a merchant setting remembers it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.store.case_numbers import next_case_no
from app.store.chargeback_tables import ChargebackCaseRow
from app.store.db import Database
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.refund_tables import RefundCaseRow
from app.store.tables import AuditRow, ConversationRow, MessageRow, OrderRow

SEEDED_KEY = "demo_activity_seeded"
DEMO_TOKEN_PREFIX = "demo-activity-"

# Answered questions (any source) and questions the demo store has no knowledge for (refused), per language.
ANSWERED = {
    "en": ["Does the 15.6 inch monitor work with a MacBook over one USB-C cable?", "How long does shipping to the UK take?"],
    "es": ["¿Cuánto tarda el envío a España?", "¿El monitor de 15,6 pulgadas incluye funda?"],
    "de": ["Wie lange dauert der Versand nach Deutschland?", "Funktioniert der Monitor mit der Nintendo Switch?"],
    "fr": ["Combien coûte la livraison en France ?"],
    "ko": ["맥북에 USB-C 케이블 하나로 연결되나요?"],
    "ja": ["日本までの配送日数は？"],
    "pl": ["Ile kosztuje wysyłka do Polski?"],
    "pt": ["Quanto tempo demora o envio para Portugal?"],
}
UNANSWERED = {
    "en": ["Do you sell 8K monitors?", "Do you offer gift wrapping?"],
    "es": ["¿Venden monitores 8K?", "¿Hacen envoltorio de regalo?"],
    "de": ["Haben Sie 8K-Monitore?"],
    "ja": ["8Kモニターはありますか？"],
    "fr": ["Faites-vous des emballages cadeaux ?"],
}
HUMAN_REQUEST = {"en": "I want to talk to a person", "es": "Quiero hablar con una persona", "de": "Ich möchte mit einem Menschen sprechen"}
SOURCES = (("model", 0.55), ("fallback", 0.25), ("template", 0.20))
REFUND_REASONS = ("damaged", "defective", "not_as_described", "missing_parts", "changed_mind")
REFUND_OUTCOMES = ("partial_refund_no_return", "full_refund_no_return", "return_for_refund", "reject")
CHARGEBACK_CODES = (("visa", "13.1", "consumer_dispute"), ("visa", "10.4", "fraud"), ("mastercard", "4853", "consumer_dispute"))


@dataclass(frozen=True)
class _DemoOrder:
    order_no: str
    buyer_email: str
    country_code: str
    currency: str
    product_id: str
    item_value: Decimal
    total_paid: Decimal


@dataclass(frozen=True)
class SeedReport:
    conversations: int
    refund_cases: int
    chargebacks: int


def _pick_source(rng: random.Random) -> str:
    roll, total = rng.random(), 0.0
    for source, weight in SOURCES:
        total += weight
        if roll < total:
            return source
    return SOURCES[-1][0]


class _Writer:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.conversations = 0

    def conversation(self, language: str, started: datetime, order: _DemoOrder | None) -> str:
        self.conversations += 1
        with self.db.session() as session:
            row = ConversationRow(
                session_token=f"{DEMO_TOKEN_PREFIX}{self.conversations:04d}", language=language, status="closed",
                buyer_email=order.buyer_email if order else None, verified_order_no=order.order_no if order else None,
                created_at=started, updated_at=started,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return row.id

    def exchange(self, cid: str, when: datetime, question: str, language: str, **reply_meta: object) -> None:
        with self.db.session() as session:
            buyer = MessageRow(conversation_id=cid, role="buyer", text=question, language=language, created_at=when,
                               meta={"demo": True, "intent": "product_question"})  # fmt: skip
            session.add(buyer)
            session.flush()
            session.add(MessageRow(
                conversation_id=cid, role="assistant", text="(demo reply)", language=language,
                created_at=when + timedelta(seconds=4), meta={"demo": True, "reply_to": buyer.id, **reply_meta},
            ))  # fmt: skip

    def handoff(self, cid: str, when: datetime, reason: str, reply_after: timedelta) -> None:
        with self.db.session() as session:
            session.add(AuditRow(case_kind="conversation", case_id=cid, actor="buyer-chat", action="handoff",
                                 detail={"reason": reason, "demo": True}, created_at=when))  # fmt: skip
            session.add(MessageRow(conversation_id=cid, role="merchant", text="(demo merchant reply)", language="en",
                                   created_at=when + reply_after, meta={"demo": True}))  # fmt: skip


def seed_demo_activity(
    db: Database, merchant_settings: MerchantSettingsRepository, now: datetime, days: int = 49, seed: int = 7
) -> SeedReport | None:
    """None when this database was seeded before."""
    if merchant_settings.get(SEEDED_KEY):
        return None
    rng = random.Random(seed)
    with db.session() as session:
        templates = list(session.scalars(select(OrderRow).order_by(OrderRow.order_no)).all())
    orders = [_demo_order(i, template) for i, template in enumerate(templates * 3, start=1)]
    writer = _Writer(db)
    for back in range(days, 0, -1):
        day = now - timedelta(days=back)
        for _ in range(rng.randint(3, 8)):
            started = day.replace(hour=rng.randint(0, 23), minute=rng.randint(0, 59), second=0, microsecond=0)
            language = rng.choice(list(ANSWERED))
            order = rng.choice(orders) if orders and rng.random() < 0.25 else None
            cid = writer.conversation(language, started, order)
            for i in range(rng.randint(1, 3)):
                writer.exchange(cid, started + timedelta(minutes=i), rng.choice(ANSWERED[language]), language,
                                source=_pick_source(rng))  # fmt: skip
            roll = rng.random()
            if roll < 0.18 and language in UNANSWERED:
                asked = started + timedelta(minutes=5)
                handed = rng.random() < 0.4
                writer.exchange(cid, asked, rng.choice(UNANSWERED[language]), language, source="template", refused=True,
                                **({"handoff": "low_confidence"} if handed else {}))  # fmt: skip
                if handed:
                    writer.handoff(cid, asked, "low_confidence", timedelta(minutes=rng.randint(20, 600)))
            elif roll < 0.25 and language in HUMAN_REQUEST:
                asked = started + timedelta(minutes=5)
                writer.exchange(cid, asked, HUMAN_REQUEST[language], language, source="template", handoff="buyer_request")
                writer.handoff(cid, asked, "buyer_request", timedelta(minutes=rng.randint(10, 300)))
    refunds = _seed_refunds(db, rng, orders, now, days)
    chargebacks = _seed_chargebacks(db, rng, orders, now, days)
    report = SeedReport(writer.conversations, refunds, chargebacks)
    merchant_settings.set(SEEDED_KEY, {"at": now.isoformat(), "days": days, **report.__dict__})
    return report


def _demo_order(number: int, template: OrderRow) -> _DemoOrder:
    record = template.record or {}
    item = (record.get("items") or [{}])[0]
    value = Decimal(str(item.get("unit_price", "0"))) * int(item.get("quantity", 1))
    return _DemoOrder(
        order_no=f"DEMO-ORD-{number:04d}", buyer_email=f"demo-buyer-{number:04d}@example.invalid",
        country_code=template.country_code, currency=str(record.get("currency", "USD")),
        product_id=str(item.get("product_id") or ""), item_value=value,
        total_paid=Decimal(str(record.get("total_paid", value))),
    )  # fmt: skip


def _seed_refunds(db: Database, rng: random.Random, orders: list[_DemoOrder], now: datetime, days: int) -> int:
    if not orders:
        return 0
    count = 0
    with db.session() as session:
        for order in rng.sample(orders, min(len(orders), 10)):
            value = order.item_value
            created = now - timedelta(days=rng.randint(2, days), hours=rng.randint(0, 23))
            outcome = rng.choice(REFUND_OUTCOMES)
            amount = {"partial_refund_no_return": (value * Decimal("0.3")).quantize(Decimal("0.01")),
                      "full_refund_no_return": value, "return_for_refund": value, "reject": Decimal(0)}[outcome]
            session.add(RefundCaseRow(
                order_no=order.order_no, buyer_email=order.buyer_email, country_code=order.country_code,
                currency=order.currency, product_id=order.product_id or None, reason=rng.choice(REFUND_REASONS),
                description="[demo] seeded demo claim", status="rejected" if outcome == "reject" else "resolved",
                item_value=str(value), total_paid=str(order.total_paid), final_outcome=outcome, final_amount=str(amount),
                created_at=created, updated_at=created, resolved_at=created + timedelta(hours=rng.randint(1, 40)),
                case_no=next_case_no(RefundCaseRow.case_no),
            ))  # fmt: skip
            count += 1
    return count


def _seed_chargebacks(db: Database, rng: random.Random, orders: list[_DemoOrder], now: datetime, days: int) -> int:
    if not orders:
        return 0
    count = 0
    with db.session() as session:
        for i, order in enumerate(rng.sample(orders, min(len(orders), 6))):
            network, code, category = CHARGEBACK_CODES[i % len(CHARGEBACK_CODES)]
            created = now - timedelta(days=rng.randint(3, days))
            case_id = f"DEMO-CB-{i + 1:03d}"
            session.add(ChargebackCaseRow(
                case_id=case_id, network=network, reason_code=code, category=category, amount=str(order.total_paid),
                currency=order.currency, dispute_date=created.date(), respond_by=created.date() + timedelta(days=20),
                order_no=order.order_no, claim_text="[demo] seeded demo chargeback", acquirer="Demo acquirer",
                status=rng.choice(("won", "won", "lost", "accepted")), created_at=created, updated_at=created,
                case_no=next_case_no(ChargebackCaseRow.case_no),
            ))  # fmt: skip
            session.add(AuditRow(case_kind="chargeback", case_id=case_id, actor="demo", action="rebuttal_generated",
                                 detail={"demo": True}, created_at=created + timedelta(minutes=rng.randint(2, 90))))
            count += 1
    return count


def demo_seeded_on(merchant_settings: MerchantSettingsRepository) -> date | None:
    seeded = merchant_settings.get(SEEDED_KEY)
    return datetime.fromisoformat(seeded["at"]).date() if isinstance(seeded, dict) and seeded.get("at") else None
