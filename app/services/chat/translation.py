"""Buyer <-> merchant translation by the chat model, never losing the message.

No model, a failed call, an empty answer or an answer in the wrong language all give the original text
with status "untranslated", which the inbox and the widget show with a flag.
"""

from __future__ import annotations

import logging

from app.domain.chat import Translation
from app.services.chat import prompts
from app.services.language import LanguageIdentifier
from models.errors import ModelError
from models.types import ChatModel, GenerationParams

log = logging.getLogger(__name__)


class Translator:
    def __init__(self, model: ChatModel | None, language: LanguageIdentifier, max_tokens: int = 400) -> None:
        self._model = model
        self._language = language
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
            return untranslated
        try:
            answer = self._model.complete(prompts.translation_messages(text, source_language, target_language), self._params)
        except ModelError as exc:
            log.warning("translation %s->%s failed: %s", source_language, target_language, exc)
            return untranslated
        answer = answer.strip()
        if not answer or self._language.detect_or(answer, target_language) != target_language:
            log.info("translation %s->%s rejected (empty or wrong language)", source_language, target_language)
            return untranslated
        return Translation(text=answer, status="machine", source_language=source_language, target_language=target_language)
