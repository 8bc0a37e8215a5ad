"""Buyer <-> merchant translation by the chat model, never losing the message, never showing a wrong one.

No model, a failed call, an empty answer, an answer in the wrong language, or one that fails the translation
check (numbers, codes, quantities, length, meaning: translation_check) all give the original text with status
"untranslated" and the reasons, which the inbox and the widget show with a flag.
"""

from __future__ import annotations

import logging

from app.domain.chat import Translation
from app.services.chat import prompts
from app.services.chat.translation_check import TranslationChecker
from app.services.language import LanguageIdentifier
from models.errors import ModelError
from models.types import ChatModel, GenerationParams

log = logging.getLogger(__name__)


class Translator:
    def __init__(
        self,
        model: ChatModel | None,
        language: LanguageIdentifier,
        max_tokens: int = 400,
        checker: TranslationChecker | None = None,
    ) -> None:
        self._model = model
        self._language = language
        # Without an encoder the checker still checks numbers, codes, quantities and length.
        self._checker = checker or TranslationChecker(None)
        self._params = GenerationParams(max_tokens=max_tokens, temperature=0)

    def translate(self, text: str, source_language: str, target_language: str) -> Translation:
        if source_language == target_language:
            return Translation(
                text=text, status="same_language", source_language=source_language, target_language=target_language
            )
        untranslated = Translation(
            text=text, status="untranslated", source_language=source_language, target_language=target_language
        )
        if self._model is None:
            return untranslated.model_copy(update={"problems": ["no translation model configured"]})
        try:
            answer = self._model.complete(prompts.translation_messages(text, source_language, target_language), self._params)
        except ModelError as exc:
            log.warning("translation %s->%s failed: %s", source_language, target_language, exc)
            return untranslated.model_copy(update={"problems": ["the translation model is not reachable"]})
        answer = answer.strip()
        if not answer or self._language.detect_or(answer, target_language) != target_language:
            log.info("translation %s->%s rejected (empty or wrong language)", source_language, target_language)
            return untranslated.model_copy(update={"problems": ["language"]})
        verdict = self._checker.check(text, answer, source_language, target_language)
        if not verdict.ok:
            log.info("translation %s->%s rejected: %s", source_language, target_language, verdict.problems)
            return untranslated.model_copy(update={"problems": verdict.problems})
        return Translation(text=answer, status="machine", source_language=source_language, target_language=target_language)
