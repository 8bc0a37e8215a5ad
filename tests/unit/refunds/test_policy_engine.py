"""Policy engine table tests: every outcome, window edges, thresholds, rounding, currency, repeat claimers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.refunds import (
    ALL_ESCALATE_CONDITIONS,
    CLAIM_REASONS,
    DAMAGE_CAUSES,
    ClaimLine,
    Finding,
    PolicyInput,
    RefundPolicy,
)
from app.services.refunds.policy import counter_bound, decide

pytestmark = pytest.mark.unit

DELIVERED = datetime(2026, 11, 14, 16, 25, tzinfo=UTC)
SEEN = Finding(
    status="analysed", issue_visible="yes", damage_type="cracked corner", severity="moderate",
    product_matches="yes", packaging_damage="yes",
)  # fmt: skip


def claim(**overrides: Any) -> PolicyInput:
    """A 169 USD monitor + 18 USD shipping with a cracked corner; the return label (75 USD) is 44% of the item."""
    days = overrides.pop("days", 2)
    finding = overrides.pop("finding", {})
    values: dict[str, Any] = {
        "reason": "damaged", "claimed_at": DELIVERED + timedelta(days=days, hours=1), "currency": "USD",
        "item_value": Decimal("169.00"), "shipping_paid": Decimal("18.00"), "total_paid": Decimal("187.00"),
        "country_code": "BR", "order_status": "delivered", "delivered_at": DELIVERED,
        "return_cost": Decimal("75.00"), "prior_claims": 0, "finding": SEEN.model_copy(update=finding),
    }  # fmt: skip
    values.update(overrides)
    return PolicyInput(**values)


def codes(decision: Any) -> list[str]:
    return [hit.code for hit in decision.rules_fired]


P = RefundPolicy()
GENEROUS = RefundPolicy(max_auto_offer=Decimal("1000"))

# (id, policy, input, outcome, amount, rule codes that must fire)
CASES: list[tuple[str, RefundPolicy, PolicyInput, str, str, set[str]]] = [
    ("moderate damage, returnless -> 50%", P, claim(), "partial_refund_no_return", "84.50",
     {"returnless_threshold", "severity_partial_refund"}),
    ("minor damage -> 20%", P, claim(finding={"severity": "minor"}), "partial_refund_no_return", "33.80",
     {"severity_partial_refund"}),
    ("severe damage -> full incl. shipping, above limit escalates", P, claim(finding={"severity": "severe"}),
     "escalate", "187.00", {"severity_full_refund", "above_auto_offer_limit"}),
    ("severe damage under a generous limit -> full refund no return", GENEROUS, claim(finding={"severity": "severe"}),
     "full_refund_no_return", "187.00", {"severity_full_refund"}),
    ("severe, shipping not refunded by policy", GENEROUS.model_copy(update={"refund_shipping_on_fault": False}),
     claim(finding={"severity": "severe"}), "full_refund_no_return", "169.00", {"severity_full_refund"}),
    ("cheap return (KR 28 < 40% of 169) -> return for refund", GENEROUS, claim(return_cost=Decimal("28.00")),
     "return_for_refund", "187.00", {"return_below_threshold", "fault_return_paid_by_merchant"}),
    ("threshold edge: exactly 40% is not returnless", GENEROUS,
     claim(item_value=Decimal("100.00"), total_paid=Decimal("110.00"), shipping_paid=Decimal("10.00"),
           return_cost=Decimal("40.00")), "return_for_refund", "110.00", {"return_below_threshold"}),
    ("threshold edge: 40.01% is returnless", GENEROUS,
     claim(item_value=Decimal("100.00"), total_paid=Decimal("110.00"), shipping_paid=Decimal("10.00"),
           return_cost=Decimal("40.01")), "partial_refund_no_return", "50.00", {"returnless_threshold"}),
    ("unknown return cost -> return", GENEROUS, claim(return_cost=None), "return_for_refund", "187.00",
     {"return_cost_unknown"}),
    ("wrong item, returnless -> full refund keep", GENEROUS, claim(reason="wrong_item"), "full_refund_no_return",
     "187.00", {"wrong_item_keep"}),
    ("wrong item, cheap return -> return", GENEROUS, claim(reason="wrong_item", return_cost=Decimal("10")),
     "return_for_refund", "187.00", {"fault_return_paid_by_merchant"}),
    ("missing parts -> replacement", P, claim(reason="missing_parts"), "replacement", "0.00",
     {"missing_parts_replacement"}),
    ("defective minor -> partial", P, claim(reason="defective", finding={"severity": "minor"}),
     "partial_refund_no_return", "33.80", {"severity_partial_refund"}),
    ("not as described moderate -> partial", P, claim(reason="not_as_described"), "partial_refund_no_return",
     "84.50", {"severity_partial_refund"}),
    ("damage window edge: day 7 is in time", P, claim(days=7), "partial_refund_no_return", "84.50", set()),
    ("damage window edge: day 8 -> warranty escalation", P, claim(days=8), "escalate", "0.00",
     {"late_fault_report"}),
    ("issue not visible -> reject", P, claim(finding={"issue_visible": "no"}), "reject", "0.00",
     {"issue_not_visible"}),
    ("unclear evidence -> escalate", P, claim(finding={"issue_visible": "unclear"}), "escalate", "0.00",
     {"unclear_evidence"}),
    ("unclear evidence, condition switched off -> decided on severity",
     P.model_copy(update={"always_escalate": []}), claim(finding={"issue_visible": "unclear"}),
     "partial_refund_no_return", "84.50", {"severity_partial_refund"}),
    ("no vision model -> manual review", P, claim(finding={"status": "unanalysed"}), "escalate", "0.00",
     {"manual_review_finding"}),
    ("visible but severity none -> escalate", P, claim(finding={"severity": "none"}), "escalate", "0.00",
     {"severity_none"}),
    ("reused photo -> escalate with suggestion", P, claim(finding={"reused_photo": True}), "escalate", "84.50",
     {"reused_photo"}),
    ("product mismatch -> escalate", P, claim(finding={"product_matches": "no"}), "escalate", "84.50",
     {"product_mismatch"}),
    ("label of another order -> escalate", P, claim(finding={"order_no_match": "no"}), "escalate", "84.50",
     {"label_mismatch"}),
    ("repeat claimer at the limit -> escalate", P, claim(prior_claims=2), "escalate", "84.50", {"repeat_claimer"}),
    ("one earlier claim is fine", P, claim(prior_claims=1), "partial_refund_no_return", "84.50", set()),
    ("changed mind day 30, cheap label (KR 28 = 17%) -> return minus label", P,
     claim(reason="changed_mind", days=30, return_cost=Decimal("28.00")), "return_for_refund", "141.00",
     {"change_of_mind_return", "return_cost_deducted"}),
    ("changed mind, label 75 is 44% of 169 -> partial refund without return", P,
     claim(reason="changed_mind", days=30), "partial_refund_no_return", "84.50",
     {"returnless_threshold", "change_of_mind_returnless"}),
    ("changed mind day 31 -> reject", P, claim(reason="changed_mind", days=31), "reject", "0.00",
     {"outside_return_window"}),
    ("changed mind, 15 USD cable to Brazil, label 60 -> partial refund without return, never a return of 0", P,
     claim(reason="changed_mind", item_value=Decimal("15.00"), shipping_paid=Decimal("18.00"),
           total_paid=Decimal("33.00"), return_cost=Decimal("60.00")), "partial_refund_no_return", "7.50",
     {"returnless_threshold", "change_of_mind_returnless"}),
    ("not received but delivered -> escalate", P, claim(reason="not_received"), "escalate", "0.00",
     {"not_received_but_delivered"}),
    ("not received, in transit -> reject", P,
     claim(reason="not_received", delivered_at=None, order_status="shipped"), "reject", "0.00", {"still_in_transit"}),
    ("damage claimed before delivery -> reject", P, claim(delivered_at=None, order_status="shipped"), "reject",
     "0.00", {"not_delivered_yet"}),
    ("KRW, unknown return cost -> full refund with return, whole won", RefundPolicy(currency="KRW", max_auto_offer=Decimal("10000000")),
     claim(currency="KRW", item_value=Decimal("123457"), shipping_paid=Decimal("0"), total_paid=Decimal("123457"),
           return_cost=None, finding={"severity": "minor"}), "return_for_refund", "123457", {"return_cost_unknown"}),
    ("JPY partial rounds half up", RefundPolicy(currency="JPY", max_auto_offer=Decimal("100000")),
     claim(currency="JPY", item_value=Decimal("12348"), shipping_paid=Decimal("0"), total_paid=Decimal("12348"),
           return_cost=Decimal("9000"), finding={"severity": "minor"}), "partial_refund_no_return", "2470", set()),
    ("rounding half up: 20% of 10.03 = 2.006 -> 2.01", P,
     claim(item_value=Decimal("10.03"), total_paid=Decimal("10.03"), shipping_paid=Decimal("0"),
           finding={"severity": "minor"}), "partial_refund_no_return", "2.01", set()),
    ("rounding down policy: 2.006 -> 2.00", P.model_copy(update={"rounding": "down"}),
     claim(item_value=Decimal("10.03"), total_paid=Decimal("10.03"), shipping_paid=Decimal("0"),
           finding={"severity": "minor"}), "partial_refund_no_return", "2.00", set()),
    ("order in EUR, policy in USD -> escalate", P, claim(currency="EUR"), "escalate",
     "84.50", {"currency_mismatch"}),
    ("coupon: paid less than items -> capped at paid", GENEROUS,
     claim(finding={"severity": "severe"}, total_paid=Decimal("150.00")), "full_refund_no_return", "150.00",
     {"capped_at_paid"}),
    ("auto-offer limit edge: equal is allowed", P.model_copy(update={"max_auto_offer": Decimal("84.50")}), claim(),
     "partial_refund_no_return", "84.50", set()),
    ("auto-offer limit edge: one cent above escalates", P.model_copy(update={"max_auto_offer": Decimal("84.49")}),
     claim(), "escalate", "84.50", {"above_auto_offer_limit"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("policy", "inp", "outcome", "amount", "rules"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_policy_table(
    policy: RefundPolicy, inp: PolicyInput, outcome: str, amount: str, rules: set[str]
) -> None:
    decision = decide(policy, inp)
    assert decision.outcome == outcome, decision.reasons
    assert decision.amount == Decimal(amount)
    assert str(decision.amount) == amount, "rounded to the currency's minor unit"
    assert rules <= set(codes(decision)), codes(decision)
    assert decision.currency == inp.currency
    assert decision.rules_fired, "every decision says why"


def test_table_covers_every_outcome() -> None:
    outcomes = {c[3] for c in CASES}
    assert outcomes == {
        "full_refund_no_return", "partial_refund_no_return", "return_for_refund", "replacement", "reject", "escalate",
    }  # fmt: skip
    assert len(CASES) >= 30


def test_escalation_keeps_what_would_have_been_offered() -> None:
    decision = decide(P, claim(finding={"reused_photo": True, "reused_detail": "same photo as case abc"}))
    assert decision.suggested_outcome == "partial_refund_no_return"
    assert "same photo as case abc" in decision.reasons


@pytest.mark.parametrize(
    ("history", "code"),
    [({"open_claims_on_order": 1}, "earlier_claim_on_order"),
     ({"refunded_claims_on_order": 1, "already_refunded": Decimal("84.50")}, "earlier_claim_on_order")],
)  # fmt: skip
def test_a_second_claim_on_the_same_order_goes_to_the_merchant(history: dict[str, Any], code: str) -> None:
    first = decide(P, claim())
    assert first.outcome == "partial_refund_no_return"
    again = decide(P, claim(**history))
    assert again.outcome == "escalate" and again.suggested_outcome == "partial_refund_no_return"
    assert code in codes(again)


def test_amounts_are_capped_at_what_is_left_to_refund_on_the_order() -> None:
    decision = decide(GENEROUS, claim(finding={"severity": "severe"}, refunded_claims_on_order=1,
                                      already_refunded=Decimal("150.00")))  # fmt: skip
    assert decision.amount == Decimal("37.00")  # 187 paid - 150 already refunded
    assert {"capped_at_refundable", "earlier_claim_on_order"} <= set(codes(decision))
    everything = decide(GENEROUS, claim(refunded_claims_on_order=2, already_refunded=Decimal("200.00")))
    assert everything.amount == Decimal("0.00") and everything.outcome == "escalate"


def test_counter_bound_is_offer_plus_extra_within_limit_and_paid() -> None:
    assert counter_bound(P, Decimal("84.50"), Decimal("169.00"), Decimal("187.00"), "USD") == Decimal(
        "101.40"
    )
    tight = P.model_copy(update={"max_auto_offer": Decimal("90")})
    assert counter_bound(tight, Decimal("84.50"), Decimal("169.00"), Decimal("187.00"), "USD") == Decimal(
        "90.00"
    )
    assert counter_bound(GENEROUS, Decimal("180"), Decimal("169.00"), Decimal("187.00"), "USD") == Decimal(
        "187.00"
    )


def test_policy_rejects_percentages_outside_0_to_100() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        RefundPolicy(refund_pct_by_severity={"none": 0, "minor": 20, "moderate": 150, "severe": 100})  # type: ignore[dict-item]


money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
pct = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def random_case(draw: st.DrawFn) -> tuple[RefundPolicy, PolicyInput]:
    currency = draw(st.sampled_from(["USD", "EUR", "KRW", "JPY", "BRL"]))
    low, mid = sorted((draw(pct), draw(pct)))
    policy = RefundPolicy(
        currency=draw(st.sampled_from(["USD", "KRW"])),
        return_window_days=draw(st.integers(0, 90)),
        damage_report_days=draw(st.integers(0, 30)),
        returnless_threshold_pct=draw(st.decimals(min_value=0, max_value=500, places=1)),
        refund_pct_by_severity={"none": Decimal(0), "minor": low, "moderate": mid, "severe": draw(pct)},
        refund_shipping_on_fault=draw(st.booleans()),
        max_auto_offer=draw(money),
        always_escalate=draw(st.lists(st.sampled_from(ALL_ESCALATE_CONDITIONS), unique=True)),
        repeat_claim_limit=draw(st.integers(1, 5)),
        rounding=draw(st.sampled_from(["half_up", "down"])),
    )
    finding = Finding(
        status=draw(st.sampled_from(["analysed", "needs_manual_review", "unanalysed"])),
        issue_visible=draw(st.sampled_from(["yes", "no", "unclear"])),
        severity=draw(st.sampled_from(["none", "minor", "moderate", "severe"])),
        product_matches=draw(st.sampled_from(["yes", "no", "unclear"])),
        order_no_match=draw(st.sampled_from(["yes", "no", "not_visible"])),
        packaging_damage=draw(st.sampled_from(["yes", "no", "unclear"])),
        damage_cause=draw(st.sampled_from(DAMAGE_CAUSES)),
        reused_photo=draw(st.booleans()),
    )
    titles = st.sampled_from(
        ["Matte Screen Protector (2-Pack)", "Cleaning Kit", "15.6in Monitor", "USB-C Cable"]
    )
    delivered = draw(
        st.none() | st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 1))
    )
    inp = PolicyInput(
        reason=draw(st.sampled_from(CLAIM_REASONS)),
        claimed_at=(delivered or datetime(2026, 6, 1)) + timedelta(hours=draw(st.integers(0, 24 * 120))),
        currency=currency,
        item_value=draw(money),
        shipping_paid=draw(money),
        total_paid=draw(money),  # independent: coupons and partial captures make paid < items + shipping
        country_code="BR",
        order_status="delivered"
        if delivered
        else draw(st.sampled_from(["processing", "shipped", "delivered"])),
        delivered_at=delivered,
        return_cost=draw(st.none() | money),
        prior_claims=draw(st.integers(0, 6)),
        open_claims_on_order=draw(st.integers(0, 2)),
        refunded_claims_on_order=draw(st.integers(0, 2)),
        already_refunded=draw(money),  # may exceed what was paid (refunds of a since-corrected order)
        finding=finding,
        lines=[ClaimLine(title=t) for t in draw(st.lists(titles, max_size=3))],
        opened=draw(st.none() | st.booleans()),
        outbound_cost=draw(st.none() | money),
    )
    return policy, inp


@settings(max_examples=400, deadline=None)
@given(random_case())
def test_no_amount_ever_exceeds_what_was_paid_or_goes_negative(
    case: tuple[RefundPolicy, PolicyInput],
) -> None:
    policy, inp = case
    decision = decide(policy, inp)
    assert Decimal(0) <= decision.amount <= inp.total_paid
    assert decision.amount <= max(Decimal(0), inp.total_paid - inp.already_refunded), "never refunded twice"
    if inp.open_claims_on_order or inp.refunded_claims_on_order:
        assert decision.outcome in ("escalate", "reject"), "a second claim on an order is never auto-offered"
    assert Decimal(0) <= decision.percent <= Decimal(100)
    assert decision.rules_fired
    bound = counter_bound(policy, decision.amount, inp.item_value, inp.total_paid, inp.currency)
    assert Decimal(0) <= bound <= inp.total_paid


@settings(max_examples=400, deadline=None)
@given(random_case())
def test_a_proposal_that_pays_never_pays_nothing(case: tuple[RefundPolicy, PolicyInput]) -> None:
    """Above all: never a return at the buyer's cost that refunds 0.00."""
    policy, inp = case
    decision = decide(policy, inp)
    for outcome in (decision.outcome, decision.suggested_outcome):
        if outcome in ("return_for_refund", "partial_refund_no_return", "full_refund_no_return"):
            assert decision.amount > 0, (outcome, decision.reasons)


