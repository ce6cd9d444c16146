"""No planted raw value in any output: every format, -v / -vv, explain, gate reports, logs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from docscreen.cli import main

from conftest import FIXTURES, TEST_KEY

DOCS = FIXTURES / "docs"


@pytest.fixture(autouse=True)
def _env(cli_env):
    return cli_env


@pytest.fixture(scope="module")
def planted(truth) -> list[str]:
    values = {p["value"] for d in truth["documents"] for p in d["planted"]}
    assert len(values) > 20
    return sorted(values)


def leaks(text: str, values: list[str]) -> list[str]:
    """Planted values found in ``text``: as written, case-insensitively, and (for numbers)
    without their separators."""
    low = text.lower()
    squashed = re.sub(r"[\s\-.]", "", low)
    found = []
    for v in values:
        if v.lower() in low:
            found.append(v)
            continue
        compact = re.sub(r"[\s\-.]", "", v.lower())
        if sum(c.isdigit() for c in compact) >= 6 and compact in squashed:
            found.append(v)
    return found


def invoke(*args: str) -> str:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert r.exit_code in (0, 1, 3), r.output
    return r.stdout + r.stderr


def test_the_checker_sees_a_leak(planted) -> None:
    assert leaks("x " + planted[0].upper() + " y", planted)
    number = next(v for v in planted if sum(c.isdigit() for c in v) >= 9)
    assert leaks(re.sub(r"\D", "", number), planted)


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "text"),
        ("--format", "text", "-v"),
        ("--format", "text", "-vv"),
        ("--format", "json", "-v"),
        ("--format", "jsonl", "-vv"),
    ],
    ids=["text", "text-v", "text-vv", "json", "jsonl-vv"],
)
def test_scan_outputs(planted, args) -> None:
    out = invoke("scan", "--jobs", "0", *args, str(DOCS))
    assert "NATIONAL_ID" in out  # it did find things
    assert leaks(out, planted) == []


def test_output_file_and_gate_reports(planted, tmp_path) -> None:
    report = tmp_path / "r.jsonl"
    invoke("scan", "--jobs", "0", "--format", "jsonl", "--output", str(report), str(DOCS))
    assert leaks(report.read_text(), planted) == []
    out = invoke("gate", "--jobs", "0", "-v", str(DOCS / "resumes"), "--accepted", str(tmp_path / "ok"),
                 "--quarantine", str(tmp_path / "q"), "--review", str(tmp_path / "rev"))
    reports = list((tmp_path / "q").rglob("*.docscreen.json"))
    assert reports
    assert leaks(out + "".join(p.read_text() for p in reports), planted) == []


def test_explain(planted, truth) -> None:
    files = sorted({d["file"] for d in truth["documents"] if d["planted"]})
    assert files
    out = []
    for f in files:
        out.append(invoke("explain", str(FIXTURES / f)))
        out.append(invoke("explain", "--all", "--width", "80", str(FIXTURES / f)))
    text = "\n".join(out)
    assert "why:" in text
    assert leaks(text, planted) == []


def test_worker_pool_with_debug_logs(planted) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DOCSCREEN_TEST_FAULTS"}
    env["DOCSCREEN_FINGERPRINT_KEY"] = TEST_KEY.hex()
    proc = subprocess.run(
        [sys.executable, "-m", "docscreen.cli", "scan", "--jobs", "2", "-vv", "--format", "jsonl", str(DOCS / "cover_letters")],
        capture_output=True, text=True, env=env, timeout=180,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1])["verdicts"]["reject"] > 0
    assert leaks(proc.stdout + proc.stderr, planted) == []
