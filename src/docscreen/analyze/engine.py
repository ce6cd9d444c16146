"""Presidio's AnalyzerEngine, assembled by docscreen.

Never ``AnalyzerEngine()`` with defaults (it downloads ``en_core_web_lg`` and loads recognizers
that misfire on resumes): the engine gets docscreen's offline NLP engine, a registry holding
only docscreen's rule recognizers, and the whole-word context enhancer.
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from .context import WholeWordContextEnhancer
from .nlp import build_nlp_engine
from .rules import REGEX_FLAGS, Rule, RuleRecognizer, load_rules


def build_analyzer(rules: tuple[Rule, ...] | None = None, *, special: bool = True) -> AnalyzerEngine:
    """The engine: one recognizer per identifier rule, and (``special``) one disclosure
    recognizer per special category (``analyze/special.py``)."""
    rules = load_rules() if rules is None else rules
    recognizers: list[EntityRecognizer] = [RuleRecognizer(rule) for rule in rules]
    if special:
        from .special import build_recognizers

        recognizers.extend(build_recognizers())
    if not recognizers:
        raise ValueError("no rules to analyze with")
    registry = RecognizerRegistry(
        recognizers=recognizers,
        global_regex_flags=REGEX_FLAGS,
        supported_languages=["en"],
    )
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=build_nlp_engine(),
        supported_languages=["en"],
        context_aware_enhancer=WholeWordContextEnhancer(),
    )


def needs_nlp(analyzer: AnalyzerEngine) -> bool:
    """Does any recognizer read spaCy's tokens, lemmas or entities?

    docscreen's rule recognizers and its context enhancer work on the text alone (the
    enhancer takes lemmas from the pipeline's lookup table), so for them the spaCy pass that
    Presidio runs before every analysis is pure cost: ~70% of the analysis time of a resume.
    Recognizers that do need it say so with ``needs_nlp = True``.
    """
    return any(getattr(r, "needs_nlp", True) for r in analyzer.registry.recognizers)


def text_only_artifacts(analyzer: AnalyzerEngine) -> NlpArtifacts:
    """Empty NLP artifacts, handed to ``analyze`` when no recognizer needs the spaCy pass."""
    nlp = analyzer.nlp_engine.nlp["en"]
    return NlpArtifacts(
        entities=[],
        tokens=Doc(nlp.vocab, words=[]),
        tokens_indices=[],
        lemmas=[],
        nlp_engine=analyzer.nlp_engine,
        language="en",
    )
