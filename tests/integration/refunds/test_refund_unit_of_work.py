"""Each refund command is one transaction: a failure between its writes leaves nothing of it behind.

Real SQLite; the failure is injected into a repository write inside the unit of work (after the case row was
already updated in that transaction), then the same command is retried and goes through exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.store.receipts import ReceiptRepository
from app.store.refund_tables import RefundCaseRow
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.test_refund_case_integrity import offered_partial
from tests.integration.refunds.test_refund_service_flow import RETURNLESS_30, analysed, save_policy

pytestmark = pytest.mark.integration


class DiskFull(RuntimeError):
    pass


def trail(services: Any, case_id: str) -> tuple[Any, ...]:
    """Everything a refund command may write about a case."""
    return (
        services.refunds.repository.get_case(case_id),
        services.refunds.repository.steps(case_id),
        services.decisions.for_case("refund", case_id),
        services.audit.for_case("refund", case_id),
        ReceiptRepository(services.db).for_case(case_id),
    )


# Each command: (setup -> case id, the command, the status it leads to).
def _new_claim(services: Any) -> str:
    save_policy(services, **RETURNLESS_30)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    return str(case.id)


def _offered(services: Any) -> str:
    save_policy(services, **RETURNLESS_30)
    return offered_partial(services)  # 84.50 USD partial refund offered


def _in_review(services: Any) -> str:
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "defective", "Pixels mortos.")
    assert services.refunds.propose(case.id).status == "review"  # no vision model: a person decides
    return str(case.id)


def _awaiting_return(services: Any) -> str:
    save_policy(services, max_auto_offer="500")
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    services.refunds.propose(case.id)
    assert services.refunds.respond_to_offer(case.id, BR_EMAIL, "accept").status == "awaiting_return"
    return str(case.id)


COMMANDS: dict[str, tuple[Callable[[Any], str], Callable[[Any, str], Any], str]] = {
    "propose": (_new_claim, lambda s, c: s.refunds.propose(c), "offered"),
    "respond_to_offer accept": (_offered, lambda s, c: s.refunds.respond_to_offer(c, BR_EMAIL, "accept"),
                                "resolved"),
    "respond_to_offer counter": (_offered,
                                 lambda s, c: s.refunds.respond_to_offer(c, BR_EMAIL, "counter", "90"), "resolved"),
    "merchant_decide": (_in_review, lambda s, c: s.refunds.merchant_decide(c, "ana", "edit", Decimal("40"), "goodwill"),
                        "resolved"),
    "mark_return_received": (_awaiting_return, lambda s, c: s.refunds.mark_return_received(c, "lee"), "resolved"),
    "close_unreturned": (_awaiting_return, lambda s, c: s.refunds.close_unreturned(c, "lee", "no tracking"),
                         "closed_no_return"),
}  # fmt: skip
FAILURES = [(name, "audit") for name in COMMANDS] + [
    ("merchant_decide", "decisions"), ("respond_to_offer accept", "decisions"),
]  # fmt: skip


@pytest.mark.parametrize(("command", "failing"), FAILURES)
def test_a_failure_between_writes_leaves_nothing_half_done(
    refund_services: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, command: str, failing: str
) -> None:
    services = refund_services()
    setup, run, expected_status = COMMANDS[command]
    case_id = setup(services)
    before = trail(services, case_id)
    seen_inside: list[str] = []
    repository = services.audit if failing == "audit" else services.decisions

    def fail(session: Any, *args: Any, **kwargs: Any) -> None:
        # The transaction already holds the case's new status when this write fails.
        seen_inside.append(session.scalar(select(RefundCaseRow.status).where(RefundCaseRow.id == case_id)))
        raise DiskFull("no space left on device")

    monkeypatch.setattr(repository, "add", fail)
    with pytest.raises(DiskFull):
        run(services, case_id)
    assert seen_inside == [expected_status], "the failure came after the case row was written"
    assert trail(services, case_id) == before, "case, steps, decisions, receipts and audit are all unchanged"

    monkeypatch.undo()  # the disk has room again: the same command goes through, once
    run(services, case_id)
    after = trail(services, case_id)
    assert after[0].status == expected_status
    assert len(after[3]) > len(before[3]) and len(after[1]) > len(before[1])
    with pytest.raises(Exception, match="already decided|no longer open|not possible"):
        run(services, case_id)
    assert trail(services, case_id) == after, "a repeated command writes nothing"
