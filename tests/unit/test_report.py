"""Reports: every shape validates against report.schema.json; JSONL ends with a summary;
the text format has colours only on a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from docscreen.cli import main
from docscreen import runner as runner_mod
from docscreen.limits import Limits
from docscreen.policy import default_policy
from docscreen.report.json import SCHEMA_VERSION, batch_report, document_report, schema, summary_report
from docscreen.report.text import render_document, render_summary
from docscreen.runner import BatchRunner, Task

from conftest import FIXTURES, TEST_KEY

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "src" / "docscreen" / "report" / "report.schema.json"


@pytest.fixture(scope="module")
def validator():
    s = schema()
    jsonschema.Draft202012Validator.check_schema(s)
    assert json.loads(SCHEMA_FILE.read_text()) == s  # the file users find is the one used
    return jsonschema.Draft202012Validator(s)


@pytest.fixture(scope="module")
def fixture_reports(scanner) -> list[dict]:
    """Reports of every fixture, made the way `docscreen scan --jobs 0` makes them."""
    runner_mod._SCANNERS.setdefault((Limits(), 0.5, TEST_KEY), scanner)
    policy = default_policy()
    runner = BatchRunner(policy, jobs=0, fingerprint_key=TEST_KEY)
    paths = sorted(p for p in (FIXTURES / "docs").rglob("*") if p.is_file())
    tasks = [Task(i, str(p.relative_to(FIXTURES)), file=str(p)) for i, p in enumerate(paths)]
    return [document_report(o, policy_source=policy.source) for o in runner.run(tasks)]


def test_every_fixture_report_validates(validator, fixture_reports) -> None:
    assert len(fixture_reports) > 90
    for r in fixture_reports:
        validator.validate(r)
        assert r["schema_version"] == SCHEMA_VERSION
    verdicts = {r["verdict"] for r in fixture_reports}
    assert {"accept", "reject", "review"} <= verdicts
    # the names scripts rely on
    with_findings = [r for r in fixture_reports if r["findings"]]
    assert with_findings
    for r in with_findings:
        assert {"path", "verdict", "findings"} <= set(r)
        for f in r["findings"]:
            assert {"category", "entity_type", "score", "location", "preview"} <= set(f)
    encrypted = next(r for r in fixture_reports if r["path"].endswith("pdf-encrypted-user-password.pdf"))
    assert encrypted["verdict"] == "reject" and encrypted["reasons"][0]["code"] == "encrypted"
    assert encrypted["document"]["complete"] is False


def test_batch_and_summary_validate(validator, fixture_reports) -> None:
    summary = summary_report(fixture_reports, fail_on="reject", exit_code=1, elapsed_s=1.5)
    validator.validate(summary)
    validator.validate(batch_report(fixture_reports, summary))
    assert summary["files"] == len(fixture_reports)
    assert sum(summary["verdicts"].values()) == len(fixture_reports)
    assert summary["findings"]["NATIONAL_ID"] >= 1


def test_schema_catches_a_broken_report(validator, fixture_reports) -> None:
    r = dict(next(r for r in fixture_reports if r["findings"]))
    broken = {k: v for k, v in r.items() if k != "verdict"}
    assert not validator.is_valid(broken)
    bad_finding = {**r, "findings": [{**r["findings"][0], "category": "SSN"}]}
    assert not validator.is_valid(bad_finding)
    assert not validator.is_valid({**r, "verdict": "maybe"})


def test_jsonl_is_documents_then_a_summary(cli_env, tmp_path, validator) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Jane Doe, data engineer.\n")
    (d / "b.txt").write_text("SSN: 431-26-0181\n")
    result = CliRunner().invoke(main, ["scan", "--jobs", "0", "--format", "jsonl", str(d)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    for x in lines:
        validator.validate(x)
    assert [x["type"] for x in lines] == ["document", "document", "summary"]
    assert [Path(x["path"]).name for x in lines[:2]] == ["a.txt", "b.txt"]
    assert [x["verdict"] for x in lines[:2]] == ["accept", "reject"]
    assert lines[-1]["verdicts"] == {"accept": 1, "review": 0, "reject": 1, "error": 0}
    assert lines[-1]["exit_code"] == 1 and lines[-1]["findings"] == {"NATIONAL_ID": 1}


def test_text_has_no_colour_unless_a_terminal(cli_env, fixture_reports) -> None:
    r = next(r for r in fixture_reports if r["verdict"] == "reject")
    plain = render_document(r, color=False)
    assert "\x1b[" not in plain and plain.startswith("REJECT")
    assert "\x1b[" in render_document(r, color=True)
    summary = summary_report(fixture_reports, fail_on="reject", exit_code=1, elapsed_s=1.0)
    assert "\x1b[" not in render_summary(summary) and "\x1b[" in render_summary(summary, color=True)
    out = CliRunner().invoke(main, ["scan", "--jobs", "0", str(FIXTURES / "docs" / "cover_letters")], catch_exceptions=False)
    assert "\x1b[" not in out.stdout and "REJECT" in out.stdout


def test_text_verdict_first_and_no_document_text(fixture_reports) -> None:
    for r in fixture_reports:
        first = render_document(r).splitlines()[0]
        assert first.split()[0] == r["verdict"].upper()
