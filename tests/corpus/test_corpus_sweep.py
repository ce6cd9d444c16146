"""Sweep ../shared/corpus: every file yields segments or a typed error, quickly, never an escape."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from corpus_sweep import corpus_files, outcome, sweep  # noqa: E402

from docscreen import ErrorCode  # noqa: E402

PER_FILE_SECONDS = 10.0
CODES = {c.value for c in ErrorCode}


@pytest.fixture(scope="module")
def records(corpus):
    files = corpus_files(corpus)
    assert len(files) > 300, "the corpus looks incomplete"
    return sweep(files, jobs=2, overall_timeout=600)


@pytest.mark.slow
def test_every_file_gives_segments_or_a_typed_error(records) -> None:
    problems = []
    for r in records:
        o = outcome(r)
        if o in ("exception", "hung"):
            problems.append((o, r["path"], r.get("escaped")))
        elif o == "extracted-empty":
            continue  # documents with no text at all (checked below to be few)
        elif r["errors"]:
            assert set(r["errors"]) <= CODES
    assert problems == []
    counts = Counter(outcome(r) for r in records)
    print("\ncorpus sweep:", dict(counts.most_common()))
    assert counts["extracted"] > 250


@pytest.mark.slow
def test_no_file_takes_longer_than_the_limit(records) -> None:
    slow = [(r["path"], r["seconds"]) for r in records if (r.get("seconds") or 0) > PER_FILE_SECONDS]
    assert slow == []


@pytest.mark.slow
def test_real_resumes_are_read_fully(records, corpus) -> None:
    resumes = [r for r in records if "/resumes/" in r["path"]]
    assert len(resumes) >= 60
    for r in resumes:
        assert r["errors"] == [], r["path"]
        assert r["chars"] > 200, r["path"]  # the smallest, a "minimal" theme, has ~340
