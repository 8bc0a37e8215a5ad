"""The documented order JSON (file import and `POST /api/orders`) and tracking updates.

Lenient where a storefront may not know a value (name, language, shipping), strict where money and evidence
depend on it. Unknown fields are ignored so a storefront can send its whole order object. `to_order` turns a
payload into the store's `Order`. Money is a string ("€229.00", "229.00") or a JSON number read as an exact
Decimal by the JSON readers here (never through a float).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from babel.numbers import is_currency
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from app.domain.money import minor_unit_exponent
from app.domain.orders import (
    DeliveryProof,
    Order,
    OrderItem,
    OrderStatus,
    PaymentDetails,
    ShippingAddress,
    TrackingEvent,
)
from app.services.language import SUPPORTED_LANGUAGES
from app.services.orders.values import country_code as _country_code
from app.services.orders.values import language_for_country, parse_datetime, parse_money

_ORDER_NO = re.compile(r"#?[A-Za-z0-9][A-Za-z0-9._/\-]*")
MAX_ITEMS = 500
MAX_EVENTS = 200


def _money(value: object) -> Decimal:
    if isinstance(value, float):
        raise ValueError("give money as a string such as \"229.00\", not a JSON number with decimals")
    if isinstance(value, int | Decimal):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("must be an amount such as \"229.00\"")
    return parse_money(value)


def _when(value: object) -> object:
    return parse_datetime(value) if isinstance(value, str) else value


Money = Annotated[Decimal, BeforeValidator(_money)]
When = Annotated[datetime, BeforeValidator(_when)]
Country = Annotated[str, BeforeValidator(lambda v: _country_code(str(v)))]


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class OrderItemIn(_In):
    sku: str = Field(default="", max_length=120, description="SKU or product id")
    title: str = Field(min_length=1, max_length=300)
    quantity: int = Field(ge=1, le=100_000)
    unit_price: Money


class PaymentIn(_In):
    method: str = Field(default="card", max_length=80)
    card_brand: str | None = Field(default=None, max_length=40)
    card_last4: str | None = Field(default=None, max_length=32)
    avs_result: str | None = Field(default=None, max_length=80, description="AVS check, e.g. 'Y' or 'match'")
    cvv_result: str | None = Field(default=None, max_length=80, description="CVC check, e.g. 'M' or 'pass'")
    three_ds: str | None = Field(default=None, max_length=80, description="3-D Secure result, e.g. 'authenticated'")
    ip_address: str | None = Field(default=None, max_length=64)
    device_id: str | None = Field(default=None, max_length=128)
    authorization_code: str | None = Field(default=None, max_length=64)
    payment_ids: list[Annotated[str, Field(min_length=3, max_length=255)]] = Field(
        default_factory=list, max_length=10,
        description="The processor's ids of this payment (Stripe charge ch_… / payment intent pi_…); disputes match by them",
    )


class AddressIn(_In):
    name: str = Field(default="", max_length=200)
    line1: str = Field(default="", max_length=300)
    city: str = Field(default="", max_length=120)
    postal_code: str = Field(default="", max_length=32)
    country_code: Country


class TrackingEventIn(_In):
    time: When
    location: str = Field(default="", max_length=200)
    description: str = Field(min_length=1, max_length=500)


class OrderIn(_In):
    """One order as a storefront or a JSON file sends it."""

    order_no: str = Field(min_length=1, max_length=64, description="as the buyer sees it, e.g. #1001")
    email: str = Field(min_length=3, max_length=320)
    buyer_name: str = Field(default="", max_length=200)
    created_at: When
    currency: str = Field(min_length=3, max_length=3)
    items: list[OrderItemIn] = Field(min_length=1, max_length=MAX_ITEMS)
    shipping: Money = Decimal("0")
    total: Money
    country_code: Country | None = Field(default=None, description="shipping country; else the address's")
    language: str | None = Field(default=None, max_length=8, description="buyer's language; else the country's")
    status: OrderStatus = "processing"
    financial_status: str | None = Field(default=None, max_length=40)
    paid_at: When | None = None
    payment: PaymentIn = Field(default_factory=PaymentIn)
    shipping_address: AddressIn | None = None
    carrier: str | None = Field(default=None, max_length=80)
    tracking_no: str | None = Field(default=None, max_length=80)
    tracking_events: list[TrackingEventIn] = Field(default_factory=list, max_length=MAX_EVENTS)
    delivered_at: When | None = None
    delivery_signature: str | None = Field(default=None, max_length=200)
    delivery_photo: bool = False

    @field_validator("order_no")
    @classmethod
    def _order_no(cls, value: str) -> str:
        if not _ORDER_NO.fullmatch(value):
            raise ValueError("use the order number the buyer sees (letters, digits, - _ . /, no spaces), e.g. #1001")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        local, _, domain = value.partition("@")
        if not local or "." not in domain or any(ch.isspace() for ch in value):
            raise ValueError(f"{value!r} is not an email address")
        return value.lower()

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        if not is_currency(value.upper()):
            raise ValueError(f"{value!r} is not an ISO 4217 currency code such as USD")
        return value.upper()

    @model_validator(mode="after")
    def _consistent(self) -> OrderIn:
        if self.country_code is None and self.shipping_address is None:
            raise ValueError("give country_code or shipping_address.country_code")
        places = minor_unit_exponent(self.currency)
        amounts = [("total", self.total), ("shipping", self.shipping)]
        amounts += [(f"items.{i}.unit_price", item.unit_price) for i, item in enumerate(self.items)]
        for name, amount in amounts:
            if -amount.as_tuple().exponent > places:  # type: ignore[operator]
                raise ValueError(f"{name}: {amount} has more decimals than {self.currency} allows")
        return self


class TrackingUpdate(_In):
    """`POST /api/orders/{order_no}/tracking`: new scan events (repeats are ignored) and optionally a status."""

    carrier: str | None = Field(default=None, max_length=80)
    tracking_no: str | None = Field(default=None, max_length=80)
    events: list[TrackingEventIn] = Field(default_factory=list, max_length=MAX_EVENTS)
    status: Literal["shipped", "delivered", "returned"] | None = None
    delivered_at: When | None = None

    @model_validator(mode="after")
    def _something(self) -> TrackingUpdate:
        if not (self.carrier or self.tracking_no or self.events or self.status or self.delivered_at):
            raise ValueError("send at least one of carrier, tracking_no, events, status, delivered_at")
        return self


def to_order(payload: OrderIn) -> Order:
    address = payload.shipping_address
    country = payload.country_code or (address.country_code if address else "")
    # "ko-KR" -> "ko"; a language the chat does not speak falls back to the country's.
    language = re.split(r"[-_]", (payload.language or "").lower())[0]
    if language not in SUPPORTED_LANGUAGES:
        language = language_for_country(country)
    delivery = (
        DeliveryProof(signature_name=payload.delivery_signature, photo=payload.delivery_photo)
        if payload.delivery_signature or payload.delivery_photo
        else None
    )
    return Order(
        order_no=payload.order_no,
        buyer_name=payload.buyer_name or (address.name if address else ""),
        buyer_email=payload.email,
        country_code=country,
        language=language,
        created_at=payload.created_at,
        items=[
            OrderItem(product_id=i.sku or i.title, title=i.title, quantity=i.quantity, unit_price=i.unit_price)
            for i in payload.items
        ],
        shipping_paid=payload.shipping,
        total_paid=payload.total,
        currency=payload.currency,
        payment=PaymentDetails(**payload.payment.model_dump()),
        shipping_address=ShippingAddress(**address.model_dump()) if address else None,
        status=payload.status,
        carrier=payload.carrier,
        tracking_no=payload.tracking_no,
        tracking_events=[TrackingEvent(**e.model_dump()) for e in sorted(payload.tracking_events, key=lambda e: e.time)],
        delivered_at=payload.delivered_at,
        delivery_proof=delivery,
        financial_status=payload.financial_status,
        paid_at=payload.paid_at,
    )
