"""evaluate(): a pure function, every branch."""

from __future__ import annotations

import datetime as dt

import pytest

from docscreen.errors import ErrorCode
from docscreen.model import Location, ScanError, Segment
from docscreen.policy import default_policy, evaluate, find_term_hits, policy_from_dict, severity
from docscreen.policy.verdict import DECISIONS
from docscreen.report.redact import Fingerprinter

from docscreen.model import Finding

FP = Fingerprinter(b"docscreen-test-key-0123456789abc")
BODY = Location("body", index=3)
PAGE2 = Location("page", page=2)


def finding(category="NATIONAL_ID", score=0.9, *, value="431-26-0181", loc=BODY, start=0, end=None, entity="US_SSN"):
    return Finding(
        category=category, entity_type=entity, score=score, location=loc, start=start,
        end=start + len(value) if end is None else end, rule="r", pattern=None, validator=None,
        validated=None, context=None, negative_context=None, preview="***", fingerprint=FP(value),
    )


def test_nothing_is_accept() -> None:
    v = evaluate([], [], default_policy())
    assert v.decision == "accept" and v.reasons == () and v.dispositions == ()


def test_a_finding_rejects_with_category_count_and_locations() -> None:
    fs = [finding(), finding(loc=PAGE2, value="544-61-3186"), finding(value="544-61-3186", start=20)]
    v = evaluate(fs, [], default_policy())
    assert v.decision == "reject"
    (r,) = v.reasons
    assert (r.kind, r.category, r.count, r.decision) == ("finding", "NATIONAL_ID", 3, "reject")
    assert r.locations == (BODY, PAGE2)
    assert r.entity_types == ("US_SSN",)
    assert [d.status for d in v.dispositions] == ["counted"] * 3


def test_review_and_allow_actions() -> None:
    p = policy_from_dict({"categories": {"HEALTH_GENETIC": {"action": "review"}, "RELIGION_PHILOSOPHY": {"action": "allow"}}})
    v = evaluate([finding("HEALTH_GENETIC", entity="HEALTH_CONDITION")], [], p)
    assert v.decision == "review" and v.reasons[0].decision == "review"
    v = evaluate([finding("RELIGION_PHILOSOPHY")], [], p)
    assert v.decision == "accept" and v.dispositions[0].status == "allowed_category"


def test_min_score_per_category() -> None:
    p = policy_from_dict({"categories": {"NATIONAL_ID": {"min_score": 0.8}}})
    v = evaluate([finding(score=0.79)], [], p)
    assert v.decision == "accept" and v.dispositions[0].status == "below_min_score"
    assert evaluate([finding(score=0.8)], [], p).decision == "reject"  # >= is enough


def test_fingerprint_allow_list_with_expiry_and_categories() -> None:
    fp = FP("431-26-0181")
    p = policy_from_dict({"allow": {"fingerprint": [{"fingerprint": fp, "reason": "sample", "expires": dt.date(2026, 6, 30)}]}})
    f = finding()
    v = evaluate([f], [], p, now=dt.date(2026, 6, 30))  # the last day still holds
    assert v.decision == "accept"
    assert v.dispositions[0].status == "allow_listed" and v.dispositions[0].note == "allow.fingerprint[0]: sample"
    assert evaluate([f], [], p, now=dt.date(2026, 7, 1)).decision == "reject"  # expired
    assert evaluate([f], [], p, now=dt.datetime(2026, 7, 1, 0, 30, tzinfo=dt.timezone.utc)).decision == "reject"
    # the same number written another way has the same fingerprint
    assert evaluate([finding(value="431 26 0181")], [], p, now=dt.date(2026, 1, 1)).decision == "accept"
    # another value is not covered
    assert evaluate([finding(value="544-61-3186")], [], p, now=dt.date(2026, 1, 1)).decision == "reject"
    scoped = policy_from_dict({"allow": {"fingerprint": [{"fingerprint": fp, "categories": ["FINANCIAL_ACCOUNT"]}]}})
    assert evaluate([f], [], scoped).decision == "reject"


def test_term_allow_list_by_fingerprint_after_bind() -> None:
    p = policy_from_dict({"allow": {"term": [{"term": "Cancer", "reason": "employer"}]}})
    f = finding("HEALTH_GENETIC", value="cancer", entity="HEALTH_CONDITION")
    assert evaluate([f], [], p).decision == "reject"  # not bound: no fingerprint to compare
    v = evaluate([f], [], p.bind(FP))
    assert v.decision == "accept" and v.dispositions[0].note == "allow.term[0]: employer"