@settings(max_examples=200, deadline=None)
@given(random_case())
def test_only_a_listed_damage_cause_or_an_answered_opened_question_denies(
    case: tuple[RefundPolicy, PolicyInput],
) -> None:
    policy, inp = case
    fired = set(codes(decide(policy, inp)))
    if inp.finding.damage_cause not in policy.ineligible_damage_causes:
        assert not fired & {"damaged_after_delivery", "damage_cause_uncertain"}
    if inp.opened is not True:
        assert "opened_non_returnable" not in fired


@settings(max_examples=300, deadline=None)
@given(random_case())
def test_every_written_policy_rule_cites_its_clause(case: tuple[RefundPolicy, PolicyInput]) -> None:
    policy, inp = case
    decision = decide(policy, inp)
    written = {
        "outside_return_window", "change_of_mind_return", "return_cost_deducted", "change_of_mind_returnless",
        "returnless_threshold", "opened_non_returnable", "opened_state_unknown", "refused_import_charges",
        "refused_nothing_left", "damaged_after_delivery", "damage_cause_uncertain", "late_fault_report",
        "fault_return_paid_by_merchant", "severity_partial_refund", "severity_full_refund", "capped_at_paid",
    }  # fmt: skip
    clauses = set(policy.clauses.model_dump().values())
    for hit in decision.rules_fired:
        if hit.code in written:
            assert hit.clause in clauses, hit


