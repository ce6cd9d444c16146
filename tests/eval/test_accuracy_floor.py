"""The evaluation sets through the whole Scanner: floors a little under the measured figures
(README, "Special categories" / "Accuracy"), so a change that loses accuracy fails here. These
are regression floors, not issue 4's targets (precision 0.92 and recall 0.90 per category),
which recall does not reach on the held-out splits. The holdout17 split is checked in aggregate
only; its errors are not to be read (fixtures/eval/README.md; holdout16 was blind through
session 20 and is a tuning split since session 21, holdout15 through session 18, holdout14 through session 17, holdout13 through session 16, holdout12 through session
15, holdout11 through session 14, holdout10 through session 12)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402

sys.path.pop(0)

CATEGORIES = accuracy.SPECIAL

#: split: (micro P floor, micro R floor, per-category P floor, per-category R floor); measured
#: in session 22: holdout17 (blind) 0.972 / 0.909 at its start, 0.973 / 0.915 at its end (categories
#: P >= 0.95, R >= 0.86), holdout16 (read in session 21) 0.985 / 0.917 (P >= 0.96, R >= 0.81);
#: at the end of session 19: holdout16 (blind) 0.979 / 0.874 (categories P >= 0.94, R >= 0.78),
#: holdout15 (read in session 19) 0.99 / 0.93 (P >= 0.98, R >= 0.89); at the end of session 18: holdout15 (blind) 0.987 / 0.904 (categories P >= 0.97, R >= 0.85),
#: holdout14 (read in session 18) 1.00 / 0.96 (P >= 0.98, R >= 0.93); at the end of session 17: holdout14 (blind) 0.98 / 0.93 (categories P >= 0.96, R >= 0.88),
#: holdout13 (read in session 17) 0.99 / 0.93 (P >= 0.98, R >= 0.90); at the end of session 16: holdout13 (blind) 0.985 / 0.891 (categories P >= 0.97, R >= 0.84),
#: holdout12 (read in session 16) 0.99 / 0.93 (R >= 0.90); at the end of session 15: holdout12 (blind) 0.99 / 0.92 (categories P >= 0.96, R >= 0.88),
#: holdout11 (read in session 15) 0.99 / 0.92 (P >= 0.97, R >= 0.84); at the end of session 12: holdout11 (blind) 0.99 / 0.90 (categories P >= 0.97, R >= 0.83),
#: holdout10 (blind) 0.98 / 0.91 (P >= 0.97, R >= 0.85); at the end of session 11:
#: holdout9 (read in session 11) 0.98 / 0.90 (P >= 0.95, R >= 0.83); at the end of session 10:
#: holdout8 (read in session 10) 0.99 / 0.90 (P >= 0.96, R >= 0.82), holdout7 0.98 / 0.94
#: (P >= 0.96, R >= 0.89), holdout6 0.98 / 0.91 (P >= 0.94, R >= 0.86), holdout5 0.98 / 0.95
#: (P >= 0.96, R >= 0.88), holdout4 0.99 / 0.94 (P >= 0.96, R >= 0.90), holdout3 0.99 / 0.96
#: (P >= 0.98, R >= 0.94), holdout2 0.99 / 0.98, holdout 0.99 / 0.96 (R >= 0.94), dev2 1.00 /
#: 0.95, test 1.00 / 0.98.
FLOORS = {
    "holdout17": (0.95, 0.88, 0.92, 0.82),
    "holdout16": (0.95, 0.89, 0.93, 0.78),
    "holdout15": (0.95, 0.90, 0.93, 0.86),
    "holdout14": (0.95, 0.93, 0.93, 0.90),
    "holdout13": (0.95, 0.90, 0.93, 0.85),
    "holdout12": (0.95, 0.89, 0.93, 0.85),
    "holdout11": (0.95, 0.87, 0.93, 0.80),
    "holdout10": (0.95, 0.88, 0.93, 0.81),
    "holdout9": (0.95, 0.87, 0.92, 0.79),
    "holdout8": (0.95, 0.87, 0.93, 0.79),
    "holdout7": (0.95, 0.91, 0.93, 0.85),
    "holdout6": (0.95, 0.88, 0.91, 0.83),
    "holdout5": (0.95, 0.91, 0.92, 0.84),
    "holdout4": (0.95, 0.90, 0.92, 0.83),
    "holdout3": (0.96, 0.92, 0.94, 0.86),
    "holdout2": (0.96, 0.94, 0.92, 0.90),
    "holdout": (0.96, 0.92, 0.92, 0.86),
    "dev2": (0.96, 0.92, 0.92, 0.86),
    "test": (0.97, 0.95, 0.92, 0.92),
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_sentences_stay_above_their_floors(scanner, split) -> None:
    rows = accuracy.load_split(ROOT / "fixtures" / "eval", split)
    assert rows, split
    gold = [set(r.categories) for r in rows]
    pred = [{f.category for f in scanner.analyze_text(r.text)} & set(CATEGORIES) for r in rows]
    scores = accuracy.score(gold, pred, CATEGORIES)
    p_micro, r_micro, p_cat, r_cat = FLOORS[split]
    assert scores["micro"]["precision"] >= p_micro, scores["micro"]
    assert scores["micro"]["recall"] >= r_micro, scores["micro"]
    for cat in CATEGORIES:
        per = scores["per_category"][cat]
        assert per["precision"] >= p_cat, (split, cat, round(per["precision"], 3))
        assert per["recall"] >= r_cat, (split, cat, round(per["recall"], 3))
