"""The merchant's refund policy as saved in the console: one reader for the refund engine and the buyer chat alike,
so the numbers the chat quotes are the ones the engine decides with."""

from __future__ import annotations

import logging

from pydantic import ValidationError

from app.domain.refunds import RefundPolicy
from app.store.merchant_settings import MerchantSettingsRepository

POLICY_KEY = "refund_policy"

log = logging.getLogger(__name__)


def current_policy(merchant_settings: MerchantSettingsRepository) -> RefundPolicy:
    """The saved policy; the defaults when none is saved or the saved one no longer validates (logged)."""
    saved = merchant_settings.get(POLICY_KEY)
    if not saved:
        return RefundPolicy()
    try:
        return RefundPolicy.model_validate(saved)
    except ValidationError:
        log.exception("stored refund policy is invalid; using the defaults")
        return RefundPolicy()
