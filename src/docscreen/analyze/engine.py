"""Presidio's AnalyzerEngine, assembled by docscreen.

Never ``AnalyzerEngine()`` with defaults (it downloads ``en_core_web_lg`` and loads recognizers
that misfire on resumes): the engine gets docscreen's offline NLP engine, a registry holding
only docscreen's rule recognizers, and the whole-word context enhancer.
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from .context import WholeWordContextEnhancer
from .nlp import build_nlp_engine
from .rules import REGEX_FLAGS, Rule, RuleRecognizer, load_rules


def build_analyzer(rules: tuple[Rule, ...] | None = None) -> AnalyzerEngine:
    rules = load_rules() if rules is None else rules
    if not rules:
        raise ValueError("no rules to analyze with")
    registry = RecognizerRegistry(
        recognizers=[RuleRecognizer(rule) for rule in rules],
        global_regex_flags=REGEX_FLAGS,
        supported_languages=["en"],
    )
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=build_nlp_engine(),
        supported_languages=["en"],
        context_aware_enhancer=WholeWordContextEnhancer(),
    )
