"""Human handoff: when to hand a conversation to the merchant, and the merchant's Inbox over those conversations.

Buyer messages are translated into the merchant's language when the merchant opens the thread (once, then
stored); merchant replies are translated into the buyer's language and stored as MessageRow(role="merchant",
translation=<buyer-language text>), which the widget and the JSON API deliver on their next poll.
Every translation is checked by code (translation_check); one that fails is never shown: the merchant sees the
buyer's original, flagged with the reasons, and is asked before their own reply goes out untranslated.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.chat import Conversation, HandoffReason, Intent, StoredMessage, Translation
from app.errors import InvalidInputError, NotFoundError
from app.services.chat.translation import Translator
from app.services.language import LANGUAGE_NAMES
from app.services.merchant_profile import MerchantProfile, MerchantProfileService
from app.store.audit import AuditLog
from app.store.conversations import ConversationRepository


def handoff_reason(intent: Intent, profile: MerchantProfile, low_confidence_streak: int) -> HandoffReason | None:
    """The merchant's handoff rules applied to one routed message (deterministic)."""
    if intent == "human" and profile.handoff_on_request:
        return "buyer_request"
    if intent == "abuse" and profile.handoff_on_abuse:
        return "abuse"
    if low_confidence_streak >= profile.handoff_after_low_confidence:
        return "low_confidence"
    return None


class UntranslatedReplyError(InvalidInputError):
    """The merchant's reply could not be translated trustworthily; nothing was sent. The console asks whether
    to send the original text instead (reply(..., send_untranslated=True))."""

    def __init__(self, user_message: str, problems: list[str]) -> None:
        super().__init__(user_message)
        self.problems = problems


DISPUTE_RISK = "dispute_risk"


@dataclass(frozen=True)
class InboxItem:
    conversation: Conversation
    last_buyer_text: str
    messages: int
    # The buyer said they will go to their bank / PayPal: shown first, marked, answered today.
    dispute_risk: bool = False


