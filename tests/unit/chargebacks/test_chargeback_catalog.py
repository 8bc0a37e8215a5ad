"""The reason-code catalog: complete data, tolerant lookups, unknown codes handled without a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.chargebacks.catalog import CATALOG_PATH, ReasonCodeCatalog, _aliases

pytestmark = pytest.mark.unit

CATEGORIES = {"fraud", "authorization", "processing_error", "consumer_dispute"}
# Current codes of each network's public dispute guide, and the legacy codes still printed on notices.
EXPECTED = {
    "visa": ["10.1", "10.2", "10.3", "10.4", "10.5", "11.1", "11.2", "11.3", "12.1", "12.2", "12.3", "12.4", "12.5",
             "12.6", "12.6.1", "12.6.2", "12.7", "13.1", "13.2", "13.3", "13.4", "13.5", "13.6", "13.7", "13.8",
             "13.9"],
    "mastercard": ["4808", "4834", "4837", "4849", "4850", "4853", "4863", "4870", "4871", "4999"],
    "amex": ["A01", "A02", "A08", "C02", "C04", "C05", "C08", "C14", "C18", "C28", "C31", "C32", "F10", "F14", "F24",
             "F29", "F30", "F31", "FR2", "FR4", "FR6", "M01", "M10", "M49", "P01", "P03", "P04", "P05", "P07", "P08",
             "P22", "P23", "R03", "R13"],
    "discover": ["05", "AA", "AL", "AP", "AT", "AW", "CA", "CD", "CR", "DA", "DC", "DP", "DP1", "EX", "IC", "IN", "IS",
                 "LP", "NA", "NC", "NF", "PM", "RG", "RM", "RN2", "SV", "UA01", "UA02", "UA05", "UA06", "UA10", "UA11",
                 "UA12", "UA18", "UA20", "UA30"],
}  # fmt: skip
# Legacy code -> the current code a notice printed with it is handled as.
LEGACY = {
    "visa": {"30": "13.1", "41": "13.2", "53": "13.3", "57": "10.4", "62": "10.1", "70": "11.1", "71": "11.2",
             "72": "11.3", "73": "11.3", "74": "12.1", "75": "10.4", "76": "12.3", "77": "12.4", "78": "11.3",
             "80": "12.5", "81": "10.3", "82": "12.6.1", "83": "10.4", "85": "13.6", "86": "12.6.2", "90": "13.9",
             "93": "10.5"},
    "mastercard": {"4807": "4808", "4812": "4808", "4831": "4834", "4835": "4808", "4840": "4837", "4841": "4853",
                   "4842": "4834", "4846": "4834", "4847": "4808", "4854": "4853", "4855": "4853", "4859": "4853",
                   "4860": "4853", "4862": "4837"},
    "amex": {"4507": "P05", "4512": "P08", "4513": "C02", "4515": "C14", "4516": "R13", "4517": "R03", "4521": "A02",
             "4523": "P01", "4527": "F10", "4530": "P23", "4534": "P08", "4536": "P07", "4540": "F29", "4544": "C28",
             "4553": "C31", "4554": "C08", "4750": "M10", "4752": "P03", "4755": "A02", "4763": "FR2", "4798": "F30"},
    "discover": {"RN": "RN2", "4534": "DP", "4541": "AP", "4542": "LP", "4550": "CD", "4553": "RM", "4586": "AW",
                 "4752": "AA", "4753": "IN", "4755": "RG", "4762": "05", "4863": "AT", "4864": "NF", "4865": "PM",
                 "4866": "UA05", "4867": "UA06", "7010": "UA01", "7030": "UA02", "8002": "RN2"},
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog() -> ReasonCodeCatalog:
    return ReasonCodeCatalog.load()


def test_every_expected_code_is_in_the_catalog(catalog: ReasonCodeCatalog) -> None:
    current = {(r.network, r.code) for r in catalog.codes if not r.legacy}
    missing = [
        (network, code)
        for network, codes in EXPECTED.items()
        for code in codes
        if (network, code) not in current
    ]
    assert missing == []


def test_every_legacy_code_maps_to_its_current_equivalent(catalog: ReasonCodeCatalog) -> None:
    legacy = {(r.network, r.code): r.consolidated_into for r in catalog.codes if r.legacy}
    expected = {
        (network, code): target for network, codes in LEGACY.items() for code, target in codes.items()
    }
    assert {key: legacy.get(key) for key in expected} == expected
    current = {(r.network, r.code): r for r in catalog.codes if not r.legacy}
    for reason in catalog.codes:
        if reason.legacy:
            target = current[(reason.network, reason.consolidated_into)]
            assert reason.category == target.category, reason  # a legacy code is argued like its successor
            assert reason.evidence and reason.deadline_days == target.deadline_days, reason


def test_every_code_cites_a_public_source(catalog: ReasonCodeCatalog) -> None:
    for reason in catalog.codes:
        assert reason.source.strip(), reason
    numeric_amex = [r for r in catalog.codes if r.network == "amex" and r.code.isdigit()]
    assert numeric_amex and all("American Express" in r.source for r in numeric_amex)
    assert all(
        "tabapay" in r.source
        for r in catalog.codes
        if r.network == "discover" and len(r.code) == 4 and r.code.isdigit()
    )


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
    for source in (
        "Visa Dispute Management Guidelines",
        "Chargeback Guide",
        "American Express Merchant Regulations",
        "Discover",
        "Legacy codes",
    ):
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
def test_lookup_forgives_format_and_case(
    catalog: ReasonCodeCatalog, typed: str, network: str | None, expected: tuple[str, str]
) -> None:
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
    consolidated = {r.consolidated_into for r in catalog.codes if r.network == "mastercard" and r.legacy}
    assert consolidated <= {"4808", "4834", "4837", "4853", "4863"}


@pytest.mark.parametrize(
    ("typed", "network", "expected", "current"),
    [("83", "visa", ("visa", "83"), "10.4"), ("Visa 30", None, ("visa", "30"), "13.1"),
     ("4540", None, ("amex", "4540"), "F29"), ("4554", "amex", ("amex", "4554"), "C08"),
     ("4755", "Discover", ("discover", "4755"), "RG"), ("7030", None, ("discover", "7030"), "UA02"),
     ("4841", None, ("mastercard", "4841"), "4853")],
)  # fmt: skip
def test_a_legacy_code_on_a_notice_is_known_and_names_its_successor(
    catalog: ReasonCodeCatalog, typed: str, network: str | None, expected: tuple[str, str], current: str
) -> None:
    found = catalog.lookup(typed, network)
    assert found.known and (found.reason.network, found.reason.code) == expected
    assert found.reason.consolidated_into == current and current in (found.warning or "")
    assert found.reason.category != "unknown" and found.reason.evidence


def test_a_code_shared_by_networks_prefers_the_current_one_and_says_so(catalog: ReasonCodeCatalog) -> None:
    found = catalog.lookup("4863")
    assert found.known and found.reason.display == "Mastercard 4863"
    assert "Discover 4863" in (found.warning or "")
    assert catalog.lookup("4863", "discover").reason.consolidated_into == "AT"
    both_retired = catalog.lookup("4534")  # American Express and Discover, both legacy: the network decides
    assert not both_retired.known and "ambiguous" in (both_retired.warning or "")


def test_a_legacy_code_pointing_nowhere_fails_to_load(tmp_path: Path) -> None:
    broken = CATALOG_PATH.read_text(encoding="utf-8").replace(
        'consolidated_into: "13.1"', 'consolidated_into: "19.9"', 1
    )
    path = tmp_path / "codes.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match="19.9"):
        ReasonCodeCatalog.load(path)


def test_a_catalog_with_an_undefined_evidence_key_fails_to_load(tmp_path: Path) -> None:
    broken = CATALOG_PATH.read_text(encoding="utf-8").replace(
        "evidence: *card_present_fraud}", "evidence: [order_details, telepathy]}", 1
    )
    path = tmp_path / "codes.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match="telepathy"):
        ReasonCodeCatalog.load(path)
