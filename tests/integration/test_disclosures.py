"""The eight special categories end to end: fixtures (every format), the held-out evaluation
set, and the public resumes."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from docscreen.analyze.special import SPECIAL

SPECIAL_IDS = {c.value for c in SPECIAL}


def _docs():
    truth = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))
    return [d for d in truth["documents"] if d["kind"] in ("resume", "cover_letter")]


@pytest.mark.parametrize("entry", _docs(), ids=lambda d: d["file"].rsplit("/", 1)[-1])
def test_fixture_disclosures_found_exactly(scanner, entry) -> None:
    """Each planted disclosure's category is found in its document, in every format, and no
    other special category is (the near misses are the professional mentions beside them)."""
    result = scanner.scan_path(FIXTURES / entry["file"])
    want = {p["category"] for p in entry.get("planted", []) if p["category"] in SPECIAL_IDS}
    got = {f.category for f in result.findings if f.category in SPECIAL_IDS}
    extra = [(f.category, f.rule, f.preview, f.explanation) for f in result.findings if f.category not in want | {"NATIONAL_ID", "FINANCIAL_ACCOUNT"}]
    assert got == want, extra


def test_disclosure_findings_hold_no_raw_term(scanner) -> None:
    """A disclosure finding names its term only as a masked preview and a fingerprint."""
    findings = scanner.analyze_text("I was diagnosed with relapsing-remitting multiple sclerosis in 2019.")
    assert findings and findings[0].category == "HEALTH_GENETIC"
    dumped = json.dumps([f.to_dict() for f in findings]) + repr(findings)
    assert "sclerosis" not in dumped.lower()
    assert "diagnosed with" in findings[0].explanation  # the cue that decided is named


@pytest.mark.slow
def test_public_resumes_carry_at_most_one_special_finding_per_fifty(scanner, corpus) -> None:
    """Issue 4's bar for the public resumes: at most 1 false positive per 50 documents. Every
    finding there was reviewed by hand (none remained when this was written)."""
    files = sorted(p for p in (corpus / "resumes").rglob("*") if p.is_file())
    assert len(files) >= 50
    found = [
        (f.name, x.category, x.rule, x.preview)
        for f in files
        for x in scanner.scan_path(f).findings
        if x.category in SPECIAL_IDS
    ]
    assert len(found) <= len(files) // 50, found


def test_a_form_field_after_a_heading_and_a_dash_survives_normalisation(scanner) -> None:
    """Normalisation turns the em dash into '-': the field after a heading must still read."""
    findings = scanner.analyze_text("Diversity monitoring — sexual orientation: lesbian")
    assert [(f.category, f.pattern) for f in findings] == [("SEXUAL_LIFE", "form_field")]
    assert scanner.analyze_text("Skills - Python, SQL: advanced") == []
