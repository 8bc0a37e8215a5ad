"""The fact layer: structured questions answered by code over the merchant's data, before any model is asked.

Order: policy numbers (return window, refund time, returnless), shipping to a country, payment methods, a product's
attribute.
Returns None when the question is not one of these or the data cannot answer it; the model path takes over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.chat import Citation
from app.domain.refunds import RefundPolicy
from app.services.chat import intents
from app.services.chat.facts import templates as t
from app.services.chat.facts.catalog import CatalogSource
from app.services.chat.facts.destinations import find_destinations
from app.services.chat.facts.payment_facts import (
    named_methods,
    payment_answer,
    payment_citation,
    payment_facts,
)
from app.services.chat.facts.policy_facts import damage_answer, policy_citation, policy_sentence
from app.services.chat.facts.product_facts import (
    key_facts,
    mentioned_products,
    product_answer,
    product_citation,
    retrieved_product,
)
from app.services.chat.facts.shipping_facts import (
    ask_country_answer,
    not_served_answer,
    row_citation,
    shipping_answer,
    shipping_sentences,
)
from app.services.chat.facts.terms import asked_attributes, asks_about, policy_topics
from knowledge.types import ScoredChunk


@dataclass(frozen=True)
class FactAnswer:
    text: str
    kind: str  # policy | damage | shipping | shipping_not_served | shipping_ask | payment | product | product_not_found
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class FactSummary:
    sentences: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class FactQuestion:
    text: str
    language: str
    policy: RefundPolicy
    hits: Sequence[ScoredChunk] = ()  # retrieval hits, best first (the product fallback)
    order_country: str | None = None  # the conversation's verified order's country, when known
    order_no: str | None = None


class FactLayer:
    def __init__(self, catalog: CatalogSource) -> None:
        self._catalog = catalog

    def damage(self, question: FactQuestion) -> FactAnswer:
        text = damage_answer(question.policy, question.language, question.order_no)
        return FactAnswer(text, "damage", [policy_citation(question.policy)])

    def answer(self, question: FactQuestion) -> FactAnswer | None:
        if intents.is_damage_report(question.text):
            return self.damage(question)
        return self._policy(question) or self._shipping(question) or self._payment(question) or self._product(question)

    def summary(self, question: str, hits: Sequence[ScoredChunk], language: str, *, limit: int = 3) -> FactSummary:
        """Short sentences of facts for the fallback answer when no model reply can be sent (at most `limit`): the
        products the buyer named, else the best retrieved product or shipping row (price and availability; shipping),
        with the citation of what states them (a number shown must be one the cited source states)."""
        catalog = self._catalog.current()
        named = mentioned_products(question, catalog)
        if named:
            product = named[0]
            return FactSummary(key_facts(product, language)[:limit], [product_citation(product)])
        sentences: list[str] = []
        citations: list[Citation] = []
        for hit in hits[:1]:
            if hit.chunk.kind == "product" and hit.chunk.product_id:
                found = catalog.product(hit.chunk.product_id)
                if found:
                    sentences += key_facts(found, language)
                    citations.append(product_citation(found))
            elif hit.chunk.kind == "shipping" and hit.chunk.section:
                row = catalog.shipping_to(hit.chunk.section)
                if row:
                    sentences += shipping_sentences(row, language)
                    citations.append(row_citation(row))
        return FactSummary(list(dict.fromkeys(sentences))[:limit], citations)

    def _policy(self, question: FactQuestion) -> FactAnswer | None:
        sentences = [s for topic in policy_topics(question.text)
                     if (s := policy_sentence(topic, question.policy, question.language))]  # fmt: skip
        if not sentences:
            return None
        return FactAnswer(" ".join(sentences[:3]), "policy", [policy_citation(question.policy)])

    def _shipping(self, question: FactQuestion) -> FactAnswer | None:
        catalog = self._catalog.current()
        if not catalog.shipping:
            return None
        destinations = find_destinations(question.text)
        about_shipping = intents.SHIPPING.search(question.text) is not None
        if not about_shipping:
            return None
        if not destinations:
            row = catalog.shipping_to(question.order_country) if question.order_country else None
            if row is not None:
                return FactAnswer(shipping_answer(row, question.language), "shipping", [row_citation(row)])
            if asked_attributes(question.text) or mentioned_products(question.text, catalog):
                return None  # "does the box ship with a cable?": a product question that says "ship"
            return FactAnswer(ask_country_answer(catalog, question.language), "shipping_ask")
        answers, citations = [], []
        for destination in destinations[:2]:
            row = catalog.shipping_to(destination.code)
            if row is None:
                answers.append(not_served_answer(destination.code, catalog, question.language))
            else:
                answers.append(shipping_answer(row, question.language))
                citations.append(row_citation(row))
        kind = "shipping" if citations else "shipping_not_served"
        return FactAnswer("\n\n".join(answers), kind, citations)

    def _payment(self, question: FactQuestion) -> FactAnswer | None:
        """"Can I pay with PayPal?": the methods the shop's own payment passage names (among the top hits)."""
        if not asks_about("payment", question.text) or asks_about("duties", question.text):
            return None
        if asked_attributes(question.text) and not named_methods(question.text):
            return None  # "is it HDR compatible? I paid by card": a product question that mentions paying
        facts = payment_facts(question.hits)
        if facts is None:
            return None
        return FactAnswer(payment_answer(question.text, facts, question.language), "payment",
                          [payment_citation(facts.hit)])

    def _product(self, question: FactQuestion) -> FactAnswer | None:
        if not asked_attributes(question.text):
            return None
        catalog = self._catalog.current()
        products = mentioned_products(question.text, catalog)
        if not products and _names_a_code(question.text) and catalog.products:
            # A code we do not sell: never answer with the nearest retrieved product's values instead.
            example = catalog.products[0].id
            return FactAnswer(t.text("product_not_found", question.language, example=example), "product_not_found")
        if not products:
            product = retrieved_product(question.text, question.hits, catalog)
            products = [product] if product else []
        if not products:
            return None
        lines, citations = [], []
        for product in products[:2]:
            line = product_answer(product, question.text, question.language)
            if line:
                lines.append(line)
                citations.append(product_citation(product, question.text))
        if not lines:
            return None
        return FactAnswer("\n".join(lines), "product", citations)


def _names_a_code(text: str) -> bool:
    """The buyer wrote something shaped like a product code ("XZ-999", "PP-777-ULTRA") that we do not sell."""
    return re.search(r"(?<![\w-])[A-Z]{2,5}-(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]+)*(?![\w-])", text) is not None