# --- Tests written from the policy text (knowledge/corpus/policies/returns.md, version 2026-09-01) -------------

CABLE = {"item_value": Decimal("15.00"), "shipping_paid": Decimal("18.00"), "total_paid": Decimal("33.00")}


def test_partial_refund_without_return_for_the_policy_example_cable_from_brazil() -> None:
    """ "returning a 15 USD cable from Brazil would cost 60 USD, so we may refund part or all of the item price
    and let you keep it" -- never "return it at 60 USD and get 0.00"."""
    decision = decide(P, claim(reason="changed_mind", return_cost=Decimal("60.00"), **CABLE))
    assert decision.outcome == "partial_refund_no_return"
    assert decision.amount == Decimal("7.50")  # the policy's change_of_mind_returnless_pct (50) of 15.00
    assert {hit.clause for hit in decision.rules_fired} == {"Partial refund without return"}
    all_of_it = decide(P.model_copy(update={"change_of_mind_returnless_pct": Decimal("100")}),
                       claim(reason="changed_mind", return_cost=Decimal("60.00"), **CABLE))  # fmt: skip
    assert (all_of_it.outcome, all_of_it.amount) == ("partial_refund_no_return", Decimal("15.00"))


def test_a_label_that_eats_the_whole_refund_is_never_a_return_even_above_a_high_threshold() -> None:
    lax = P.model_copy(
        update={"returnless_threshold_pct": Decimal("500")}
    )  # 60 is 400% of 15: not "returnless"
    decision = decide(lax, claim(reason="changed_mind", return_cost=Decimal("60.00"), **CABLE))
    assert decision.outcome == "partial_refund_no_return" and decision.amount == Decimal("7.50")
    unset = lax.model_copy(update={"change_of_mind_returnless_pct": Decimal("0")})
    decision = decide(unset, claim(reason="changed_mind", return_cost=Decimal("60.00"), **CABLE))
    assert decision.outcome == "escalate" and decision.suggested_outcome is None
    assert "returnless_share_unset" in codes(decision)


