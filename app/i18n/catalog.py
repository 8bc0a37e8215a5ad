"""The buyer text catalog: load it, look texts up server-side, and hand it to Gradio's frontend i18n.

Static labels are translated in the browser by ``gr.I18n`` (it picks the browser's language); texts made on the
server (error messages, notes) are looked up here in the language of the request's Accept-Language header, which a
browser derives from the same setting.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import gradio as gr
import yaml

from app.errors import CopilotError
from app.services.language import RTL_LANGUAGES, SUPPORTED_LANGUAGES

DEFAULT_LANGUAGE = "en"
_TAG = re.compile(r"^\s*([A-Za-z]{1,8})(?:[-_][A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


@cache
def catalog() -> dict[str, dict[str, str]]:
    """key -> {language: template}. Read once: the file ships with the package and does not change at run time."""
    text = resources.files("app.i18n").joinpath("buyer_texts.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("buyer_texts.yaml must map keys to {language: text}")
    return {str(key): {str(lang): str(value) for lang, value in texts.items()} for key, texts in data.items()}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def text(key: str, language: str, **params: Any) -> str:
    """The catalog text for ``key`` in ``language`` (English when that language has none), params filled in."""
    texts = catalog()[key]
    template = texts.get(language) or texts[DEFAULT_LANGUAGE]
    return template.format(**params) if placeholders(template) else template


def localized(key: str | None, params: Mapping[str, object], english: str, language: str) -> str:
    """A service's message in the buyer's language when the catalog has its key; its English text otherwise."""
    if key and key in catalog():
        try:
            return text(key, language, **params)
        except (KeyError, IndexError):  # a param missing from the raise site: the English text is still right
            return english
    return english


def error_text(exc: CopilotError, language: str) -> str:
    return localized(exc.key, exc.params, exc.user_message, language)


def language_from_accept(header: str | None) -> str:
    """The best of the 14 shop languages for an Accept-Language header ('ko-KR,ko;q=0.9,en;q=0.8' -> 'ko')."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "")[:1000].split(",")[:32]):  # a hostile header stays cheap
        match = _TAG.match(part)
        if not match:
            continue
        try:
            quality = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        code = match.group(1).lower()
        if code in SUPPORTED_LANGUAGES and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def request_language(request: gr.Request | None) -> str:
    headers = getattr(request, "headers", None)
    return language_from_accept(headers.get("accept-language") if headers is not None else None)


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def gradio_i18n(**params: Any) -> gr.I18n:
    """The catalog as Gradio's frontend translations, params (fixed at start-up, e.g. upload limits) filled in."""
    per_language: dict[str, dict[str, str]] = {lang: {} for lang in SUPPORTED_LANGUAGES}
    for key, texts in catalog().items():
        for lang in SUPPORTED_LANGUAGES:
            template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
            # Texts with per-request params (errors) are only used server-side: they stay templates here.
            fill = placeholders(template) and placeholders(template) <= params.keys()
            per_language[lang][key] = template.format(**params) if fill else template
    return gr.I18n(**per_language)
