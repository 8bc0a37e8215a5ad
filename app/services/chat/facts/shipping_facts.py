"""Shipping to the buyer's country, from the merchant's shipping table: carrier, days, cost, free threshold, duties."""

from __future__ import annotations

from app.domain.chat import Citation
from app.services.chat.facts import templates as t
from app.services.chat.facts.catalog import Catalog, ShippingRow
from app.services.chat.facts.destinations import country_name


def row_citation(row: ShippingRow) -> Citation:
    return Citation(
        chunk_id=row.chunk_id, title=f"Shipping to {row.country}", source=row.source, kind="shipping",
        score=1.0, excerpt=row.sentence,
    )  # fmt: skip


def served_countries(catalog: Catalog, language: str) -> str:
    names = sorted({country_name(row.country_code, language) for row in catalog.shipping})
    return t.listing(names, language)


def shipping_answer(row: ShippingRow, language: str) -> str:
    return " ".join(shipping_sentences(row, language))


def shipping_sentences(row: ShippingRow, language: str) -> list[str]:
    country = country_name(row.country_code, language)
    cost = t.money(row.cost, row.currency, language) if row.cost is not None else "—"
    sentences = [
        t.text("ship_row", language, country=country, days=t.days(row.days_min, row.days_max, language),
               carrier=row.carrier, cost=cost)
    ]  # fmt: skip
    if row.free_over is not None:
        sentences.append(t.text("ship_free", language, amount=t.money(row.free_over, row.currency, language)))
    else:
        sentences.append(t.text("ship_no_free", language))
    if row.incoterm == "DDP":
        sentences.append(t.text("duties_ddp", language))
    elif row.incoterm == "DAP":
        sentences.append(t.text("duties_dap", language))
    return sentences


def not_served_answer(code: str, catalog: Catalog, language: str) -> str:
    return t.text("ship_not_served", language, country=country_name(code, language),
                  countries=served_countries(catalog, language))  # fmt: skip


def ask_country_answer(catalog: Catalog, language: str) -> str:
    return t.text("ship_ask_country", language, countries=served_countries(catalog, language))