PROTECTOR = [ClaimLine(title='PixelPort Anti-Glare Matte Screen Protector for 15.6" Monitors (2-Pack)',
                       category="accessory")]  # fmt: skip
SMALL = {"item_value": Decimal("12.00"), "shipping_paid": Decimal("9.00"), "total_paid": Decimal("21.00"),
         "return_cost": Decimal("2.00")}  # fmt: skip


@pytest.mark.parametrize(
    "lines",
    [
        PROTECTOR,
        [ClaimLine(title="Deluxe kit", category="Cleaning kits")],
        [ClaimLine(title="SCREEN PROTECTORS x3")],
    ],
)
def test_opened_screen_protectors_and_cleaning_kits_are_not_returned_for_change_of_mind(
    lines: list[ClaimLine],
) -> None:
    """ "Screen protectors and cleaning kits that have been opened cannot be returned for change of mind."""
    decision = decide(P, claim(reason="changed_mind", lines=lines, opened=True, **SMALL))
    assert decision.outcome == "reject" and decision.amount == Decimal("0.00")
    assert decision.rules_fired[0].code == "opened_non_returnable"
    assert decision.rules_fired[0].clause == "Non-returnable items"


def test_unopened_or_other_products_follow_the_change_of_mind_rule() -> None:
    sealed = decide(P, claim(reason="changed_mind", lines=PROTECTOR, opened=False, **SMALL))
    assert (sealed.outcome, sealed.amount) == (
        "return_for_refund",
        Decimal("10.00"),
    )  # 12.00 minus the 2.00 label
    monitor = decide(P, claim(reason="changed_mind", lines=[ClaimLine(title="15.6in Monitor", category="monitor")],
                              opened=True, return_cost=Decimal("28.00")))  # fmt: skip
    assert monitor.outcome == "return_for_refund" and "opened_non_returnable" not in codes(monitor)


