"""Whole-word context: cues match words, not substrings; the nearest cue decides."""

from __future__ import annotations

import pytest

from docscreen.analyze.context import _nearest, _window, cue_tokens, negative_wins


def window(text: str, value: str):
    start = text.index(value)
    return _window(text, start, start + len(value))


def test_cue_inside_a_word_does_not_count() -> None:
    before, after = window("Our public 12345678 record", "12345678")
    assert _nearest(("lic",), before, after) is None
    assert _nearest(("public",), before, after) == (0, "public", 1)


def test_multiword_cue_and_case_and_punctuation() -> None:
    before, after = window("Social Security #: 431-26-0181", "431-26-0181")
    assert _nearest(("social security",), before, after) == (2, "social security", 2)
    assert _nearest(("ss #",), before, after) is None
    before, after = window("STATE ID 987654321", "987654321")
    assert _nearest(("state id",), before, after) == (0, "state id", 2)
    assert cue_tokens("T.C. Kimlik") == ("t", ".", "c", ".", "kimlik")


def test_lemmas_match_inflected_words() -> None:
    before, after = window("Passports: 582913047", "582913047")
    assert _nearest(("passport",), before, after) is not None


def test_cue_after_the_match_counts_from_one() -> None:
    before, after = window("4462 8194 8219 9359 (Visa, exp 04/28)", "4462 8194 8219 9359")
    assert _nearest(("visa",), before, after) == (2, "visa", 1)


@pytest.mark.parametrize(
    ("text", "positive", "negative", "negative_decides"),
    [
        ("Phone 123 SSN 431-26-0181", "ssn", "phone", False),  # positive nearer
        ("SSN 123 Phone 431-26-0181", "ssn", "phone", True),  # negative nearer
        ("Nursing license number 12345678", "license number", "nursing", True),  # qualifies
        ("Permanent Account Number SGCPL8279I", "permanent account number", "account", False),  # inside
    ],
)
def test_negative_cue_decision(text: str, positive: str, negative: str, negative_decides: bool) -> None:
    value = text.split()[-1]
    before, after = window(text, value)
    pos = _nearest((positive,), before, after)
    neg = _nearest((negative,), before, after)
    assert pos is not None and neg is not None
    assert negative_wins(pos, neg) is negative_decides
