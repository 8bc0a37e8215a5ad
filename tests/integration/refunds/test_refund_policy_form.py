"""The refund policy as a form with a preview: the engine's recent claims replayed under the changed numbers
(real SQLite, the stored decision inputs), invalid numbers refused with the field named, and the console's form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from gradio_client import Client

from app.errors import CopilotError, InvalidInputError
from app.services.refunds.policy_preview import preview_markdown
from app.ui.refund_tab import POLICY_FORM_FIELDS, policy_with_form
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.test_refund_service_flow import RETURNLESS_30, analysed, save_policy
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration


def _offered(services) -> None:  # type: ignore[no-untyped-def]
    """The São Paulo claim: moderate damage, returnless at 50% of the 169 USD monitor = 84.50 USD offered."""
    save_policy(services, **RETURNLESS_30)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    assert services.refunds.propose(case.id).amount == Decimal("84.50")


def test_the_preview_replays_recent_claims_under_the_changed_policy(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    _offered(services)
    policy = services.refunds.policy().model_dump(mode="json")
    lower = {**policy, "refund_pct_by_severity": {**policy["refund_pct_by_severity"], "moderate": "30"}}
    preview = services.refunds.preview_policy(lower)
    assert (preview.claims, preview.changed) == (1, 1)
    assert (preview.cost_now["USD"], preview.cost_new["USD"]) == (Decimal("84.50"), Decimal("50.70"))
    text = preview_markdown(preview)
    assert "84.50 USD → **50.70 USD**" in text and "1 decided differently" in text
    # Offers above 50 USD now need the merchant: the claim would have gone to review instead.
    assert services.refunds.preview_policy({**policy, "max_auto_offer": "50"}).to_review_new == 1
    unchanged = services.refunds.preview_policy(policy)
    assert unchanged.changed == 0 and unchanged.cost_new == unchanged.cost_now
    assert services.refunds.policy().model_dump(mode="json") == policy, "a preview saves nothing"
    with pytest.raises(InvalidInputError, match="not previewed: return_window_days"):
        services.refunds.preview_policy({**policy, "return_window_days": -1})


def test_no_engine_claims_yet_says_so(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    preview = services.refunds.preview_policy(services.refunds.policy())
    assert "No claims were decided by the policy engine in the last 30 days" in preview_markdown(preview)


def test_form_values_set_the_policy_fields_and_a_cleared_one_is_named(refund_services) -> None:  # type: ignore[no-untyped-def]
    policy = refund_services().refunds.policy().model_dump(mode="json")
    values: list[float | None] = [45, 7, 5, 40, 20, 35.5, 100, 50, 150, 10, 2]
    changed = policy_with_form(policy, values)
    assert changed["return_window_days"] == 45 and changed["refund_pct_by_severity"]["moderate"] == "35.5"
    assert changed["clauses"] == policy["clauses"], "fields not on the form are kept"
    with pytest.raises(CopilotError, match=r"Return window \(days after delivery\): enter a number"):
        policy_with_form(policy, [None, *values[1:]])


def test_the_console_form_previews_and_saves(refund_services, run_app) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    _offered(services)
    client = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    policy = services.refunds.policy().model_dump(mode="json")
    values = [float(policy[n]) if "." not in n else float(policy["refund_pct_by_severity"][n.split(".")[1]])
              for n, _label in POLICY_FORM_FIELDS]  # fmt: skip
    moderate = [n for n, _ in POLICY_FORM_FIELDS].index("refund_pct_by_severity.moderate")
    values[moderate] = 30
    preview = client.predict(*values, api_name="/refund_policy_preview")
    assert "84.50 USD → **50.70 USD**" in preview
    values[0] = -5
    with pytest.raises(Exception, match="less than minimum value 0"):
        client.predict(*values, api_name="/refund_policy_form_save")
    values[0], values[moderate] = 45, 130
    with pytest.raises(Exception, match="refund % for severity 'moderate' must be between 0 and 100"):
        client.predict(*values, api_name="/refund_policy_form_save")
    values[moderate] = 30
    _code, status = client.predict(*values, api_name="/refund_policy_form_save")
    assert "Policy saved" in status
    saved = services.refunds.policy()
    assert saved.return_window_days == 45 and saved.refund_pct_by_severity["moderate"] == Decimal("30")
    trail = [e.action for e in services.audit.for_case("refund", "policy")]
    assert trail[-1] == "policy_saved"
    client.close()