def test_opened_state_unknown_or_a_mixed_order_goes_to_the_merchant() -> None:
    unknown = decide(P, claim(reason="changed_mind", lines=PROTECTOR, opened=None, **SMALL))
    assert unknown.outcome == "escalate" and "opened_state_unknown" in codes(unknown)
    mixed = decide(P, claim(reason="changed_mind", lines=[*PROTECTOR, ClaimLine(title="USB-C cable")],
                            opened=True, **SMALL))  # fmt: skip
    assert mixed.outcome == "escalate" and "opened_non_returnable_in_order" in codes(mixed)


def test_an_opened_screen_protector_that_arrived_damaged_is_still_a_fault_claim() -> None:
    decision = decide(P, claim(lines=PROTECTOR, opened=True, **SMALL))
    assert decision.outcome != "reject" and "opened_non_returnable" not in codes(decision)


def test_the_merchant_edits_the_non_returnable_list_as_data() -> None:
    policy = P.model_copy(update={"non_returnable_when_opened": ["ink cartridge"]})
    protector = decide(policy, claim(reason="changed_mind", lines=PROTECTOR, opened=True, **SMALL))
    assert protector.outcome == "return_for_refund"
    ink = decide(policy, claim(reason="changed_mind", lines=[ClaimLine(title="Black Ink Cartridges")], opened=True,
                               **SMALL))  # fmt: skip
    assert ink.outcome == "reject"


