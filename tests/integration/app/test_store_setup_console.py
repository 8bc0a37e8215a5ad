"""The console's Store setup on the real app over loopback (gradio_client): what the merchant saves is what the chat
quotes and the refund engine decides with from the next message, audited; a bad value saves nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from gradio_client import Client

from app.wiring import Services
from tests.support.fixtures_app import MERCHANT_USER, ask_new_buyer

pytestmark = pytest.mark.integration





def test_store_setup_applies_to_chat_and_refunds_without_a_restart(empty_shop_console: tuple[Services, Client]) -> None:
    services, console = empty_shop_console
    assert "30 days" in ask_new_buyer(services, "How many days do I have to return an item?")

    message = console.predict("Nordvik Outdoor", "support@nordvik.example", "nok", "de", 60, 14, 35,
                              api_name="/save_store_setup")
    assert message.startswith("Saved")
    answer = ask_new_buyer(services, "How many days do I have to return an item?")
    assert "60 days" in answer and "30 days" not in answer, answer
    assert "60 Tage" in ask_new_buyer(services, "Wie viele Tage habe ich für eine Rücksendung?")

    policy = services.refunds.policy()
    assert (policy.return_window_days, policy.damage_report_days, policy.returnless_threshold_pct, policy.currency) \
        == (60, 14, Decimal("35"), "NOK")
    profile = services.merchant_profile.get()
    assert (profile.store_name, profile.support_email, profile.merchant_language) == \
        ("Nordvik Outdoor", "support@nordvik.example", "de")
    assert [e.action for e in services.audit.for_case("refund", "policy")][-1:] == ["policy_saved"]
    assert [e.actor for e in services.audit.for_case("store", "setup")] == [MERCHANT_USER]

    # The assistant's own save keeps the support email Store setup saved.
    console.predict("Nordvik Outdoor", "formal", "de", "Mo–Fr 9–17", True, 2, True, api_name="/save_settings")
    assert services.merchant_profile.get().support_email == "support@nordvik.example"


@pytest.mark.parametrize(("email", "currency", "window", "named"), [
    ("not-an-email", "EUR", 45, "support_email"),
    ("help@shop.example", "EURO", 45, "currency"),
    ("help@shop.example", "EUR", 400, "return_window_days"),
])  # fmt: skip
def test_a_bad_value_is_named_and_nothing_is_saved(
    empty_shop_console: tuple[Services, Client], email: str, currency: str, window: int, named: str
) -> None:
    services, console = empty_shop_console
    with pytest.raises(Exception, match=named):
        console.predict("Shop", email, currency, "en", window, 7, 40, api_name="/save_store_setup")
    assert services.refunds.policy().return_window_days == 30
    assert services.merchant_profile.get().support_email == ""
    assert services.audit.for_case("store", "setup") == []
