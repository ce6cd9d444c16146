"""Policy files: the shipped default, overlays, and errors that name the bad key."""

from __future__ import annotations

import datetime as dt
import pickle
import tomllib

import pytest

from docscreen.categories import Advisory, Category
from docscreen.errors import ErrorCode
from docscreen.limits import Limits
from docscreen.policy import (
    AllowTerm,
    PolicyError,
    default_policy,
    default_policy_text,
    load_policy,
    policy_from_dict,
)
from docscreen.report.redact import Fingerprinter

KEY = b"docscreen-test-key-0123456789abc"


def test_default_policy_is_the_shipped_file() -> None:
    p = default_policy()
    assert set(p.categories) == {c.value for c in Category}
    assert all(r.action == "reject" and r.min_score == 0.5 for r in p.categories.values())
    assert set(p.advisory) == {a.value for a in Advisory}
    assert not any(r.enabled for r in p.advisory.values())
    assert p.limits == Limits()
    assert p.allow_fingerprints == () and p.allow_terms == ()
    # every error code has an action; the defaults
    assert set(p.unscannable) == {c.value for c in ErrorCode}
    for code in ("unsupported", "corrupt", "encrypted", "too_large", "too_many_pages", "too_much_text", "zip_bomb", "too_deep", "not_text"):
        assert p.unscannable[code] == "reject", code
    for code in ("image_only_page", "unscanned_content"):
        assert p.unscannable[code] == "review", code
    for code in ("timeout", "internal", "io_error"):
        assert p.unscannable[code] == "error", code
    assert "allow" not in p.unscannable.values()  # fail closed
    # the text users copy parses to the same policy
    assert tomllib.loads(default_policy_text())["version"] == 1


def test_a_file_names_only_what_it_changes(tmp_path) -> None:
    f = tmp_path / "p.toml"
    f.write_text(
        '[categories.HEALTH_GENETIC]\naction = "review"\n'
        '[advisory.DATE_OF_BIRTH]\nenabled = true\n'
        '[unscannable]\nimage_only_page = "reject"\n'
        "[limits]\nmax_pages = 20\ntimeout_s = 5\n"
    )
    p = load_policy(f)
    assert p.categories["HEALTH_GENETIC"].action == "review"
    assert p.categories["HEALTH_GENETIC"].min_score == 0.5
    assert p.categories["NATIONAL_ID"].action == "reject"
    assert p.advisory["DATE_OF_BIRTH"].enabled and p.advisory["DATE_OF_BIRTH"].action == "review"
    assert p.unscannable["image_only_page"] == "reject"
    assert p.unscannable["encrypted"] == "reject"
    assert p.limits.max_pages == 20 and p.limits.timeout_s == 5.0 and p.limits.max_bytes == Limits().max_bytes
    assert p.source == str(f)


def test_allow_lists_parse(tmp_path) -> None:
    f = tmp_path / "p.toml"
    f.write_text(
        '[[allow.fingerprint]]\nfingerprint = "hmac-sha256:' + "a" * 64 + '"\nreason = "template card"\n'
        "expires = 2026-12-31\ncategories = [\"FINANCIAL_ACCOUNT\"]\n"
        '[[allow.term]]\nterm = "Cancer Research UK"\nreason = "employer"\n'
        '[[allow.term]]\nterm = "Bethel"\nexpires = "2027-01-01"\n'
    )
    p = load_policy(f)
    (fp,) = p.allow_fingerprints
    assert fp.expires == dt.date(2026, 12, 31) and fp.categories == ("FINANCIAL_ACCOUNT",) and fp.reason == "template card"
    assert [t.term for t in p.allow_terms] == ["Cancer Research UK", "Bethel"]
    assert p.allow_terms[1].expires == dt.date(2027, 1, 1)
    assert all(t.fingerprint is None for t in p.allow_terms)
    bound = p.bind(Fingerprinter(KEY))
    assert bound.allow_terms[0].fingerprint == Fingerprinter(KEY)("Cancer Research UK")
    assert "Cancer" not in repr(bound.allow_terms[0])


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('colour = "red"', "colour"),
        ("version = 2", "version"),
        ("[categories.HEALTH_GENTIC]\naction = \"reject\"", "categories.HEALTH_GENTIC"),
        ('[categories.HEALTH_GENETIC]\naction = "block"', "categories.HEALTH_GENETIC.action"),
        ("[categories.HEALTH_GENETIC]\nmin_score = 1.5", "categories.HEALTH_GENETIC.min_score"),
        ("[categories.HEALTH_GENETIC]\nmin_score = true", "categories.HEALTH_GENETIC.min_score"),
        ("[categories.HEALTH_GENETIC]\nenabled = false", "categories.HEALTH_GENETIC.enabled"),
        ('[advisory.GENDER]\nenabled = "yes"', "advisory.GENDER.enabled"),
        ("[advisory.EYE_COLOUR]\nenabled = true", "advisory.EYE_COLOUR"),
        ('[unscannable]\nencrypted = "ignore"', "unscannable.encrypted"),
        ('[unscannable]\npassword = "reject"', "unscannable.password"),
        ("[limits]\nmax_pagez = 3", "limits.max_pagez"),
        ('[limits]\nmax_pages = "3"', "limits.max_pages"),
        ("[limits]\nmax_pages = 2.5", "limits.max_pages"),
        ("[limits]\nmax_pages = 0", "limits.max_pages"),
        ('[[allow.fingerprint]]\nreason = "x"', "allow.fingerprint[0].fingerprint"),
        ('[[allow.fingerprint]]\nfingerprint = "123-45-6789"', "allow.fingerprint[0].fingerprint"),
        ('[[allow.term]]\nterm = "x"\nexpires = "soon"', "allow.term[0].expires"),
        ('[[allow.term]]\nterm = "x"\ncategories = ["HEALTH"]', "allow.term[0].categories"),
        ('[[allow.term]]\nterm = "x"\nnote = "y"', "allow.term[0].note"),
        ('[allow]\nterms = []', "allow.terms"),
        ('categories = "all"', "categories"),
    ],
)
def test_errors_name_the_bad_key(tmp_path, toml: str, key: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(toml + "\n")
    with pytest.raises(PolicyError) as info:
        load_policy(f)
    assert f"{f}: {key}:" in str(info.value)


def test_not_toml_and_missing_file(tmp_path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[categories\n")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(f)
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")


def test_policy_is_a_value() -> None:
    p = default_policy()
    assert pickle.loads(pickle.dumps(p)) == p  # workers and Spark executors get a copy
    assert policy_from_dict(p.to_dict()) == p
    with pytest.raises(Exception):
        p.limits = Limits(max_pages=1)  # type: ignore[misc]


def test_scanner_min_score_is_the_lowest_asked_for() -> None:
    assert default_policy().scanner_min_score == 0.5
    p = policy_from_dict({"categories": {"HEALTH_GENETIC": {"min_score": 0.3}}})
    assert p.scanner_min_score == 0.3
    # an advisory kind that is off does not lower it
    p = policy_from_dict({"advisory": {"GENDER": {"min_score": 0.1}}})
    assert p.scanner_min_score == 0.5


def test_unknown_category_and_code_fail_closed() -> None:
    p = default_policy()
    assert p.rule_for("SOMETHING_NEW").action == "reject"
    assert p.rule_for(Advisory.GENDER.value) is None  # off
    assert p.action_for_error("a_future_code") == "error"


def test_allow_term_repr_and_defaults() -> None:
    t = AllowTerm("Mercy Hospital")
    assert t.reason is None and t.expires is None and t.categories == ()
