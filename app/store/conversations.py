"""Conversations and their messages (core tables ConversationRow / MessageRow).

A buyer reaches a conversation only through its session token; the merchant side reads by id.
Counters are updated with single UPDATE statements so concurrent messages of one session stay consistent.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from app.domain.chat import Citation, Conversation, ConversationStatus, MessageRole, StoredMessage
from app.store.base import utcnow
from app.store.db import Database
from app.store.tables import ConversationRow, MessageRow


def _conversation(row: ConversationRow) -> Conversation:
    return Conversation(
        id=row.id,
        session_token=row.session_token,
        language=row.language,
        status=row.status,  # type: ignore[arg-type]
        handoff_reason=row.handoff_reason,
        low_confidence_streak=row.low_confidence_streak,
        buyer_email=row.buyer_email,
        verified_order_no=row.verified_order_no,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _message(row: MessageRow) -> StoredMessage:
    return StoredMessage(
        id=row.id,
        conversation_id=row.conversation_id,
        role=row.role,  # type: ignore[arg-type]
        text=row.text,
        language=row.language,
        translation=row.translation,
        citations=[Citation.model_validate(c) for c in row.citations or []],
        meta=dict(row.meta or {}),
        created_at=row.created_at,
    )


def token_digest(session_token: str) -> str:
    """What is stored for a session token: its sha256, so a leaked database opens no buyer's chat."""
    return hashlib.sha256(session_token.encode("utf-8", "replace")).hexdigest()


class ConversationRepository:
    """`idle_expiry`: a token unused for longer opens nothing (the same "not found" as an unknown one)."""

    def __init__(self, db: Database, idle_expiry: timedelta | None = None) -> None:
        self._db = db
        self._idle_expiry = idle_expiry

    # -- conversations ----------------------------------------------------------------------------------------

    def create(self, session_token: str, language: str = "en") -> Conversation:
        with self._db.session() as session:
            row = ConversationRow(session_token=token_digest(session_token), language=language, status="bot")
            session.add(row)
            session.flush()
            session.refresh(row)
            return _conversation(row)

    def by_token(self, session_token: str) -> Conversation | None:
        with self._db.session() as session:
            row = session.scalars(
                select(ConversationRow).where(ConversationRow.session_token == token_digest(session_token)).limit(1)
            ).first()
            if row is None or self._expired(row):
                return None
            return _conversation(row)

    def _expired(self, row: ConversationRow) -> bool:
        if self._idle_expiry is None:
            return False
        last = row.updated_at if row.updated_at.tzinfo else row.updated_at.replace(tzinfo=UTC)  # SQLite drops tz
        return utcnow() - last > self._idle_expiry

    def get(self, conversation_id: str) -> Conversation | None:
        with self._db.session() as session:
            row = session.get(ConversationRow, conversation_id)
            return _conversation(row) if row else None

    def list_by_status(self, statuses: tuple[ConversationStatus, ...], limit: int = 200) -> list[Conversation]:
        with self._db.session() as session:
            rows = session.scalars(
                select(ConversationRow)
                .where(ConversationRow.status.in_(statuses))
                .order_by(ConversationRow.updated_at.desc())
                .limit(limit)
            ).all()
            return [_conversation(row) for row in rows]

    def _update(self, conversation_id: str, **values: Any) -> None:
        with self._db.session() as session:
            session.execute(update(ConversationRow).where(ConversationRow.id == conversation_id).values(**values))

    def set_language(self, conversation_id: str, language: str) -> None:
        self._update(conversation_id, language=language)

    def set_status(self, conversation_id: str, status: ConversationStatus, reason: str | None = None) -> None:
        self._update(conversation_id, status=status, handoff_reason=reason)

    def set_verified_order(self, conversation_id: str, order_no: str, email: str) -> None:
        self._update(conversation_id, verified_order_no=order_no, buyer_email=email)

    def bump_low_confidence(self, conversation_id: str) -> int:
        """Add one to the streak atomically and return the new value."""
        with self._db.session() as session:
            session.execute(
                update(ConversationRow)
                .where(ConversationRow.id == conversation_id)
                .values(low_confidence_streak=ConversationRow.low_confidence_streak + 1)
            )
            return int(
                session.scalar(
                    select(ConversationRow.low_confidence_streak).where(ConversationRow.id == conversation_id)
                )
                or 0
            )

    def reset_low_confidence(self, conversation_id: str) -> None:
        self._update(conversation_id, low_confidence_streak=0)

    # -- messages ---------------------------------------------------------------------------------------------

    def add_message(
        self,
        conversation_id: str,
        role: MessageRole,
        text: str,
        language: str,
        *,
        translation: str | None = None,
        citations: list[Citation] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> StoredMessage:
        with self._db.session() as session:
            row = MessageRow(
                conversation_id=conversation_id,
                role=role,
                text=text,
                language=language,
                translation=translation,
                citations=[c.model_dump() for c in citations or []],
                meta=meta or {},
            )
            session.add(row)
            # Touch the conversation so the inbox sorts by latest activity.
            session.execute(
                update(ConversationRow).where(ConversationRow.id == conversation_id).values(updated_at=utcnow())
            )
            session.flush()
            session.refresh(row)
            return _message(row)

    def set_translation(self, message_id: int, translation: str, meta_update: dict[str, Any]) -> None:
        with self._db.session() as session:
            row = session.get(MessageRow, message_id)
            if row is not None:
                row.translation = translation
                row.meta = {**(row.meta or {}), **meta_update}

    def message(self, message_id: int) -> StoredMessage | None:
        with self._db.session() as session:
            row = session.get(MessageRow, message_id)
            return _message(row) if row else None

    def update_meta(self, message_id: int, meta_update: dict[str, Any]) -> StoredMessage | None:
        """Merge keys into one message's meta (merchant feedback); None when the message does not exist."""
        with self._db.session() as session:
            row = session.get(MessageRow, message_id)
            if row is None:
                return None
            row.meta = {**(row.meta or {}), **meta_update}
            session.flush()
            return _message(row)

    def count_messages(self, conversation_id: str, role: MessageRole, *, since: datetime) -> int:
        with self._db.session() as session:
            query = select(func.count()).select_from(MessageRow).where(
                MessageRow.conversation_id == conversation_id, MessageRow.role == role, MessageRow.created_at >= since
            )
            return int(session.scalar(query) or 0)

    def messages(
        self,
        conversation_id: str,
        *,
        after_id: int = 0,
        roles: tuple[MessageRole, ...] | None = None,
        limit: int = 500,
    ) -> list[StoredMessage]:
        query = select(MessageRow).where(MessageRow.conversation_id == conversation_id, MessageRow.id > after_id)
        if roles:
            query = query.where(MessageRow.role.in_(roles))
        with self._db.session() as session:
            rows = session.scalars(query.order_by(MessageRow.id).limit(limit)).all()
            return [_message(row) for row in rows]

    def recent_messages(self, conversation_id: str, limit: int) -> list[StoredMessage]:
        """The last `limit` messages, oldest first (prompt history)."""
        with self._db.session() as session:
            rows = session.scalars(
                select(MessageRow)
                .where(MessageRow.conversation_id == conversation_id)
                .order_by(MessageRow.id.desc())
                .limit(limit)
            ).all()
            return [_message(row) for row in reversed(rows)]
