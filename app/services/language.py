"""Language identification restricted to the 14 languages the shop supports (lingua, packaged models)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko",
)  # fmt: skip

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "zh": "Chinese", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "tr": "Turkish", "ar": "Arabic",
    "ja": "Japanese", "ko": "Korean",
}  # fmt: skip

RTL_LANGUAGES = frozenset({"ar"})

# Emails, tokens with a digit (4K, PP-156-FHD, USB-C 3.2) and all-caps acronyms (OLED, HDR).
_NO_LANGUAGE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z0-9._+-]*\d[A-Za-z0-9._+-]*|\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class DetectedLanguage:
    code: str
    confidence: float


class LanguageIdentifier:
    """Thread-safe, lazily built detector. Short or mixed text falls back to the caller's default."""

    def __init__(self, min_confidence: float = 0.15, min_letters: int = 3) -> None:
        self._min_letters = min_letters
        self._min_confidence = min_confidence
        self._detector: LanguageDetector | None = None
        self._lock = threading.Lock()

    def _get(self) -> LanguageDetector:
        with self._lock:
            if self._detector is None:
                languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in SUPPORTED_LANGUAGES]
                self._detector = LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
            return self._detector

    def warm_up(self) -> None:
        self._get()

    def detect(self, text: str) -> DetectedLanguage | None:
        # Model codes, order numbers, emails and acronyms carry no language (and would hide CJK text glued to
        # them, e.g. "4K有機EL"); "ok" is too short to tell.
        cleaned = " ".join(_NO_LANGUAGE.sub(" ", text).split())
        # An ideograph or syllable block carries as much as two Latin letters.
        letters = sum((2 if ord(ch) >= 0x2E80 else 1) for ch in cleaned if ch.isalpha())
        if letters < self._min_letters:
            return None
        values = self._get().compute_language_confidence_values(cleaned)
        if not values:
            return None
        best = values[0]
        return DetectedLanguage(code=best.language.iso_code_639_1.name.lower(), confidence=float(best.value))

    def detect_or(self, text: str, fallback: str) -> str:
        """The message's language when clear; otherwise the conversation's language."""
        found = self.detect(text)
        if found is None or found.confidence < self._min_confidence:
            return fallback
        return found.code