REFUSED = {"reason": "refused_import_charges", "delivered_at": None, "order_status": "shipped",
           "outbound_cost": Decimal("18.00"), "finding": {"status": "unanalysed"}}  # fmt: skip


def test_parcels_refused_because_of_import_charges_are_refunded_minus_outbound_and_return_shipping() -> None:
    """ "Parcels refused because of import charges are refunded minus outbound shipping and the return shipping
    cost for your country." 187 paid - 18 outbound - 75 return (BR) = 94, paid when the parcel is back."""
    decision = decide(P, claim(**REFUSED))
    assert (decision.outcome, decision.amount) == ("return_for_refund", Decimal("94.00"))
    assert decision.rules_fired[0].code == "refused_import_charges"
    assert decision.rules_fired[0].clause == "Duties and refused parcels"
    assert "18.00" in decision.reasons[0] and "75.00" in decision.reasons[0]


def test_refused_parcel_edge_cases() -> None:
    unknown = decide(P, claim(**{**REFUSED, "return_cost": None}))
    assert unknown.outcome == "escalate" and "refused_cost_unknown" in codes(unknown)
    cheap = decide(P, claim(**{**REFUSED, **CABLE, "return_cost": Decimal("60.00")}))
    assert (cheap.outcome, cheap.amount) == ("reject", Decimal("0.00")), (
        "costs above what was paid: nothing left"
    )
    delivered = decide(P, claim(**{**REFUSED, "delivered_at": DELIVERED, "order_status": "delivered"}))
    assert delivered.outcome == "escalate" and "refused_but_delivered" in codes(delivered)


