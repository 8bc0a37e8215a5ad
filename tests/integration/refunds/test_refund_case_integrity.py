"""Refund case integrity over real SQLite: one refund per order, one decision per case, returns settled on arrival,
card numbers masked, bounded claim submission."""

from __future__ import annotations

from decimal import Decimal

import gradio as gr
import pytest

from app.errors import InvalidInputError
from app.services.text_safety import find_pans
from app.ui.refund_claim_form import build_refund_claim_form
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.test_refund_service_flow import RETURNLESS_30, analysed, save_policy

pytestmark = pytest.mark.integration

ALREADY = "already decided"


def offered_partial(services, description: str = "Tela trincada.") -> str:  # type: ignore[no-untyped-def]
    """A claim on the São Paulo order with an open 84.50 USD partial offer (returnless at 30%)."""
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", description)
    analysed(services, case.id)
    view = services.refunds.propose(case.id)
    assert view.status == "offered" and view.amount == Decimal("84.50"), view
    return case.id


def money_decisions(services, case_id: str) -> list:  # type: ignore[no-untyped-def, type-arg]
    return [d for d in services.decisions.for_case("refund", case_id) if d.decided_by != "policy-engine"]


# -- 1. one refund per order ---------------------------------------------------------------------------------------


def test_a_second_claim_on_a_refunded_order_goes_to_the_merchant_capped_at_what_is_left(
    refund_services,
) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    first = offered_partial(services)
    services.refunds.respond_to_offer(first, BR_EMAIL, "accept")  # 84.50 of 187.00 refunded

    second = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada de novo.")
    analysed(services, second.id, severity="severe")
    view = services.refunds.propose(second.id)
    assert view.status == "review" and not view.can_respond, "no automatic second offer on the same order"
    decision = services.decisions.for_case("refund", second.id)[-1]
    assert decision.outcome == "escalate"
    assert "earlier_claim_on_order" in [rule["code"] for rule in decision.rules_fired]
    assert decision.inputs["claim"]["already_refunded"] == "84.50"
    assert decision.amount == Decimal("102.50"), "capped at 187.00 paid - 84.50 already refunded"

    with pytest.raises(InvalidInputError, match="at most the 102.50 USD left to refund"):
        services.refunds.merchant_decide(second.id, "merchant", "edit", Decimal("102.51"))
    approved = services.refunds.merchant_decide(second.id, "merchant", "approve")
    assert approved.final_amount == Decimal("102.50")
    paid = sum(c.final_amount or 0 for c in services.refunds.list_cases() if c.status == "resolved")
    assert paid == Decimal("187.00"), "never more than was paid for the order"


def test_a_second_claim_while_the_first_is_open_goes_to_the_merchant(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    offered_partial(services)  # still open
    second = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Outra vez.")
    analysed(services, second.id)
    assert services.refunds.propose(second.id).status == "review"
    rules = services.decisions.for_case("refund", second.id)[-1].rules_fired
    assert "earlier_claim_on_order" in [rule["code"] for rule in rules]


# -- 3. a return is settled when the item is back --------------------------------------------------------------------


def test_return_for_refund_waits_for_the_item_and_is_settled_when_the_merchant_receives_it(
    refund_services,
) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, max_auto_offer="500")  # 60 USD label < 40% of 169: the monitor comes back
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    offer = services.refunds.propose(case.id)
    assert offer.status == "offered" and offer.amount == Decimal("187.00")

    view = services.refunds.respond_to_offer(case.id, BR_EMAIL, "accept")
    assert view.status == "awaiting_return" and not view.can_respond
    assert "187,00 USD" in view.text and "assim que ele chegar" in view.text, view.text
    assert "5 dias úteis" not in view.text, "no refund date before the item is back"
    waiting = services.refunds.case_detail(case.id).case
    assert (waiting.final_outcome, waiting.final_amount, waiting.resolved_at) == (None, None, None)
    assert money_decisions(services, case.id) == [], "no money decision before the return arrives"
    assert services.refunds.savings_report() == []
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.merchant_decide(case.id, "merchant", "approve")

    resolved = services.refunds.mark_return_received(case.id, "lee")
    assert resolved.status == "resolved" and resolved.final_outcome == "return_for_refund"
    assert resolved.final_amount == Decimal("187.00")
    [decision] = money_decisions(services, case.id)
    assert (decision.outcome, decision.amount, decision.decided_by) == (
        "return_for_refund",
        Decimal("187.00"),
        "lee",
    )
    assert "5 dias úteis" in services.refunds.buyer_view(case.id, BR_EMAIL).text
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.mark_return_received(case.id, "lee")
    assert [s.step for s in services.refunds.case_detail(case.id).steps] == [
        "offer",
        "accept",
        "return_received",
    ]


