"""The held-out evaluation set through the whole Scanner: floors a little under the measured
figures (README, "Special categories"), so a change that loses accuracy fails here. These are
regression floors, not issue 4's targets (precision 0.92 and recall 0.90 per category), which
recall does not reach yet on every category."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402

sys.path.pop(0)

CATEGORIES = accuracy.SPECIAL


@pytest.fixture(scope="module")
def test_split():
    return accuracy.load_split(ROOT / "fixtures" / "eval", "test")


def test_held_out_sentences(scanner, test_split) -> None:
    gold = [set(r.categories) for r in test_split]
    pred = [{f.category for f in scanner.analyze_text(r.text)} & set(CATEGORIES) for r in test_split]
    scores = accuracy.score(gold, pred, CATEGORIES)
    assert scores["micro"]["precision"] >= 0.95  # measured 0.98
    assert scores["micro"]["recall"] >= 0.82  # measured 0.85 (0.85-0.86 over training seeds)
    for cat in CATEGORIES:
        assert scores["per_category"][cat]["precision"] >= 0.92, (cat, scores["per_category"][cat])
        assert scores["per_category"][cat]["recall"] >= 0.70, (cat, scores["per_category"][cat])