@pytest.mark.parametrize("cause", ["drop", "liquid", "misuse"])
def test_damage_after_delivery_by_drops_liquid_or_misuse_is_not_eligible(cause: str) -> None:
    """ "Items damaged after delivery by drops, liquid or misuse are not eligible for a return or refund."""
    decision = decide(P, claim(finding={"damage_cause": cause, "packaging_damage": "no"}))
    assert (decision.outcome, decision.amount) == ("reject", Decimal("0.00"))
    assert decision.rules_fired[0].code == "damaged_after_delivery"
    assert decision.rules_fired[0].clause == "Non-returnable items"


def test_damage_cause_in_doubt_is_escalated_and_unknown_never_denies() -> None:
    box_damaged = decide(P, claim(finding={"damage_cause": "drop", "packaging_damage": "yes"}))
    assert box_damaged.outcome == "escalate" and "damage_cause_uncertain" in codes(box_damaged)
    for cause in ("unknown", "transit", "manufacturing"):
        decision = decide(P, claim(finding={"damage_cause": cause, "packaging_damage": "no"}))
        assert (decision.outcome, decision.amount) == ("partial_refund_no_return", Decimal("84.50")), cause


def test_policy_numbers_live_in_the_policy_object() -> None:
    """The written policy's numbers, in the one object the engine and the chat read."""
    assert (P.return_window_days, P.damage_report_days, P.returnless_threshold_pct) == (30, 7, Decimal("40"))
    assert P.non_returnable_when_opened == ["screen protector", "cleaning kit"]
    assert P.ineligible_damage_causes == ["drop", "liquid", "misuse"]
