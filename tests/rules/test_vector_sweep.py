"""Corpus identifier vectors placed after their usual label: valid ones found, invalid ones not.

The rows and the listed exceptions (each with its reason) live in bench/vector_sweep.py,
which also prints the detection rate per type.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from vector_sweep import TYPES, check, rows  # noqa: E402


def test_every_vector_in_a_labelled_sentence(scanner, corpus) -> None:
    wrong = []
    seen: Counter = Counter()
    for row in rows(corpus):
        valid, found = check(scanner, row)
        seen[row["type"]] += 1
        if valid != found:
            wrong.append((row["type"], "missed" if valid else "flagged", row["source_file"], row["source_line"]))
    assert set(seen) == set(TYPES), set(TYPES) - set(seen)
    assert sum(seen.values()) > 880
    assert wrong == []
