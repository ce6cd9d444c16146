"""Every example of every language file (``analyze/lexicons/languages``), through the whole
Scanner: positives find each of their categories, negatives find no special category."""

from __future__ import annotations

import pytest

from docscreen.analyze.scripts import load_languages
from docscreen.analyze.special import SPECIAL

LANGUAGES = load_languages()
_SPECIAL = {c.value for c in SPECIAL}


def _cases(kind: str):
    for lg in LANGUAGES:
        examples = lg.positive_examples if kind == "positive" else [(t, ()) for t in lg.negative_examples]
        for i, (text, cats) in enumerate(examples):
            yield pytest.param(text, cats, id=f"{lg.code}-{kind}-{i}")


def test_languages_ship_with_examples_both_ways() -> None:
    assert len(LANGUAGES) >= 10
    for lg in LANGUAGES:
        assert len(lg.positive_examples) >= 10, lg.code
        assert len(lg.negative_examples) >= 10, lg.code
        assert lg.scripts, lg.code


@pytest.mark.parametrize(("text", "categories"), list(_cases("positive")))
def test_positive_example(scanner, text: str, categories: tuple[str, ...]) -> None:
    found = {f.category for f in scanner.analyze_text(text)}
    missing = [c for c in categories if c not in found]
    assert not missing, f"{missing} not found"


@pytest.mark.parametrize(("text", "categories"), list(_cases("negative")))
def test_negative_example(scanner, text: str, categories) -> None:
    found = [f for f in scanner.analyze_text(text) if f.category in _SPECIAL]
    assert not found, [(f.rule, f.preview, f.explanation) for f in found]
