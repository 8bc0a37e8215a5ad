"""Refund history as chargeback evidence, read through a small Protocol the refund service can satisfy.

`refunds_for_order` returns the refund claims/decisions for an order (an empty list: none were requested), or
None when this installation keeps no refund records — then the evidence item says "not available" instead of
wrongly claiming that no refund was ever asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict


class RefundRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    reference: str
    requested_on: date
    status: str  # e.g. requested | approved | rejected | refunded
    reason: str = ""
    amount: Decimal | None = None
    currency: str | None = None
    refunded_on: date | None = None
    # The decision receipt as the buyer got it, in English (a chargeback exhibit); "" when none was issued.
    receipt: str = ""


@runtime_checkable
class RefundHistorySource(Protocol):
    def refunds_for_order(self, order_no: str) -> Sequence[RefundRecord] | None: ...


class NoRefundHistory:
    """The default until a refund service is wired in: no records are kept."""

    def refunds_for_order(self, order_no: str) -> Sequence[RefundRecord] | None:
        return None


class DeferredRefundHistory:
    """Resolves the source at call time, so wiring order does not matter (the refund service may be built later)."""

    def __init__(self, provider: Callable[[], object | None]) -> None:
        self._provider = provider

    def refunds_for_order(self, order_no: str) -> Sequence[RefundRecord] | None:
        source = self._provider()
        if isinstance(source, RefundHistorySource):
            return source.refunds_for_order(order_no)
        return None
