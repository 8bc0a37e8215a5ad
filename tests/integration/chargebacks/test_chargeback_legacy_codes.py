"""A notice printed with a legacy reason code: imported without a warning about the code being unknown, argued and
documented as its current equivalent, and the Word rebuttal (read back with python-docx) names both codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from tests.integration.chargebacks.conftest import ChargebackEnv

pytestmark = pytest.mark.integration

# Legacy codes of three networks on orders of the demo store: Visa 30 (-> 13.1), American Express 4554 (-> C08),
# Discover 4755 (-> RG), all "not received", which the store's delivery records rebut.
CSV = (
    "case_id,network,reason_code,amount,currency,dispute_date,order_no,claim_text\n"
    "V-30,visa,30,229.00,USD,2026-11-20,PP-260921,never arrived\n"
    "AX-4554,amex,4554,299.00,USD,2026-11-20,PP-261002,not received\n"
    "D-4755,discover,4755,264.00,USD,2026-11-20,PP-261008,not received\n"
)


def _text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_legacy_codes_import_and_are_argued_as_their_current_code(
    chargeback_env: Callable[..., ChargebackEnv],
) -> None:
    env = chargeback_env()
    report = env.service.import_notices(CSV.encode(), "legacy.csv")
    assert report.created == ["V-30", "AX-4554", "D-4755"] and report.errors == []
    assert not any("not in the catalog" in warning for warning in report.warnings)
    for case_id, current in (("V-30", "13.1"), ("AX-4554", "C08"), ("D-4755", "RG")):
        reason = env.service.get(case_id).reason
        assert reason.consolidated_into == current and reason.category == "consumer_dispute"
        assert "proof_of_delivery" in reason.evidence and reason.source
        assert any(case_id in warning and current in warning for warning in report.warnings)

    bundle = env.service.assemble("V-30")
    assert "proof_of_delivery" in {item.key for item in bundle.present_items}
    result = env.service.generate("V-30")
    text = _text(Path(result.path))
    assert "Services Not Provided or Merchandise Not Received" in text
    assert "13.1 (legacy code 30 is filed under it)" in text
    # The 13.1 argument (delivered to the checkout address), not the generic "unknown code" opening.
    assert "not in the merchant's catalog" not in text and "delivered" in text
