"""Store answers: the merchant's own answer to a question, kept in the database (audited), and given to buyers who
ask something similar, in their language.

The answer text is the merchant's: it is shown as written, or translated by the chat model through the Translator
and its checks. With no model, or a translation that fails a check, the buyer gets the original text with a note
saying which language it is in. Like any reply, the final text may state no number the store answer does not state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError

from app.domain.chat import Citation
from app.domain.store_answers import StoreAnswer
from app.errors import InvalidInputError, NotFoundError
from app.services.chat import guard
from app.services.chat.store_answer_match import StoreAnswerMatcher
from app.services.chat.translation import Translator
from app.services.language import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, LanguageIdentifier
from app.store.audit import AuditLog
from app.store.store_answers import StoreAnswerRepository

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
MAX_ANSWER_CHARS = 4000
MIN_WORDS_TO_DETECT = 6
CITATION_TITLE = "Store answer"

# Shown above an untranslated store answer: "{language}" is the answer's language, named in the buyer's language.
_UNTRANSLATED_NOTE: dict[str, str] = {
    "en": "Our store's answer (in {language}):",
    "zh": "本店的回答（{language}）：",
    "es": "Respuesta de nuestra tienda (en {language}):",
    "fr": "Réponse de notre boutique (en {language}) :",
    "de": "Antwort unseres Shops (auf {language}):",
    "it": "Risposta del nostro negozio (in {language}):",
    "pt": "Resposta da nossa loja (em {language}):",
    "nl": "Antwoord van onze winkel (in het {language}):",
    "pl": "Odpowiedź naszego sklepu (w języku: {language}):",
    "ru": "Ответ нашего магазина (язык: {language}):",
    "tr": "Mağazamızın yanıtı ({language}):",
    "ar": "إجابة متجرنا (باللغة: {language}):",
    "ja": "当店からの回答（{language}）：",
    "ko": "저희 매장의 답변({language}):",
}


def language_name(code: str, in_language: str) -> str:
    """`code`'s name written in `in_language` (babel's CLDR data), English as the fallback."""
    try:
        return Locale.parse(in_language).languages.get(code) or LANGUAGE_NAMES.get(code, code)
    except (UnknownLocaleError, ValueError):
        return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class StoreAnswerReply:
    text: str
    citations: list[Citation]
    meta: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


class StoreAnswerService:
    def __init__(
        self,
        repository: StoreAnswerRepository,
        matcher: StoreAnswerMatcher,
        translator: Translator,
        language: LanguageIdentifier,
        audit: AuditLog,
        merchant_language: Callable[[], str],
    ) -> None:
        self._repository = repository
        self._matcher = matcher
        self._translator = translator
        self._language = language
        self._audit = audit
        self._merchant_language = merchant_language

    # -- the merchant's side ----------------------------------------------------------------------------------

    def list(self) -> list[StoreAnswer]:
        return self._repository.all()

    def get(self, answer_id: int) -> StoreAnswer:
        found = self._repository.get(answer_id)
        if found is None:
            raise NotFoundError(f"Store answer #{answer_id} does not exist (deleted?).")
        return found

    def save(
        self, question: str, answer: str, *, merchant: str, answer_id: int | None = None,
        from_message_id: int | None = None, language: str | None = None,
    ) -> StoreAnswer:
        """Creates (no `answer_id`) or edits a store answer; InvalidInputError naming the empty or too long field.
        `language`: the answer's language; None detects it."""
        question, answer = _clean(question, "question", MAX_QUESTION_CHARS), _clean(answer, "answer", MAX_ANSWER_CHARS)
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise InvalidInputError(f"Store answer: unknown language {language!r}.")
        language = language or self._answer_language(answer)
        if answer_id is None:
            saved = self._repository.add(question, answer, language, merchant, from_message_id)
            self._audit.record("store_answer", str(saved.id), merchant, "store_answer_created",
                               {"question": question, "answer": answer, "language": language,
                                "from_message_id": from_message_id})
            return saved
        before = self.get(answer_id)
        updated = self._repository.update(answer_id, question, answer, language)
        if updated is None:
            raise NotFoundError(f"Store answer #{answer_id} does not exist (deleted?).")
        self._audit.record("store_answer", str(answer_id), merchant, "store_answer_updated",
                           {"question": question, "answer": answer, "language": language,
                            "before": {"question": before.question, "answer": before.answer}})
        return updated

    def _answer_language(self, answer: str) -> str:
        # A few words are no evidence ("Yes, 4 EUR per item." reads as Turkish to lingua): the merchant's language.
        if len(answer.split()) < MIN_WORDS_TO_DETECT:
            return self._merchant_language()
        return self._language.detect_or(answer, self._merchant_language())

    def delete(self, answer_id: int, *, merchant: str) -> None:
        gone = self._repository.delete(answer_id)
        if gone is None:
            raise NotFoundError(f"Store answer #{answer_id} does not exist (deleted?).")
        self._audit.record("store_answer", str(answer_id), merchant, "store_answer_deleted",
                           {"question": gone.question, "answer": gone.answer})

    # -- the buyer's side ----------------------------------------------------------------------------------------

    def reply(self, question: str, language: str) -> StoreAnswerReply | None:
        """The store answer for a buyer question in the buyer's language, or None when no stored question is similar
        enough (or matching fails: the normal answer path takes over)."""
        answers = self._repository.all()
        if not answers:
            return None
        try:
            match = self._matcher.best(question, answers)
        except Exception:  # noqa: BLE001 - an embedder failure must not cost the buyer the normal answer path
            log.exception("store answer matching failed")
            return None
        if match is None:
            return None
        stored = match.answer
        translation = self._translator.translate(stored.answer, stored.language, language)
        text, flags = translation.text, []
        if translation.status == "untranslated" or guard.unsupported_numbers(text, [stored.answer]):
            # No trustworthy translation: the merchant's own words, labelled with their language.
            note = _UNTRANSLATED_NOTE.get(language, _UNTRANSLATED_NOTE["en"])
            text = f"{note.format(language=language_name(stored.language, language))}\n\n{stored.answer}"
            flags = ["store_answer_untranslated"]
        citation = Citation(
            chunk_id=f"store-answer#{stored.id}", title=CITATION_TITLE, source="store_answer", kind="store_answer",
            score=match.similarity, excerpt=stored.question,
        )  # fmt: skip
        meta = {"store_answer_id": stored.id, "store_answer_margin": match.margin,
                "translation_status": translation.status if not flags else "untranslated",
                "translation_problems": translation.problems}
        return StoreAnswerReply(text=text, citations=[citation], meta=meta, flags=flags)


def _clean(value: str | None, name: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInputError(f"Store answer: the {name} is empty.")
    if len(text) > limit:
        raise InvalidInputError(f"Store answer: the {name} is {len(text)} characters long; the limit is {limit}.")
    return text
