"""Policy and verdicts: what to do with what was found (a pure function of the findings)."""

from .policy import (
    ACTIONS,
    UNSCANNABLE_ACTIONS,
    AllowFingerprint,
    AllowTerm,
    CategoryRule,
    Policy,
    PolicyError,
    default_policy,
    default_policy_text,
    load_policy,
    policy_from_dict,
)
from .verdict import DECISIONS, Disposition, Reason, Verdict, decide, evaluate, find_term_hits, severity

__all__ = [
    "ACTIONS",
    "DECISIONS",
    "UNSCANNABLE_ACTIONS",
    "AllowFingerprint",
    "AllowTerm",
    "CategoryRule",
    "Disposition",
    "Policy",
    "PolicyError",
    "Reason",
    "Verdict",
    "decide",
    "default_policy",
    "default_policy_text",
    "evaluate",
    "find_term_hits",
    "load_policy",
    "policy_from_dict",
    "severity",
]