def test_merchant_approving_a_return_also_waits_for_the_item(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()  # default auto-offer limit 150 < 187: the return goes to the merchant
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    assert services.refunds.propose(case.id).status == "review"
    with pytest.raises(InvalidInputError, match="not waiting for a returned item"):
        services.refunds.mark_return_received(case.id, "merchant")
    waiting = services.refunds.merchant_decide(case.id, "merchant", "edit", Decimal("150"))
    assert waiting.status == "awaiting_return" and waiting.final_amount is None
    view = services.refunds.buyer_view(case.id, BR_EMAIL)
    assert view.status == "awaiting_return" and view.amount == Decimal("150.00") and "150,00 USD" in view.text
    resolved = services.refunds.mark_return_received(case.id, "merchant")
    assert (resolved.status, resolved.final_amount) == ("resolved", Decimal("150.00"))


# -- 4. one decision per case ---------------------------------------------------------------------------------------


def test_merchant_cannot_decide_a_case_twice_even_from_a_stale_page(refund_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "defective", "Pixels mortos.")
    with pytest.raises(InvalidInputError, match="no proposal yet"):
        services.refunds.merchant_decide(case.id, "merchant", "reject", note="too early")
    services.refunds.propose(case.id)  # no vision model: review
    stale = services.refunds.case_detail(case.id).case
    first = services.refunds.merchant_decide(case.id, "ana", "edit", Decimal("40"), "goodwill")
    assert first.status == "resolved"
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.merchant_decide(case.id, "lee", "edit", Decimal("90"), "more")
    # A second merchant who read the case before the first decided: the conditional UPDATE refuses.
    monkeypatch.setattr(services.refunds.repository, "get_case", lambda _case_id: stale)
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.merchant_decide(case.id, "lee", "reject", note="photos show a drop")
    monkeypatch.undo()
    stored = services.refunds.case_detail(case.id).case
    assert (stored.status, stored.final_amount) == ("resolved", Decimal("40.00"))
    assert [d.decided_by for d in money_decisions(services, case.id)] == ["ana"]


def test_an_offer_is_accepted_once_even_when_two_requests_race(refund_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    case_id = offered_partial(services)
    stale = services.refunds.case_detail(case_id).case  # what a second, simultaneous request read
    assert services.refunds.respond_to_offer(case_id, BR_EMAIL, "accept").status == "resolved"
    monkeypatch.setattr(services.refunds.repository, "get_case", lambda _case_id: stale)
    for action, counter in (("accept", None), ("counter", "90"), ("decline", None)):
        with pytest.raises(InvalidInputError, match=ALREADY):
            services.refunds.respond_to_offer(case_id, BR_EMAIL, action, counter)
    monkeypatch.undo()
    assert len(money_decisions(services, case_id)) == 1
    assert [s.step for s in services.refunds.case_detail(case_id).steps] == ["offer", "accept"]
    assert services.refunds.case_detail(case_id).case.status == "resolved"


# -- 5. card numbers -----------------------------------------------------------------------------------------------


def test_card_numbers_in_a_claim_description_are_masked_before_storing(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case = services.refunds.open_claim(
        BR_ORDER, BR_EMAIL, "damaged", "Paguei com o cartão 4111 1111 1111 1111 e a tela veio trincada."
    )
    stored = services.refunds.case_detail(case.id).case.description
    assert find_pans(stored) == [] and "[card •••• 1111]" in stored
    assert case.language == "pt"


# -- 6. bounded claim submission -----------------------------------------------------------------------------------


def test_claim_submission_runs_at_most_two_at_a_time(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    with gr.Blocks() as form:
        build_refund_claim_form(services)
    [submit] = [fn for fn in form.fns.values() if fn.api_name == "refund_claim_submit"]
    assert submit.concurrency_limit == 2
