"""Every example of every language file (``analyze/lexicons/languages``), through the whole
Scanner: positives find each of their categories, negatives find no special category."""

from __future__ import annotations

import pytest

from docscreen.analyze.scripts import load_languages
from docscreen.analyze.special import SPECIAL

LANGUAGES = load_languages()
_SPECIAL = {c.value for c in SPECIAL}

#: Native negatives of the Latin-script files (written in session 10) that the ENGLISH engine
#: still reports: its multilingual term lists read a word of another language as a term or a
#: cue ("Imam iskustvo" is Croatian "I have", "PS : je suis disponible", "une enceinte
#: connectée" is a speaker, Tagalog and Indonesian "ako"/"saya" before a word that is also a
#: condition's name). Known false positives, kept here so they are seen and so a fix shows
#: (strict: a case that starts passing fails until it is taken off the list). Session 12 took
#: 8 off: an English finding after another person's word of the sentence's language is theirs
#: ("Fiul meu are autism"); the languages' negations and work words, tried too, cost the eval
#: splits 23 disclosures for none of these. Session 13 took 5 off (the retrained classifier, and a term that is a function word
#: of the sentence's language is that language's word: "Imam" in Croatian and Slovenian) and,
#: with the retrained classifier, whose veto is no longer below 0.05 on them, put 5 on (Catalan
#: "i" read as "I", a Hungarian journalist's parties, a Dutch thesis topic, a Romanian prison
#: officer's prison, a Vietnamese "not a party member").
ENGLISH_ENGINE_FALSE_POSITIVES = frozenset({
    "af-negative-11",
    "ca-negative-11",
    "de-negative-22",
    "es-negative-29",
    "fr-negative-17",
    "fr-negative-19",
    "fr-negative-20",
    "fr-negative-23",
    "fr-negative-28",
    "hr-negative-13",
    "hu-negative-12",
    "id-negative-1",
    "id-negative-10",
    "id-negative-12",
    "id-negative-15",
    "id-negative-19",
    "id-negative-21",
    "id-negative-5",
    "it-negative-27",
    "it-negative-6",
    "nl-negative-1",
    "nl-negative-23",
    "pt-negative-12",
    "pt-negative-21",
    "pt-negative-27",
    "pt-negative-28",
    "ro-negative-15",
    "ro-negative-8",
    "sv-negative-1",
    "sv-negative-12",
    "sv-negative-21",
    "tl-negative-11",
    "tl-negative-16",
    "tl-negative-18",
    "tl-negative-19",
    "tl-negative-20",
    "tr-negative-9",
    "vi-negative-13",
    "vi-negative-16",
    "vi-negative-6",
})
#: Positives a language file cannot reach: "Som ateista." (Slovak "I am an atheist") holds one
#: function word that Danish, Norwegian and Swedish share, so its first-person word is unsure.
UNREACHED = frozenset({"sk-positive-14"})
#: Positives of the Latin-script files that rest on a cue of their category ("diagnosticada",
#: "afiliado"): Latin-script sentences take no cue from the language files (see
#: analyze/scripts.py), so these are left to the English engine, which misses them. Session 17
#: took 3 off: a cue that opens a short line right before the term is read (see
#: analyze/lexicons/languages/README.md).
NO_LATIN_CUES = frozenset({
    "ca-positive-23",
    "cs-positive-4",
    "de-positive-16",
    "es-positive-28",
    "es-positive-9",
    "et-positive-13",
    "et-positive-14",
    "fi-positive-14",
    "hr-positive-4",
    "hu-positive-17",
    "hu-positive-4",
    "hu-positive-6",
    "hu-positive-8",
    "id-positive-15",
    "it-positive-4",
    "sk-positive-4",
    "sl-positive-1",
    "sl-positive-4",
    "sw-positive-13",
    "sw-positive-14",
    "tr-positive-15",
    "tr-positive-18",
    "vi-positive-15",
})


def _cases(kind: str):
    for lg in LANGUAGES:
        examples = lg.positive_examples if kind == "positive" else [(t, ()) for t in lg.negative_examples]
        for i, (text, cats) in enumerate(examples):
            case = f"{lg.code}-{kind}-{i}"
            marks = ()
            if case in ENGLISH_ENGINE_FALSE_POSITIVES:
                marks = pytest.mark.xfail(strict=True, reason="the English engine reads this sentence's words as English terms or cues")
            elif case in UNREACHED:
                marks = pytest.mark.xfail(strict=True, reason="too little of its language to read it with its lists")
            elif case in NO_LATIN_CUES:
                marks = pytest.mark.xfail(strict=True, reason="a cue decides it, and Latin-script sentences take no cue from the lists")
            yield pytest.param(text, cats, id=case, marks=marks)


def test_languages_ship_with_examples_both_ways() -> None:
    assert len(LANGUAGES) >= 10
    # (the known failures are a small part: 1,821 + 1,200 examples)
    assert len(ENGLISH_ENGINE_FALSE_POSITIVES) <= 40 and len(UNREACHED) <= 5 and len(NO_LATIN_CUES) <= 40
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
