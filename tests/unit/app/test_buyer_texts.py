"""The buyer text catalog: every text in all 14 shop languages, and the buyer's language picked from the request."""

from __future__ import annotations

import pytest

from app.errors import InvalidInputError, NotFoundError
from app.i18n.catalog import catalog, error_text, language_from_accept, placeholders, text
from app.services.language import SUPPORTED_LANGUAGES
from app.ui.buyer_i18n import gradio_i18n


def test_every_catalog_text_exists_in_all_14_languages_with_the_same_placeholders() -> None:
    problems = []
    for key, texts in catalog().items():
        for lang in SUPPORTED_LANGUAGES:
            if not texts.get(lang, "").strip():
                problems.append(f"{key}: no {lang}")
            elif placeholders(texts[lang]) != placeholders(texts["en"]):
                problems.append(
                    f"{key}/{lang}: placeholders {placeholders(texts[lang])} != {placeholders(texts['en'])}"
                )
        problems += [f"{key}: unknown language {lang}" for lang in texts if lang not in SUPPORTED_LANGUAGES]
    assert not problems, "\n".join(problems)


def test_translations_are_not_english_copies() -> None:
    # "Chat" is the same word in several languages; a whole sentence copied from English is a missing translation.
    for key in ("form.intro", "error.unknown_order", "form.email"):
        english = catalog()[key]["en"]
        assert [
            lang for lang in SUPPORTED_LANGUAGES if lang != "en" and catalog()[key][lang] == english
        ] == []


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"),
        ("ar-SA", "ar"),
        ("xx-YY, fr;q=0.3, de;q=0.5", "de"),  # unknown first choice: the best supported one
        ("zh-Hant-TW", "zh"),
        ("en;q=0, pt-BR;q=0.1", "pt"),  # q=0 means "not this one"
        ("", "en"),
        (None, "en"),
        ("ko;q=abc, ;;;, *", "en"),  # hostile or malformed: English, no error
        ("a" * 5000, "en"),
    ],
)
def test_buyer_language_from_accept_language(header: str | None, language: str) -> None:
    assert language_from_accept(header) == language


def test_domain_errors_are_shown_in_the_buyer_language_and_english_otherwise() -> None:
    too_long = InvalidInputError("too long", key="error.description_too_long", params={"max_chars": 2000})
    assert error_text(too_long, "ja") == "説明は 2000 文字以内にしてください。"
    assert error_text(NotFoundError("no such order", key="error.unknown_order"), "ko").startswith(
        "이 주문 번호와"
    )
    # Not in the catalog yet: the message the service wrote, never a crash or an empty text.
    assert error_text(InvalidInputError("“a.jpg” is empty (0 bytes)."), "ko") == "“a.jpg” is empty (0 bytes)."
    assert error_text(InvalidInputError("x", key="error.counter_range"), "de") == "x"  # a param missing


def test_frontend_translations_have_every_language_and_the_upload_limits_filled_in() -> None:
    translations = gradio_i18n(images=7, videos=2).translations_dict
    assert sorted(translations) == sorted(SUPPORTED_LANGUAGES)
    assert "7" in translations["ar"]["form.intro"] and "{images}" not in translations["ar"]["form.intro"]
    assert translations["ko"]["form.order_no"] == text("form.order_no", "ko") == "주문 번호"
