"""The library object every shell uses: load the engine once, scan many documents."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from presidio_analyzer import RecognizerResult

from .analyze import special
from .analyze.context import NEGATIVE_KEY, POSITIVE_KEY
from .analyze.engine import build_analyzer, needs_nlp, text_only_artifacts
from .analyze.rules import Rule, load_rules
from .extract import extract_bytes, extract_path
from .limits import Limits
from .model import ExtractedDocument, Finding, Location, ScanResult, Segment
from .normalize import normalize
from .report.redact import Fingerprinter, mask

#: Validators that check a format only (no checksum): on a tie, a checksum-validated
#: reading of the same span wins.
_FORMAT_ONLY = frozenset({"us_bank_account", "uk_sort_code", "uk_bank_account"})


class Scanner:
    """Loads the analyzer once; turns documents (or text) into findings.

    ``min_score``: findings scoring lower are not reported. ``fingerprint_key``: the HMAC
    key for fingerprints (default: ``$DOCSCREEN_FINGERPRINT_KEY`` or the per-install key file).
    """

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        min_score: float = 0.5,
        fingerprint_key: bytes | None = None,
        rules: tuple[Rule, ...] | None = None,
        special: bool = True,
    ) -> None:
        self.limits = limits or Limits()
        self.min_score = min_score
        self.rules = load_rules() if rules is None else rules
        self._by_name = {f"docscreen:{r.id}": r for r in self.rules}
        self._analyzer = build_analyzer(self.rules, special=special)
        self._artifacts = None if needs_nlp(self._analyzer) else text_only_artifacts(self._analyzer)
        self._recognizers = self._analyzer.registry.recognizers
        self._fingerprint = Fingerprinter(fingerprint_key)

    def warm_up(self) -> None:
        """Compile now what the recognizers otherwise compile on first use (every language's
        lists: seconds), so that no document's scan pays for it."""
        for recognizer in self._recognizers:
            warm = getattr(recognizer, "warm_up", None)
            if warm is not None:
                warm()

    # -- documents ---------------------------------------------------------------------
    def scan_bytes(self, data: bytes, *, name: str | None = None, declared_mime: str | None = None) -> ScanResult:
        start = time.perf_counter()
        doc = extract_bytes(data, name=name, declared_mime=declared_mime, limits=self.limits)
        return self._scan(doc, time.perf_counter() - start)

    def scan_path(self, path: str | os.PathLike[str]) -> ScanResult:
        start = time.perf_counter()
        doc = extract_path(Path(path), limits=self.limits)
        return self._scan(doc, time.perf_counter() - start)

    def scan_document(self, doc: ExtractedDocument) -> ScanResult:
        return self._scan(doc, 0.0)

    def _scan(self, doc: ExtractedDocument, extract_s: float) -> ScanResult:
        start = time.perf_counter()
        findings = self.analyze_segments(doc.segments)
        return ScanResult(
            document=doc,
            findings=tuple(findings),
            timings={"extract_s": extract_s, "analyze_s": time.perf_counter() - start},
        )

    # -- text ------------------------------------------------------------------------
    def analyze_text(self, text: str, location: Location | None = None) -> list[Finding]:
        return self.analyze_segments([Segment(text, location or Location("body"))])

    def analyze_segments(self, segments: Iterable[Segment]) -> list[Finding]:
        """Findings of a whole document (or any run of segments).

        One document-level rule: where the document mentions a category professionally
        again and again (a criminal-defence paralegal's case types, an oncology analyst's
        registries: ``special.DOMAIN_MIN`` professional mentions or more, those of related
        categories counted too: ``special.DOMAIN_RELATED``), its *weak*
        disclosures of that category (a status line without a cue, a listed organisation, a
        self-contained phrase in a sentence with a job-duty verb such as "Oversee Drug
        Rehabilitation Requirements") are read as more of the same work and dropped. One line
        gives at most ``special.LINE_MENTIONS_MAX`` of the mentions. Strong ones (a form field, a
        disclosure cue such as "I was diagnosed with") stay.
        """
        findings: list[Finding] = []
        seen: set[tuple] = set()
        professional: Counter[str] = Counter()
        for segment in segments:
            for finding in self._analyze_segment(segment, professional):
                loc = finding.location
                key = (finding.category, finding.entity_type, finding.fingerprint, loc.part, loc.page, loc.section, loc.container)
                if key in seen:
                    continue  # the same value in the same place (e.g. a tracked-change view)
                seen.add(key)
                findings.append(finding)
        return [
            f
            for f in findings
            if not (f.pattern in special.DOCUMENT_WEAK_DECISIONS and special.domain_mentions(professional, f.category) >= special.DOMAIN_MIN)
        ]

    def _analyze_segment(self, segment: Segment, professional: Counter[str] | None = None) -> list[Finding]:
        norm = normalize(segment.text)
        if not any(getattr(r, "may_match", lambda _t: True)(norm.text) for r in self._recognizers):
            return []  # no rule can match here: skip the engine (most paragraphs)
        results = self._analyzer.analyze(
            text=norm.text, language="en", return_decision_process=True, nlp_artifacts=self._artifacts
        )
        if professional is not None:
            # at most LINE_MENTIONS_MAX mentions a line and category: one line's own terms are
            # not a document's work ("Reconnaissance de la qualité de travailleur handicapé
            # (RQTH) – surdité partielle" read "travailleur" as a work word for all three of
            # its health terms)
            mentions: Counter[tuple[str, int]] = Counter()
            for r in results:
                meta = r.recognition_metadata or {}
                if meta.get(special.DECISION_KEY) == "professional":
                    # a party mentioned at work is a professional mention of politics too
                    line = norm.text.count("\n", 0, r.start)
                    for category in (meta[special.CATEGORY_KEY], *meta.get(special.ALSO_KEY, ())):
                        mentions[category, line] += 1
            for (category, _line), n in mentions.items():
                professional[category] += min(n, special.LINE_MENTIONS_MAX)
        kept = [r for r in results if r.score >= self.min_score]
        identifiers = _resolve_overlaps(
            [r for r in kept if _name(r) in self._by_name], self._by_name
        )
        # Disclosures are decided per category by their recognizer (one reading per span
        # there); a party membership is also a political belief on the same span.
        disclosures = [r for r in kept if _name(r) not in self._by_name]
        findings = []
        for r in identifiers:
            rule = self._by_name[_name(r)]
            explanation = r.analysis_explanation
            findings.append(
                self._finding(
                    r, segment, norm, rule.category.value, rule.id,
                    explanation.pattern_name if explanation else None, rule.validator,
                )
            )
        for r in disclosures:
            meta = r.recognition_metadata
            findings.append(
                self._finding(
                    r, segment, norm, meta[special.CATEGORY_KEY], meta[special.RULE_KEY],
                    meta.get(special.DECISION_KEY), None,
                )
            )
        findings.sort(key=lambda f: f.start)
        return findings

    def _finding(
        self, r: RecognizerResult, segment: Segment, norm, category: str, rule: str, pattern: str | None,
        validator: str | None,
    ) -> Finding:
        """A Finding from a Presidio result: the span mapped back to the original text, the
        deciding cues from the result's metadata, a masked preview and a fingerprint."""
        start, end = norm.to_original(r.start, r.end)
        meta = r.recognition_metadata or {}
        return Finding(
            category=category,
            entity_type=r.entity_type,
            score=r.score,
            location=segment.location,
            start=start,
            end=end,
            rule=rule,
            pattern=pattern,
            validator=validator,
            validated=True if validator else None,
            context=meta.get(POSITIVE_KEY),
            negative_context=meta.get(NEGATIVE_KEY),
            preview=mask(segment.text[start:end]),
            fingerprint=self._fingerprint(norm.text[r.start : r.end]),
            flags=segment.flags,
        )


def _name(r: RecognizerResult) -> str:
    return r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY]


def _resolve_overlaps(results: list[RecognizerResult], rules: dict[str, Rule]) -> list[RecognizerResult]:
    """One reading per span: the highest score wins; on a tie, a checksum beats a format."""

    def strength(r: RecognizerResult) -> tuple[float, int, int]:
        rule = rules[r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY]]
        checked = 1 if rule.validator and rule.validator not in _FORMAT_ONLY else 0
        return (round(r.score, 6), checked, r.end - r.start)

    kept: list[RecognizerResult] = []
    for r in sorted(results, key=strength, reverse=True):
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return kept
