"""The buyer text catalog (buyer_texts.yaml): every text a buyer reads, in the 14 shop languages.

Services look texts up here; the widget hands the same catalog to Gradio's frontend (app/ui/buyer_i18n.py).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from app.errors import CopilotError
from app.services.language import SUPPORTED_LANGUAGES

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


def section(prefix: str) -> dict[str, dict[str, str]]:
    """The keys under ``prefix`` without it ('offer.' -> {'replacement': {language: text}, …})."""
    return {key[len(prefix) :]: texts for key, texts in catalog().items() if key.startswith(prefix)}


def by_language(prefix: str) -> dict[str, dict[str, str]]:
    """The keys under ``prefix`` turned around: {language: {key without prefix: text}}."""
    turned: dict[str, dict[str, str]] = {lang: {} for lang in SUPPORTED_LANGUAGES}
    for key, texts in section(prefix).items():
        for lang, value in texts.items():
            turned.setdefault(lang, {})[key] = value
    return turned
