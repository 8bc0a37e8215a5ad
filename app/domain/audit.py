"""Audit trail entries: who did what to which case, when, and with which inputs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AuditEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    case_kind: str
    case_id: str
    actor: str
    action: str
    detail: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
