"""NATIONAL_ID and FINANCIAL_ACCOUNT end to end: fixtures, real resumes, normalisation, no leaks."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from docscreen.model import Location

NUMBER_CATEGORIES = {"NATIONAL_ID", "FINANCIAL_ACCOUNT"}


def _docs():
    truth = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))
    return [d for d in truth["documents"] if d["kind"] in ("resume", "cover_letter")]


@pytest.mark.parametrize("entry", _docs(), ids=lambda d: d["file"].rsplit("/", 1)[-1])
def test_fixture_numbers_found_exactly(scanner, entry) -> None:
    """Every planted identifier is found; nothing else in these categories is (the clean
    documents carry phone numbers, ZIP+4, student IDs, order and case numbers)."""
    result = scanner.scan_path(FIXTURES / entry["file"])
    want = sorted(p["entity_type"] for p in entry.get("planted", []) if p["category"] in NUMBER_CATEGORIES)
    got = sorted(f.entity_type for f in result.findings if f.category in NUMBER_CATEGORIES)
    assert got == want


def test_planted_value_never_in_any_serialised_finding(scanner) -> None:
    for entry in _docs():
        planted = [p for p in entry.get("planted", []) if p["category"] in NUMBER_CATEGORIES]
        if not planted:
            continue
        result = scanner.scan_path(FIXTURES / entry["file"])
        dumped = json.dumps([f.to_dict() for f in result.findings]) + repr(result.findings)
        for p in planted:
            digits = "".join(c for c in p["value"] if c.isalnum())
            assert p["value"] not in dumped
            assert digits not in dumped.replace(" ", "").replace("-", "")


def test_full_width_and_invisible_characters_map_back_to_the_original(scanner) -> None:
    text = "SSN：４３１－２６－０１８１ and card 4462\u200b 8194\u00ad 8219\u00a09359"
    findings = {f.entity_type: f for f in scanner.analyze_text(text)}
    ssn = findings["US_SSN"]
    assert text[ssn.start : ssn.end] == "４３１－２６－０１８１"
    assert ssn.preview == "***－**－０１８１"
    card = findings["CREDIT_CARD"]
    assert text[card.start : card.end] == "4462\u200b 8194\u00ad 8219\u00a09359"


def test_fingerprint_same_for_the_same_number_written_two_ways(scanner) -> None:
    a = scanner.analyze_text("SSN: 431-26-0181")[0]
    b = scanner.analyze_text("SSN ４３１ ２６ ０１８１")[0]
    assert a.fingerprint == b.fingerprint


def test_duplicate_in_tracked_change_view_is_reported_once(scanner) -> None:
    from docscreen.model import Segment

    loc = Location("body", index=3)
    findings = scanner.analyze_segments(
        [Segment("SSN 431-26-0181", loc), Segment("SSN 431-26-0181 (old)", loc, frozenset({"deleted"}))]
    )
    assert len(findings) == 1


@pytest.mark.slow
def test_no_number_findings_on_the_public_resumes(scanner, corpus) -> None:
    files = sorted(p for p in (corpus / "resumes").rglob("*") if p.is_file())
    assert len(files) >= 60
    found = []
    for f in files:
        for finding in scanner.scan_path(f).findings:
            if finding.category in NUMBER_CATEGORIES:
                found.append((f.name, finding.entity_type, finding.preview, finding.explanation))
    assert found == []


@pytest.mark.slow
def test_hard_docs_scan_without_errors_and_only_the_real_iban(scanner, corpus) -> None:
    """The hostile/odd files go through the whole Scanner; the only number in them is the
    IBAN printed in a Dutch bank letter (pdfminer sample issue-1062)."""
    found = set()
    files = [p for p in (corpus / "hard_docs").rglob("*") if p.is_file()]
    assert len(files) > 250
    for f in files:
        for finding in scanner.scan_path(f).findings:
            if finding.category in NUMBER_CATEGORIES:
                found.add((f.name, finding.entity_type))
    assert found == {("contrib__issue-1062-filters.pdf", "IBAN_CODE")}
