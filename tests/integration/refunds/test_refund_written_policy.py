"""The written returns policy through the real RefundService: demo orders, shipping table and catalog, real SQLite.

Each test quotes the clause of knowledge/corpus/policies/returns.md it holds the shop to.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.refunds import Finding
from app.services.refunds.evidence import PROMPT_VERSION

pytestmark = pytest.mark.integration

# Madrid: a 13.3" monitor (99.00) and a screen protector PP-SP-133 (10.00), delivered 2026-11-12; ES label 38.00.
ES_ORDER, ES_EMAIL, PROTECTOR = "PP-261103", "lucia.garcia@example.org", "PP-SP-133"
# Mexico City: a 229.00 monitor still shipping (DAP: duties due at the door); MX outbound 15.00, return 48.00.
MX_ORDER, MX_EMAIL = "PP-261114", "diego.hernandez@example.org"


def last_decision(services, case_id: str):  # type: ignore[no-untyped-def]
    return services.decisions.for_case("refund", case_id)[-1]


def rule(decision, code: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return next(hit for hit in decision.rules_fired if hit["code"] == code)


def test_an_opened_screen_protector_is_not_taken_back_for_change_of_mind(refund_services) -> None:  # type: ignore[no-untyped-def]
    """ "Screen protectors and cleaning kits that have been opened cannot be returned for change of mind."""
    services = refund_services()
    case = services.refunds.open_claim(
        ES_ORDER, ES_EMAIL, "changed_mind", "Ya no lo necesito.", product_id=PROTECTOR, opened=True
    )
    assert services.refunds.repository.get_case(case.id).item_opened is True
    view = services.refunds.propose(case.id)
    decision = last_decision(services, case.id)
    # The engine never rejects on its own: the merchant confirms, with the clause in front of them.
    assert decision.outcome == "reject" and view.status == "review" and not view.can_respond
    hit = rule(decision, "opened_non_returnable")
    assert hit["clause"] == "Non-returnable items" and "screen protector" in hit["description"]
    assert decision.inputs["claim"]["lines"][0]["category"] == "accessory"


def test_a_sealed_cheap_item_gets_a_partial_refund_without_return_not_a_return_worth_nothing(
    refund_services,
) -> None:  # type: ignore[no-untyped-def]
    """ "When return shipping costs more than 40% of the item value we may offer a partial refund without
    return" -- the 38.00 label on a 10.00 protector would leave the buyer with nothing (or less)."""
    services = refund_services()
    case = services.refunds.open_claim(
        ES_ORDER, ES_EMAIL, "changed_mind", "Ya no lo necesito.", product_id=PROTECTOR, opened=False
    )
    view = services.refunds.propose(case.id)
    assert view.status == "offered" and view.amount == Decimal("5.00")
    decision = last_decision(services, case.id)
    assert decision.outcome == "partial_refund_no_return"
    assert rule(decision, "change_of_mind_returnless")["clause"] == "Partial refund without return"


def test_a_parcel_refused_for_import_charges_is_refunded_minus_both_shipping_legs(refund_services) -> None:  # type: ignore[no-untyped-def]
    """ "Parcels refused because of import charges are refunded minus outbound shipping and the return shipping
    cost for your country": 229.00 - 15.00 - 48.00 = 166.00, once the parcel is back."""
    services = refund_services()
    policy = services.refunds.policy().model_dump(mode="json")
    services.refunds.save_policy({**policy, "max_auto_offer": "1000"}, "merchant")
    receipt = services.refunds.file_claim(
        MX_ORDER, MX_EMAIL, "refused_import_charges", "No pagué los impuestos.", []
    )
    assert receipt.view.status == "offered" and receipt.view.amount == Decimal("166.00")
    # In the buyer's language, and without asking them to send back a parcel that is already coming back.
    assert receipt.view.language == "es" and "paquete rechazado" in receipt.view.text, receipt.view.text
    decision = last_decision(services, receipt.case.id)
    assert decision.outcome == "return_for_refund"
    assert rule(decision, "refused_import_charges")["clause"] == "Duties and refused parcels"


def test_a_drop_after_delivery_is_not_eligible(refund_services) -> None:  # type: ignore[no-untyped-def]
    """ "Items damaged after delivery by drops, liquid or misuse are not eligible for a return or refund.\""""
    services = refund_services()
    case = services.refunds.open_claim(
        ES_ORDER, ES_EMAIL, "damaged", "La pantalla se rompió.", product_id="PP-133-FHD"
    )
    finding = Finding(
        status="analysed", issue_visible="yes", damage_type="impact crack from a corner", damage_cause="drop",
        severity="severe", product_matches="yes", packaging_damage="no", model="test-vl",
        prompt_version=PROMPT_VERSION,
    )  # fmt: skip
    services.refunds.repository.add_finding(case.id, finding, attempts=1, raw=[])
    assert services.refunds.repository.latest_finding(case.id).damage_cause == "drop"
    services.refunds.propose(case.id)
    decision = last_decision(services, case.id)
    assert decision.outcome == "reject"
    assert rule(decision, "damaged_after_delivery")["clause"] == "Non-returnable items"


def test_the_merchant_console_shows_the_clause_and_the_buyers_opened_answer(refund_services) -> None:  # type: ignore[no-untyped-def]
    import gradio as gr

    from app.ui.refund_tab import build_refund_tab

    services = refund_services()
    case = services.refunds.open_claim(
        ES_ORDER, ES_EMAIL, "changed_mind", "Ya no lo necesito.", product_id=PROTECTOR, opened=True
    )
    services.refunds.propose(case.id)
    with gr.Blocks() as console:
        build_refund_tab(services)
    [open_case] = [fn for fn in console.fns.values() if fn.api_name == "refund_case"]
    detail, _images, _video, _finding, rules, *_rest = open_case.fn(case.id)
    assert "**Item opened** yes" in detail
    assert ["opened_non_returnable", "Non-returnable items"] in [row[:2] for row in rules]
