"""The merchant's own settings for the assistant: store name, tone, language, hours, handoff rules."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.services.language import SUPPORTED_LANGUAGES
from app.settings import Settings
from app.store.merchant_settings import MerchantSettingsRepository

_KEY = "merchant_profile"


class MerchantProfile(BaseModel):
    store_name: str = Field(min_length=1, max_length=80)
    support_email: str = ""  # where buyers can write to a person (Store setup)
    tone: Literal["friendly", "formal"] = "friendly"
    merchant_language: str = "en"
    opening_hours: str = ""
    handoff_on_request: bool = True
    handoff_after_low_confidence: int = Field(default=2, ge=1, le=10)
    handoff_on_abuse: bool = True

    def model_post_init(self, _context: object) -> None:
        if self.merchant_language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"merchant language must be one of {', '.join(SUPPORTED_LANGUAGES)}")


class MerchantProfileService:
    def __init__(self, settings: Settings, repository: MerchantSettingsRepository) -> None:
        self._settings = settings
        self._repository = repository

    def defaults(self) -> MerchantProfile:
        s = self._settings
        return MerchantProfile(
            store_name=s.store_name, tone=s.tone, merchant_language=s.merchant_language, opening_hours=s.opening_hours
        )

    def get(self) -> MerchantProfile:
        saved = self._repository.get(_KEY)
        return MerchantProfile.model_validate({**self.defaults().model_dump(), **(saved or {})})

    def save(self, profile: MerchantProfile) -> MerchantProfile:
        self._repository.set(_KEY, profile.model_dump())
        return profile
