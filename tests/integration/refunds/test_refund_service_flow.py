"""RefundService over real SQLite and the real demo orders: identity, proposals, negotiation, merchant review."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from app.errors import InvalidInputError, NotFoundError
from app.services.refunds.evidence import PROMPT_VERSION
from app.services.refunds.review import CaseFilters
from app.services.refunds.service import UNKNOWN_ORDER
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import photo

pytestmark = pytest.mark.integration

# Returnless for the São Paulo monitor: the 60 USD label is 35.5% of 169 USD, so the merchant uses 30%.
RETURNLESS_30 = {"returnless_threshold_pct": "30"}


def save_policy(services, **changes) -> None:  # type: ignore[no-untyped-def]
    policy = services.refunds.policy().model_dump(mode="json")
    services.refunds.save_policy({**policy, **changes}, "merchant")


def analysed(services, case_id: str, **facts) -> None:  # type: ignore[no-untyped-def]
    """Store a finding as the vision model would (the model path has its own tests)."""
    from app.domain.refunds import Finding

    base = {"status": "analysed", "issue_visible": "yes", "severity": "moderate", "product_matches": "yes",
            "packaging_damage": "yes", "model": "test-vl", "prompt_version": PROMPT_VERSION}  # fmt: skip
    services.refunds.repository.add_finding(case_id, Finding(**{**base, **facts}), attempts=1, raw=[])


def test_someone_elses_order_gets_the_same_answer_as_an_unknown_one(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    with pytest.raises(NotFoundError) as other:
        services.refunds.open_claim(BR_ORDER, "k.nowak@example.com", "damaged", "quebrado")
    with pytest.raises(NotFoundError) as unknown:
        services.refunds.open_claim("PP-999999", BR_EMAIL, "damaged", "quebrado")
    assert other.value.user_message == unknown.value.user_message == UNKNOWN_ORDER
    assert services.refunds.list_cases() == []


def test_without_vision_model_the_claim_waits_for_a_person_in_the_buyers_language(
    refund_services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    steps: list[tuple[float, str]] = []
    receipt = services.refunds.file_claim(
        BR_ORDER, BR_EMAIL, "damaged", "O monitor chegou com o canto da tela rachado.",
        [(photo(tmp_path / "canto.jpg", seed=1), "canto.jpg")], progress=lambda f, step: steps.append((f, step)),
    )  # fmt: skip
    # The form's progress bar names each step (gr.Progress), in order, ending at 100%.
    assert [step for _f, step in steps] == ["Checking your order", "Checking your photos and videos",
                                            "Looking at your photos", "Applying the return policy", "Done"]
    assert [f for f, _step in steps] == sorted(f for f, _step in steps) and steps[-1][0] == 1.0
    assert receipt.finding.status == "unanalysed"
    assert "vision model not configured" in (receipt.finding.note or "")
    assert receipt.view.status == "review" and not receipt.view.can_respond
    assert receipt.view.language == "pt" and "Nossa equipe" in receipt.view.text
    decision = services.decisions.for_case("refund", receipt.case.id)[-1]
    assert decision.outcome == "escalate" and decision.decided_by == "policy-engine"
    assert "manual_review_finding" in [rule["code"] for rule in decision.rules_fired]
    assert decision.inputs["claim"]["order_status"] == "delivered"
    actions = [event.action for event in services.audit.for_case("refund", receipt.case.id)]
    assert actions == ["claim_opened", "evidence_added", "evidence_analysed", "sent_to_review"]


def test_partial_offer_counter_within_bound_is_accepted_automatically(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada no canto.")
    analysed(services, case.id)
    view = services.refunds.propose(case.id)
    assert view.status == "offered" and view.can_counter
    assert "84,50 USD" in view.text and "50%" in view.text, view.text  # 50% of 169 USD, written by code
    # Bound: 84.50 + 10% of 169 = 101.40.
    with pytest.raises(InvalidInputError, match="offered"):
        services.refunds.propose(case.id)
    settled = services.refunds.respond_to_offer(case.id, BR_EMAIL.upper(), "counter", "100,00")
    assert settled.status == "resolved" and "100,00 USD" in settled.text
    stored = services.refunds.case_detail(case.id)
    assert stored.case.final_amount == Decimal("100.00")
    assert [s.step for s in stored.steps] == ["offer", "counter", "counter_accepted"]
    assert stored.decisions[-1].rules_fired[0]["code"] == "counter_within_bound"
    with pytest.raises(InvalidInputError):
        services.refunds.respond_to_offer(case.id, BR_EMAIL, "counter", "120")


def test_counter_beyond_bound_escalates_and_merchant_approves_it(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id, severity="minor")
    services.refunds.propose(case.id)
    with pytest.raises(InvalidInputError, match="at most what you paid"):
        services.refunds.respond_to_offer(case.id, BR_EMAIL, "counter", "500")
    view = services.refunds.respond_to_offer(case.id, BR_EMAIL, "counter", "150")
    assert view.status == "review" and "150,00 USD" in view.text
    with pytest.raises(NotFoundError):
        services.refunds.respond_to_offer(case.id, "someone@else.com", "accept")
    resolved = services.refunds.merchant_decide(case.id, "merchant", "approve")
    assert resolved.status == "resolved" and resolved.final_amount == Decimal("150.00")
    trail = services.audit.for_case("refund", case.id)
    assert (trail[-1].actor, trail[-1].action) == ("merchant", "merchant_approve")


def test_merchant_edit_and_reject_are_validated_and_recorded(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "defective", "Pixels mortos.")
    services.refunds.propose(case.id)  # no vision model: escalated, nothing to approve
    with pytest.raises(InvalidInputError, match="no proposal to approve"):
        services.refunds.merchant_decide(case.id, "merchant", "approve")
    with pytest.raises(InvalidInputError, match="at most"):
        services.refunds.merchant_decide(case.id, "merchant", "edit", Decimal("187.01"))
    with pytest.raises(InvalidInputError, match="note"):
        services.refunds.merchant_decide(case.id, "merchant", "reject", note="  ")
    edited = services.refunds.merchant_decide(case.id, "lee", "edit", Decimal("40.005"), "goodwill")
    assert edited.final_amount == Decimal("40.01") and edited.status == "resolved"
    with pytest.raises(InvalidInputError, match="already decided"):  # a decided case is never decided again
        services.refunds.merchant_decide(case.id, "lee", "reject", note="photos show a drop")
    other = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "defective", "Pixels mortos de novo.")
    services.refunds.propose(other.id)
    rejected = services.refunds.merchant_decide(other.id, "lee", "reject", note="photos show a drop")
    assert rejected.status == "rejected" and rejected.final_amount == Decimal("0")
    last = services.decisions.for_case("refund", other.id)[-1]
    assert (last.decided_by, last.note, last.outcome) == ("lee", "photos show a drop", "reject")
    assert "não podemos aceitar" in services.refunds.buyer_view(other.id, BR_EMAIL).text
    assert services.refunds.case_detail(case.id).case.final_amount == Decimal("40.01")


def test_reused_photo_from_an_earlier_claim_is_flagged_even_resized(refund_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    first = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "rachado")
    services.refunds.add_evidence(first.id, [(photo(tmp_path / "a.jpg", seed=7), "a.jpg")])
    second = services.refunds.open_claim("PP-260921", "jihoon.park@example.org", "damaged", "파손되었습니다")
    resized = photo(tmp_path / "b.png", seed=7, size=(640, 480), fmt="PNG")
    services.refunds.add_evidence(
        second.id, [(resized, "b.png"), (photo(tmp_path / "c.jpg", seed=8), "c.jpg")]
    )
    finding = services.refunds.analyse(second.id)
    assert finding.reused_photo and first.id in (finding.reused_detail or "")
    assert not services.refunds.analyse(first.id).reused_photo, "the original is not a reuse of its copy"
    decision_view = services.refunds.propose(second.id)
    assert decision_view.language == "ko" and decision_view.status == "review"


def test_repeat_claimer_and_filters_csv_and_savings(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    ids = []
    for i in range(3):
        case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", f'=HYPERLINK("x") {i}')
        analysed(services, case.id)
        ids.append(case.id)
    assert services.refunds.propose(ids[0]).status == "offered"
    third = services.refunds.propose(ids[2])  # two earlier claims in the window
    assert third.status == "review"
    services.refunds.respond_to_offer(ids[0], BR_EMAIL, "accept")

    assert [c.id for c in services.refunds.list_cases(CaseFilters(status="resolved"))] == [ids[0]]
    assert len(services.refunds.list_cases(CaseFilters(country="br", reason="damaged"))) == 3
    assert services.refunds.list_cases(CaseFilters(min_amount=Decimal("85"))) == []
    rows = list(csv.DictReader(io.StringIO(services.refunds.export_csv())))
    assert {row["case_id"] for row in rows} == set(ids)
    assert rows[0]["proposed_amount"] in ("84.50", "")
    report = services.refunds.savings_report()
    assert len(report) == 1
    month = report[0]
    # 169 item + 18 outbound + 60 return label = 247 USD avoided for an 84.50 USD refund.
    assert (month.month, month.cases, month.refunded, month.full_refund_with_return_cost, month.savings) == (
        "2026-11", 1, Decimal("84.50"), Decimal("247.00"), Decimal("162.50"),
    )  # fmt: skip
    history = services.refunds.refunds_for_order(BR_ORDER)
    assert sorted(r.status for r in history) == ["approved", "requested", "requested"]


def test_policy_is_validated_before_it_is_saved(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    with pytest.raises(InvalidInputError, match="return_window_days"):
        services.refunds.save_policy({"return_window_days": -1}, "merchant")
    assert services.refunds.policy().return_window_days == 30
    services.refunds.save_policy({"return_window_days": 45}, "merchant")
    assert services.refunds.policy().return_window_days == 45
