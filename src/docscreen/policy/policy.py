"""Policies: what to do with each category, with unreadable content, and what is allow-listed.

A :class:`Policy` is a frozen value. :func:`default_policy` is the shipped
``policy/default.toml``; :func:`load_policy` reads a TOML file *over* that default (a file only
names what it changes), and :func:`policy_from_dict` does the same for a mapping. Every key is
checked: an unknown key or a bad value raises :class:`PolicyError` naming the key
(``categories.HEALTH_GENETIC.min_score``) and the file.

Term allow-lists hold the term as written in the policy; :meth:`Policy.bind` computes each
term's keyed fingerprint with the scanner's :class:`~docscreen.report.redact.Fingerprinter`,
so a finding whose fingerprint equals a term's fingerprint is allowed without the scanner ever
keeping the raw value (see :mod:`docscreen.policy.verdict` for the other half: a finding that
lies inside an occurrence of the term).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..categories import Advisory, Category
from ..errors import ErrorCode
from ..limits import Limits

#: What a category (or an advisory kind) can ask for.
ACTIONS = ("reject", "review", "allow")
#: What unreadable content can ask for.
UNSCANNABLE_ACTIONS = ("reject", "review", "error", "allow")
POLICY_VERSION = 1

_DEFAULT_RESOURCE = "default.toml"


class PolicyError(ValueError):
    """A policy that cannot be used. The message names the file and the key."""


@dataclass(frozen=True)
class CategoryRule:
    action: str
    min_score: float
    #: Advisory kinds only: off drops their findings (the ten categories are always on).
    enabled: bool = True


@dataclass(frozen=True)
class AllowFingerprint:
    fingerprint: str
    reason: str | None = None
    #: The last day (UTC) the entry holds; None: no expiry.
    expires: _dt.date | None = None
    #: Only findings of these categories (empty: any).
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllowTerm:
    term: str
    reason: str | None = None
    expires: _dt.date | None = None
    categories: tuple[str, ...] = ()
    #: The term's keyed fingerprint, set by :meth:`Policy.bind` (None until then).
    fingerprint: str | None = field(default=None, compare=False)

    def __repr__(self) -> str:  # terms come from the policy, but keep reprs short anyway
        return f"AllowTerm(reason={self.reason!r}, expires={self.expires}, categories={self.categories})"


@dataclass(frozen=True)
class Policy:
    #: The ten categories, by ID.
    categories: Mapping[str, CategoryRule]
    #: The advisory kinds, by ID.
    advisory: Mapping[str, CategoryRule]
    #: Error code value -> reject | review | error | allow.
    unscannable: Mapping[str, str]
    limits: Limits = field(default_factory=Limits)
    allow_fingerprints: tuple[AllowFingerprint, ...] = ()
    allow_terms: tuple[AllowTerm, ...] = ()
    #: Where it came from ("default" or a file path), for reports.
    source: str = field(default="default", compare=False)

    # -- lookups used by evaluate() --------------------------------------------------------
    def rule_for(self, category: str) -> CategoryRule | None:
        """The rule for a category or advisory kind; None for an advisory kind that is off.

        A category this policy does not know (a newer docscreen's) is rejected at 0.5: fail
        closed.
        """
        if category in self.categories:
            return self.categories[category]
        if category in self.advisory:
            rule = self.advisory[category]
            return rule if rule.enabled else None
        return CategoryRule("reject", 0.5)

    def action_for_error(self, code: ErrorCode | str) -> str:
        """What to do with a document error; an unknown code is ``error`` (fail closed)."""
        value = code.value if isinstance(code, ErrorCode) else str(code)
        return self.unscannable.get(value, "error")

    @property
    def scanner_min_score(self) -> float:
        """The lowest min_score any reported kind asks for: what the Scanner must keep."""
        scores = [r.min_score for r in self.categories.values()]
        scores += [r.min_score for r in self.advisory.values() if r.enabled]
        return min(scores) if scores else 0.5

    def bind(self, fingerprint: Callable[[str], str]) -> "Policy":
        """This policy with each allowed term's fingerprint computed with ``fingerprint``
        (the scanner's :class:`~docscreen.report.redact.Fingerprinter`)."""
        terms = tuple(dataclasses.replace(t, fingerprint=fingerprint(t.term)) for t in self.allow_terms)
        return dataclasses.replace(self, allow_terms=terms)

    def to_dict(self) -> dict[str, Any]:
        """The policy as a TOML-shaped mapping (``policy_from_dict`` reads it back)."""
        def allow(entry: AllowFingerprint | AllowTerm, key: str) -> dict[str, Any]:
            out: dict[str, Any] = {key: getattr(entry, key)}
            if entry.reason is not None:
                out["reason"] = entry.reason
            if entry.expires is not None:
                out["expires"] = entry.expires
            if entry.categories:
                out["categories"] = list(entry.categories)
            return out

        return {
            "version": POLICY_VERSION,
            "categories": {k: {"action": r.action, "min_score": r.min_score} for k, r in self.categories.items()},
            "advisory": {
                k: {"enabled": r.enabled, "action": r.action, "min_score": r.min_score} for k, r in self.advisory.items()
            },
            "unscannable": dict(self.unscannable),
            "limits": dataclasses.asdict(self.limits),
            "allow": {
                "fingerprint": [allow(e, "fingerprint") for e in self.allow_fingerprints],
                "term": [allow(e, "term") for e in self.allow_terms],
            },
        }


# -- loading -------------------------------------------------------------------------------
def default_policy_text() -> str:
    """The shipped default policy file, comments included."""
    return resources.files(__package__).joinpath(_DEFAULT_RESOURCE).read_text(encoding="utf-8")


_DEFAULT: Policy | None = None


def default_policy() -> Policy:
    global _DEFAULT
    if _DEFAULT is None:
        data = tomllib.loads(default_policy_text())
        _DEFAULT = _build(data, base=None, where="default.toml", source="default")
    return _DEFAULT


def load_policy(path: str | Path) -> Policy:
    """Read a policy file (TOML) over the default policy."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read the policy file ({exc.strerror or type(exc).__name__})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from None
    return _build(data, base=default_policy(), where=str(path), source=str(path))


def policy_from_dict(data: Mapping[str, Any], *, source: str = "<dict>") -> Policy:
    """A policy from a mapping shaped like the TOML file, over the default policy."""
    return _build(data, base=default_policy(), where=source, source=source)


def _build(data: Mapping[str, Any], *, base: Policy | None, where: str, source: str) -> Policy:
    def fail(key: str, problem: str) -> PolicyError:
        return PolicyError(f"{where}: {key}: {problem}")

    if not isinstance(data, Mapping):
        raise fail("(top level)", "expected a table")
    known = {"version", "categories", "advisory", "unscannable", "limits", "allow"}
    for key in data:
        if key not in known:
            raise fail(key, f"unknown key (expected one of {', '.join(sorted(known))})")
    version = data.get("version", POLICY_VERSION)
    if version != POLICY_VERSION or isinstance(version, bool):
        raise fail("version", f"unsupported policy version {version!r} (this docscreen reads {POLICY_VERSION})")

    categories = _rules(
        data.get("categories", {}), "categories", [c.value for c in Category],
        base.categories if base else None, advisory=False, fail=fail,
    )
    advisory = _rules(
        data.get("advisory", {}), "advisory", [a.value for a in Advisory],
        base.advisory if base else None, advisory=True, fail=fail,
    )
    unscannable = _unscannable(data.get("unscannable", {}), base.unscannable if base else None, fail)
    limits = _limits(data.get("limits", {}), base.limits if base else Limits(), fail)
    fps, terms = _allow(data.get("allow", {}), fail)
    return Policy(
        categories=categories,
        advisory=advisory,
        unscannable=unscannable,
        limits=limits,
        allow_fingerprints=fps,
        allow_terms=terms,
        source=source,
    )


def _table(value: Any, key: str, fail) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise fail(key, f"expected a table, got {type(value).__name__}")
    return value


def _rules(value, section, ids, base, *, advisory, fail) -> dict[str, CategoryRule]:
    table = _table(value, section, fail)
    for key in table:
        if key not in ids:
            raise fail(f"{section}.{key}", f"unknown {'advisory kind' if advisory else 'category'} (expected one of {', '.join(ids)})")
    out: dict[str, CategoryRule] = {}
    for cid in ids:
        entry = _table(table.get(cid, {}), f"{section}.{cid}", fail)
        prior = base.get(cid) if base else None
        if prior is None and cid not in table:
            raise fail(f"{section}.{cid}", "missing")
        allowed = {"action", "min_score"} | ({"enabled"} if advisory else set())
        for k in entry:
            if k not in allowed:
                raise fail(f"{section}.{cid}.{k}", f"unknown key (expected one of {', '.join(sorted(allowed))})")
        action = entry.get("action", prior.action if prior else None)
        if action not in ACTIONS:
            raise fail(f"{section}.{cid}.action", f"must be one of {', '.join(ACTIONS)}, got {action!r}")
        score = entry.get("min_score", prior.min_score if prior else None)
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0.0 <= score <= 1.0:
            raise fail(f"{section}.{cid}.min_score", f"must be a number from 0 to 1, got {score!r}")
        enabled = entry.get("enabled", prior.enabled if prior else (not advisory))
        if not isinstance(enabled, bool):
            raise fail(f"{section}.{cid}.enabled", f"must be true or false, got {enabled!r}")
        out[cid] = CategoryRule(action=action, min_score=float(score), enabled=enabled)
    return out


def _unscannable(value, base, fail) -> dict[str, str]:
    table = _table(value, "unscannable", fail)
    codes = [c.value for c in ErrorCode]
    for key, action in table.items():
        if key not in codes:
            raise fail(f"unscannable.{key}", f"unknown error code (expected one of {', '.join(codes)})")
        if action not in UNSCANNABLE_ACTIONS:
            raise fail(f"unscannable.{key}", f"must be one of {', '.join(UNSCANNABLE_ACTIONS)}, got {action!r}")
    out = {}
    for code in codes:
        if code in table:
            out[code] = table[code]
        elif base and code in base:
            out[code] = base[code]
        else:
            raise fail(f"unscannable.{code}", "missing")
    return out


def _limits(value, base: Limits, fail) -> Limits:
    table = _table(value, "limits", fail)
    fields = {f.name: f for f in dataclasses.fields(Limits)}
    changes: dict[str, Any] = {}
    for key, v in table.items():
        if key not in fields:
            raise fail(f"limits.{key}", f"unknown limit (expected one of {', '.join(fields)})")
        want_float = isinstance(getattr(base, key), float)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (not want_float and isinstance(v, float)):
            raise fail(f"limits.{key}", f"must be {'a number' if want_float else 'an integer'}, got {v!r}")
        changes[key] = float(v) if want_float else v
    try:
        return dataclasses.replace(base, **changes)
    except ValueError as exc:
        bad = next((k for k in changes if k in str(exc)), None)
        raise fail(f"limits.{bad}" if bad else "limits", str(exc)) from None


def _allow(value, fail) -> tuple[tuple[AllowFingerprint, ...], tuple[AllowTerm, ...]]:
    table = _table(value, "allow", fail)
    for key in table:
        if key not in ("fingerprint", "term"):
            raise fail(f"allow.{key}", "unknown key (expected [[allow.fingerprint]] or [[allow.term]])")
    out: dict[str, list] = {"fingerprint": [], "term": []}
    for kind in ("fingerprint", "term"):
        entries = table.get(kind, [])
        if not isinstance(entries, list):
            raise fail(f"allow.{kind}", "expected an array of tables ([[allow.%s]])" % kind)
        for i, entry in enumerate(entries):
            key = f"allow.{kind}[{i}]"
            entry = _table(entry, key, fail)
            for k in entry:
                if k not in (kind, "reason", "expires", "categories"):
                    raise fail(f"{key}.{k}", f"unknown key (expected {kind}, reason, expires, categories)")
            v = entry.get(kind)
            if not isinstance(v, str) or not v.strip():
                raise fail(f"{key}.{kind}", "required, a non-empty string")
            if kind == "fingerprint" and not v.startswith("hmac-sha256:"):
                raise fail(f"{key}.fingerprint", "must be a fingerprint from a report (hmac-sha256:...)")
            reason = entry.get("reason")
            if reason is not None and not isinstance(reason, str):
                raise fail(f"{key}.reason", "must be a string")
            expires = _date(entry.get("expires"), f"{key}.expires", fail)
            cats = entry.get("categories", [])
            ids = {c.value for c in Category} | {a.value for a in Advisory}
            if not isinstance(cats, list) or any(c not in ids for c in cats):
                raise fail(f"{key}.categories", f"must be a list of category IDs, got {cats!r}")
            cls = AllowFingerprint if kind == "fingerprint" else AllowTerm
            out[kind].append(cls(v.strip(), reason, expires, tuple(cats)))
    return tuple(out["fingerprint"]), tuple(out["term"])


def _date(value, key: str, fail) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(key, f"must be a date (2026-12-31), got {value!r}")
