"""Every example of every rule: positives find the rule's entity, negatives do not."""

from __future__ import annotations

import pytest

from docscreen.analyze.rules import load_rules

RULES = load_rules()


def _cases(kind: str):
    for rule in RULES:
        examples = rule.positive_examples if kind == "positive" else rule.negative_examples
        for i, text in enumerate(examples):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}-{i}")


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES:
        assert rule.positive_examples, rule.id
        assert rule.negative_examples, rule.id


@pytest.mark.parametrize(("rule", "text"), list(_cases("positive")))
def test_positive_example(scanner, rule, text: str) -> None:
    found = [f for f in scanner.analyze_text(text) if f.rule == rule.id]
    assert found, f"{rule.id} did not fire"


@pytest.mark.parametrize(("rule", "text"), list(_cases("negative")))
def test_negative_example(scanner, rule, text: str) -> None:
    found = [f for f in scanner.analyze_text(text) if f.entity_type == rule.entity_type]
    assert not found, [(f.rule, f.preview, f.explanation) for f in found]
