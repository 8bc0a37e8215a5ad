"""Store answers: a question the merchant has answered once, in their own words, reused for similar questions."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

ReplyRating = Literal["good", "bad"]


class StoreAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    question: str
    answer: str
    # The language the merchant wrote the answer in (detected when saved).
    language: str
    created_by: str
    # The assistant reply this answer was written to replace, when made from a reply marked bad.
    from_message_id: int | None = None
    created_at: datetime
    updated_at: datetime


class StoreAnswerMatch(BaseModel):
    model_config = ConfigDict(frozen=True)

    answer: StoreAnswer
    similarity: float
    # How far the stored question beat the best generic shop question (the matching signal, see matcher).
    margin: float
