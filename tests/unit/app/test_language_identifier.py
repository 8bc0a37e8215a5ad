from __future__ import annotations

import pytest

from app.services.language import LanguageIdentifier

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hola", "es"),
        ("danke", "de"),
        ("obrigado", "pt"),
        ("이 모니터는 스위치랑 연결되나요?", "ko"),
        ("هل يعمل مع الآيفون؟", "ar"),
        ("谢谢", "zh"),
        # Model codes glued to CJK text must not hide the language.
        ("4K有機ELモニターはHDRに対応していますか", "ja"),
        ("PP-156-4K-OLED 支持 HDR 吗？", "zh"),
        ("Where is my order PP-240117? My email is a.b@example.com", "en"),
    ],
)
def test_short_and_code_laden_messages_get_their_language(identifier: LanguageIdentifier, text: str, expected: str) -> None:
    assert identifier.detect_or(text, "xx") == expected


@pytest.mark.parametrize("text", ["PP-240117", "ok", "OLED 4K HDR", "a.b@example.com", "  "])
def test_text_without_language_falls_back_to_the_conversation(identifier: LanguageIdentifier, text: str) -> None:
    assert identifier.detect_or(text, "ko") == "ko"
