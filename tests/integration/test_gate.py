"""`docscreen gate`: routing by verdict, reports in quarantine, re-runs, collisions, and
nothing lost when a copy fails."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docscreen import gate as gate_mod
from docscreen.cli import main

from conftest import FIXTURES

CLEAN = "Jane Doe\nData engineer at Example Corp.\n"
SSN = "Jane Doe\nSSN: 431-26-0181\n"
IMAGE_ONLY = FIXTURES / "docs" / "hidden" / "pdf-image-only-page.pdf"


@pytest.fixture(autouse=True)
def _env(cli_env):
    return cli_env


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "clean.txt").write_text(CLEAN)
    (src / "sub" / "ssn.txt").write_text(SSN)
    shutil.copy(IMAGE_ONLY, src / "scan.pdf")
    return tmp_path


def gate(tree: Path, *extra: str, review: bool = True):
    args = ["gate", "--jobs", "0", str(tree / "src"), "--accepted", str(tree / "ok"), "--quarantine", str(tree / "q")]
    if review:
        args += ["--review", str(tree / "rev")]
    return CliRunner().invoke(main, args + list(extra), catch_exceptions=False)


def actions(r) -> list[tuple[str, str]]:
    """(action, source file name) per file line of the gate's output."""
    out = []
    for line in r.stdout.splitlines():
        bits = line.split()
        if len(bits) >= 3 and bits[1] in ("copied", "moved", "skipped", "failed"):
            out.append((bits[1], Path(bits[2]).name))
    return out


def files(d: Path) -> list[str]:
    return sorted(p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file()) if d.exists() else []


def test_copy_routes_by_verdict_with_reports(tree) -> None:
    r = gate(tree)
    assert r.exit_code == 0, r.output
    assert files(tree / "ok") == ["clean.txt"]
    assert files(tree / "rev") == ["scan.pdf", "scan.pdf.docscreen.json"]
    assert files(tree / "q") == [".docscreen-gate.jsonl", "sub/ssn.txt", "sub/ssn.txt.docscreen.json"]
    report = json.loads((tree / "q" / "sub" / "ssn.txt.docscreen.json").read_text())
    assert report["verdict"] == "reject" and report["findings"][0]["category"] == "NATIONAL_ID"
    assert "431-26-0181" not in (tree / "q" / "sub" / "ssn.txt.docscreen.json").read_text()
    # copies are exact and the sources are still there
    assert (tree / "q" / "sub" / "ssn.txt").read_text() == SSN
    assert files(tree / "src") == ["clean.txt", "scan.pdf", "sub/ssn.txt"]
    assert "3 copied" in r.stdout


def test_without_a_review_folder_review_goes_to_quarantine(tree) -> None:
    gate(tree, review=False)
    assert "scan.pdf" in files(tree / "q") and "scan.pdf.docscreen.json" in files(tree / "q")


def test_move_removes_sources_only_after_the_copy(tree) -> None:
    r = gate(tree, "--move")
    assert r.exit_code == 0
    assert files(tree / "src") == []
    assert files(tree / "ok") == ["clean.txt"]
    state = [json.loads(x) for x in (tree / "q" / ".docscreen-gate.jsonl").read_text().splitlines()]
    assert {s["verdict"] for s in state} == {"accept", "review", "reject"}
    assert all(Path(s["destination"]).is_file() for s in state)


def test_rerun_skips_what_was_decided_by_sha256(tree) -> None:
    gate(tree)
    (tree / "src" / "renamed-copy.txt").write_text(SSN)  # same content, new name
    (tree / "src" / "new.txt").write_text(CLEAN + "more\n")
    r = gate(tree)
    assert r.exit_code == 0
    assert sorted(actions(r)) == [("copied", "new.txt"), ("skipped", "clean.txt"), ("skipped", "renamed-copy.txt"),
                                  ("skipped", "scan.pdf"), ("skipped", "ssn.txt")]
    assert files(tree / "ok") == ["clean.txt", "new.txt"]
    assert "renamed-copy.txt" not in files(tree / "q")


def test_identical_files_in_one_run_are_decided_once(tree) -> None:
    (tree / "src" / "twin.txt").write_text(SSN)
    r = gate(tree)
    assert "same content as" in r.stdout
    assert "twin.txt" not in files(tree / "q")


def test_name_collision_gets_a_suffix_never_an_overwrite(tree) -> None:
    (tree / "ok").mkdir()
    (tree / "ok" / "clean.txt").write_text("someone else's file\n")
    r = gate(tree)
    assert r.exit_code == 0
    assert (tree / "ok" / "clean.txt").read_text() == "someone else's file\n"
    assert (tree / "ok" / "clean~1.txt").read_text() == CLEAN


def test_an_identical_file_already_in_place_is_reused(tree) -> None:
    (tree / "ok").mkdir()
    (tree / "ok" / "clean.txt").write_text(CLEAN)
    gate(tree)
    assert files(tree / "ok") == ["clean.txt"]


def test_nothing_is_lost_when_a_copy_fails(tree, monkeypatch) -> None:
    real_fsync = gate_mod.os.fsync

    def failing_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(gate_mod.os, "fsync", failing_fsync)
    r = gate(tree, "--move")
    monkeypatch.setattr(gate_mod.os, "fsync", real_fsync)
    assert r.exit_code == 3
    assert "could not place the file" in r.stderr
    assert files(tree / "src") == ["clean.txt", "scan.pdf", "sub/ssn.txt"]  # every source kept
    for d in ("ok", "q", "rev"):
        assert [f for f in files(tree / d) if f != ".docscreen-gate.jsonl"] == []  # no partial or temp files
    # a later run places them
    r = gate(tree, "--move")
    assert r.exit_code == 0 and files(tree / "src") == []


def test_destination_inside_src_is_not_rescanned(tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(SSN)
    args = ["gate", "--jobs", "0", str(src), "--accepted", str(src / "ok"), "--quarantine", str(src / "q")]
    CliRunner().invoke(main, args, catch_exceptions=False)
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert actions(r) == [("skipped", "a.txt")]
    assert r.stdout.count("a.txt") == 1


def test_missing_src_is_a_usage_error(tmp_path) -> None:
    r = CliRunner().invoke(main, ["gate", str(tmp_path / "nope"), "--accepted", "a", "--quarantine", "q"])
    assert r.exit_code == 2
