"""Every example of every special-category lexicon, through the whole Scanner: positives find
the lexicon's category, negatives do not find it."""

from __future__ import annotations

import pytest

from docscreen.analyze.special import SPECIAL, load_lexicons

SPECS, _COMMON = load_lexicons()


def _cases(kind: str):
    for spec in SPECS:
        for lex in spec.lexicons:
            examples = lex.positive_examples if kind == "positive" else lex.negative_examples
            for i, text in enumerate(examples):
                yield pytest.param(spec.category.value, text, id=f"{lex.rule}-{kind}-{i}")
        for i, text in enumerate(spec.form_examples.get(kind, ())):
            yield pytest.param(spec.category.value, text, id=f"{spec.stem}.form_field-{kind}-{i}")


def test_shipped_lexicons_cover_the_eight_categories() -> None:
    specs, _common = load_lexicons()
    assert {s.category for s in specs} == set(SPECIAL)


def test_every_lexicon_has_examples_both_ways_and_a_source() -> None:
    for spec in SPECS:
        for lex in spec.lexicons:
            assert len(lex.positive_examples) >= 3, lex.rule
            assert len(lex.negative_examples) >= 3, lex.rule
            assert lex.source.strip(), lex.rule


@pytest.mark.parametrize(("category", "text"), list(_cases("positive")))
def test_positive_example(scanner, category: str, text: str) -> None:
    found = [f for f in scanner.analyze_text(text) if f.category == category]
    assert found, f"{category} not found"


@pytest.mark.parametrize(("category", "text"), list(_cases("negative")))
def test_negative_example(scanner, category: str, text: str) -> None:
    found = [f for f in scanner.analyze_text(text) if f.category == category]
    assert not found, [(f.rule, f.preview, f.explanation) for f in found]
