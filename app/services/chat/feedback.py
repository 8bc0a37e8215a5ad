"""The merchant's verdict on assistant replies (good / bad), and the conversation browser it is given from.

A rating is stored on the reply's meta (`feedback`) and in the audit trail; a bad reply is the usual start of a
store answer, so the buyer question it answered is offered as the store answer's question.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.chat import Conversation, StoredMessage
from app.domain.store_answers import ReplyRating
from app.errors import InvalidInputError, NotFoundError
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.conversations import ConversationRepository

RATINGS: tuple[ReplyRating, ...] = ("good", "bad")


@dataclass(frozen=True)
class StoreAnswerDraft:
    question: str
    bad_reply: str
    message_id: int


class ReplyFeedbackService:
    def __init__(self, conversations: ConversationRepository, audit: AuditLog) -> None:
        self._conversations = conversations
        self._audit = audit

    def recent(self, limit: int = 100) -> list[Conversation]:
        """Every conversation, most recently active first."""
        return self._conversations.list_by_status(("bot", "handoff", "closed"), limit=limit)

    def thread(self, conversation_id: str) -> tuple[Conversation, list[StoredMessage]]:
        conversation = self._conversations.get(conversation_id)
        if conversation is None:
            raise NotFoundError(f"Conversation {conversation_id} does not exist.")
        return conversation, self._conversations.messages(conversation_id)

    def _reply(self, message_id: int) -> StoredMessage:
        message = self._conversations.message(message_id)
        if message is None:
            raise NotFoundError(f"Message #{message_id} does not exist.")
        if message.role != "assistant":
            raise InvalidInputError(f"Message #{message_id} is not an assistant reply: only those can be rated.")
        return message

    def rate(self, message_id: int, rating: str, *, merchant: str) -> StoredMessage:
        if rating not in RATINGS:
            raise InvalidInputError(f"Unknown rating {rating!r}: use one of {', '.join(RATINGS)}.")
        message = self._reply(message_id)
        feedback = {"rating": rating, "by": merchant, "at": utcnow().isoformat()}
        updated = self._conversations.update_meta(message_id, {"feedback": feedback})
        if updated is None:
            raise NotFoundError(f"Message #{message_id} does not exist.")
        self._audit.record("conversation", message.conversation_id, merchant, "reply_rated",
                           {"message_id": message_id, "rating": rating, "previous": message.meta.get("feedback")})
        return updated

    def draft(self, message_id: int) -> StoreAnswerDraft:
        """The store answer a reply calls for: the buyer question it answered, and the reply itself for reference."""
        message = self._reply(message_id)
        asked = message.meta.get("reply_to")
        buyer = self._conversations.message(int(asked)) if isinstance(asked, int) else None
        if buyer is None:
            earlier = [m for m in self._conversations.messages(message.conversation_id) if m.id < message_id]
            buyer = next((m for m in reversed(earlier) if m.role == "buyer"), None)
        return StoreAnswerDraft(question=buyer.text if buyer else "", bad_reply=message.text, message_id=message_id)
