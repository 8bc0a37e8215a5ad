"""Marketplace profiles as data (marketplaces.yaml, each limit with its source)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

_DATA = Path(__file__).with_name("marketplaces.yaml")


class MarketplaceProfile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    name: str
    title_max: int = Field(gt=0)
    title_recommended: int | None = Field(default=None, gt=0)  # what the marketplace advises (asked for)
    bullets_max: int = Field(ge=0)
    bullet_max: int = Field(ge=0)
    description_max: int = Field(gt=0)
    keywords_max: int = Field(ge=0)
    keyword_chars_max: int = Field(ge=0)
    keyword_limit_unit: Literal["chars", "bytes"] = "chars"  # how keyword_chars_max is counted (UTF-8 bytes)
    forbidden: tuple[str, ...] = ()
    title_forbidden_chars: str = ""
    style: str = ""
    sources: tuple[str, ...] = ()


def load_profiles(path: Path = _DATA) -> dict[str, MarketplaceProfile]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: MarketplaceProfile(key=key, **value) for key, value in (data.get("marketplaces") or {}).items()}