class InboxService:
    def __init__(
        self,
        conversations: ConversationRepository,
        translator: Translator,
        merchant_profile: MerchantProfileService,
        audit: AuditLog,
        max_message_chars: int,
        max_handoffs_per_session: int = 3,
    ) -> None:
        self._conversations = conversations
        self._max_handoffs = max_handoffs_per_session
        self._translator = translator
        self._profile = merchant_profile
        self._audit = audit
        self._max_chars = max_message_chars

    @property
    def translator(self) -> Translator:
        """The checked buyer <-> merchant translator (analytics shows buyers' questions through it too)."""
        return self._translator

    def hand_off(self, conversation: Conversation, reason: HandoffReason) -> bool:
        """Puts the conversation in the merchant's Inbox; False (nothing done) once this session has been handed
        off the allowed number of times, so one buyer cannot flood the Inbox by asking again and again."""
        earlier = [e for e in self._audit.for_case("conversation", conversation.id) if e.action == "handoff"]
        if len(earlier) >= self._max_handoffs:
            self._audit.record("conversation", conversation.id, "buyer-chat", "handoff_refused", {"reason": reason})
            return False
        self._conversations.set_status(conversation.id, "handoff", reason)
        self._audit.record("conversation", conversation.id, "buyer-chat", "handoff", {"reason": reason})
        return True

    def flag_dispute_risk(self, conversation: Conversation, order_no: str | None) -> bool:
        """Marks the conversation as dispute risk (audited, counted by analytics) and puts it in the Inbox with that
        reason. The handoff limit does not apply: a threatened chargeback is worth a person's time. True when the
        conversation was newly handed off."""
        self._audit.record("conversation", conversation.id, "buyer-chat", DISPUTE_RISK, {"order_no": order_no})
        newly = conversation.status != "handoff"
        self._conversations.set_status(conversation.id, "handoff", DISPUTE_RISK)
        if newly:
            self._audit.record("conversation", conversation.id, "buyer-chat", "handoff", {"reason": DISPUTE_RISK})
        return newly

    def is_dispute_risk(self, conversation: Conversation) -> bool:
        if conversation.handoff_reason == DISPUTE_RISK:
            return True
        return any(e.action == DISPUTE_RISK for e in self._audit.for_case("conversation", conversation.id))

    def open_items(self) -> list[InboxItem]:
        """Handed-off conversations, dispute risks first (then in the repository's order)."""
        items = []
        for conversation in self._conversations.list_by_status(("handoff",)):
            buyer = self._conversations.messages(conversation.id, roles=("buyer",))
            items.append(InboxItem(conversation, buyer[-1].text if buyer else "", len(buyer),
                                   self.is_dispute_risk(conversation)))  # fmt: skip
        return sorted(items, key=lambda item: not item.dispute_risk)

    def _conversation(self, conversation_id: str) -> Conversation:
        conversation = self._conversations.get(conversation_id)
        if conversation is None:
            raise NotFoundError("This conversation does not exist (any more).")
        return conversation

    def thread(self, conversation_id: str) -> tuple[Conversation, list[StoredMessage]]:
        """The whole conversation, buyer messages translated into the merchant's language (cached per message)."""
        conversation = self._conversation(conversation_id)
        target = self._profile.get().merchant_language
        for message in self._conversations.messages(conversation_id, roles=("buyer",)):
            if message.meta.get("translated_to") == target:
                continue
            translation = self._translator.translate(message.text, message.language, target)
            # An untranslated result is not cached: the next look tries again (the model may be back).
            if translation.status != "untranslated":
                self._conversations.set_translation(
                    message.id, translation.text, {"translated_to": target, "translation_status": translation.status}
                )
            else:
                self._conversations.set_translation(
                    message.id, message.text,
                    {"translation_status": "untranslated", "translation_problems": translation.problems},
                )  # fmt: skip
        return conversation, self._conversations.messages(conversation_id)

    def reply(
        self, conversation_id: str, text: str, merchant: str = "merchant", *, send_untranslated: bool = False
    ) -> StoredMessage:
        """Store the merchant's reply with its translation into the buyer's language.

        UntranslatedReplyError (nothing stored) when the translation fails or fails its check; with
        `send_untranslated` the merchant has confirmed: the original goes out, flagged "untranslated"."""
        text = text.strip()
        if not text:
            raise InvalidInputError("Type a reply first.")
        if len(text) > self._max_chars:
            raise InvalidInputError(f"The reply is too long ({len(text)} characters, limit {self._max_chars}).")
        conversation = self._conversation(conversation_id)
        source = self._profile.get().merchant_language
        if send_untranslated and source != conversation.language:
            translation = Translation(
                text=text, status="untranslated", source_language=source, target_language=conversation.language,
                problems=["sent untranslated by the merchant"],
            )  # fmt: skip
        else:
            translation = self._translator.translate(text, source, conversation.language)
            if translation.status == "untranslated":
                raise UntranslatedReplyError(_untranslated_message(conversation.language, translation.problems), translation.problems)
        message = self._conversations.add_message(
            conversation_id,
            "merchant",
            text,
            source,
            translation=translation.text if translation.status == "machine" else None,
            meta={"translation_status": translation.status, "merchant": merchant,
                  "translation_problems": translation.problems},
        )  # fmt: skip
        self._audit.record(
            "conversation", conversation_id, merchant, "merchant_reply",
            {"message_id": message.id, "translation_status": translation.status},
        )  # fmt: skip
        return message

    def close(self, conversation_id: str, merchant: str = "merchant") -> None:
        self._conversation(conversation_id)
        self._conversations.set_status(conversation_id, "closed", None)
        self._audit.record("conversation", conversation_id, merchant, "closed", {})

    def return_to_bot(self, conversation_id: str, merchant: str = "merchant") -> None:
        self._conversation(conversation_id)
        self._conversations.set_status(conversation_id, "bot", None)
        self._conversations.reset_low_confidence(conversation_id)
        self._audit.record("conversation", conversation_id, merchant, "returned_to_bot", {})


def _untranslated_message(language: str, problems: list[str]) -> str:
    why = "; ".join(problems) if problems else "no translation"
    name = LANGUAGE_NAMES.get(language, language)
    return (
        f"Your reply could not be translated into {name} reliably ({why}). Nothing was sent. "
        "You can send your original text untranslated, or rephrase and try again."
    )
