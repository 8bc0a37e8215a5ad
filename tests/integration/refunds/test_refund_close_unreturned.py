"""Closing an agreed return for refund whose item never came back, over real SQLite: once, with a note, no money,
announced to the buyer in their language."""

from __future__ import annotations

from decimal import Decimal

import gradio as gr
import pytest

from app.errors import InvalidInputError
from app.services.refunds.review import CaseFilters
from app.ui.refund_tab import build_refund_tab
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.test_refund_case_integrity import ALREADY, money_decisions, offered_partial
from tests.integration.refunds.test_refund_service_flow import RETURNLESS_30, analysed, save_policy

pytestmark = pytest.mark.integration

NOT_RETURNED_PT = "Não recebemos o produto devolvido"


def awaiting_return(services) -> str:  # type: ignore[no-untyped-def]
    """The São Paulo order: the buyer accepted a 187.00 USD return for refund; the item is on its way (or not)."""
    save_policy(services, max_auto_offer="500")
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    assert services.refunds.propose(case.id).status == "offered"
    assert services.refunds.respond_to_offer(case.id, BR_EMAIL, "accept").status == "awaiting_return"
    return case.id


def test_an_unreturned_item_closes_the_case_without_money_and_tells_the_buyer_in_portuguese(
    refund_services,
) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case_id = awaiting_return(services)

    closed = services.refunds.close_unreturned(
        case_id, "lee", "  No tracking 30 days after the label was sent.  "
    )
    assert closed.status == "closed_no_return"
    assert closed.final_amount == Decimal("0") and closed.resolved_at is not None

    [decision] = money_decisions(services, case_id)
    assert (decision.amount, decision.decided_by) == (Decimal("0"), "lee")
    assert decision.note == "No tracking 30 days after the label was sent."
    assert decision.inputs == {"previous_status": "awaiting_return", "agreed_amount": "187.00"}
    assert [rule["code"] for rule in decision.rules_fired] == ["return_not_received"]
    assert all((d.amount or 0) == 0 for d in money_decisions(services, case_id)), "no money was decided"

    detail = services.refunds.case_detail(case_id)
    assert [s.step for s in detail.steps] == ["offer", "accept", "closed_no_return"]
    assert detail.audit[-1].action == "closed_no_return" and detail.audit[-1].actor == "lee"
    assert detail.audit[-1].detail["note"] == "No tracking 30 days after the label was sent."

    view = services.refunds.buyer_view(case_id, BR_EMAIL)
    assert view.status == "closed_no_return" and view.language == "pt" and not view.can_respond
    assert NOT_RETURNED_PT in view.text and "sem reembolso" in view.text, view.text
    assert "5 dias úteis" not in view.text

    # Nothing is paid out anywhere: not in the savings report, not to the chargeback refund history.
    assert services.refunds.savings_report() == []
    assert [r.status for r in services.refunds.refunds_for_order(BR_ORDER)] == ["closed, item not returned"]
    assert [c.id for c in services.refunds.list_cases(CaseFilters(status="closed_no_return"))] == [case_id]


def test_a_closed_case_cannot_be_closed_again_nor_received_nor_decided(refund_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case_id = awaiting_return(services)
    stale = services.refunds.case_detail(case_id).case  # read before the first close
    services.refunds.close_unreturned(case_id, "ana", "Never shipped back.")

    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.close_unreturned(case_id, "lee", "Closing again.")
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.mark_return_received(case_id, "lee")
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.merchant_decide(case_id, "lee", "approve")
    # A second merchant who read the case while it was still awaiting the return: the conditional UPDATE refuses.
    monkeypatch.setattr(services.refunds.repository, "get_case", lambda _case_id: stale)
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.close_unreturned(case_id, "lee", "Stale page.")
    monkeypatch.undo()

    assert [d.decided_by for d in money_decisions(services, case_id)] == ["ana"]
    assert [s.step for s in services.refunds.case_detail(case_id).steps] == [
        "offer",
        "accept",
        "closed_no_return",
    ]


def test_a_received_return_cannot_be_closed_as_unreturned(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case_id = awaiting_return(services)
    services.refunds.mark_return_received(case_id, "lee")
    with pytest.raises(InvalidInputError, match=ALREADY):
        services.refunds.close_unreturned(case_id, "lee", "Too late.")
    stored = services.refunds.case_detail(case_id).case
    assert (stored.status, stored.final_amount) == ("resolved", Decimal("187.00"))


@pytest.mark.parametrize("status", ["review", "offered", "resolved"])
def test_only_a_case_awaiting_its_return_can_be_closed_as_unreturned(refund_services, status: str) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    if status == "review":
        case_id = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "defective", "Pixels mortos.").id
        services.refunds.propose(case_id)  # no vision model: review
    else:
        save_policy(services, **RETURNLESS_30)
        case_id = offered_partial(services)
        if status == "resolved":
            services.refunds.respond_to_offer(case_id, BR_EMAIL, "accept")
    assert services.refunds.case_detail(case_id).case.status == status
    expected = ALREADY if status == "resolved" else "not waiting for a returned item"
    with pytest.raises(InvalidInputError, match=expected):
        services.refunds.close_unreturned(case_id, "lee", "Nothing came back.")
    assert services.refunds.case_detail(case_id).case.status == status
    assert "closed_no_return" not in [s.step for s in services.refunds.case_detail(case_id).steps]


@pytest.mark.parametrize("note", ["", "   ", None])
def test_closing_without_a_note_is_refused(refund_services, note: str | None) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case_id = awaiting_return(services)
    with pytest.raises(InvalidInputError, match="Add a note"):
        services.refunds.close_unreturned(case_id, "lee", note)  # type: ignore[arg-type]
    stored = services.refunds.case_detail(case_id).case
    assert stored.status == "awaiting_return" and stored.final_amount is None
    assert money_decisions(services, case_id) == []


def test_console_has_the_close_button_with_the_note_and_the_status_filter(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    with gr.Blocks() as console:
        build_refund_tab(services)
    [close] = [fn for fn in console.fns.values() if fn.api_name == "refund_close_unreturned"]
    assert [getattr(block, "label", None) for block in close.inputs] == [
        "Case",
        "Note (required to reject or to close without the return)",
    ]
    [status] = [b for b in console.blocks.values() if isinstance(b, gr.Dropdown) and b.label == "Status"]
    assert "closed_no_return" in [choice[1] for choice in status.choices]
