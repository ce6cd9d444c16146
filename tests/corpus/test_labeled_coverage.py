"""The special-category term lists against public labelled text (../shared/corpus/labeled).

Not a target (PubMed abstracts and template sentences are not resumes, see
bench/labeled_coverage.py): floors a little under the measured rates, so a list edit that
loses a large part of a vocabulary fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import labeled_coverage as lc  # noqa: E402

sys.path.pop(0)


@pytest.mark.slow
def test_term_lists_cover_the_labelled_mentions(corpus, scanner) -> None:
    from docscreen.analyze.special import shared_matcher

    labeled = corpus / "labeled"
    matcher = shared_matcher()
    ncbi = lc.conll_coverage(matcher, labeled / "ncbi-disease" / "test.tsv", {"Disease": {"HEALTH_GENETIC"}})
    assert ncbi["Disease"]["rate"] >= 0.33  # measured 0.374
    cdr = lc.conll_coverage(matcher, labeled / "bc5cdr" / "test_first2500.tsv", {"Disease": {"HEALTH_GENETIC"}})
    assert cdr["Disease"]["rate"] >= 0.30  # measured 0.340
    madlibs = lc.madlibs_coverage(matcher, scanner, labeled / "identity_madlibs" / "en_identity_sentences_sample.csv")
    floors = {"ethnicity": 0.60, "religion": 0.95, "sexuality": 0.85, "disability": 0.95}
    for group, floor in floors.items():
        assert madlibs[group]["rate"] >= floor, (group, madlibs[group]["rate"])
