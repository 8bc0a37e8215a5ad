"""Store setup: the few settings a real shop fills in on its first run — who it is (name, support email, language)
and the policy numbers the buyer chat and the refund engine share. Kept in the database (merchant profile and the
one refund policy), audited, read on every use, so a save applies without a restart."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Protocol

from pydantic import BaseModel, Field, ValidationError, field_validator

from app.domain.refunds import RefundPolicy
from app.errors import InvalidInputError
from app.services.merchant_profile import MerchantProfile, MerchantProfileService
from app.store.audit import AuditLog

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class PolicySaver(Protocol):
    """The refund service's policy path: validates, stores and audits the one policy both sides read."""

    def policy(self) -> RefundPolicy: ...

    def save_policy(self, data: dict[str, Any] | RefundPolicy, actor: str) -> RefundPolicy: ...


class StoreSetup(BaseModel):
    store_name: str = Field(min_length=1, max_length=80)
    support_email: str = ""
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    merchant_language: str
    return_window_days: int = Field(ge=0, le=365)
    damage_report_days: int = Field(ge=0, le=365)
    returnless_threshold_pct: Decimal = Field(ge=0, le=1000)

    @field_validator("support_email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        if value and not _EMAIL.match(value):
            raise ValueError(f"{value!r} is not an email address")
        return value


class StoreSetupService:
    def __init__(self, profile: MerchantProfileService, refunds: PolicySaver, audit: AuditLog) -> None:
        self._profile = profile
        self._refunds = refunds
        self._audit = audit

    def get(self) -> StoreSetup:
        profile, policy = self._profile.get(), self._refunds.policy()
        return StoreSetup(
            store_name=profile.store_name, support_email=profile.support_email, currency=policy.currency,
            merchant_language=profile.merchant_language, return_window_days=policy.return_window_days,
            damage_report_days=policy.damage_report_days, returnless_threshold_pct=policy.returnless_threshold_pct,
        )  # fmt: skip

    def save(self, data: dict[str, Any], actor: str) -> StoreSetup:
        """Validates everything before writing anything; InvalidInputError names the fields at fault."""
        try:
            setup = StoreSetup.model_validate(data)
            profile = MerchantProfile.model_validate({
                **self._profile.get().model_dump(), "store_name": setup.store_name.strip(),
                "support_email": setup.support_email, "merchant_language": setup.merchant_language,
            })  # fmt: skip
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'setup'}: {e['msg']}" for e in exc.errors())
            raise InvalidInputError(f"Store setup not saved: {problems}") from exc
        policy = self._refunds.policy().model_copy(update={
            "currency": setup.currency, "return_window_days": setup.return_window_days,
            "damage_report_days": setup.damage_report_days, "returnless_threshold_pct": setup.returnless_threshold_pct,
        })  # fmt: skip
        self._refunds.save_policy(policy.model_dump(mode="json"), actor)  # validated again, stored and audited there
        self._profile.save(profile)
        self._audit.record("store", "setup", actor, "store_setup_saved", setup.model_dump(mode="json"))
        return self.get()
