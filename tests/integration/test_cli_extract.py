"""`docscreen extract`: exit codes, JSON shape, and no document text in any output."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from docscreen import __version__
from docscreen.cli import main

SECRET = "DSMK-CLI-SECRET-9931"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_clean_text_file_exit_0_and_no_text_printed(tmp_path) -> None:
    f = tmp_path / "resume.txt"
    f.write_text(f"Jane Doe\n\nSSN {SECRET}\n")
    for fmt in ("text", "json"):
        result = run("extract", "--format", fmt, str(f))
        assert result.exit_code == 0, result.output
        assert SECRET not in result.output
    data = json.loads(run("extract", "--format", "json", str(f)).output)
    entry = data["files"][0]
    assert entry["detected_type"] == "txt"
    assert entry["complete"] is True
    assert entry["parts"] == {"body": 2}
    assert len(entry["sha256"]) == 64
    assert data["summary"] == {"files": 1, "incomplete": 0}


def test_unreadable_file_exit_3_with_reason(tmp_path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("fine")
    bad = tmp_path / "b.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)  # an image named .pdf
    result = run("extract", "--format", "json", str(tmp_path))
    assert result.exit_code == 3
    files = {e["path"].rsplit("/", 1)[-1]: e for e in json.loads(result.output)["files"]}
    assert files["a.txt"]["complete"] is True
    assert files["b.pdf"]["errors"][0]["code"] == "unsupported"
    assert "does not match the content" in files["b.pdf"]["warnings"][0]


def test_missing_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract", "/no/such/file.pdf"])
    assert result.exit_code == 2


def test_version_and_help() -> None:
    assert __version__ in run("--version").output
    assert "No document text" in run("extract", "--help").output


def test_console_script_runs_in_a_subprocess(tmp_path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("hello")
    proc = subprocess.run(
        [sys.executable, "-m", "docscreen.cli", "extract", str(f)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "read fully" in proc.stdout
    assert proc.stderr == ""
