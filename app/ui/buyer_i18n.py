"""The buyer text catalog in Gradio: frontend translations (``gr.I18n``) and the language of a request.

Static labels are translated in the browser by ``gr.I18n`` (it picks the browser's language); texts made on the
server (errors, notes) use the request's Accept-Language header, which a browser derives from the same setting.
"""

from __future__ import annotations

from typing import Any

import gradio as gr
from gradio.i18n import I18nData

from app.i18n.catalog import DEFAULT_LANGUAGE, catalog, language_from_accept, placeholders
from app.services.language import SUPPORTED_LANGUAGES


def t(key: str) -> I18nData:
    """A catalog key the browser shows in the buyer's language (the widget is mounted with `gradio_i18n`)."""
    return I18nData(key)


def request_language(request: gr.Request | None) -> str:
    headers = getattr(request, "headers", None)
    return language_from_accept(headers.get("accept-language") if headers is not None else None)


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
