"""The examples of the term-list rounds written after the classifier's training data was fixed
(``tests/rules/vocabulary/*.yaml``): kept here, not in the lexicons' ``examples`` blocks, because
those are the sentence classifier's training data (a digest ties the committed model to them).
Positives find their category through the whole Scanner; negatives find no special category."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docscreen.analyze.special import SPECIAL

FOLDER = Path(__file__).parent / "vocabulary"
_SPECIAL = {c.value for c in SPECIAL}


def _load() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.yaml"))}


FILES = _load()


#: Examples the classifier retrained in session 13 (seed 11) reads otherwise than the one
#: before (a film critic's review of a drama about Ambien addiction now kept as a status line):
#: known regressions, strict, so a fix shows. (A Bahá'í Auxiliary Board member's line, vetoed
#: by that classifier at 0.01 and more, is found again since session 18's religion veto of 0.01.)
KNOWN_REGRESSIONS = frozenset({"addiction_s12-negative-160"})


def _cases(kind: str):
    for stem, data in FILES.items():
        for i, row in enumerate(data.get(kind) or ()):
            case = f"{stem}-{kind}-{i}"
            marks = pytest.mark.xfail(strict=True, reason="a known regression of the retrained classifier") if case in KNOWN_REGRESSIONS else ()
            yield pytest.param(row, id=case, marks=marks)


def test_every_round_has_examples_both_ways() -> None:
    assert FILES
    for stem, data in FILES.items():
        assert data.get("positive") and data.get("negative"), stem
        assert all(r["category"] in _SPECIAL for r in data["positive"]), stem
        assert all(set(r) == {"text"} for r in data["negative"]), stem


@pytest.mark.parametrize("row", list(_cases("positive")))
def test_positive_example(scanner, row: dict) -> None:
    found = {f.category for f in scanner.analyze_text(row["text"])}
    assert row["category"] in found, found


@pytest.mark.parametrize("row", list(_cases("negative")))
def test_negative_example(scanner, row: dict) -> None:
    found = [f for f in scanner.analyze_text(row["text"]) if f.category in _SPECIAL]
    assert not found, [(f.rule, f.preview, f.explanation) for f in found]
