"""BuyerChatService: one buyer message in, a stream of typed events out, everything stored.

Per message: validate -> mask card numbers -> detect language -> store the buyer's message -> route by intent (rules first) ->
templated answers for orders, refunds and handoff; grounded, checked model answers for questions ->
store the reply with its citations, intent, prompt version and check flags.
Safe for concurrent calls: no shared mutable state here; counters are atomic in the repository.
"""

from __future__ import annotations

import secrets
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from app.domain.chat import (
    ChatEvent,
    Citation,
    CitationsEvent,
    Conversation,
    DoneEvent,
    HandoffEvent,
    HandoffReason,
    IntentResult,
    LanguageEvent,
    StoredMessage,
    TextDelta,
)
from app.domain.order_numbers import DEFAULT_ORDER_NUMBERS, OrderNumbersSource
from app.errors import InvalidInputError, NotFoundError, RateLimitedError
from app.services.chat import answer_fallback, guard, intents, reply_checks
from app.services.chat.answering import AnswerRequest, GroundedAnswerer
from app.services.chat.dispute import dispute_reply
from app.services.chat.facts.layer import FactLayer, FactQuestion
from app.services.chat.handoff import InboxService, handoff_reason
from app.services.chat.order_lookup import OrderLookup, prompt_summary, status_text
from app.services.chat.prompts import PROMPT_VERSION, Turn
from app.services.chat.store_answers import StoreAnswerService
from app.services.language import RTL_LANGUAGES, LanguageIdentifier
from app.services.merchant_profile import MerchantProfileService
from app.services.rate_limits import ClientRateLimiter
from app.services.refund_policy import current_policy
from app.services.text_safety import mask_pans
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.conversations import ConversationRepository
from app.store.merchant_settings import MerchantSettingsRepository
from knowledge.types import ScoredChunk
from models.types import ChatModel

_BROWSER_SECRET_KEY = "chat_browser_state_secret"
HISTORY_CHARS = 600
# The retrieval query behind the refund pointer's citation (the policies are English).
REFUND_POLICY_QUERY = "returns and refunds policy: return window, how to request a refund"


@dataclass
class ChatReply:
    """A whole reply, for non-streaming callers (JSON API, tests)."""

    text: str
    language: str
    citations: list[Citation] = field(default_factory=list)
    handoff: HandoffReason | None = None
    done: DoneEvent | None = None


@dataclass
class _Routed:
    text: str
    source: str = "template"
    citations: list[Citation] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


