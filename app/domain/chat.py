"""Buyer chat: conversations, messages, intents, citations and the events a streamed reply is made of."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ConversationStatus = Literal["bot", "handoff", "closed"]
MessageRole = Literal["buyer", "assistant", "merchant", "system"]
Intent = Literal["product_question", "shipping", "order_status", "refund_request", "human", "abuse", "dispute_risk"]
HandoffReason = Literal["buyer_request", "low_confidence", "abuse", "dispute_risk"]
# How a translated text came to be: the same language needs none; "untranslated" shows the original, flagged.
TranslationStatus = Literal["same_language", "machine", "untranslated"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Citation(_Frozen):
    """A source the buyer can open next to the answer."""

    chunk_id: str
    title: str
    source: str
    kind: str
    product_id: str | None = None
    score: float
    excerpt: str = ""


class Conversation(_Frozen):
    id: str
    session_token: str
    language: str
    status: ConversationStatus
    handoff_reason: str | None = None
    low_confidence_streak: int = 0
    buyer_email: str | None = None
    verified_order_no: str | None = None
    created_at: datetime
    updated_at: datetime


class StoredMessage(_Frozen):
    id: int
    conversation_id: str
    role: MessageRole
    text: str
    language: str
    translation: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime

    @property
    def buyer_text(self) -> str:
        """What the buyer reads: merchant replies in the buyer's language when translated."""
        if self.role == "merchant" and self.translation:
            return self.translation
        return self.text


class IntentResult(_Frozen):
    intent: Intent
    # Which rule (or "model") decided: stored with the message so routing can be audited.
    rule: str
    order_no: str | None = None
    email: str | None = None


class Translation(_Frozen):
    text: str
    status: TranslationStatus
    source_language: str
    target_language: str
    # Why a model's translation was not trusted ("number: 45", "meaning: 0.79"…); empty when none was tried.
    problems: list[str] = Field(default_factory=list)


# --- events of one streamed reply (discriminated on `type`) -----------------------------------------------------


class LanguageEvent(_Frozen):
    type: Literal["language"] = "language"
    language: str
    rtl: bool = False


class CitationsEvent(_Frozen):
    type: Literal["citations"] = "citations"
    citations: list[Citation]


class TextDelta(_Frozen):
    type: Literal["delta"] = "delta"
    text: str


class ResetEvent(_Frozen):
    """Discard the text streamed so far (the draft failed a check); what follows replaces it."""

    type: Literal["reset"] = "reset"
    reason: str


class HandoffEvent(_Frozen):
    type: Literal["handoff"] = "handoff"
    reason: HandoffReason


class DoneEvent(_Frozen):
    type: Literal["done"] = "done"
    conversation_id: str
    message_id: int
    text: str
    language: str
    intent: Intent
    status: ConversationStatus
    # How the final text was produced: model | template | fallback | facts | store_answer (and why, in `flags`).
    source: Literal["model", "template", "fallback", "facts", "store_answer"]
    flags: list[str] = Field(default_factory=list)


ChatEvent = Annotated[
    LanguageEvent | CitationsEvent | TextDelta | ResetEvent | HandoffEvent | DoneEvent, Field(discriminator="type")
]
