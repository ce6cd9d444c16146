"""Rules as data: one YAML file per detector family, loaded into Presidio recognizers.

A rule file (``analyze/rules/*.yaml``) holds a list of rules; each rule has::

    id: us_ssn                      # stable; findings name it
    category: NATIONAL_ID           # one of docscreen.categories.Category
    entity_type: US_SSN
    validator: us_ssn               # optional, a name in analyze.validators.VALIDATORS
    trim_to_valid: false            # optional: on a failed validation, retry shorter spans
                                    # that end at a separator (an IBAN followed by "BIC ...")
    patterns:
      - {name: dashed, regex: '...', score: 0.6}
      - {name: bare, regex: '...', score: 0.3, requires_context: true}
    context: [ssn, social security number]           # whole words/phrases that raise
    negative_context: [phone, order, employee id]    # whole words/phrases that lower
    examples:
      positive: ["SSN: 536-90-4399"]                 # the rule must find its entity here
      negative: ["Phone 536-90-4399"]                # ... and must not find it here

Recognizers know nothing of files: they see text and return Presidio results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..categories import Category
from .validators import VALIDATORS

#: libyaml's safe loader when PyYAML was built with it (the lists load in a fifth of the time).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Case matters in identifier formats ([A-Z] is not [a-z]); Presidio's default is IGNORECASE.
REGEX_FLAGS = regex.MULTILINE

_SEPARATOR_BOUNDARY = regex.compile(r"[\s\-./]+")

#: Placeholders rule files use for token boundaries: not inside a longer run of word
#: characters, and not inside a longer dashed/dotted/slashed number (``12-34-5678-90``).
BOUNDARIES = {"{B}": r"(?<!\w|\d[\-./])", "{E}": r"(?!\w|[\-./]\d)"}


#: Every identifier format has at least four digits, each within two characters of the next
#: (grouped, spaced, dotted, or between letters as in an NRIC). Patterns only run on windows
#: around such runs (the rest of the text is blanked, keeping offsets): a resume has a few
#: dozen of them (dates, phones, ZIP codes), and a paragraph without one is not searched.
_CANDIDATE = regex.compile(r"\d(?:\D{0,2}\d){3,}")
#: Characters added on each side of a candidate run, then widened to whitespace, so a
#: pattern sees the letters and groups around the digits (``NL91 ABNA 0417 ...``).
_MARGIN = 32


@lru_cache(maxsize=16)
def candidate_text(text: str) -> str | None:
    """``text`` with everything outside the candidate windows blanked (same length, so
    offsets hold), or None when it has no candidate at all."""
    windows = candidate_windows(text)
    if not windows:
        return None
    out = []
    pos = 0
    for start, end in windows:
        out.append(" " * (start - pos))
        out.append(text[start:end])
        pos = end
    out.append(" " * (len(text) - pos))
    return "".join(out)


@lru_cache(maxsize=16)
def candidate_windows(text: str) -> tuple[tuple[int, int], ...]:
    """Merged spans of ``text`` where an identifier pattern can match, on whitespace bounds."""
    windows: list[list[int]] = []
    for m in _CANDIDATE.finditer(text):
        start = max(0, m.start() - _MARGIN)
        end = min(len(text), m.end() + _MARGIN)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return tuple((a, b) for a, b in windows)


def expand(pattern: str) -> str:
    for key, value in BOUNDARIES.items():
        pattern = pattern.replace(key, value)
    return pattern


@dataclass(frozen=True)
class PatternSpec:
    name: str
    regex: str
    score: float
    requires_context: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    category: Category
    entity_type: str
    patterns: tuple[PatternSpec, ...]
    context: tuple[str, ...] = ()
    negative_context: tuple[str, ...] = ()
    validator: str | None = None
    trim_to_valid: bool = False
    #: ``digits``: patterns only run near runs of four or more digits (every number format);
    #: ``none``: on the whole text (codice fiscale, whose digits may all be letters).
    prefilter: str = "digits"
    positive_examples: tuple[str, ...] = ()
    negative_examples: tuple[str, ...] = ()
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class RuleError(ValueError):
    """A rule file that does not say what a rule needs."""


def parse_rules(data: dict, source: str) -> list[Rule]:
    rules = []
    for raw in data.get("rules") or []:
        try:
            rid = raw["id"]
            patterns = tuple(
                PatternSpec(
                    name=p["name"],
                    regex=expand(p["regex"]),
                    score=float(p["score"]),
                    requires_context=bool(p.get("requires_context", False)),
                )
                for p in raw["patterns"]
            )
            validator = raw.get("validator")
            if validator is not None and validator not in VALIDATORS:
                raise RuleError(f"{source}: rule {rid}: unknown validator {validator!r}")
            for p in patterns:
                regex.compile(p.regex, REGEX_FLAGS)
            examples = raw.get("examples") or {}
            rules.append(
                Rule(
                    id=rid,
                    category=Category(raw["category"]),
                    entity_type=raw["entity_type"],
                    patterns=patterns,
                    context=tuple(c.lower() for c in raw.get("context") or ()),
                    negative_context=tuple(c.lower() for c in raw.get("negative_context") or ()),
                    validator=validator,
                    trim_to_valid=bool(raw.get("trim_to_valid", False)),
                    prefilter=_prefilter(raw.get("prefilter", "digits"), source, rid),
                    positive_examples=tuple(examples.get("positive") or ()),
                    negative_examples=tuple(examples.get("negative") or ()),
                    source=source,
                )
            )
        except (KeyError, TypeError, regex.error) as exc:
            raise RuleError(f"{source}: rule {raw.get('id', '?')}: {exc}") from None
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise RuleError(f"{source}: duplicate rule ids")
    return rules


def _prefilter(value: str, source: str, rid: str) -> str:
    if value not in ("digits", "none"):
        raise RuleError(f"{source}: rule {rid}: prefilter must be 'digits' or 'none'")
    return value


@lru_cache(maxsize=None)
def load_rules(*families: str) -> tuple[Rule, ...]:
    """Rules of the named families (file stems), or of every file when none is named."""
    folder = resources.files("docscreen.analyze") / "rules"
    rules: list[Rule] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        stem = entry.name[: -len(".yaml")]
        if families and stem not in families:
            continue
        rules.extend(parse_rules(yaml.load(entry.read_text(encoding="utf-8"), Loader=_YAML_LOADER), entry.name))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise RuleError("duplicate rule ids across rule files")
    return tuple(rules)


class RuleRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer driven by a :class:`Rule`.

    Differences from :class:`PatternRecognizer`: patterns only run where an identifier can be
    (see ``prefilter``); a passed validation keeps the pattern's score instead of jumping to 1.0 (a nine-digit number that passes the SSN rules is still only a
    nine-digit number until its context says otherwise); a failed validation drops the match,
    or, with ``trim_to_valid``, retries shorter spans ending at a separator; context is
    applied by :class:`~docscreen.analyze.context.WholeWordContextEnhancer`, which reads
    ``rule``.
    """

    #: Works on the text alone; no spaCy pass needed (see engine.needs_nlp).
    needs_nlp = False

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._validator = VALIDATORS[rule.validator] if rule.validator else None
        self._requires_context = {p.name for p in rule.patterns if p.requires_context}
        self._compiled = [(p, regex.compile(p.regex, REGEX_FLAGS)) for p in rule.patterns]
        super().__init__(
            supported_entity=rule.entity_type,
            name=f"docscreen:{rule.id}",
            patterns=[Pattern(p.name, p.regex, p.score) for p in rule.patterns],
            context=list(rule.context),
            global_regex_flags=REGEX_FLAGS,
        )

    def requires_context(self, pattern_name: str | None) -> bool:
        return pattern_name in self._requires_context

    def may_match(self, text: str) -> bool:
        """A cheap test: could any pattern of this rule match ``text``?"""
        if self.rule.prefilter == "digits":
            return bool(candidate_windows(text))
        return any(p.search(text) for _spec, p in self._compiled)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Match, validate (keeping the pattern's score) and, if asked, trim to a valid span.

        Matching is done here rather than in ``PatternRecognizer.analyze``, whose per-call
        bookkeeping (timing, debug logging, per-pattern recompilation checks) cost more than
        the regexes themselves on resume-sized text, where ~40 rules run on every segment.
        The results are Presidio's own types, with the same explanation fields.
        """
        searched = candidate_text(text) if self.rule.prefilter == "digits" else text
        if searched is None:
            return []
        results: list[RecognizerResult] = []
        for spec, pattern in self._compiled:
            for match in pattern.finditer(searched):
                span = (match.start(), match.end())
                if span[0] == span[1]:
                    continue
                if self._validator is not None:
                    span = self._valid_span(text, *span)
                    if span is None:
                        continue
                results.append(
                    RecognizerResult(
                        entity_type=self.rule.entity_type,
                        start=span[0],
                        end=span[1],
                        score=spec.score,
                        analysis_explanation=AnalysisExplanation(
                            recognizer=self.name,
                            original_score=spec.score,
                            pattern_name=spec.name,
                            pattern=spec.regex,
                            validation_result=True if self._validator else None,
                            textual_explanation=f"Detected by `{self.name}` using pattern `{spec.name}`",
                        ),
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return EntityRecognizer.remove_duplicates(results)

    def _valid_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        assert self._validator is not None
        if self._validator(text[start:end]):
            return start, end
        if not self.rule.trim_to_valid:
            return None
        # Shorter candidates ending just before a separator, longest first.
        cuts = [m.start() for m in _SEPARATOR_BOUNDARY.finditer(text, start, end)]
        for cut in sorted(cuts, reverse=True):
            if cut > start and self._validator(text[start:cut]):
                return start, cut
        return None