def test_term_allow_list_by_occurrence_around_the_finding() -> None:
    text = "Data engineer at Cancer Research UK. I have cancer."
    segs = [Segment(text, BODY)]
    inside = finding("HEALTH_GENETIC", value="Cancer", start=text.index("Cancer"), entity="HEALTH_CONDITION")
    outside = finding("HEALTH_GENETIC", value="cancer", start=text.rindex("cancer"), entity="HEALTH_CONDITION")
    elsewhere = finding("HEALTH_GENETIC", value="Cancer", start=text.index("Cancer"), loc=PAGE2, entity="HEALTH_CONDITION")
    p = policy_from_dict({"allow": {"term": [{"term": "cancer  research\nuk", "categories": ["HEALTH_GENETIC"]}]}})
    hits = find_term_hits([inside, outside, elsewhere], segs, p)
    assert hits == {0: (0,)}
    v = evaluate([inside, outside, elsewhere], [], p, term_hits=hits)
    assert [d.status for d in v.dispositions] == ["allow_listed", "counted", "counted"]
    assert v.reasons[0].count == 2
    # an expired term no longer covers
    old = policy_from_dict({"allow": {"term": [{"term": "Cancer Research UK", "expires": dt.date(2020, 1, 1)}]}})
    assert evaluate([inside], [], old, term_hits={0: (0,)}).dispositions[0].status == "counted"
    # a term is a whole-word match: "Research" does not cover a span it only touches
    assert find_term_hits([inside], segs, policy_from_dict({"allow": {"term": [{"term": "Research UK"}]}})) == {}


def test_advisory_kinds_off_are_dropped_on_are_judged() -> None:
    f = finding("DATE_OF_BIRTH", entity="DATE_OF_BIRTH")
    v = evaluate([f], [], default_policy())
    assert v.decision == "accept" and v.dispositions[0].status == "advisory_off"
    p = policy_from_dict({"advisory": {"DATE_OF_BIRTH": {"enabled": True}}})
    assert evaluate([f], [], p).decision == "review"
    p = policy_from_dict({"advisory": {"DATE_OF_BIRTH": {"enabled": True, "action": "allow"}}})
    v = evaluate([f], [], p)
    assert v.decision == "accept" and v.dispositions[0].status == "allowed_category"


def test_unknown_category_is_rejected() -> None:
    assert evaluate([finding("A_NEW_CATEGORY")], [], default_policy()).decision == "reject"


@pytest.mark.parametrize(
    ("code", "decision"),
    [
        (ErrorCode.ENCRYPTED, "reject"),
        (ErrorCode.CORRUPT, "reject"),
        (ErrorCode.UNSUPPORTED, "reject"),
        (ErrorCode.NOT_TEXT, "reject"),
        (ErrorCode.ZIP_BOMB, "reject"),
        (ErrorCode.IMAGE_ONLY_PAGE, "review"),
        (ErrorCode.UNSCANNED_CONTENT, "review"),
        (ErrorCode.TIMEOUT, "error"),
        (ErrorCode.INTERNAL, "error"),
        (ErrorCode.IO_ERROR, "error"),
    ],
)
def test_errors_map_by_code(code, decision) -> None:
    err = ScanError(code, "why", PAGE2)
    v = evaluate([], [err, ScanError(code, "again")], default_policy())
    assert v.decision == decision
    (r,) = v.reasons
    assert (r.kind, r.code, r.count, r.category) == ("unscannable", code.value, 2, None)
    assert r.locations == (PAGE2, None)
    assert r.message.startswith(f"{code.value}: why") and "+1 more" in r.message


@pytest.mark.parametrize("code", list(ErrorCode))
def test_fail_closed_no_error_is_ever_accepted_by_default(code) -> None:
    assert evaluate([], [ScanError(code, "x")], default_policy()).decision != "accept"


def test_an_error_can_be_allowed_explicitly() -> None:
    p = policy_from_dict({"unscannable": {"unscanned_content": "allow"}})
    assert evaluate([], [ScanError(ErrorCode.UNSCANNED_CONTENT, "x")], p).decision == "accept"


def test_severity_order_reject_error_review_accept() -> None:
    assert DECISIONS == ("accept", "review", "error", "reject")
    assert severity("reject") > severity("error") > severity("review") > severity("accept")
    timeout = ScanError(ErrorCode.TIMEOUT, "t")
    image = ScanError(ErrorCode.IMAGE_ONLY_PAGE, "i")
    # a certain reject stays a reject even if part of the document was not read
    v = evaluate([finding()], [timeout, image], default_policy())
    assert v.decision == "reject"
    assert [r.decision for r in v.reasons] == ["reject", "error", "review"]
    # not knowing outranks "a person should look"
    assert evaluate([], [timeout, image], default_policy()).decision == "error"
    p = policy_from_dict({"categories": {"NATIONAL_ID": {"action": "review"}}})
    assert evaluate([finding()], [timeout], p).decision == "error"


def test_pure() -> None:
    fs = (finding(), finding("HEALTH_GENETIC", 0.4))
    errs = (ScanError(ErrorCode.IMAGE_ONLY_PAGE, "x"),)
    p = default_policy()
    a = evaluate(fs, errs, p, now=dt.date(2026, 1, 1))
    b = evaluate(fs, errs, p, now=dt.date(2026, 1, 1))
    assert a == b
    assert fs == (finding(), finding("HEALTH_GENETIC", 0.4)) and p == default_policy()


def test_reasons_are_ordered_by_severity_then_category() -> None:
    p = policy_from_dict({"categories": {"HEALTH_GENETIC": {"action": "review"}}})
    fs = [finding("HEALTH_GENETIC"), finding("FINANCIAL_ACCOUNT"), finding("NATIONAL_ID")]
    v = evaluate(fs, [], p)
    assert [(r.decision, r.category) for r in v.reasons] == [
        ("reject", "NATIONAL_ID"), ("reject", "FINANCIAL_ACCOUNT"), ("review", "HEALTH_GENETIC")]
    assert v.to_dict()["verdict"] == "reject"
