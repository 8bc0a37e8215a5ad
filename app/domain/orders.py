"""Orders as the store database knows them. Card data is never more than brand + last 4 digits."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

OrderStatus = Literal["processing", "shipped", "delivered", "returned"]


class OrderItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    product_id: str
    title: str
    quantity: int = Field(ge=1)
    unit_price: Decimal


class PaymentDetails(BaseModel):
    model_config = ConfigDict(frozen=True)

    method: str
    card_brand: str | None = None
    card_last4: str | None = None
    avs_result: str | None = None
    cvv_result: str | None = None
    three_ds: str | None = None
    ip_address: str | None = None
    device_id: str | None = None
    authorization_code: str | None = None
    # The payment processor's ids for this payment (Stripe ch_…/pi_…, Shopify Payment ID, WooCommerce transaction
    # id): a dispute names the payment, not the order, so this is how a dispute finds its order.
    payment_ids: list[str] = Field(default_factory=list)

    @field_validator("card_last4")
    @classmethod
    def _only_last_four(cls, value: str | None) -> str | None:
        # A full PAN must never enter the system; keep only what a receipt shows.
        if value is None:
            return None
        digits = "".join(ch for ch in value if ch.isdigit())
        return digits[-4:] if digits else None

    @property
    def masked_card(self) -> str:
        if not self.card_last4:
            return self.method
        brand = (self.card_brand or "card").upper()
        return f"{brand} •••• {self.card_last4}"


class TrackingEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    time: datetime
    location: str
    description: str


class ShippingAddress(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    line1: str
    city: str
    postal_code: str
    country_code: str


class DeliveryProof(BaseModel):
    model_config = ConfigDict(frozen=True)

    signature_name: str | None = None
    photo: bool = False


class Order(BaseModel):
    model_config = ConfigDict(frozen=True)

    order_no: str
    buyer_name: str
    buyer_email: str
    country_code: str
    language: str
    created_at: datetime
    items: list[OrderItem]
    shipping_paid: Decimal
    total_paid: Decimal
    currency: str
    payment: PaymentDetails
    shipping_address: ShippingAddress | None = None
    status: OrderStatus
    carrier: str | None = None
    tracking_no: str | None = None
    tracking_events: list[TrackingEvent] = Field(default_factory=list)
    delivered_at: datetime | None = None
    delivery_proof: DeliveryProof | None = None
    accepted_policy_version: str | None = None
    # As the shop system reports it (Shopify "Financial Status", WooCommerce status): paid, refunded, pending…
    financial_status: str | None = None
    paid_at: datetime | None = None

    @property
    def items_subtotal(self) -> Decimal:
        return sum((item.unit_price * item.quantity for item in self.items), Decimal("0"))
