"""The reason-code catalog: complete data, tolerant lookups, unknown codes handled without a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.chargebacks.catalog import CATALOG_PATH, ReasonCodeCatalog, _aliases

pytestmark = pytest.mark.unit

CATEGORIES = {"fraud", "authorization", "processing_error", "consumer_dispute"}
EXPECTED = {
    "visa": ["10.1", "10.2", "10.3", "10.4", "10.5", "11.1", "11.2", "11.3", "12.1", "12.2", "12.3", "12.4", "12.5",
             "12.6.1", "12.6.2", "12.7", "13.1", "13.2", "13.3", "13.4", "13.5", "13.6", "13.7", "13.8", "13.9"],
    "mastercard": ["4808", "4812", "4831", "4834", "4837", "4840", "4849", "4853", "4855", "4859", "4860", "4863",
                   "4870", "4871"],
    "amex": ["A01", "A02", "A08", "C02", "C04", "C05", "C08", "C14", "C18", "C28", "C31", "C32", "F10", "F14", "F24",
             "F29", "FR2", "FR4", "FR6", "M10", "M49", "P01", "P03", "P04", "P05", "P07", "P08", "P22", "P23", "R03",
             "R13"],
    "discover": ["AA", "AP", "AW", "CD", "CR", "DA", "DP", "EX", "IC", "IN", "LP", "NA", "NC", "NF", "PM", "RG", "RM",
                 "RN2", "UA01", "UA02", "UA05", "UA06"],
}


@pytest.fixture(scope="module")
def catalog() -> ReasonCodeCatalog:
    return ReasonCodeCatalog.load()


def test_every_expected_code_is_in_the_catalog(catalog: ReasonCodeCatalog) -> None:
    have = {(r.network, r.code) for r in catalog.codes}
    missing = [(network, code) for network, codes in EXPECTED.items() for code in codes if (network, code) not in have]
    assert missing == []


def test_every_code_has_a_category_evidence_and_a_deadline(catalog: ReasonCodeCatalog) -> None:
    for reason in catalog.codes:
        assert reason.category in CATEGORIES, reason
        assert reason.evidence, reason
        assert all(key in catalog.evidence_kinds for key in reason.evidence), reason
        assert reason.title.strip()
    assert catalog.deadline_days == {"visa": 30, "mastercard": 45, "amex": 20, "discover": 30}
    assert {r.deadline_days for r in catalog.codes if r.network == "amex"} == {20}


def test_no_two_codes_of_a_network_share_a_lookup_alias(catalog: ReasonCodeCatalog) -> None:
    seen: dict[tuple[str, str], str] = {}
    for reason in catalog.codes:
        for alias in _aliases(reason):
            assert (reason.network, alias) not in seen, (reason.code, seen.get((reason.network, alias)))
            seen[(reason.network, alias)] = reason.code


def test_the_data_file_cites_public_sources() -> None:
    header = CATALOG_PATH.read_text(encoding="utf-8").split("networks:")[0]
    for source in ("Visa Dispute Management Guidelines", "Chargeback Guide", "American Express Merchant Regulations",
                   "Discover"):
        assert source in header


@pytest.mark.parametrize(
    ("typed", "network", "expected"),
    [
        ("13.1", None, ("visa", "13.1")),
        ("1301", None, ("visa", "13.1")),
        ("13-1", None, ("visa", "13.1")),
        (" 13.01 ", None, ("visa", "13.1")),
        ("visa 13.1", None, ("visa", "13.1")),
        ("Visa: 10.4", None, ("visa", "10.4")),
        ("12.6.1", None, ("visa", "12.6.1")),
        ("120601", None, ("visa", "12.6.1")),
        ("4853", None, ("mastercard", "4853")),
        ("MC 4853", None, ("mastercard", "4853")),
        ("4837", "mastercard", ("mastercard", "4837")),
        ("F29", None, ("amex", "F29")),
        ("f29", None, ("amex", "F29")),
        ("amex f-29", None, ("amex", "F29")),
        ("rn2", None, ("discover", "RN2")),
        ("UA02", "Discover", ("discover", "UA02")),
    ],
)
def test_lookup_forgives_format_and_case(catalog: ReasonCodeCatalog, typed: str, network: str | None,
                                         expected: tuple[str, str]) -> None:
    found = catalog.lookup(typed, network)
    assert found.known
    assert (found.reason.network, found.reason.code) == expected
    assert found.warning is None


def test_unknown_code_is_accepted_with_category_unknown_and_a_warning(catalog: ReasonCodeCatalog) -> None:
    found = catalog.lookup("ZZ99", "visa")
    assert not found.known
    assert found.reason.category == "unknown"
    assert found.reason.network == "visa" and found.reason.deadline_days == 30
    assert found.reason.evidence and "not in the catalog" in (found.warning or "")
    # Without a network the shortest window is assumed, so the deadline is never overstated.
    assert catalog.lookup("???").reason.deadline_days == 20


def test_code_of_another_network_is_flagged_not_silently_switched(catalog: ReasonCodeCatalog) -> None:
    found = catalog.lookup("4853", "visa")
    assert not found.known and found.reason.network == "visa"
    assert "Mastercard 4853" in (found.warning or "")


def test_legacy_mastercard_codes_point_to_the_consolidated_code(catalog: ReasonCodeCatalog) -> None:
    found = catalog.lookup("4855")
    assert found.known and found.reason.consolidated_into == "4853"
    assert "4853" in (found.warning or "")
    consolidated = {r.consolidated_into for r in catalog.codes if r.consolidated_into}
    assert consolidated <= {"4808", "4834", "4837", "4853", "4863"}


def test_a_catalog_with_an_undefined_evidence_key_fails_to_load(tmp_path: Path) -> None:
    broken = CATALOG_PATH.read_text(encoding="utf-8").replace(
        "evidence: *card_present_fraud}", "evidence: [order_details, telepathy]}", 1
    )
    path = tmp_path / "codes.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match="telepathy"):
        ReasonCodeCatalog.load(path)
