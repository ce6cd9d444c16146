"""Verdicts: a pure function from findings, document errors and a policy to a decision.

``evaluate(findings, errors, policy)`` returns a :class:`Verdict`: ``accept``, ``review``,
``reject`` or ``error``, the :class:`Reason` s (category or error code, count, locations), and a
:class:`Disposition` for every finding (why it did or did not count).

A finding counts when its category's action is ``reject`` or ``review``, its score is at least
the category's ``min_score`` and no unexpired allow-list entry covers it. A document error
counts by its code's ``unscannable`` action. Findings of an advisory kind that the policy has
off are dropped (``advisory_off``).

Severity, most severe first: **reject > error > review > accept**. ``reject`` is certain
evidence: reading the rest of a document can only add reasons, never remove one, so a document
that already has a reject reason is rejected even if part of it could not be read. ``error``
means "could not be decided" (a timeout, a crash, an I/O failure): the unread part might hold
anything, so it outranks ``review``. ``accept`` only when there is no reason at all; a document
that was not read fully has an error reason, and no error code is ``allow`` in the default
policy, so it is never accepted by default (fail closed).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..categories import Advisory, Category
from ..errors import ErrorCode
from ..model import Finding, Location, ScanError, ScanResult, Segment
from .policy import Policy

#: Decisions, least severe first.
DECISIONS = ("accept", "review", "error", "reject")
_RANK = {d: i for i, d in enumerate(DECISIONS)}
_CATEGORY_ORDER = {c: i for i, c in enumerate([*(c.value for c in Category), *(a.value for a in Advisory)])}
_CODE_ORDER = {c.value: i for i, c in enumerate(ErrorCode)}

#: Finding dispositions.
COUNTED = "counted"
BELOW_MIN_SCORE = "below_min_score"
ALLOWED_CATEGORY = "allowed_category"
ALLOW_LISTED = "allow_listed"
ADVISORY_OFF = "advisory_off"
STATUSES = (COUNTED, BELOW_MIN_SCORE, ALLOWED_CATEGORY, ALLOW_LISTED, ADVISORY_OFF)


def severity(decision: str) -> int:
    """0 for accept ... 3 for reject (see the module docstring for the order)."""
    return _RANK[decision]


@dataclass(frozen=True)
class Reason:
    """Why a document is not accepted: one category (findings) or one error code."""

    decision: str  # review | error | reject
    kind: str  # "finding" | "unscannable"
    category: str | None
    code: str | None
    count: int
    #: Where (finding locations, or error locations; None = the document as a whole).
    locations: tuple[Location | None, ...]
    entity_types: tuple[str, ...] = ()
    #: Human summary; never document text (error messages are docscreen's own).
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "kind": self.kind,
            "category": self.category,
            "code": self.code,
            "count": self.count,
            "entity_types": list(self.entity_types),
            "locations": [loc.to_dict() if loc else None for loc in self.locations],
            "message": self.message,
        }


@dataclass(frozen=True)
class Disposition:
    status: str
    #: Which allow-list entry (``allow.term[0]: employer name``) or rule decided it.
    note: str | None = None


@dataclass(frozen=True)
class Verdict:
    decision: str
    reasons: tuple[Reason, ...] = ()
    #: One per finding given to :func:`evaluate`, in the same order.
    dispositions: tuple[Disposition, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.decision, "reasons": [r.to_dict() for r in self.reasons]}


def _today(now: _dt.datetime | _dt.date | None) -> _dt.date:
    if now is None:
        return _dt.datetime.now(_dt.timezone.utc).date()
    if isinstance(now, _dt.datetime):
        return (now.astimezone(_dt.timezone.utc) if now.tzinfo else now).date()
    return now


def _applies(entry, category: str, today: _dt.date) -> bool:
    if entry.expires is not None and today > entry.expires:
        return False
    return not entry.categories or category in entry.categories


def _note(kind: str, index: int, reason: str | None) -> str:
    return f"allow.{kind}[{index}]" + (f": {reason}" if reason else "")


def evaluate(
    findings: Sequence[Finding],
    errors: Iterable[ScanError],
    policy: Policy,
    *,
    now: _dt.datetime | _dt.date | None = None,
    term_hits: Mapping[int, Collection[int]] | None = None,
) -> Verdict:
    """The verdict for one document. Pure: the same arguments give the same verdict.

    ``now`` (default: today, UTC) decides allow-list expiry (``expires`` is the last day an
    entry holds). ``term_hits`` maps a finding's index to the indexes of ``policy.allow_terms``
    whose text covers it (see :func:`find_term_hits`); a term also matches a finding whose
    fingerprint equals the term's (``Policy.bind``).
    """
    today = _today(now)
    term_hits = term_hits or {}
    dispositions: list[Disposition] = []
    groups: dict[tuple[str, str], list[Finding]] = {}
    for i, f in enumerate(findings):
        rule = policy.rule_for(f.category)
        if rule is None:
            dispositions.append(Disposition(ADVISORY_OFF))
            continue
        if rule.action == "allow":
            dispositions.append(Disposition(ALLOWED_CATEGORY, f"{f.category}: allow"))
            continue
        if f.score < rule.min_score:
            dispositions.append(Disposition(BELOW_MIN_SCORE, f"{f.score:.2f} < {rule.min_score:g}"))
            continue
        note = None
        for j, entry in enumerate(policy.allow_fingerprints):
            if entry.fingerprint == f.fingerprint and _applies(entry, f.category, today):
                note = _note("fingerprint", j, entry.reason)
                break
        if note is None:
            covering = set(term_hits.get(i, ()))
            for j, entry in enumerate(policy.allow_terms):
                if (j in covering or (entry.fingerprint is not None and entry.fingerprint == f.fingerprint)) and _applies(
                    entry, f.category, today
                ):
                    note = _note("term", j, entry.reason)
                    break
        if note is not None:
            dispositions.append(Disposition(ALLOW_LISTED, note))
            continue
        dispositions.append(Disposition(COUNTED, f"{f.category}: {rule.action}"))
        groups.setdefault((rule.action, f.category), []).append(f)

    reasons: list[Reason] = []
    for (action, category), found in groups.items():
        locations = tuple(dict.fromkeys(f.location for f in found))
        types = tuple(dict.fromkeys(f.entity_type for f in found))
        places = list(dict.fromkeys(loc.describe() for loc in locations))
        where = "; ".join(places[:3]) + (" ..." if len(places) > 3 else "")
        reasons.append(
            Reason(
                decision=action,
                kind="finding",
                category=category,
                code=None,
                count=len(found),
                locations=locations,
                entity_types=types,
                message=f"{len(found)} {category} finding{'s' if len(found) != 1 else ''} ({', '.join(types)}) in {where}",
            )
        )
    by_code: dict[tuple[str, str], list[ScanError]] = {}
    for e in errors:
        action = policy.action_for_error(e.code)
        if action == "allow":
            continue
        code = e.code.value if isinstance(e.code, ErrorCode) else str(e.code)
        by_code.setdefault((action, code), []).append(e)
    for (action, code), errs in by_code.items():
        more = f" (+{len(errs) - 1} more)" if len(errs) > 1 else ""
        reasons.append(
            Reason(
                decision=action,
                kind="unscannable",
                category=None,
                code=code,
                count=len(errs),
                locations=tuple(dict.fromkeys(e.location for e in errs)),
                message=f"{code}: {errs[0].message}{more}",
            )
        )
    reasons.sort(
        key=lambda r: (
            -_RANK[r.decision],
            0 if r.kind == "finding" else 1,
            _CATEGORY_ORDER.get(r.category, 99) if r.category else _CODE_ORDER.get(r.code, 99),
        )
    )
    decision = max((r.decision for r in reasons), key=_RANK.__getitem__, default="accept")
    return Verdict(decision=decision, reasons=tuple(reasons), dispositions=tuple(dispositions))


# -- term allow-list: the half that needs the document's text --------------------------------
def _term_regex(term: str) -> re.Pattern[str]:
    words = term.split()
    body = r"\s+".join(re.escape(w) for w in words)
    start = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    end = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def find_term_hits(findings: Sequence[Finding], segments: Iterable[Segment], policy: Policy) -> dict[int, tuple[int, ...]]:
    """For each finding, the allowed terms (indexes into ``policy.allow_terms``) that have an
    occurrence in the finding's segment covering the finding's span: "Cancer Research UK"
    covers a HEALTH_GENETIC finding on "Cancer" in that employer's name, not one elsewhere.

    Runs where the text is (the scanning process); only indexes leave it.
    """
    if not policy.allow_terms or not findings:
        return {}
    texts: dict[Location, list[str]] = {}
    for seg in segments:
        texts.setdefault(seg.location, []).append(seg.text)
    patterns = [_term_regex(t.term) for t in policy.allow_terms]
    hits: dict[int, tuple[int, ...]] = {}
    for i, f in enumerate(findings):
        found = []
        for j, pattern in enumerate(patterns):
            if any(
                m.start() <= f.start and f.end <= m.end()
                for text in texts.get(f.location, ())
                for m in pattern.finditer(text)
            ):
                found.append(j)
        if found:
            hits[i] = tuple(found)
    return hits


def decide(result: ScanResult, policy: Policy, *, now: _dt.datetime | _dt.date | None = None) -> Verdict:
    """The verdict for a :class:`ScanResult` that still has its segments (library use)."""
    hits = find_term_hits(result.findings, result.document.segments, policy)
    return evaluate(result.findings, result.document.errors, policy, now=now, term_hits=hits)