class BuyerChatService:
    def __init__(
        self,
        *,
        conversations: ConversationRepository,
        orders: OrderLookup,
        language: LanguageIdentifier,
        answerer: GroundedAnswerer,
        inbox: InboxService,
        merchant_profile: MerchantProfileService,
        merchant_settings: MerchantSettingsRepository,
        audit: AuditLog,
        model: ChatModel | None,
        max_message_chars: int,
        history_messages: int,
        intent_by_model: bool,
        sessions_per_minute: int = 30,
        messages_per_minute: int = 12,
        facts: FactLayer | None = None,
        order_numbers: OrderNumbersSource = DEFAULT_ORDER_NUMBERS,  # read per message: editable live
        store_answers: StoreAnswerService | None = None,
    ) -> None:
        self._order_numbers = order_numbers
        self._conversations = conversations
        self._orders = orders
        self._language = language
        self._answerer = answerer
        self._inbox = inbox
        self._profile = merchant_profile
        self._merchant_settings = merchant_settings
        self._audit = audit
        self._model = model
        self._max_chars = max_message_chars
        self._history = history_messages
        self._intent_by_model = intent_by_model
        # One limiter for every entry point that opens a session (JSON API and widget alike).
        self._session_limiter = ClientRateLimiter(sessions_per_minute)
        self._messages_per_minute = messages_per_minute
        self._facts = facts
        self._store_answers = store_answers

    # -- sessions ---------------------------------------------------------------------------------------------

    def new_session(self, language: str = "en", *, client: str = "unknown") -> str:
        """A fresh, unguessable session token: the only key to a buyer's conversation (stored as a hash).
        RateLimitedError past the per-client limit: each session is a database row."""
        if not self._session_limiter.allow(client):
            raise RateLimitedError(answer_fallback.text("too_many_sessions", language))
        token = secrets.token_urlsafe(24)
        self._conversations.create(token, language)
        return token

    def ensure_session(self, token: str | None, *, client: str = "unknown") -> str:
        return token if token and self._conversations.by_token(token) else self.new_session(client=client)

    def conversation(self, token: str) -> Conversation:
        conversation = self._conversations.by_token(token) if token else None
        if conversation is None:
            raise NotFoundError("This chat session has expired. Please reload the page to start a new one.")
        return conversation

    def history(self, token: str, after_id: int = 0) -> list[StoredMessage]:
        """The conversation's messages after message `after_id` (all of them from 0), oldest first, one page."""
        return self._conversations.messages(self.conversation(token).id, after_id=after_id)

    def updates(self, token: str, after_id: int) -> list[StoredMessage]:
        """Messages the buyer has not seen yet that were not answers to their own request (merchant replies)."""
        return self._conversations.messages(self.conversation(token).id, after_id=after_id, roles=("merchant",))

    def browser_state_secret(self) -> str:
        """A stable secret for the widget's encrypted browser storage, so sessions survive a restart."""
        secret = self._merchant_settings.get(_BROWSER_SECRET_KEY)
        if not secret:
            secret = secrets.token_urlsafe(32)
            self._merchant_settings.set(_BROWSER_SECRET_KEY, secret)
        return str(secret)

    # -- one message ------------------------------------------------------------------------------------------

    def validate(self, token: str, text: str | None) -> str:
        """The message as it will be stored: stripped, card numbers masked (before any store, model or merchant
        sees it); InvalidInputError in the buyer's language when it is empty or too long."""
        conversation = self.conversation(token)
        # A lone surrogate (possible in JSON) cannot be stored as UTF-8: it becomes "?" rather than a failure.
        stripped = (text or "").encode("utf-8", "replace").decode("utf-8").strip()
        if not stripped:
            raise InvalidInputError(answer_fallback.text("empty_message", conversation.language))
        if len(stripped) > self._max_chars:
            # Junk like "xxxx…" has no language; a few real words are needed to trust the identifier.
            words = set(stripped[:500].split())
            language = self._language.detect_or(stripped[:500], conversation.language) if len(words) >= 3 else conversation.language
            raise InvalidInputError(
                answer_fallback.text("too_long", language, length=len(stripped), limit=self._max_chars)
            )
        since = utcnow() - timedelta(minutes=1)
        if self._conversations.count_messages(conversation.id, "buyer", since=since) >= self._messages_per_minute:
            raise RateLimitedError(answer_fallback.text("too_many_messages", conversation.language))
        return mask_pans(stripped)

    def reply(self, token: str, text: str) -> ChatReply:
        result = ChatReply(text="", language="en")
        for event in self.stream_reply(token, text):
            if isinstance(event, LanguageEvent):
                result.language = event.language
            elif isinstance(event, CitationsEvent):
                result.citations = event.citations
            elif isinstance(event, HandoffEvent):
                result.handoff = event.reason
            elif isinstance(event, DoneEvent):
                result.done, result.text = event, event.text
        return result

    def stream_reply(self, token: str, text: str) -> Iterator[ChatEvent]:
        text = self.validate(token, text)
        conversation = self.conversation(token)
        language = self._detect_language(text, conversation)
        if language != conversation.language:
            self._conversations.set_language(conversation.id, language)
        routed_intent = self._classify(text, conversation)
        meta = {"intent": routed_intent.intent, "rule": routed_intent.rule, "injection": reply_checks.carries_instruction(text)}
        # Stored before anything can fail: the buyer's message is never lost.
        buyer_message = self._conversations.add_message(conversation.id, "buyer", text, language, meta=meta)
        yield LanguageEvent(language=language, rtl=language in RTL_LANGUAGES)

        if conversation.status == "closed":
            self._conversations.set_status(conversation.id, "bot", None)
        conversation = self.conversation(token)
        routed: _Routed
        if routed_intent.intent == "dispute_risk":  # before the bank is involved, even in an open handoff
            routed = self._dispute(conversation, routed_intent, language)
            if "handoff" in routed.meta:
                yield HandoffEvent(reason="dispute_risk")
        elif conversation.status == "handoff":
            routed = _Routed(answer_fallback.text("handoff_waiting", language))
        elif routed_intent.intent in ("human", "abuse") and (reason := self._handoff(conversation, routed_intent, 0)):
            routed = self._handed_off(conversation, reason, language)
            if "handoff" in routed.meta:
                yield HandoffEvent(reason=reason)
        elif routed_intent.intent == "refund_request":
            routed = self._refund(conversation, routed_intent, language)
        elif routed_intent.intent == "order_status" and not (routed_intent.order_no or routed_intent.email) and (
            own := self._store_answer(text, language)
        ):
            # "Can I pick up my order at your warehouse?" reads as an order question; the merchant answered it.
            routed = own
        elif routed_intent.intent == "order_status":
            routed = self._order_status(conversation, routed_intent, language, buyer_message.id)
        else:
            routed = yield from self._question(conversation, routed_intent, text, language, buyer_message.id)

        if routed.source in ("template", "facts", "store_answer"):
            if routed.citations:
                yield CitationsEvent(citations=routed.citations)
            yield TextDelta(text=routed.text)
        stored = self._conversations.add_message(
            conversation.id, "assistant", routed.text, language, citations=routed.citations,
            meta={"intent": routed_intent.intent, "source": routed.source, "flags": routed.flags,
                  "prompt_version": PROMPT_VERSION, "reply_to": buyer_message.id, **routed.meta},
        )  # fmt: skip
        final = self.conversation(token)
        yield DoneEvent(
            conversation_id=conversation.id, message_id=stored.id, text=routed.text, language=language,
            intent=routed_intent.intent, status=final.status,  # type: ignore[arg-type]
            source=routed.source, flags=routed.flags,  # type: ignore[arg-type]
        )  # fmt: skip

    def _detect_language(self, text: str, conversation: Conversation) -> str:
        """This message's language; an unclear one keeps the conversation's, except on the very first message
        where the conversation's is only a default and the identifier's best guess is better."""
        if self._conversations.messages(conversation.id, roles=("buyer",), limit=1):
            return self._language.detect_or(text, conversation.language)
        found = self._language.detect(text)
        return found.code if found else conversation.language

    # -- routes -----------------------------------------------------------------------------------------------

    def _classify(self, text: str, conversation: Conversation) -> IntentResult:
        result = intents.classify(text, self._order_numbers.current())
        if result.intent in ("product_question", "shipping") and (result.email or result.order_no):
            # "my email is …" right after we asked for the order details continues the lookup.
            last = self._conversations.recent_messages(conversation.id, 1)
            if last and last[-1].role == "assistant" and last[-1].meta.get("lookup") in ("need_details", "not_found"):
                return result.model_copy(update={"intent": "order_status", "rule": "order-follow-up"})
        if result.rule == "default" and self._intent_by_model and self._model is not None:
            by_model = intents.classify_with_model(self._model, text)
            if by_model is not None:
                return result.model_copy(update={"intent": by_model, "rule": "model"})
        return result

    def _handoff(self, conversation: Conversation, routed: IntentResult, streak: int) -> HandoffReason | None:
        return handoff_reason(routed.intent, self._profile.get(), streak)

    def _handed_off(self, conversation: Conversation, reason: HandoffReason, language: str) -> _Routed:
        if not self._inbox.hand_off(conversation, reason):
            return _Routed(answer_fallback.text("handoff_limit", language), meta={"handoff_refused": reason})
        hours = self._profile.get().opening_hours or "-"
        text = answer_fallback.text("human_will_reply", language, hours=hours)
        if reason == "abuse":
            text = f"{answer_fallback.text('sorry', language)} {text}"
        return _Routed(text, meta={"handoff": reason})

    def _earlier_refs(self, conversation: Conversation, routed: IntentResult) -> tuple[str | None, str | None]:
        """Order number and email from this message or the buyer's own earlier messages in this conversation."""
        order_no, email = routed.order_no, routed.email
        for message in reversed(self._conversations.recent_messages(conversation.id, 12)):
            if message.role != "buyer":
                continue
            order_no = order_no or intents.find_order_no(message.text, self._order_numbers.current())
            email = email or intents.find_email(message.text)
        return order_no, email

    def _refund(self, conversation: Conversation, routed: IntentResult, language: str) -> _Routed:
        order_no, _email = self._earlier_refs(conversation, routed)
        order_no = order_no or conversation.verified_order_no
        self._audit.record("conversation", conversation.id, "buyer", "refund_request", {"order_no": order_no})
        if routed.rule == "damaged-words" and self._facts is not None:
            # Damaged / wrong / missing item: the policy's reporting window and the claim form, not a generic pointer.
            damage = self._facts.damage(FactQuestion(
                text="", language=language, policy=current_policy(self._merchant_settings), order_no=order_no))
            return _Routed(damage.text, "facts", damage.citations, {"intent": "refund_request", "order_no": order_no,
                                                                    "fact": damage.kind})
        citations = self._answerer.retrieve(REFUND_POLICY_QUERY, kinds=("policy",)).citations[:1]
        return _Routed(
            answer_fallback.text("refund_pointer", language),
            citations=citations,
            meta={"intent": "refund_request", "order_no": order_no},
        )

    def _dispute(self, conversation: Conversation, routed: IntentResult, language: str) -> _Routed:
        order_no, _email = self._earlier_refs(conversation, routed)
        order_no = order_no or conversation.verified_order_no
        newly = self._inbox.flag_dispute_risk(conversation, order_no)
        meta: dict[str, object] = {"dispute_risk": True, "order_no": order_no}
        return _Routed(dispute_reply(language), meta={**meta, "handoff": "dispute_risk"} if newly else meta)

    def _order_status(self, conversation: Conversation, routed: IntentResult, language: str, message_id: int) -> _Routed:
        order_no, email = self._earlier_refs(conversation, routed)
        outcome = self._orders.resolve(conversation, order_no, email)
        self._audit.record(
            "conversation", conversation.id, "buyer", "order_lookup",
            {"order_no": outcome.order_no, "result": outcome.state, "message_id": message_id},
        )  # fmt: skip
        if outcome.order is None:
            reply = (answer_fallback.text("order_not_found", language) if outcome.state == "not_found"
                     else answer_fallback.order_details_request(language, self._order_numbers.current().example()))
            return _Routed(reply, meta={"lookup": outcome.state})
        if outcome.state == "verified" and outcome.email:
            self._conversations.set_verified_order(conversation.id, outcome.order.order_no, outcome.email)
        return _Routed(status_text(outcome.order, language), meta={"lookup": outcome.state, "order_no": outcome.order.order_no})

    def _store_answer(self, text: str, language: str) -> _Routed | None:
        own = self._store_answers.reply(text, language) if self._store_answers else None
        return _Routed(own.text, "store_answer", own.citations, own.meta, own.flags) if own else None

    def _fact_answer(self, conversation: Conversation, text: str, language: str, hits: Sequence[ScoredChunk]) -> _Routed | None:
        """The fact layer's answer (data, no model) when the question is a structured one it can answer."""
        if self._facts is None:
            return None
        order = self._orders.session_order(conversation)
        fact = self._facts.answer(FactQuestion(
            text=text, language=language, policy=current_policy(self._merchant_settings), hits=hits,
            order_country=order.country_code if order else None, order_no=order.order_no if order else None,
        ))  # fmt: skip
        if fact is None:
            return None
        return _Routed(fact.text, "facts", fact.citations, {"fact": fact.kind})

    def _question(
        self, conversation: Conversation, routed: IntentResult, text: str, language: str, message_id: int
    ) -> Generator[ChatEvent, None, _Routed]:
        # The merchant's own answer to a similar question comes before anything retrieved or generated.
        if own := self._store_answer(text, language):
            return own
        retrieval = self._answerer.retrieve(text)
        fact = self._fact_answer(conversation, text, language, retrieval.hits)
        if fact is not None:
            return fact
        if retrieval.unavailable:
            # The knowledge store or the embedder failed (logged there): say so, and point to a human.
            return _Routed(answer_fallback.text("lookup_unavailable", language), flags=["retrieval_unavailable"])
        retrieval_meta: dict[str, object] = {"best_score": round(retrieval.best_score, 4), "sources": len(retrieval.hits)}
        if not retrieval.confident:
            # Refuse before any model call: nothing relevant to ground an answer on.
            streak = self._conversations.bump_low_confidence(conversation.id)
            answer = answer_fallback.text("dont_know", language)
            reason = self._handoff(conversation, routed, streak)
            if reason == "low_confidence":
                handed = self._handed_off(conversation, reason, language)
                if "handoff" in handed.meta:
                    yield HandoffEvent(reason=reason)
                answer = f"{answer}\n\n{handed.text}"
            return _Routed(answer, meta={**retrieval_meta, "refused": True}, flags=["low_retrieval_score"])
        self._conversations.reset_low_confidence(conversation.id)
        yield CitationsEvent(citations=retrieval.citations)
        profile = self._profile.get()
        session_order = self._orders.session_order(conversation)
        earlier = [m for m in self._conversations.recent_messages(conversation.id, self._history + 1) if m.id != message_id]
        # Emails add nothing to an answer: the model does not get them, not even the buyer's own.
        history = [
            Turn(m.role, guard.mask_emails(m.buyer_text[:HISTORY_CHARS]))
            for m in earlier
            if m.role in ("buyer", "assistant", "merchant")
        ]
        buyer_texts = [m.text for m in earlier if m.role == "buyer"]
        request = AnswerRequest(
            question=guard.mask_emails(text), language=language, store_name=profile.store_name, tone=profile.tone, retrieval=retrieval,
            history=history, order_summary=prompt_summary(session_order) if session_order else None,
            extra_grounding=[profile.opening_hours, profile.store_name], buyer_texts=buyer_texts,
            allowed_order_no=session_order.order_no if session_order else None,
            allowed_emails=[e for e in [conversation.buyer_email, *guard.emails_in(" ".join([text, *buyer_texts]))] if e],
            fallback_facts=self._facts.summary(text, retrieval.hits, language) if self._facts else (),
        )  # fmt: skip
        outcome = yield from self._answerer.answer(request)
        meta = {**retrieval_meta, "guard": outcome.details} if outcome.details else retrieval_meta
        return _Routed(outcome.text, outcome.source, retrieval.citations, meta, outcome.flags)
