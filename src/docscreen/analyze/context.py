"""Whole-word context, positive and negative, as a Presidio context enhancer.

Presidio's :class:`LemmaContextAwareEnhancer` looks at five words before a match and, by
default, counts a context word found *inside* a lemma ("lic" inside "public" raises a driver's
licence). docscreen's enhancer matches cues as whole words (a cue of several words as a run
of words), on the lower-cased word or its lemma (from the pipeline's lookup table), in a
window before and after the match, and it also has *negative* cues ("Phone", "Order #",
"Employee ID", "ISBN") that lower a match. Text and cues are split into words by one regex,
so case never changes how a label splits.

Decision, per match of a :class:`~docscreen.analyze.rules.RuleRecognizer`:

* the nearest cue wins: a negative cue closer than any positive one lowers the score
  (x ``NEGATIVE_FACTOR``) and a pattern that needs context is dropped;
* a positive cue raises the score by ``BOOST`` to at least ``MIN_WITH_CONTEXT``;
* a pattern marked ``requires_context`` with no positive cue is dropped (score 0).

Each result's ``recognition_metadata`` records the deciding cue (``docscreen_context`` or
``docscreen_negative``) so findings can say why they fired.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from .rules import RuleRecognizer

#: Tokens looked at before and after a match (punctuation counts; whitespace does not).
PREFIX_TOKENS = 8
SUFFIX_TOKENS = 5
BOOST = 0.35
MIN_WITH_CONTEXT = 0.7
NEGATIVE_FACTOR = 0.3

POSITIVE_KEY = "docscreen_context"
NEGATIVE_KEY = "docscreen_negative"


class WholeWordContextEnhancer(ContextAwareEnhancer):
    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=BOOST,
            min_score_with_context_similarity=MIN_WITH_CONTEXT,
            context_prefix_count=PREFIX_TOKENS,
            context_suffix_count=SUFFIX_TOKENS,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        results = copy.deepcopy(raw_results)
        by_id = {r.id: r for r in recognizers}
        for result in results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if not isinstance(recognizer, RuleRecognizer):
                continue
            rule = recognizer.rule
            before, after = _window(text, result.start, result.end)
            pos = _nearest(rule.context, before, after)
            neg = _nearest(rule.negative_context, before, after)
            explanation = result.analysis_explanation
            pattern_name = explanation.pattern_name if explanation else None
            if negative_wins(pos, neg):
                result.score = 0.0 if recognizer.requires_context(pattern_name) else result.score * NEGATIVE_FACTOR
                meta[NEGATIVE_KEY] = neg[1]
            elif pos is not None:
                result.score = min(1.0, max(result.score + BOOST, MIN_WITH_CONTEXT))
                meta[POSITIVE_KEY] = pos[1]
                if explanation:
                    explanation.set_supportive_context_word(pos[1])
                    explanation.set_improved_score(result.score)
            elif recognizer.requires_context(pattern_name):
                result.score = 0.0
            result.recognition_metadata = meta
        return results


Token = tuple[str, str]  # (lower-case word, its lemma)

#: Words and single punctuation marks. Text and cues are split the same way, whatever their
#: case ("ID", "id" and "Id" are one word here; spaCy splits lower-case "id" into "i" "d").
_WORDS = re.compile(r"\w+|[^\w\s]")
#: Characters looked at on each side (enough for PREFIX_TOKENS / SUFFIX_TOKENS words).
_SPAN = 160


@lru_cache(maxsize=1)
def _lemmas() -> dict:
    from .nlp import load_nlp

    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return table


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    return _lemmas().get(word, word)


def _tokens(text: str) -> list[Token]:
    return [(w, _lemma(w)) for w in _WORDS.findall(text.lower())]


def _window(text: str, start: int, end: int) -> tuple[list[Token], list[Token]]:
    """Words before the match (in text order) and after it (in text order)."""
    before = _tokens(text[max(0, start - _SPAN) : start])[-PREFIX_TOKENS:]
    after = _tokens(text[end : end + _SPAN])[:SUFFIX_TOKENS]
    return before, after


@lru_cache(maxsize=4096)
def cue_tokens(cue: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(cue.lower()))


def _matches(window: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """Does ``words`` occur in the window starting at ``i``?"""
    if i + len(words) > len(window):
        return False
    return all(w in window[i + k] for k, w in enumerate(words))


def _nearest(cues: tuple[str, ...], before: list[Token], after: list[Token]) -> tuple[int, str, int] | None:
    """(distance in words, cue, cue length) of the nearest cue, before or after the match.

    Distance 0 is a cue that ends right before the match; a cue after the match counts from 1.
    """
    if not cues:
        return None
    present = {w for token in (*before, *after) for w in token}
    best: tuple[int, str, int] | None = None
    n = len(before)
    for cue in cues:
        words = cue_tokens(cue)
        if not words or words[0] not in present:
            continue
        for i in range(n):
            if _matches(before, i, words):
                distance = n - (i + len(words))
                if best is None or distance < best[0]:
                    best = (distance, cue, len(words))
        for i in range(len(after)):
            if _matches(after, i, words):
                distance = i + 1
                if best is None or distance < best[0]:
                    best = (distance, cue, len(words))
    return best


def negative_wins(pos: tuple[int, str, int] | None, neg: tuple[int, str, int] | None) -> bool:
    """Does the negative cue decide?

    Yes when there is no positive cue, when it is nearer than the positive one, or when it
    directly qualifies the positive cue ("Nursing license number", "Student account
    number"). A negative cue that is part of the positive one ("account" in "Permanent
    Account Number") does not count.
    """
    if neg is None:
        return False
    if pos is None:
        return True
    (dp, _cue_p, lp), (dn, _cue_n, ln) = pos, neg
    if dp <= dn and dn + ln <= dp + lp:
        return False  # inside the positive cue
    return dn < dp or dn == dp + lp
