"""The disclosure matcher's mechanics, on small inline lexicons (the real lists are tested by
tests/rules/test_lexicon_examples.py)."""

from __future__ import annotations

import pytest
import yaml

import docscreen.analyze.special as special
from docscreen.analyze.special import (
    _foreign,
    DisclosureMatcher,
    shared_matcher as shared,
    LexiconError,
    load_lexicons,
    parse_category,
    parse_common,
)

HEALTH = """
category: HEALTH_GENETIC
form_labels: [disability, blood type]
disclosure_cues: [diagnosed with, living with]
professional_cues: [ward, nurse]
lexicons:
  - id: conditions
    entity_type: HEALTH_CONDITION
    kind: term
    source: test
    terms: [bipolar disorder, migraine, type 1 diabetes, ADHD, depression]
    ambiguous: [depression]
"""
UNIONS = """
category: UNION_PARTY_MEMBERSHIP
form_labels: [party]
professional_cues: [collective bargaining]
lexicons:
  - id: unions
    entity_type: TRADE_UNION
    kind: org
    source: test
    terms: [UNISON]
    token_patterns:
      - [{LOWER: local}, {IS_DIGIT: true}]
  - id: parties
    entity_type: POLITICAL_PARTY
    kind: org
    source: test
    terms: [Labour Party, labour]
    ambiguous: [labour]
    also: [POLITICAL_BELIEF]
"""
POLITICS = """
category: POLITICAL_BELIEF
disclosure_cues: [voter, supporter]
lexicons:
  - id: ideologies
    entity_type: POLITICAL_VIEW
    kind: term
    source: test
    terms: [socialist]
  - id: activism
    entity_type: POLITICAL_ACTIVITY
    kind: phrase
    source: test
    terms: [canvassed for]
"""


@pytest.fixture(scope="module")
def matcher() -> DisclosureMatcher:
    _specs, common = load_lexicons()
    specs = tuple(
        parse_category(yaml.safe_load(text), stem)
        for text, stem in ((HEALTH, "health"), (UNIONS, "union_party"), (POLITICS, "political"))
    )
    return DisclosureMatcher(specs, common)


#: Behaviour the retrained classifier lost (session 13; see the tests marked with it)
KNOWN_REGRESSION = (
    "the classifier retrained in session 13 (seed 11) reads it otherwise than the one before; "
    "kept as a known regression, strict, so a fix shows"
)

def found(matcher: DisclosureMatcher, text: str) -> list[tuple[str, str, str]]:
    """(category, decision, matched text) of the hits that are reported (score >= 0.5)."""
    return [(h.category.value, h.decision, text[h.start : h.end]) for h in matcher.hits(text) if h.score >= 0.5]


def cats(matcher: DisclosureMatcher, text: str) -> set[str]:
    """The categories reported in ``text``."""
    return {c for c, _d, _t in found(matcher, text)}


def decisions(matcher: DisclosureMatcher, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(h.decision, h.cue, h.negative) for h in matcher.hits(text)]


def test_disclosure_cue_makes_a_term_a_finding(matcher) -> None:
    assert found(matcher, "I was diagnosed with bipolar disorder in 2019.") == [
        ("HEALTH_GENETIC", "disclosure_cue", "bipolar disorder")
    ]


def test_a_term_in_a_line_about_work_is_not_a_finding(matcher) -> None:
    assert found(matcher, "Analysed bipolar disorder outcomes in a 2019 cohort.") == []
    assert decisions(matcher, "Analysed bipolar disorder outcomes in a 2019 cohort.") == [
        ("professional", None, "analysed")
    ]
    # A resume bullet's duty verb, as written ("diagnosed 2021" is not a duty).
    assert decisions(matcher, "Designed dashboards for bipolar disorder outcomes.") == [
        ("professional", None, "designed")
    ]


def test_a_status_line_without_any_cue_is_reported(matcher) -> None:
    assert found(matcher, "Bipolar disorder since 2015.") == [("HEALTH_GENETIC", "unqualified", "Bipolar disorder")]
    # (heading a line that goes on about it, it is a status of its own: see
    # test_a_condition_heading_a_line_about_it_is_a_status)
    assert found(matcher, "Bipolar disorder, stable for five years.") == [("HEALTH_GENETIC", "headed", "Bipolar disorder")]


def test_a_capitalised_term_inside_a_name_is_not(matcher) -> None:
    assert found(matcher, "Migraine Trust Summer Gala, 2019") == []


def test_professional_cue_drops_and_is_named(matcher) -> None:
    text = "Charge nurse on a ward for bipolar disorder, where I led the night shift."
    assert found(matcher, text) == []
    assert decisions(matcher, text)[0] == ("professional", None, "ward")


def test_a_work_word_in_another_clause_does_not_drop(matcher) -> None:
    # "ward" belongs to the clause "he runs the night shift on a ward", not to the disclosure
    text = "Mr. Ortiz has type 1 diabetes, and although he runs the night shift on a ward, he never misses a check."
    # (the named person "has" it: session 7's verb of having after a named subject)
    assert found(matcher, text) == [("HEALTH_GENETIC", "disclosure_cue", "type 1 diabetes")]
    text = "I have migraines, I volunteer on the ward at weekends."
    assert found(matcher, text) == [("HEALTH_GENETIC", "disclosure_cue", "migraines")]
    text = "I get migraines, I volunteer on the ward at weekends."
    assert found(matcher, text) == [("HEALTH_GENETIC", "person", "migraines")]
    # ... but in the term's own clause it still does (no new subject after the comma)
    text = "Charge nurse on a ward for type 1 diabetes, nights and weekends."
    assert found(matcher, text) == []
    text = "As a nurse I treat migraine on the ward, and I also teach."
    assert found(matcher, text) == []


def test_an_offence_grade_is_not_a_degree() -> None:
    m = shared()
    text = "Deferred adjudication on a 2016 third-degree felony theft charge, completed."
    assert "CRIMINAL_RECORD" in cats(m, text)
    assert "CRIMINAL_RECORD" in cats(m, "Burglary in the second degree (2006).")
    # a second degree *in* something is a qualification
    assert found(m, "Second degree in criminology, dissertation on theft.") == []


def test_a_term_inside_an_organisations_name_is_that_organisation() -> None:
    m = shared()
    assert ("RACE_ETHNICITY", "disclosure_cue", "Tamil") in found(m, "Vice-president, Tamil Cultural Circle, Leeds (2019-2020)")
    assert [c for c, _d, _t in found(m, "Trustee, Jain Centre Leicester")] == ["RELIGION_PHILOSOPHY"]
    # a person's name, a street or a name without an association's head noun is not
    assert found(m, "Reference: Priya Jain, Head of Finance") == []
    assert found(m, "Office: 4 Church Street, Leeds") == []
    assert found(m, "Accountant, Catholic Charities USA") == []
    assert found(m, "Clerk to Little Wittenham Parish Council") == []  # local government
    # a professional cue still drops it
    assert found(m, "Staff nurse, Methodist Church Hospital") == []


def test_nearer_disclosure_cue_beats_a_farther_professional_one(matcher) -> None:
    text = "As a nurse I know the ward well, and I am living with type 1 diabetes myself."
    assert found(matcher, text) == [("HEALTH_GENETIC", "disclosure_cue", "type 1 diabetes")]


def test_person_cue_for_plain_terms_and_lemmas(matcher) -> None:
    assert found(matcher, "My migraines are under control.") == [("HEALTH_GENETIC", "disclosure_cue", "migraines")]
    assert found(matcher, "Since 2015 I have had migraines.") == [("HEALTH_GENETIC", "disclosure_cue", "migraines")]
    assert found(matcher, "Since 2015 migraines have slowed me down only twice.") == [("HEALTH_GENETIC", "person", "migraines")]


def test_exact_case_terms_match_only_as_written(matcher) -> None:
    assert found(matcher, "I have ADHD.") == [("HEALTH_GENETIC", "disclosure_cue", "ADHD")]
    assert found(matcher, "I have adhd.") == []


def test_negation_drops(matcher) -> None:
    text = "I have never been diagnosed with bipolar disorder."
    assert found(matcher, text) == []
    assert decisions(matcher, text)[0][0] == "negated"


def test_ambiguous_terms_need_an_attached_cue(matcher) -> None:
    assert found(matcher, "My thesis was on the Great Depression.") == []
    assert found(matcher, "I was diagnosed with depression in 2018.") == [
        ("HEALTH_GENETIC", "disclosure_cue", "depression")
    ]
    assert found(matcher, "Labour market analysis for the region.") == []


def test_form_fields_and_refusals(matcher) -> None:
    assert found(matcher, "Blood type: A-") == [("HEALTH_GENETIC", "form_field", "A-")]
    assert found(matcher, "Name: Jo Bloggs | Disability: partial hearing loss | Party: SNP") == [
        ("HEALTH_GENETIC", "form_field", "partial hearing loss"),
        ("UNION_PARTY_MEMBERSHIP", "form_field", "SNP"),
    ]
    for refusal in ("prefer not to say", "N/A", "None", "Prefer not to disclose.", "-"):
        assert found(matcher, f"Disability: {refusal}") == [], refusal


def test_form_field_shapes(matcher) -> None:
    # a spaced dash separates a value, except after labels that are also headings
    assert found(matcher, "Disability - partial hearing loss") == [("HEALTH_GENETIC", "form_field", "partial hearing loss")]
    assert found(matcher, "Party - Friday night social, 40 guests") == []
    # whose field it is, and a question answered
    assert found(matcher, "Applicant's disability: migraine") == [("HEALTH_GENETIC", "form_field", "migraine")]
    m = shared()
    assert [c for c, _d, _t in found(m, "Are you Hispanic or Latino? Yes")] == ["RACE_ETHNICITY"]
    assert found(m, "Are you Hispanic or Latino? No") == []
    for refusal in ("I decline to self-identify", "I'd rather not say", "not provided"):
        assert found(m, f"Race/ethnicity: {refusal}") == [], refusal


def test_a_field_states_another_categorys_term_in_its_value() -> None:
    m = shared()
    assert cats(m, "Applicant's ethnic background: Bengali Muslim") == {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}
    # a party named in a politics field is the belief, not a membership
    assert cats(m, "Political views: conservative") == {"POLITICAL_BELIEF"}


def test_a_term_used_as_a_label_with_a_refusal_is_negated() -> None:
    m = shared()
    assert found(m, "Political party membership: none") == []
    assert [h.decision for h in m.hits("Political party membership: none")] == ["negated"]


def test_org_listed_member_and_professional(matcher) -> None:
    assert found(matcher, "UNISON shop steward, 2015-2019") == [("UNION_PARTY_MEMBERSHIP", "disclosure_cue", "UNISON")]
    assert found(matcher, "Member of Local 1199 since 2012") == [
        ("UNION_PARTY_MEMBERSHIP", "disclosure_cue", "Local 1199")
    ]
    assert found(matcher, "Represented management in collective bargaining with UNISON.") == []


def test_also_category_and_its_own_cue(matcher) -> None:
    both = found(matcher, "Member of the Labour Party")
    assert {c for c, _d, _t in both} == {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    # A supporter discloses a belief, not a membership.
    assert found(matcher, "Labour voter all my life") == [("POLITICAL_BELIEF", "disclosure_cue", "Labour")]


def test_phrase_kind(matcher) -> None:
    # (no person word in its sentence: a decision of its own, weak in a document of that work)
    assert found(matcher, "Canvassed for the Green candidate in 2022.") == [
        ("POLITICAL_BELIEF", "phrase_line", "Canvassed for")
    ]
    assert found(matcher, "I canvassed for the Green candidate in 2022.")[0][:2] == ("POLITICAL_BELIEF", "phrase")


def test_sentences_end_at_line_breaks_and_bullets(matcher) -> None:
    # "I" is in another line: not the subject of the term.
    assert found(matcher, "Skills I bring\nResearch methods for bipolar disorder") == []
    assert found(matcher, "I lead teams • Bipolar disorder cohort study") == []
    # A wrapped line that goes on in lower case is one sentence.
    assert found(matcher, "In 2019 I was diagnosed with\nbipolar disorder.") == [
        ("HEALTH_GENETIC", "disclosure_cue", "bipolar disorder")
    ]


def test_hits_are_cached_for_the_last_text_only(matcher) -> None:
    a = matcher.hits("My migraines are under control.")
    assert matcher.hits("My migraines are under control.") is a
    matcher.hits("something else")
    assert matcher.hits("My migraines are under control.") is not a


def test_may_match_is_a_superset(matcher) -> None:
    assert matcher.may_match("Blood type: O+")
    assert matcher.may_match("my MIGRAINES")
    assert not matcher.may_match("Led a team of five engineers shipping a payments API.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("category: NATIONAL_ID\nlexicons: []", "not a special category"),
        ("category: NOPE", "category"),
        (
            "category: HEALTH_GENETIC\nlexicons:\n - {id: a, entity_type: X, kind: word, terms: [x]}",
            "kind must be",
        ),
        (
            "category: HEALTH_GENETIC\nlexicons:\n - {id: a, entity_type: X, kind: term, terms: [x], ambiguous: [y]}",
            "ambiguous terms not in terms",
        ),
        ("category: HEALTH_GENETIC\nlexicons:\n - {id: a, kind: term, terms: [x]}", "missing 'entity_type'"),
        ("category: HEALTH_GENETIC\nlexicons:\n - {id: a, entity_type: X, kind: term, terms: [' x']}", "stripped"),
        (
            "category: HEALTH_GENETIC\nlexicons:\n - {id: a, entity_type: X, kind: term, terms: [x]}\n"
            " - {id: a, entity_type: X, kind: term, terms: [y]}",
            "duplicate",
        ),
    ],
)
def test_bad_lexicon_files_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_category(yaml.safe_load(text), "bad")


def test_common_cues_refuse_yaml_booleans() -> None:
    # YAML reads a bare `no` as False: the loader refuses it instead of dropping the cue.
    with pytest.raises(LexiconError):
        parse_common({"negations": [False]})


def test_common_cues_refuse_an_unknown_key() -> None:
    # A misspelt key ("person_cue") would leave its list empty without a word.
    with pytest.raises(LexiconError, match="unknown keys"):
        parse_common({"person_cue": ["I"]})
    assert parse_common({"person_cues": ["I"], "custody_leads": ["served"]}).custody_leads == ("served",)


def test_segment_text_from_a_parser_str_subclass_is_scanned(scanner) -> None:
    """pypdf hands out TextStringObject (a str subclass) for metadata; spaCy's tokenizer
    refuses it. A hard_docs PDF crashed the scan before Segment made it a plain str."""
    from pypdf.generic import TextStringObject

    from docscreen.model import Location, Segment

    seg = Segment(TextStringObject("I was diagnosed with epilepsy in 2012."), Location("metadata"))
    assert type(seg.text) is str
    assert [f.category for f in scanner.analyze_segments([seg])] == ["HEALTH_GENETIC"]


def test_a_wrapped_indented_line_continues_its_sentence(matcher) -> None:
    # The professional cue on the first line reaches the term on the indented second line.
    text = "Handled caseload research for a clinic\n  (bipolar disorder, migraine)."
    assert found(matcher, text) == []
    # An unindented capitalised line after a finished one starts a new sentence.
    assert found(matcher, "Handled caseload research.\nBipolar disorder, stable since 2015.") == [
        ("HEALTH_GENETIC", "headed", "Bipolar disorder")
    ]


def test_questions_are_not_disclosures(matcher) -> None:
    assert found(matcher, "Do you live with bipolar disorder?") == []


def _categories_in(scanner, *lines: str) -> set[str]:
    """The special categories the Scanner finds in a document of these lines (one segment each)."""
    from docscreen.model import Location, Segment

    return {f.category for f in scanner.analyze_segments([Segment(t, Location("body")) for t in lines])}


def test_a_documents_professional_context_drops_its_weak_disclosures(scanner, monkeypatch) -> None:
    """A criminal-defence paralegal's case types are work; the same line alone is a status.
    (Rules only: the classifier's veto would decide the line alone otherwise.)"""
    from docscreen.analyze.special import shared_matcher
    from docscreen.model import Location, Segment

    monkeypatch.setattr(shared_matcher(), "classifier", None)
    monkeypatch.setattr(shared_matcher(), "_last", None)

    line = "Homicide, drug trafficking."
    work = [
        "Paralegal at a criminal-defence firm supporting attorneys on felony cases.",
        "Prepared case files on theft and burglary charges for our clients.",
        "Summarised arrest reports and witness statements for trial counsel.",
    ]
    assert _categories_in(scanner, line) == {"CRIMINAL_RECORD"}
    assert "CRIMINAL_RECORD" not in _categories_in(scanner, *work, line)
    # A strong disclosure in the same document stays.
    strong = scanner.analyze_segments(
        [Segment(t, Location("body")) for t in [*work, "I was convicted of burglary in 2009."]]
    )
    assert "disclosure_cue" in [f.pattern for f in strong if f.category == "CRIMINAL_RECORD"]


class _StubClassifier:
    """A sentence classifier that answers from a table (the mechanics, not the model)."""

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.table = table

    def __call__(self, text: str) -> dict[str, float]:
        for key, probs in self.table.items():
            if key in text:
                return probs
        return {}


def _full_with_classifier(table) -> DisclosureMatcher:
    """The project's own lists with a stub classifier answering from ``table``."""
    specs, common = load_lexicons()
    return DisclosureMatcher(specs, common, classifier=_StubClassifier(table))


def _every_category(p: float, **others: float) -> dict[str, dict[str, float]]:
    """A stub table that gives every category ``p`` in any text (``others`` override)."""
    specs, _common = load_lexicons()
    return {"": {x.category.value: p for x in specs} | others}


def _with_classifier(table) -> DisclosureMatcher:
    _specs, common = load_lexicons()
    specs = tuple(
        parse_category(yaml.safe_load(text), stem)
        for text, stem in ((HEALTH, "health"), (UNIONS, "union_party"), (POLITICS, "political"))
    )
    return DisclosureMatcher(specs, common, classifier=_StubClassifier(table))


def test_classifier_rescues_an_undecided_term_in_a_real_sentence() -> None:
    m = _with_classifier({"depression": {"HEALTH_GENETIC": 0.97}})
    text = "After two hard years with depression I went back to work in 2021."
    assert found(m, text) == [("HEALTH_GENETIC", "classifier", "depression")]
    # Not below the threshold (a line under six words needs RESCUE_SHORT: see
    # test_a_short_status_line_is_rescued_only_by_a_surer_classifier).
    assert found(m, "Depression and anxiety") == []
    # (a short dated line is a status line of its own: see test_a_short_dated_line_...)
    low = _with_classifier({"depression": {"HEALTH_GENETIC": 0.5}})
    assert found(low, text) == []


def test_classifier_never_overrules_a_reason_to_drop() -> None:
    m = _with_classifier({"": {"HEALTH_GENETIC": 0.99}})
    assert found(m, "I have never been diagnosed with bipolar disorder in my life.") == []  # negated
    assert found(m, "Analysed bipolar disorder outcomes for the ward's quarterly report.") == []


def test_classifier_vetoes_a_weak_decision() -> None:
    m = _with_classifier({"Bipolar": {"HEALTH_GENETIC": 0.01}})
    assert found(m, "Bipolar disorder since 2015.") == []
    # (not a condition heading a line that goes on about it: no weak decision)
    assert found(m, "Bipolar disorder, stable for five years.") == [("HEALTH_GENETIC", "headed", "Bipolar disorder")]
    assert [h.decision for h in m.hits("Bipolar disorder since 2015.")] == ["vetoed"]
    # Strong decisions are the rules' alone.
    assert found(m, "I was diagnosed with bipolar disorder in 2019.") == [
        ("HEALTH_GENETIC", "disclosure_cue", "bipolar disorder")
    ]


def test_classifier_statements_need_a_person_a_sentence_and_a_signal() -> None:
    m = _with_classifier({"campaign": {"POLITICAL_BELIEF": 0.93}})
    text = "Outside work I campaign for Medicare for All as a supporter of a local coalition."
    assert found(m, text) == [("POLITICAL_BELIEF", "statement", text)]
    assert found(m, "Campaign analytics for retail clients, supporter data.") == []  # no person word
    assert found(m, "Do I campaign for Medicare for All as a supporter?") == []  # a question
    # No term and no specific cue of the category: the classifier alone is not enough.
    assert found(m, "Outside work I campaign for Medicare for All with a local coalition.") == []


def test_who_is_and_lifelong_are_identity_lead_ins() -> None:
    m = shared()
    assert ("HEALTH_GENETIC", "disclosure_cue", "blind") in found(m, "Ms. Valdés, who is blind, moved to Toronto last year.")
    assert ("POLITICAL_BELIEF", "disclosure_cue", "socialist") in found(m, "A lifelong socialist and a keen cyclist.")
    assert found(m, "Worked with a client who is deaf.") == []  # someone else's


def test_a_community_union_is_not_a_trade_union() -> None:
    m = shared()
    assert cats(m, "Assistant secretary, Luo Union (UK branch), 2019–present") == {"RACE_ETHNICITY"}
    # a union role whose name holds a religious word is still a union role
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Mother of the chapel, NUJ chapel at the Yorkshire Post")


def test_someone_named_right_after_the_term_is_a_third_party() -> None:
    m = shared()
    assert found(m, "Learned BSL to level 2 so I could work with a deaf colleague.") == []
    assert found(m, "My autistic son keeps me organised.") == []
    # ... but not after an identity lead-in: the subject is the person described
    assert "SEXUAL_LIFE" in cats(m, "Ms. Alvarez is a proud lesbian mother of two.")
    # the union's members are other people
    assert found(m, "Associate, Thompsons Solicitors – employment claims for trade-union members") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "UNISON member since 2014")


def test_a_health_field_naming_only_an_addiction_is_addiction() -> None:
    m = shared()
    assert cats(m, "Current medication: Vivitrol injection, monthly (opioid use disorder)") == {"ADDICTION"}
    assert cats(m, "Current medication: metformin") == {"HEALTH_GENETIC"}
    # a criminal-record field names no addiction
    assert cats(m, "Criminal record: caution for possession of cannabis, 2012") == {"CRIMINAL_RECORD"}


def test_refusals_in_other_languages() -> None:
    m = shared()
    for value in ("keine", "keine Angabe", "aucune", "ninguna", "geen"):
        assert found(m, f"Religionszugehörigkeit: {value}") == [], value
    assert found(m, "Konfession: röm.-kath.") != []


def test_diagnosed_with_opening_a_line_is_the_candidate() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Diagnosed with ADHD at 29; on medication since.")
    assert found(m, "Diagnosed and treated patients with asthma on the respiratory ward.") == []


def test_membership_cues_in_other_languages_and_capitalised_cues() -> None:
    m = shared()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Adhérente CFDT depuis 2012")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Member CWU since 2001")
    assert found(m, "Kwame Asante, Head of Finance") == []  # a person's name still is one


def test_a_secular_job_title_opening_the_line_makes_it_a_job() -> None:
    m = shared()
    assert found(m, "Accountant, Church of Scotland Investors Trust") == []
    assert found(m, "Structural engineer on the Cambridge Central Mosque timber roof") == []
    # a religious role is not a job title; an association of the community is a membership
    assert found(m, "Deacon, Bethel AME Church") != []
    # (the rules list it; whether the classifier then vetoes the weak listing is its call)
    assert [h.decision for h in m.hits("Nurse, Black Nurses Association") if h.category.value == "RACE_ETHNICITY"] in (
        ["listed"], ["vetoed"]
    )
    assert "RACE_ETHNICITY" in cats(m, "Member, Association of Black Psychologists, Atlanta chapter")
    # a professional body named after its field is not
    assert found(m, "Certified member, Canadian Addiction Counsellors Certification Federation") == []


def test_a_membership_line_the_lists_do_not_know_goes_to_the_classifier() -> None:
    m = _with_classifier({
        "Futura": {"POLITICAL_BELIEF": 0.97},
        "Pebble": {"POLITICAL_BELIEF": 0.90},
        "Guild": {"UNION_PARTY_MEMBERSHIP": 0.99},
    })
    assert m.may_match("Member, Futura Collective")  # no term: the prefilter lets it through
    assert found(m, "Member, Futura Collective") == [("POLITICAL_BELIEF", "statement_line", "Member, Futura Collective")]
    assert found(m, "Member, Pebble Collective") == []  # below STATEMENT_MEMBERSHIP
    # trade unions are left to the lists: professional bodies look too much like them
    assert found(m, "Member, Guild of Analysts") == []
    # a long sentence is not a membership line; without a membership cue nothing is asked
    assert found(m, "Futura Collective newsletter, designed and printed on recycled paper") == []


def test_a_value_that_only_starts_like_a_refusal_is_a_value() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Religion: non-denominational Christian")
    assert found(m, "Vorstrafen: nein") == [] and found(m, "Religion: néant") == []


def test_a_form_question_answered_yes_discloses() -> None:
    m = shared()
    text = "Have you ever been convicted of a criminal offence? Yes – details attached"
    assert cats(m, text) == {"CRIMINAL_RECORD"}
    assert found(m, "Have you ever been convicted of a criminal offence? No") == []
    assert found(m, "Have you ever been convicted of a criminal offence?") == []


def test_a_religious_title_before_a_name_is_not_a_relative() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Sister Maria José Ferreira has served as a Franciscan nun for twenty years.")
    assert found(m, "My sister is a Franciscan nun.") == []


def test_a_university_or_ward_in_a_name_is_a_place_not_study() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Small-group leader, Christian Union, University of Bristol")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Deacon, Provo 14th Ward, 2021–2023")
    # research or teaching still is
    assert found(m, "Chaplaincy research at the University of Bristol on Christian Union students") == []


def test_someone_elses_phrase_or_role_is_theirs() -> None:
    m = shared()
    assert found(m, "My brother has been in recovery for years") == []
    assert found(m, "My father was a deacon at St Mary's.") == []
    assert "ADDICTION" in cats(m, "In recovery since 2015 and proud of it.")


def test_a_partys_political_reading_follows_the_veto_of_the_party() -> None:
    m = _with_classifier({"Labour Party": {"UNION_PARTY_MEMBERSHIP": 0.01, "POLITICAL_BELIEF": 0.5}})
    text = "Labour Party, the council row of 2019"  # (not "versus": one side of a contest is no cue at all)
    assert found(m, text) == []
    assert {h.decision for h in m.hits(text)} == {"vetoed"}
    m = _with_classifier({"Labour Party": {"UNION_PARTY_MEMBERSHIP": 0.5, "POLITICAL_BELIEF": 0.5}})
    assert cats(m, text) == {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}


def test_the_classifier_does_not_report_what_a_rule_dropped_for_a_reason() -> None:
    # "Luo Union" is dropped as a community's association; a confident classifier on the
    # line does not bring the trade-union reading back
    m = shared()
    line = "Assistant secretary, Luo Union (UK branch), 2019–present"
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, line)


def test_party_mentions_at_work_make_a_political_context_too(scanner, monkeypatch) -> None:
    """A political journalist's party mentions are professional mentions of politics as well
    as of parties: the weak political reading of a listed party drops with the membership."""
    from docscreen.analyze.special import shared_matcher
    from docscreen.model import Location, Segment

    monkeypatch.setattr(shared_matcher(), "classifier", None)
    monkeypatch.setattr(shared_matcher(), "_last", None)
    line = "Labour Party, Plaid Cymru, 2019"
    work = [
        "Political reporter covering the Labour Party conference for the Western Mail.",
        "Wrote analysis of the Liberal Democrats manifesto for our readers.",
        "Interviewed Plaid Cymru candidates for a research report.",
    ]
    alone = {f.category for f in scanner.analyze_segments([Segment(line, Location("body"))])}
    assert alone == {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    in_context = scanner.analyze_segments([Segment(t, Location("body")) for t in [*work, line]])
    assert {f.category for f in in_context} & {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"} == set()


def test_acronyms_the_lists_write_in_lower_case_match_in_capitals() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Long COVID since 2021; phased return completed in 2022")
    assert found(m, "IBAN: see the payroll form") == []  # IBAN is still not the Iban people


def test_an_identity_word_before_a_job_describes_the_person() -> None:
    m = shared()
    assert "RACE_ETHNICITY" in cats(m, "Proud Wiradjuri data engineer with eight years in government analytics.")
    assert found(m, "As a data analyst I studied Wiradjuri language revival.") == []
    assert "RACE_ETHNICITY" in cats(m, "Growing up Black and working-class in Croydon, I rarely saw anyone like me.")


def test_two_listed_terms_side_by_side_are_not_a_persons_name() -> None:
    m = shared()
    assert "RACE_ETHNICITY" in cats(m, "Romani Gypsy from a Kent travelling family; first in my family at university.")
    assert found(m, "Kwame Asante, Head of Finance") == []


def test_more_association_heads() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Clerk of Bournville Quaker Meeting, 2020–2023")
    assert "SEXUAL_LIFE" in cats(m, "Treasurer, Queer Coders London meetup")


def test_negations_in_other_languages() -> None:
    m = shared()
    assert found(m, "Keine Vorstrafen, polizeiliches Führungszeugnis liegt vor.") == []
    # "non" is not one: a named condition stays a condition
    assert "HEALTH_GENETIC" in cats(m, "Non-Hodgkin lymphoma, in remission since 2019.")


def test_a_place_name_is_not_a_negation() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "Tenor, San Francisco Gay Men's Chorus, 2014-present")


def test_refusals_in_other_languages_are_not_values() -> None:
    m = shared()
    assert found(m, "Cor/raça: prefiro não informar") == []
    assert found(m, "Religión: prefiero no responder") == []


def test_document_level_traps_from_dev2_documents() -> None:
    m = shared()
    # a hard-wrapped letter line goes on into the next line
    text = ("and I convene the mutual-aid group that links our commissioned services with local\n"
            "AA and NA meetings across the county.")
    assert found(m, text) == []
    assert "ADDICTION" in cats(m, "Sober since 2015.\nNA member, Leeds")
    # someone else, further back in a long sentence
    text = "my younger brother has been in and out of treatment for heroin dependence since his twenties"
    assert found(m, text) == []
    assert found(m, "My grandad was a Yorkshire miner and an NUM branch secretary.") == []
    # the union's members, and legal work for them
    assert found(m, "Employment solicitor acting for trade unions and their members in tribunals.") == []
    # a duty verb after "I also"
    assert found(m, "I also managed the TUPE transfer, working with UNISON and RCN representatives.") == []
    # a job title anywhere before the term
    text = "Before that I spent four years as an accountant at Catholic Crosscultural Services, and two years in audit."
    assert found(m, text) == []
    # a language spoken at home is not an ethnicity
    assert found(m, "Canadian citizen; Igbo spoken at home with my parents.") == []


def test_more_precision_traps_from_dev2() -> None:
    m = shared()
    assert "SEXUAL_LIFE" not in cats(m, "Lid FNV; kaderlid bij PostNL Amsterdam")  # a two-word line is no membership line
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Lid FNV; kaderlid bij PostNL Amsterdam")
    assert found(m, "Raised an EIS fund for early-stage medtech") == []  # "raised an" is not "raised as"
    assert found(m, "Gujarati and Kutchi speaker; conversational Swahili") == []  # languages
    assert found(m, "Workaholic in recovery – I now take my annual leave.") == []  # figurative


def test_session4_rules_from_the_old_holdout() -> None:
    m = shared()
    # a health field answered "good" names no condition, in any language; a disposal that
    # starts with "good" is still a value
    for text in ("Gesundheitszustand: gut", "Estado de salud: bueno", "Health status: excellent"):
        assert found(m, text) == [], text
    assert "CRIMINAL_RECORD" in cats(m, "Criminal record: good behaviour bond (2016)")
    # a form field after a heading and a spaced dash
    assert "SEXUAL_LIFE" in cats(m, "Diversity monitoring — sexual orientation: lesbian")
    assert found(m, "Skills — Python, SQL: advanced") == []
    # a court's name is where it happened, not work; working at the court still is
    assert "CRIMINAL_RECORD" in cats(m, "Good behaviour bond, Melbourne Magistrates' Court, 2016.")
    assert "CRIMINAL_RECORD" in cats(m, "Bound over to keep the peace, Belfast Magistrates' Court, 2013.")
    assert found(m, "Legal adviser at Belfast Magistrates' Court, advising on bail and good behaviour bonds.") == []
    # an identity word opening a line before a job title describes the person ...
    assert "RACE_ETHNICITY" in cats(m, "Black Caribbean chartered accountant with a decade in external audit.")
    assert "RACE_ETHNICITY" in cats(m, "Cree-Métis project manager with ten years in northern infrastructure.")
    assert "RACE_ETHNICITY" in cats(m, "Indigenous (Yolŋu) data scientist with eight years in remote health analytics.")
    # ... unless the title or a word before it makes the identity the subject of the work
    assert found(m, "Korean chef with ten years in fine dining.") == []
    assert found(m, "Black history curator at the Smithsonian.") == []
    assert "RACE_ETHNICITY" not in cats(m, "Māori language teacher at Rotorua Girls' High School.")
    # a party office is a political belief too, when the classifier keeps or rescues it
    assert cats(m, "Precinct committeeperson (R), Hamilton County, Ohio") >= {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert cats(m, "DA ward councillor, City of Tshwane, 2016–2021") >= {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    # a sentence about the candidate that the classifier is sure of, with no listed word
    text = ("I will be honest with you about the rest of it too: I was using heavily when I went in, "
            "and I have now been clean for nine years thanks to a sponsor who never gave up on me.")
    assert "ADDICTION" in cats(m, text)


def test_a_work_word_far_after_the_term_or_past_a_dash_is_not_its_context() -> None:
    m = shared()
    # five words after the term at most, and not across a dash, semicolon or colon
    assert "RACE_ETHNICITY" in cats(m, "Romanichal Traveller background — the first in my family to sit A-levels, let alone a degree.")
    assert "CRIMINAL_RECORD" in cats(m, "Court-martialled in 2009 for absence without leave and reduced to the ranks.")
    assert "CRIMINAL_RECORD" in cats(m, "Convicted in 2013 of failing to provide a specimen for analysis; banned for 18 months.")
    # close after it, a work word still makes the line work (counted in words, not tokens)
    assert found(m, "Drafted the sick-leave and return-to-work policy for 2,000 staff") == []
    assert found(m, "Bipolar disorder outcomes in a 2019 cohort of 4,000 adults.") == []


def test_groups_listed_side_by_side_are_a_subject_of_work() -> None:
    m = shared()
    text = "- Modelled Liberal, Conservative, NDP, Bloc Quebecois and Green vote share for 343 ridings."
    assert found(m, text) == []
    text = "The team includes Catholic, Anglican and Uniting Church chaplains, an Orthodox priest on call and a rabbi."
    assert found(m, text) == []
    text = ("- Run 9 Employee Resource Groups with 2,700 members: Black Professionals Network, SOMOS Latino "
            "Network, Asian & Pacific Islander Alliance, Interfaith Network, Pride Alliance, Veterans Network")
    assert found(m, text) == []
    # not a list: one group named several ways, or a role and its congregation
    assert "POLITICAL_BELIEF" in cats(m, "I’ve voted Liberal Democrat at every election since 2005.")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Youth pastor, Hillsong Church, Sydney, 2014–2016")
    # a list the candidate ties to themselves stays a disclosure
    assert "SEXUAL_LIFE" in cats(m, "I'm bi, queer and polyamorous, and out at work.")


def test_quoted_titles_and_names_after_an_honorific() -> None:
    m = shared()
    text = '- Halvorsen-Perez, I. (2023) "Two parliaments, one ballot? NSR, the Labour Party and the Sami electoral roll", Ethnos 88(4).'
    assert found(m, text) == []
    # someone's own words in quotes are not a title
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, 'He said "I am a proud Labour member" at the interview.')
    assert found(m, "I have been Mr. Asante-Jones's line manager since he joined us.") == []
    # "his own" ties the term to the person in a reference
    assert "RACE_ETHNICITY" in cats(m, "Mr. Bharti has spoken openly with our team about his own Dalit (Jatav) background.")


def test_dealing_with_an_organisation_from_outside_and_roles_at_a_congregation() -> None:
    m = shared()
    assert found(m, "- Negotiated a delegates' rights term with the MUA branch secretary after the 2024 changes.") == []
    assert found(m, "- Supervise Drug Rehabilitation Requirements and Alcohol Treatment Requirements with the local provider.") == []
    assert found(m, "He is particularly skilled with young people who have ADHD or autism.") == []
    # taking part is not dealing from outside
    assert "POLITICAL_BELIEF" in cats(m, "Delivered leaflets for the Remain campaign across Sunderland")
    assert "POLITICAL_BELIEF" in cats(m, "Ran the phone bank for an independent candidate in the 2022 federal election (Wentworth)")
    # a role at a congregation is a membership (a document's professional context keeps it)
    hits = [h for h in m.hits("- Licensed Lay Minister (Reader), St Michael on Greenhill Church, Lichfield") if h.score >= 0.5]
    assert hits and {h.decision for h in hits} == {"membership"}


def test_work_words_inside_other_terms_and_place_names() -> None:
    m = shared()
    # "server" in "altar server" is no IT job
    assert "RACE_ETHNICITY" in cats(m, "Assyrian Chaldean, altar server at St. Thomas Chaldean Catholic Church")
    # a place named after a church is a place
    assert "RELIGION_PHILOSOPHY" not in cats(m, "Chair, College Republicans at UNC Chapel Hill")
    assert found(m, "Office manager, 14 Temple Bar, Dublin") == []


def test_more_professional_document_traps_from_dev3() -> None:
    m = shared()
    negatives = [
        "For the past seven years I have worked as an addiction psychiatrist at the Centre hospitalier.",
        "My criminal record check for work with vulnerable people came back clear last month.",
        "- Modelled how the centre-right majority would vote on due-diligence rules.",
        "Three local colleges and eleven church halls serve as polling places.",
        "2014 - 2016     Research assistant, Chair of Church History, Katholische Universität Eichstätt",
        "- International Trade Union Confederation: translated country chapters of the Global Rights Index.",
        "I know St Columba's values its Catholic identity, and I have worked inside that ethos.",
        "- Counsel couples identified as cystic fibrosis carriers through the antenatal screening programme.",
        "She designed the coding frame for 140 denominations, from the Zion Christian Church and the "
        "Nazareth Baptist Church to Hindu and Muslim traditions.",
    ]
    for text in negatives:
        assert found(m, text) == [], text
    # the same cues still work where they belong
    assert "POLITICAL_BELIEF" in cats(m, "I voted Labour at every election since 2005.")
    assert "RELIGION_PHILOSOPHY" in cats(m, "I serve as a deacon at St Mark's Church.")
    assert "ADDICTION" in cats(m, "Drinking problem: resolved through treatment, 2014.")
    assert "CRIMINAL_RECORD" in cats(m, "National Police Check: disclosable court outcome (shoplifting, 2013)")
    assert "HEALTH_GENETIC" in cats(m, "Guide dog user — Bramble comes to the office with me and is very well behaved.")
    # "as a <term> <title>": a specialty, except for who the person is
    assert found(m, "For the past seven years I have worked as an addiction psychiatrist at the Centre hospitalier.") == []
    assert "SEXUAL_LIFE" in cats(m, "As an openly gay teacher in a rural school, I learned to let my lessons talk.")
    assert "HEALTH_GENETIC" in cats(m, "As a neurodivergent designer I see patterns that others walk past.")


def test_a_partys_political_reading_weighs_politics_work_words_and_lead_ins() -> None:
    m = shared()
    # "vote share" is a pollster's word, and "vote" after the party is no vote
    assert found(m, "- Built a constituency-level model of BJP and INC vote share for the 2024 Lok Sabha results night.") == []
    assert "POLITICAL_BELIEF" in cats(m, "I voted Labour at every election since 2005.")
    # a list of offences with no cue is a court's docket; with a cue it is a record
    assert found(m, "- Misdemeanor and early-disposition court: shoplifting, trespass, DUI, domestic violence.") == []
    assert "CRIMINAL_RECORD" in cats(m, "Convicted of theft, burglary and criminal damage in 2009.")
    # a lab's samples and panels; an employer-side negotiator in German
    text = "Every week his team receives around 400 samples for BRCA1/2, Lynch syndrome and familial hypercholesterolaemia panels."
    assert found(m, text) == []
    assert found(m, "- Führte als Arbeitgebervertreterin die Haustarifverhandlungen mit der IG Metall (Abschluss 2023).") == []
    assert "HEALTH_GENETIC" in cats(m, "Genetic test (2020): Lynch syndrome (MLH1). Annual colonoscopy = one day's leave a year.")


def test_plural_cue_words_name_other_people() -> None:
    m = shared()
    assert found(m, "At Grampians I manage the roster for fourteen chaplains and pastoral volunteers across three campuses.") == []
    assert found(m, "- Built equality impact assessments for three restructures with GMB, UNISON and Unite reps as consultation counterparts.") == []
    assert found(m, "- Booked and maintained the multi-faith room, including the Friday prayer timetable.") == []
    # the singular is the candidate
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "UNISON rep at Leeds General Infirmary")
    assert "ADDICTION" in cats(m, "Mr. Whitcombe attends SMART Recovery every week and has never once let it touch his work.")


def test_industrial_action_lived_experience_and_units_of_an_organisation() -> None:
    m = shared()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Walked out with the RMT during the 2022–23 rail strikes")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "UAW Region 1 member, GM Orion Assembly; struck for 40 days in 2019")
    assert found(m, "- Covered the RMT strikes for the Guardian's industry desk.") == []
    assert found(m, "Negotiated with the RMT during the 2022 strikes as the operator's ER lead.") == []
    assert "ADDICTION" in cats(m, "Lived experience: opioid recovery (7 years)")
    assert "CRIMINAL_RECORD" in cats(m, "Time served: 2008–2012, HMP Dartmoor.")
    assert "RACE_ETHNICITY" in cats(m, "Regional treasurer, NSBE Region 2")


def test_myself_beats_the_work_around_it() -> None:
    m = shared()
    assert "ADDICTION" in cats(m, "Facilitator, SMART Recovery Rhyl (in recovery myself since 2019).")
    assert "HEALTH_GENETIC" in cats(m, "I support clients with ADHD, and I have ADHD myself.")
    assert found(m, "I support clients with ADHD and taught myself their assistive software.") == []


def test_typographic_apostrophes_match_like_straight_ones() -> None:
    m = shared()
    # Word writes ’: exact-case terms with an apostrophe must still match, offsets unchanged
    text = "Founding member of the Women’s Equality Party’s Manchester branch"
    hits = [h for h in m.hits(text) if h.score >= 0.5]
    assert {h.category.value for h in hits} >= {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert text[hits[0].start : hits[0].end] == "Women’s Equality Party"
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Actors’ Equity Association member, Eastern region")


def test_party_acronyms_that_are_also_abbreviations_need_a_cue() -> None:
    m = shared()
    assert cats(m, "Filiado ao PT desde 2010") == {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert cats(m, "APC ward chairman, Ikeja Ward C") == {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, "PT sessions twice a week after my knee surgery")
    assert found(m, "Patrol officer, Chicago PD, 2015–2020") == []
    # an offence named without its usual noun, and a lemma that is not one
    assert "CRIMINAL_RECORD" in cats(m, "Four years for cannabis trafficking (Queensland, 2009)")
    assert "CRIMINAL_RECORD" not in cats(m, "I got clean from speed in 2011 and have been a lifeguard ever since.")


def test_a_duty_verb_opening_the_line_beats_a_cue_and_care_verbs_are_passive() -> None:
    m = shared()
    assert found(m, "- Represent adults charged with felonies in Superior Court; 47 jury trials to verdict.") == []
    assert "ADDICTION" in cats(m, "Treated for gambling addiction at the Rutland Centre, Dublin, in 2010.")
    assert found(m, "Treated patients for opioid use disorder on the inpatient unit.") == []
    text = "My clinical work covers predictive testing for Huntington's disease, carrier testing for cystic fibrosis."
    assert found(m, text) == []


def test_phrases_that_name_their_own_subject_and_named_peoples_status() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "Kitchen porter, HMP Wandsworth, 2017–2019 (during my sentence).")
    assert "CRIMINAL_RECORD" in cats(m, "Trained as a painter-decorator through Bounce Back while serving my sentence (2019).")
    assert found(m, "My criminal record check for work with vulnerable people came back clear last month.") == []
    assert found(m, "Served my time as an apprentice joiner before going self-employed.") == []  # ambiguous
    assert found(m, "ABOUT ME") == []
    assert "HEALTH_GENETIC" in cats(m, "Dr. Ruiz's Parkinson's has never slowed her teaching on the ward round.")
    # a care verb with "as" or "at" is done to the candidate; "taught me" is no teaching job
    assert "HEALTH_GENETIC" in cats(m, "Assessed as autistic after my arrest in 2017; the magistrates took it into account.")
    assert "ADDICTION" in cats(m, "What recovery taught me: honesty, routine and asking for help – six years without a drink")
    # a work word inside a longer term is that term's
    assert "HEALTH_GENETIC" in cats(m, "Hospital order under Section 37 (2015) following a psychotic episode; discharged 2018.")


def test_an_ethnic_word_right_beside_a_disclosed_faith() -> None:
    m = shared()
    assert cats(m, "Tamil Hindu; festival committee of the Shri Murugan temple, Manor Park.") >= {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}
    assert cats(m, "Hui Muslim from Ningxia; I pray five times a day, so a quiet room would help.") >= {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}
    # not across categories that do not make one identity, nor inside another term
    assert "ADDICTION" not in cats(m, "Four years for cannabis trafficking (Queensland, 2009)")
    assert "POLITICAL_BELIEF" not in cats(m, "Member, Nazariya queer feminist collective (Delhi), 2018–2021")


def test_a_negation_stays_in_its_part_of_the_sentence() -> None:
    m = shared()
    assert "ADDICTION" in cats(m, "I don't drink — I'm in recovery — so I'm always happy to be the designated driver.")
    assert "HEALTH_GENETIC" in cats(m, "I don't drive because of my dyspraxia, but I have never once been late.")
    assert found(m, "I have never been convicted of an offence.") == []
    assert found(m, "I am not diabetic.") == []


def test_relatives_in_other_languages_and_work_words_that_hold_the_term() -> None:
    m = shared()
    assert found(m, "Mi madre es lesbiana y mi padre es trabajador social.") == []
    assert found(m, "I'm sober curious and run the office's alcohol-free socials.") == []
    assert "ADDICTION" in cats(m, "I'm sober since 2015.")
    assert found(m, "My EHCP coordinator role covered 40 pupils across two schools.") == []


def test_hard_docs_traps_from_session_4() -> None:
    m = shared()
    # a privacy notice addresses the reader: the classifier does not rescue its terms
    text = "To correctional institutions if you are in jail or prison, as necessary for your health."
    assert found(m, text) == []
    # "while in" only leads in
    assert found(m, "Among 48 subjects receiving placebo, 29 developed new tumors while in the study.") == []


def test_lines_in_capitals_read_in_sentence_case() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "ALSO: I'M GAY. SHOULDN'T BE AN ISSUE, I HOPE.")
    assert "HEALTH_GENETIC" in cats(m, "BORDERLINE PERSONALITY DISORDER - IN DBT SINCE 2021, DOING WELL.")
    # a name or heading in capitals is not a sentence ("Asante" is also a people)
    assert found(m, "KWAME ASANTE-BROOKS") == []
    assert found(m, "EDUCATION AND TRAINING") == []
    assert m._unshout("MEMBER OF UNISON AND THE NUJ") == "Member of UNISON and the NUJ"


def test_form_fields_with_dot_leaders_box_dashes_and_generic_labels() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "SEXUAL ORIENTATION ..... GAY MAN")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Religion or belief ─ Agnostic")
    assert "RACE_ETHNICITY" in cats(m, "Category           : OBC (Mali)")
    assert "RACE_ETHNICITY" in cats(m, "Community: SC / Mahar")
    # "Community:" as a resume section is no field of its own
    assert "RACE_ETHNICITY" not in cats(m, "Community: food bank volunteer, Leicester")


def test_a_term_as_a_label_with_a_count_or_a_date() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "Probation: 3 years (completed early, 2022).")
    assert "CRIMINAL_RECORD" in cats(m, "Penalty points: 3 (speeding on the N7, 2023)")
    assert found(m, "Penalty points: 0") == []
    assert found(m, "Penalty points: none") == []


def test_the_classifier_does_not_veto_sentences_in_other_languages() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Ausbildung unterbrochen wegen Bandscheibenvorfall (2019), danach Umschulung zum Industriekaufmann.")
    assert "ADDICTION" in cats(m, "Gokverslaving (2016–2018), behandeld bij Brijder; sindsdien gokvrij.")
    # ... nor do English plurals and lemmas read into their words; relatives stay relatives
    assert found(m, "Análise de dados de vendas com Python e Power BI") == []
    assert found(m, "Mein Bruder ist Autist, und das hat mein Interesse an inklusiver Bildung geweckt.") == []
    assert found(m, "Mi hija tiene diabetes tipo 1, así que conozco bien los sistemas de monitorización continua.") == []
    # an English line with an English word of the same form still gets the veto
    assert not _foreign("Psoriatic arthritis, on biologics since 2017")
    assert _foreign("Membre du conseil presbytéral de l'Église protestante unie de Lyon")


def test_a_relationship_that_fixes_both_genders_is_not_made_professional_by_work_words() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "Ms. Whitfield and her wife host the department's summer barbecue every year.")
    assert "SEXUAL_LIFE" in cats(m, "Professor Hughes lives with her wife in Galway and commutes to our Limerick campus twice a week.")
    assert found(m, "Counselled clients and her wife on the estate.") == []  # someone else's


def test_professional_documents_from_holdout2() -> None:
    m = shared()
    assert found(m, "- Coordinate with alcohol and drug treatment providers; refer clients to residential programmes.") == []
    assert found(m, "• Wrote a series on the Parti Québécois' collapse in its traditional ridings.") == []
    # a party's political reading goes with the party when the list is dropped
    assert found(m, "• Profiled candidates from Québec solidaire, the Liberals and the CAQ in the Saguenay.") == []
    assert found(m, "- Launched the system's Black History Month and Hispanic Heritage Month speaker series.") == []
    assert found(m, "- Onboarding, benefits and payroll for 700 staff; administered union-dues deductions for the bargaining unit.") == []
    assert found(m, '- Panelist, Catholic Health Association Assembly, 2022 - "Mission and the Modern Workforce"') == []
    # the same words about the candidate still count
    assert "RACE_ETHNICITY" in cats(m, "Proud of my Hispanic heritage and fluent in Spanish.")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Member of the Parti Québécois since 2012 (riding association secretary).")


def test_plural_third_party_cues_need_the_plural_and_roles_after_an_organisation() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Survivor of childhood leukaemia; annual late-effects clinic is my only appointment.")
    assert found(m, "Supported survivors of childhood cancer through the charity's helpline.") == []
    assert "ADDICTION" in cats(m, "SMART Recovery participant since 2019 (alcohol).")


def test_a_category_can_set_aside_shared_work_words(matcher: DisclosureMatcher) -> None:
    text = "Migraine talk at a staff conference."
    assert found(matcher, text) == []  # "conference" is a shared work word
    _specs, common = load_lexicons()
    spec = parse_category(yaml.safe_load(HEALTH + "not_professional: [conference]\n"), "health")
    assert spec.not_professional == ("conference",)
    assert [c for c, _d, _t in found(DisclosureMatcher((spec,), common), text)] == ["HEALTH_GENETIC"]


def test_a_term_that_describes_an_organisation_and_a_referees_duty_verbs() -> None:
    m = shared()
    assert found(m, "- Recruitment events at HBCUs and Hispanic-Serving Institutions; Title VII complaint intake.") == []
    assert found(m, "Author of the council's dyslexia-friendly style guide.") == []
    assert found(m, "Sourced from Black-owned suppliers for the canteen contract.") == []
    assert "RACE_ETHNICITY" in cats(m, "Proud Hispanic engineer, first in my family to graduate.")
    # "He/She" + a duty verb in a reference is the referee describing the person's job
    assert found(m, "She managed our youth cautions caseload for three years.") == []
    assert found(m, "Two thirds of my inpatients live with both a substance use disorder and a serious mental illness.") == []


def test_a_role_cue_in_the_plural_names_other_people_in_any_role() -> None:
    m = shared()
    text = "Community partners: Narcotics Anonymous meeting coordinators who visit the ward."
    assert "ADDICTION" not in cats(m, text)
    assert "ADDICTION" in cats(m, "Narcotics Anonymous meeting coordinator since 2018.")


def test_titles_fix_the_gender_of_a_spouse_in_other_languages() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "El Sr. Ortega y su marido se trasladaron a Valencia cuando él asumió la jefatura del equipo.")
    assert "SEXUAL_LIFE" in cats(m, "Frau Schneider ist 2020 mit ihrer Ehefrau nach Hamburg gezogen.")
    assert found(m, "Herr Weber und seine Frau sind 2019 nach Bremen gezogen.") == []
    assert found(m, "La Sra. Ruiz y su marido viven en Valencia desde 2018.") == []


def test_addiction_sets_aside_sponsor_as_a_work_word() -> None:
    m = shared()
    assert "ADDICTION" in cats(m, "Volunteer sponsor, Narcotics Anonymous, since 2016.")
    assert found(m, "Executive sponsor of the alcohol awareness campaign at work.") == []


def test_a_capitalised_plural_after_a_place_preposition_is_a_place() -> None:
    m = shared()
    text = "Outside work I coach an under-14 rugby union team in Douglas and I am treasurer of the club."
    assert "RACE_ETHNICITY" not in cats(m, text)


def test_a_short_dated_line_that_opens_with_an_ambiguous_term() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "Peace bond (Ontario), 2019, expired 2020.")
    assert "CRIMINAL_RECORD" in cats(m, "Referral order at fifteen; the youth offending team is where I first met a mentor.")
    assert "CRIMINAL_RECORD" in cats(m, "Returning citizen (2021); completed the re-entry programme at the Fortune Society.")
    assert found(m, "Probation officer, 2015–2019") == []  # work
    assert "ADDICTION" not in cats(m, "In recovery from anorexia since 2016 – it's why I retrained as a dietitian.")


def test_party_units_after_a_place_and_green_as_a_party_with_a_cue() -> None:
    m = shared()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Fighter (member) — EFF Soshanguve branch")
    assert "POLITICAL_BELIEF" in cats(m, "DMK IT wing volunteer coordinator, Chennai South district")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Green councillor for Ward 3 since 2019.")
    assert found(m, "Lean Six Sigma Green Belt, 2021") == []
    # a youth wing inflected in German is the party's, not a trade union
    assert cats(m, "Kreisvorsitzender der Jungen Union München-Süd (2019–2021)") == {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}


def test_figurative_uses_and_parties_listed_for_work() -> None:
    m = shared()
    assert found(m, "He has a sober, unflappable manner in a crisis and a very dry sense of humour.") == []
    assert found(m, "Our numbers are a conservative estimate – actual savings were closer to 18%.") == []
    assert "ADDICTION" in cats(m, "I have been sober for eleven years and my approach to work shows it.")
    # a party's political reading counts among the groups listed for work
    assert found(m, "   • Travelled on the Liberal, Conservative and NDP leaders' tours during the 2021 federal campaign.") == []


def test_an_ambiguous_term_after_other_people_is_not_rescued() -> None:
    m = shared()
    text = "He also supports participants in recovery from alcohol and other drug use who are referred by the court."
    assert found(m, text) == []
    # the candidate's own sentence keeps no such reason, so the classifier may rescue it
    text = "In 2010 I married my wife, Priya, in one of the first same-sex ceremonies at our town hall."
    assert [(h.decision, h.negative) for h in m.hits(text) if h.category.value == "SEXUAL_LIFE"] in (
        [("ambiguous", None)], [("classifier", None)])


def test_people_on_an_order_and_community_partners_are_work() -> None:
    m = shared()
    text = ("Working with the criminal justice system, I set up a pathway with the probation service so that "
            "people on Drug Rehabilitation Requirements and Alcohol Treatment Requirements start treatment quickly.")
    assert found(m, text) == []
    text = "I am used to working with community partners: recovery houses, Narcotics Anonymous meeting coordinators."
    assert found(m, text) == []


def test_the_prefilter_never_waits_on_everyday_words() -> None:
    # a term made only of everyday words would send every paragraph through the full analysis
    m = shared()
    assert not {"the", "it", "over", "b", "and", "of", "june", "held", "a", "i", "my", "in"} & m._triggers


def test_a_verb_of_having_makes_the_condition_the_persons_own() -> None:
    m = shared()
    # a work word later in the sentence no longer decides ("transfusion", "service", "contract")
    assert "HEALTH_GENETIC" in cats(m, "I have beta-thalassaemia major and need a transfusion every three weeks, which I book for Fridays.")
    assert "HEALTH_GENETIC" in cats(m, "I have a 70% VA disability rating for service-connected PTSD.")
    assert "HEALTH_GENETIC" in cats(m, "I contracted hepatitis C in my twenties; it was cured in 2018.")
    assert "HEALTH_GENETIC" in cats(m, "She has had epilepsy since childhood and manages a team of nurses.")
    # not a field of work or study, nor an ambiguous word with a determiner, nor someone else's
    assert "HEALTH_GENETIC" not in cats(m, "I have an MS in Statistics from Leeds.")
    assert "HEALTH_GENETIC" not in cats(m, "I have diabetes nurse experience from two NHS trusts.")
    assert "HEALTH_GENETIC" not in cats(m, "I have developed diabetes education materials for clinics.")
    assert "HEALTH_GENETIC" not in cats(m, "I have supported clients with depression for ten years.")


def test_a_health_word_that_describes_a_person_before_a_job_title() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Autistic data engineer with a knack for spotting patterns.")
    assert "HEALTH_GENETIC" in cats(m, "Dyslexic and dyspraxic UX researcher who designs for people like me.")
    # the condition's name is the work's subject; a topic word makes the adjective one too
    assert "HEALTH_GENETIC" not in cats(m, "Autism researcher at King's College London.")
    assert "HEALTH_GENETIC" not in cats(m, "Deaf awareness trainer for NHS staff.")
    assert "HEALTH_GENETIC" not in cats(m, "Deaf studies lecturer.")


def test_other_languages_a_listed_organisation_and_a_partys_political_reading() -> None:
    m = shared()
    # the English classifier does not veto a listed group in a line of another language ...
    assert "SEXUAL_LIFE" in cats(m, "Ako ay isang inhinyero at miyembro ng LGBT network ng aming kumpanya.")
    # ... nor the political reading of a party when the sentence reads as political: campaigning
    assert cats(m, "Im Bundestagswahlkampf 2021 habe ich Plakate für die Grünen aufgehängt.") == {"POLITICAL_BELIEF"}
    assert cats(m, "Ik heb campagne gevoerd voor GroenLinks bij de gemeenteraadsverkiezingen in Nijmegen.") == {"POLITICAL_BELIEF"}
    # Hindi in Latin letters: "mein" is "in" there, not German "my"
    assert cats(m, "Ek mandir trust mein 2016 se 2019 tak paid accountant ki naukri ki.") == set()


def test_a_name_followed_by_member_or_citizen_is_the_organisation() -> None:
    m = shared()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "WGA West member since 2017.")
    assert "RACE_ETHNICITY" in cats(m, "Métis Nation of Ontario citizen (card holder since 2011).")
    assert "RACE_ETHNICITY" not in cats(m, "Navajo Generating Station, Page, Arizona: plant operator, 2012-2016.")


def test_an_apposition_after_a_named_person() -> None:
    m = shared()
    assert "RACE_ETHNICITY" in cats(m, "Dr. Begay, a Diné hydrologist, led our groundwater study in Chinle.")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Sister Mary Bernadette, a Dominican nun, ran the school library with great care.")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Mr. Ali, a shop steward for Unite, led the site through the merger.")
    # a work word inside the apposition still decides
    assert "RACE_ETHNICITY" not in cats(m, "Dr. Ortiz, a Diné studies lecturer, supervised my thesis.")
    assert "CRIMINAL_RECORD" not in cats(m, "Mr. Jones, a probation officer, supervised forty cases.")


def test_seats_lead_ins_and_a_minor_in_criminal_records() -> None:
    m = shared()
    assert cats(m, "Cllr Aisha Rahman, who sits for Labour on Oldham Council, chairs meetings with real care.") == {
        "POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert "POLITICAL_BELIEF" in cats(m, "Mr. Oyelaran is an outspoken conservative who never hid his views.")
    assert "CRIMINAL_RECORD" in cats(m, "As a minor in Spain I served a supervised-liberty order (libertad vigilada) in 2012.")
    assert "CRIMINAL_RECORD" not in cats(m, "BA Sociology, minor in Criminology; dissertation on youth cautions.")


def test_professional_documents_from_holdout3() -> None:
    m = shared()
    # national and regional professional bodies are no ethnic associations
    assert found(m, "Memberships: Vereniging Klinische Genetica Nederland; European Society of Human Genetics.") == []
    assert found(m, "Member of the South African Statistical Association.") == []
    assert "RACE_ETHNICITY" in cats(m, "Member of the National Black Nurses Association.")
    assert "RACE_ETHNICITY" in cats(m, "Member of the Korean Students Association, 2016-2019.")
    # groups listed with their people between them, and roles among them
    text = ("She keeps the on-call rota for our eleven chaplains and forty faith partners, including Catholic "
            "priests, Anglican and United Church ministers, an imam, a rabbi, Sikh and Hindu volunteers, and Buddhist visitors.")
    assert found(m, text) == []
    # roles in the plural are other people, unless the writer is one of them
    assert found(m, "- Run monthly consultative committee meetings with site delegates and health and safety representatives.") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "One of two shop stewards at the Dagenham plant.")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Shop stewards' committee secretary, 2015-2019.")
    # a group's possessive, the employer's working group, training in working with a people,
    # and organisations of a group dealt with in the plural
    assert found(m, "- Co-author, report on the gap between registered Republicans' and Democrats' trust in mail voting, 2022.") == []
    assert found(m, "- Member of the unit's drug treatment programme working group, adapting classroom materials.") == []
    assert found(m, "Motivational interviewing; Aboriginal and Torres Strait Islander cultural capability (Level 2).") == []
    assert found(m, "I work closely with families, schools and First Nations community organisations to keep kids out of custody.") == []
    # a long sentence about other people is not rescued by the classifier
    assert found(m, "He also works with young people released on Detention and Training Order licence and supports those on bail.") == []


def test_a_wrapped_line_reads_as_one() -> None:
    m = shared()
    # a cue of two words over a line break ("young\npeople"), offsets in the text as given
    text = "He also works with young\npeople released on Detention and\nTraining Order licence and supports those on bail."
    assert found(m, text) == []
    text = "In 2019 I was released on Detention and\nTraining Order licence and have worked since."
    hits = [h for h in m.hits(text) if h.score >= 0.5]
    assert [text[h.start : h.end] for h in hits] == ["Detention and\nTraining Order"]
    # a line break between lines that end is still a boundary
    assert cats(m, "Skills: Python, SQL\nCatholic") == {"RELIGION_PHILOSOPHY"}


def test_hard_negatives_from_holdout3() -> None:
    m = shared()
    # a cue of two words whose last word opens the term ("people on" + "on probation")
    assert found(m, "Mr. Abernethy supervised people on probation for nine years and knows the courts.") == []
    text = "Member of Recovery Runners, a Bristol running club for people in recovery from drink and drugs."
    assert "people in" not in [h.negative for h in m.hits(text)]  # the club's members: not made someone else's
    # a named person's possessive does not make an ambiguous word a status: a work probation
    assert found(m, "Ms. Lindgren's probation period was cut short because her results were so strong.") == []
    assert "HEALTH_GENETIC" in cats(m, "Dr. Ruiz's Parkinson's has never slowed her teaching.")
    # an idiom, a service for a group, the course of a condition, an irregular lemma
    assert found(m, "Pardon my enthusiasm, but I genuinely love payroll.") == []
    assert "CRIMINAL_RECORD" in cats(m, "Pardoned in 2019 for a 2008 conviction.")
    assert found(m, "Volunteer listener on an LGBTQ+ helpline, two evening shifts a month.") == []
    assert cats(m, "Programme manager living with relapsing MS, used to planning around good and bad days.") == {"HEALTH_GENETIC"}
    assert found(m, "Crew scheduling analyst at Union Pacific Railroad, Omaha.") == []
    # "no" and "not known" in a form field are refusals, in several languages
    assert found(m, "Handicap : non") == []
    assert found(m, "Blood type: not known") == []
    assert "HEALTH_GENETIC" in cats(m, "Handicap : oui, RQTH")


def test_a_list_a_plural_noun_opens_and_the_subject_of_a_study() -> None:
    m = shared()
    text = ("- Set up and fund eight staff networks (Race and Ethnicity, Faith and Belief, Disability, LGBTQ+, "
            "Women, Carers, Armed Forces, Neurodiversity) each with an executive sponsor.")
    assert found(m, text) == []
    assert "SEXUAL_LIFE" in cats(m, "Member of two networks (LGBTQ+, Women).")  # too short a list
    # what a study, a talk or a paper is "on" is its subject, unless the writer says "my"
    assert found(m, "I have published on how cannabis use predicts relapse of psychosis.") == []
    assert "HEALTH_GENETIC" in cats(m, "I wrote about my own depression for the staff blog.")


def test_work_words_of_a_second_job_title_joined_by_and() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Catholic permanent deacon and hospital administrator with 15 years in operations.")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Shop steward and warehouse supervisor at Tesco, 2015-2020.")
    assert "SEXUAL_LIFE" in cats(m, "Bisexual father of one and a data engineer who loves a messy dataset.")
    # the work word of the term's own title still counts
    assert found(m, "Diabetes nurse and hospital administrator.") == []


def test_the_candidate_as_the_object_of_a_sentence_or_a_diagnosis() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "In 2015 a Queensland magistrate placed me on a good behaviour bond for a public nuisance offence.")
    assert found(m, "My supervisor put me on a performance improvement plan.") == []
    assert found(m, "Clients would tell me on probation day how they felt.") == []


def test_names_nations_and_counted_records() -> None:
    m = shared()
    # a category's own cue opening the sentence is no first name; a Nation is the people's
    assert cats(m, "Lifelong Labour member and housing officer with ten years' frontline experience.") == {
        "POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert "RACE_ETHNICITY" in cats(m, "Enrolled member of the Oneida Nation of Wisconsin.")
    assert found(m, "Kwame Asante, operations lead.") == []
    # a count between the verb of having and an ambiguous term
    assert "CRIMINAL_RECORD" in cats(m, "I have four penalty points on my Irish licence for using a phone while driving.")
    assert found(m, "I have 0 penalty points.") == []


def test_a_groups_community_bodies_and_a_national_nursing_council() -> None:
    m = shared()
    # (the rules decide, not the classifier: the reason is on the hit)
    hits = m.hits("- Coordinate with the LGBTQI+ community advisory board on clinic hours and staff training.")
    assert [h.negative for h in hits] == ["describes organisations ('advisory')"]
    hits = m.hits("- South African Nursing Council: Registered Nurse and Midwife; Primary Care Nurse")
    assert [h.negative for h in hits] == ["a national professional body"]
    assert "SEXUAL_LIFE" in cats(m, "Proud member of the LGBTQ+ community and of our staff Pride network.")


def test_a_sentence_without_term_or_cue_needs_the_classifier_near_certain() -> None:
    # "He took two months of paternity leave in 2023": an earlier classifier read it as health
    # at 0.99 (session 9's reads it at 0.72); without a term or a cue of the category a
    # sentence needs 0.98 or more (STATEMENT_UNSIGNALLED)
    text = "He took two months of paternity leave in 2023 and returned with the same energy."
    assert found(_with_classifier({"paternity": {"HEALTH_GENETIC": 0.975}}), text) == []
    assert [c for c, _d, _t in found(_with_classifier({"paternity": {"HEALTH_GENETIC": 0.985}}), text)] == ["HEALTH_GENETIC"]


def test_documents_and_fields_from_holdout4() -> None:
    m = shared()
    # across the bargaining table, a list of parties with "y", a researcher's fieldwork
    assert found(m, "- Chief spokesperson for the company in bargaining with USW Local 1005; concluded two agreements.") == []
    text = "- Entrevistas con coordinadores parlamentarios de Morena, PAN, PRI, PVEM, PT y Movimiento Ciudadano."
    assert found(m, text) == []
    text = ("- Two years of participant observation in the services and choir rehearsals of three churches, "
            "including the Church of Pentecost and a parish of the Redeemed Christian Church of God.")
    assert found(m, text) == []
    # a word with a listed word's lemma that is not that word or its plural
    assert found(m, "I believe my mix of audit and shared-services experience would help.") == []
    assert "RACE_ETHNICITY" in cats(m, "Proud Mixe woman from Oaxaca.")
    assert "CRIMINAL_RECORD" in cats(m, "Took part in a restorative justice conference in 2016 as part of my sentence.")
    # a label one letter off, and a label and its value in two cells
    assert "RELIGION_PHILOSOPHY" in cats(m, "Relegion: Christian (Pentacostal)")
    assert "RACE_ETHNICITY" in cats(m, "Ethnicty: Black Caribean")
    assert found(m, "Regions: North West") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "UNION | GMB")
    assert "RELIGION_PHILOSOPHY" in cats(m, "| Religion | Buddhist |")
    assert found(m, "Religion | Politics | Economics") == []


def test_a_spaced_hyphen_is_a_dash_and_a_dash_answer_is_short() -> None:
    m = shared()
    # the normaliser writes "–" as "-": spaced, it still ends the clause for work words after it
    assert "HEALTH_GENETIC" in cats(m, "ALLERGIC TO LATEX - PLEASE NOTE FOR LAB INDUCTION")
    assert "CRIMINAL_RECORD" in cats(m, "PCA offence (low-range), 2016 - licence reinstated 2017, no issues since")
    assert found(m, "Used PCA and t-SNE for dimensionality reduction.") == []
    # a refusal after a dash is a short answer; a hyphenated result is no compound word
    assert found(m, "Criminal record - none") == []
    hits = m.hits("G6PD deficient - no fava beans at the team lunch, please!")
    assert [h.decision for h in hits] != ["negated"]
    assert "HEALTH_GENETIC" in cats(m, "Huntington's gene-positive (predictive test 2020), no symptoms.")


def test_members_and_labels_in_other_languages_and_an_acronyms_branch() -> None:
    m = shared()
    assert cats(m, "Anggota Partai Keadilan Sejahtera (PKS), DPD Kota Depok") == {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Birleşik Metal-İş (DİSK) üyesi ve işyeri temsilcisi")
    assert "RACE_ETHNICITY" in cats(m, "Dân tộc: Kinh")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Din: Müslüman")
    assert found(m, "Din: yok") == []
    assert [h.cue for h in m.hits("Agama: Islam")] == ["form label 'Agama'"]  # one finding for a label listed twice
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Branch president, UCU Sussex")
    assert found(m, "Claims handler, AA Insurance.") == []


def test_an_ideology_in_a_partys_name_units_after_a_hyphen() -> None:
    m = shared()
    text = "Mr. Petrov has long been an active member of the Bulgarian Socialist Party in Plovdiv."
    assert cats(m, text) == {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert found(m, "Wrote a history of the Socialist Party of America for my thesis.") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Deputy chair, EFF Student Command, Wits")
    assert [h.negative for h in m.hits("Ratsmitglied der CDU-Fraktion im Stadtrat Paderborn") if h.rule == "union_party.parties"] != [
        "compound word"]


def test_the_classifier_does_not_rescue_a_term_in_a_sentence_about_a_group() -> None:
    m = _with_classifier({"": {"CRIMINAL_RECORD": 0.99, "ADDICTION": 0.99, "HEALTH_GENETIC": 0.99}})
    text = "They told us that depression made the winter months hard to manage."
    assert [(h.decision, h.score) for h in m.hits(text)] == [("ambiguous", 0.1)]
    # the writer's own sentence is still rescued
    text = "After two hard years with depression I went back to work in 2021."
    assert ("HEALTH_GENETIC", "classifier", "depression") in found(m, text)


def test_typesetting_blind_text_and_a_plural_label_are_not_disclosures() -> None:
    m = shared()
    assert [h.negative for h in m.hits("Kjift - not at all! A blind text like this gives no information at all.")] == [
        "a figurative use"]
    assert found(m, "Caution: see the instructions before you enter an amount on line 8.") == []


def test_the_pre_pass_joins_only_lines_the_sentence_splitter_reads_as_wrapped() -> None:
    from docscreen.analyze.special import WRAP_MIN_CHARS, _prejoin

    long = "x" * WRAP_MIN_CHARS
    # a long line that has not ended, then a line that is no bullet: one sentence
    assert _prejoin(f"{long} and the Detention\nTraining Order") == f"{long} and the Detention Training Order"
    # a short line, an ended line, a bullet: left as they are
    assert _prejoin("Skills: Python\nCatholic") == "Skills: Python\nCatholic"
    assert _prejoin(f"{long}.\nNext") == f"{long}.\nNext"
    assert _prejoin(f"{long}\n- bullet") == f"{long}\n- bullet"
    # same length, so every offset holds
    text = f"{long} works with young\npeople on a\nDetention and\nTraining Order"
    assert len(_prejoin(text)) == len(text)


def test_a_named_person_as_the_subject_and_a_test_result_of_ones_own() -> None:
    m = shared()
    # a title before a name is no work word; the named person "has" the condition
    text = "Nurse Ifeoma Chukwu has sickle cell disease, yet she had the best attendance on the ward."
    assert "HEALTH_GENETIC" in cats(m, text)
    assert found(m, "Nurse Ifeoma Chukwu has led our sickle cell disease clinic since 2019.") == []
    # "I tested positive for": a result, not a duty verb
    assert "HEALTH_GENETIC" in cats(m, "I tested gene-positive for Huntington's in 2019 and am presymptomatic.")
    assert found(m, "I tested the Huntington's disease registry's new data pipeline.") == []


def test_other_people_a_plural_person_cue_and_a_term_run_on_from_theirs() -> None:
    m = shared()
    text = ("I manage people on sentences of supervision, intensive supervision, community detention and home "
            "detention, and people released from prison on parole or release conditions.")
    assert "CRIMINAL_RECORD" not in cats(m, text)
    assert "CRIMINAL_RECORD" in cats(m, "I was released from prison on parole in 2019.")
    text = "Launched a campaign featuring families of many shapes, including same-sex parents and grandparents."
    assert "SEXUAL_LIFE" not in cats(m, text)
    assert "SEXUAL_LIFE" in cats(m, "As a same-sex parent I know the school gate can be a lonely place.")
    text = "The committee's members, from the ANC, the DA, the EFF and other parties, asked pointed questions."
    assert cats(m, text) == set()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "I am a member of the ANC in Soweto.")


def test_a_word_inside_another_categorys_organisation_name() -> None:
    m = shared()
    assert cats(m, "Attend LifeRing Secular Recovery meetings weekly.") == {"ADDICTION"}
    assert "RELIGION_PHILOSOPHY" in cats(m, "Secular humanist; I chair the local Humanists UK group.")


def test_language_levels_shouted_fields_and_generic_addiction_labels() -> None:
    m = shared()
    assert found(m, "English and Kiswahili (fluent); Kikuyu (native); Kalenjin (working knowledge)") == []
    assert found(m, "Tikanga Māori and te reo Māori, level 4, Te Wānanga o Aotearoa, 2018") == []
    assert "HEALTH_GENETIC" in cats(m, "MEDICAL: PACEMAKER FITTED 2019 — NO MRI")
    assert "ADDICTION" in cats(m, "Rehab: Castle Craig, Scotland, 2019 (alcohol)")
    assert found(m, "Recovery: disaster recovery runbooks for the payments platform") == []
    assert found(m, "Member, Association of African Election Authorities practitioners' network") == []


def test_prescribed_drug_dependence_and_time_free_of_a_drug() -> None:
    m = shared()
    assert "ADDICTION" in cats(m, "Detoxed from pregabalin dependence with my GP in 2022.")
    assert "ADDICTION" in cats(m, "Marijuana use disorder, treated in 2019.")
    assert "ADDICTION" in cats(m, "Three years free of crystal meth; CMA member.")
    assert found(m, "Three years free of crystal defects on the new wafer line.") == []
    assert "ADDICTION" in cats(m, "Mr. Kurt Lindqvist attends AA and has never let it affect a single shift.")


def test_work_units_partners_and_an_irregular_cue_as_written() -> None:
    m = shared()
    # a term naming a unit of work, a partner organisation, a caseload given to the worker
    text = "He supports the Drug Treatment and Testing Order team at Glasgow Sheriff Court with clinical reviews."
    assert found(m, text) == []
    assert "CRIMINAL_RECORD" in cats(m, "I was on a Drug Treatment and Testing Order in 2015.")
    text = "He led our rollout of long-acting injectable buprenorphine (Buvidal) in 2021, writing the protocol."
    assert found(m, text) == []
    text = ("He works closely with the Glasgow Recovery Communities and with mutual-aid groups such as SMART Recovery "
            "and Narcotics Anonymous, so that people leaving treatment have a meeting the same week.")
    assert found(m, text) == []
    assert "ADDICTION" in cats(m, "He works with his AA sponsor every week.")
    assert "CRIMINAL_RECORD" not in cats(m, "Assigned to the felony trial group and later to drug court and DUI court calendars.")
    # "struck" is a cue as written, not the lemma of "strike notices"
    assert found(m, "Prepared expert opinions on the legality of strike notices and picket lines.") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Joined the picket lines when we struck in 2022.")


def test_what_is_not_part_of_a_name() -> None:
    m = shared()
    # a confederation's section and a lower-case word after it
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Adhérente CFDT Cadres depuis 2018")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Iscritta alla CISL Scuola dal 2016")
    # a people's qualifier before it
    assert "RACE_ETHNICITY" in cats(m, "I'm a Scottish Gypsy/Traveller and lived on a site in Perthshire until I was sixteen.")
    assert "RACE_ETHNICITY" in cats(m, "Slovak Roma heritage; first in my family to attend university.")
    assert "RACE_ETHNICITY" in cats(m, "Status First Nations member, Opaskwayak Cree Nation.")
    # a term ending in a small word is followed by its object, not by more of a name
    assert [h.negative for h in m.hits("Campaigned for Remain in the 2016 EU referendum.")] != ["part of a name"]
    # still names
    assert found(m, "Proficient in MS Office and MS Project.") == []
    assert found(m, "Account manager for Cherokee Nation Entertainment, Tulsa.") == []


def test_a_short_status_line_is_rescued_only_by_a_surer_classifier() -> None:
    text = "Depression well managed nowadays"  # four words: below RESCUE_MIN_WORDS
    sure = _with_classifier({"": {"HEALTH_GENETIC": 0.99}})
    assert found(sure, text) == [("HEALTH_GENETIC", "classifier", "Depression")]
    unsure = _with_classifier({"": {"HEALTH_GENETIC": 0.93}})
    assert found(unsure, text) == []
    # 0.95 since session 10 ("2012–2015 — Joyceville Institution (federal sentence).")
    assert found(_with_classifier({"": {"HEALTH_GENETIC": 0.96}}), text) == [("HEALTH_GENETIC", "classifier", "Depression")]
    # two words are a heading or a table cell; acronyms alone are a list, not a status line
    assert found(sure, "Depression nowadays") == []
    assert found(sure, "DNS, DHCP, Depression, SSL") == []


def test_our_congregation_a_campus_society_and_fields_after_spaces() -> None:
    m = shared()
    assert "RELIGION_PHILOSOPHY" in cats(m, "Hafiz of the Qur'an; I teach tajweed to children at our mosque on weekends.")
    assert "RELIGION_PHILOSOPHY" in cats(m, "Leads the Wednesday meditation at the university Buddhist Society.")
    assert "RACE_ETHNICITY" in cats(m, "Are you Hispanic/Latino? No.   Race: White")
    assert cats(m, "Religion: Hindu\tCaste: Maratha") == {"RELIGION_PHILOSOPHY", "RACE_ETHNICITY"}
    assert found(m, "Name: Ana Lopez   Religion: prefer not to say") == []
    assert cats(m, "Visible minority: South Asian") == {"RACE_ETHNICITY"}
    assert found(m, "Visible minority: prefer not to say") == []


def test_party_units_after_an_acronym_and_a_branch_place_of_two_words() -> None:
    m = shared()
    both = {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert cats(m, "NDC constituency youth organiser, Odododiodio") == both
    assert cats(m, "NPP polling-station executive, Asawase constituency") == both
    assert cats(m, "CHP Gençlik Kolları Kadıköy ilçe yönetim kurulu üyesi") == both
    assert cats(m, "DAP branch treasurer, Ipoh Timur") == both
    assert found(m, "Fertiliser sales rep: DAP and urea accounts across Punjab.") == []
    assert found(m, "Prepared the NPP safety case for the regulator.") == []
    assert found(m, "Led the PPP branch of the infrastructure fund.") == []
    # a group's plural voters are not a vote
    text = ("His gallery on Black voters and the two parties, from the Republican loyalties of Reconstruction to the "
            "New Deal realignment, was praised by historians on both sides of the aisle.")
    assert found(m, text) == []
    assert "POLITICAL_BELIEF" in cats(m, "I have been a Republican voter all my life.")


def test_more_languages_read_as_foreign_and_portuguese_no_is_no_negation() -> None:
    from docscreen.analyze.special import _foreign

    assert _foreign("Sunt membru în sindicat din 2015")  # Romanian
    assert _foreign("Jsem členem odborů od roku 2015")  # Czech
    assert _foreign("Mimi ni mwanachama wa chama tangu 2015")  # Swahili
    assert not _foreign("Care assistant in a busy ward since 2015")
    m = shared()
    assert "POLITICAL_BELIEF" in cats(m, "Voluntária no movimento #EleNão em 2018.")
    assert found(m, "No tengo antecedentes penales.") == []


def test_the_card_abbreviations_and_a_term_served_for_an_offence() -> None:
    m = shared()
    both = {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}
    assert cats(m, "Lebanese Forces card-holder, Zahle office.") == both
    assert cats(m, "Partia | Lewica") == both
    assert cats(m, "Kader PDI Perjuangan, DPC Kota Surakarta") == both
    assert cats(m, "mbr UNISON br.4023; H&S rep") == {"UNION_PARTY_MEMBERSHIP"}
    assert cats(m, "shop stwd (Unite) - 6 yrs") == {"UNION_PARTY_MEMBERSHIP"}
    assert cats(m, "Equity card holder since leaving drama school in 2015") == {"UNION_PARTY_MEMBERSHIP"}
    assert found(m, "Visa card holder benefits programme for a retail bank") == []
    assert "CRIMINAL_RECORD" in cats(m, "did 18 mnths for supply, releasd 2019")
    assert "CRIMINAL_RECORD" in cats(m, "Since his release from HMP Altcourse, Mr. Quinn has worked for us as a site operative.")
    assert found(m, "Did 2 years for KPMG in audit.") == []


def test_one_of_the_groups_a_plural_noun_names_as_examples() -> None:
    m = shared()
    text = ("During the 2019 and 2024 elections I led our coverage of religious identity in campaigning: sermons at "
            "rallies, fatwas on candidates, and how parties from PKS to PDI-P courted pesantren networks.")
    assert found(m, text) == []
    # ... unless the writer belongs to them
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "I've been a member of several unions, including Unite and the GMB.")


def test_no_rescue_for_a_field_of_work_and_no_statement_about_a_group() -> None:
    m = _with_classifier({"": {"HEALTH_GENETIC": 0.99}})
    # a term followed by a discipline is the field ("Cancer genetics")
    assert found(m, "Depression genetics and inherited cardiac conditions across the West Midlands region.") == []
    # a sentence about a group of others with no person word: no statement of the classifier's
    full = _full_with_classifier(_every_category(0.99))
    text = "Some are in crisis with their mental health or in the grip of alcohol or drug dependency."
    assert [h for h in full.hits(text) if h.decision in ("statement", "statement_line")] == []


def test_a_foreign_membership_line_a_surname_and_german_teaching() -> None:
    from docscreen.analyze.special import _foreign

    assert _foreign("Membro do coletivo LGBTQIA+ da FEA-USP (2016–2019)")
    low = _full_with_classifier(_every_category(0.01))
    # the English classifier does not veto a membership line in another language
    assert "SEXUAL_LIFE" in cats(low, "Membro do coletivo LGBTQIA+ da FEA-USP (2016–2019)")
    s = shared()
    assert [h.negative for h in s.hits("Gay-Lussac's law demonstrations for Year 10 chemistry.")] == ["part of a name"]
    assert found(s, "Einführung in den Islam (Proseminar, jährlich seit 2021)") == []


def test_a_longer_term_decides_over_a_partys_cue_inside_it() -> None:
    m = shared()
    assert found(m, "Data scientist modelling Tory voter turnout for a polling firm.") == []
    assert "POLITICAL_BELIEF" in cats(m, "Lifelong Tory voter.")
    assert "POLITICAL_BELIEF" in cats(m, "Labour voter since 1997.")


def test_no_rescue_of_a_listed_party_among_others_a_fragment_or_a_professional_body(monkeypatch) -> None:
    # (the rules' reasons against a classifier that would keep anything; its reading of lines
    # with no term at all is test_a_sure_classifier_reads_resume_lines_without_a_person_word's)
    monkeypatch.setattr(special, "SURE_NEEDS_SIGNAL", True)
    sure = _full_with_classifier(_every_category(0.99))
    text = "- Religion and Politics in Europe: the CDU, the CSU and Christian Democracy since 1945"
    assert [h for h in sure.hits(text) if h.decision == "classifier" and h.rule == "union_party.parties"] == []
    assert [h for h in sure.hits("To prevent or control disease, injury or disability") if h.score >= 0.5] == []
    assert [h for h in sure.hits("the subcommentaries of the Theravada tradition.") if h.score >= 0.5] == []
    text = "- Member, Scottish Parliamentary Journalists' Association;"
    assert [h for h in sure.hits(text) if h.decision == "statement_line"] == []
    # a dated status line still stands
    assert "HEALTH_GENETIC" in cats(sure, "2018-03 to 2018-06: medical leave (MS relapse), phased return")


def test_everyday_words_habits_eligibility_eponyms_and_job_titles() -> None:
    m = shared()
    # a people's or a movement's name in lower case, as a word of another language
    assert "RACE_ETHNICITY" not in cats(
        m, "Musulmane pratiquante, je porte le voile et je suis habituée à expliquer mon parcours avec le sourire."
    )
    assert "POLITICAL_BELIEF" not in cats(
        m, "Saya pernah menjalani rehabilitasi narkoba selama enam bulan dan sudah bersih sejak 2018."
    )
    assert "RACE_ETHNICITY" in cats(m, "Soy mapuche, de Temuco, y hablo mapudungun con mis abuelos.")
    # a word of the lists said of a habit; not "about" a length of time
    assert "RELIGION_PHILOSOPHY" not in cats(m, "My genome report is why I'm evangelical about sleep and exercise.")
    assert "HEALTH_GENETIC" not in cats(m, "I'm a bit OCD about formatting.")
    assert "HEALTH_GENETIC" in cats(m, "Diagnosed with OCD about ten years ago.")
    # eligible to join a union is no membership
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, "SAG-AFTRA eligible; clean US driver's licence.")
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "SAG-AFTRA member since 2015.")
    # a word of another list inside a condition named after it
    assert "RELIGION_PHILOSOPHY" not in cats(m, "I'm Deafblind (Usher syndrome type 2) and bring a tactile interpreter.")
    assert "RELIGION_PHILOSOPHY" in cats(m, "I'm an usher at St Mary's on Sundays.")
    # a term before a job's head noun is the job's field, not after "my" and not in a name
    assert found(m, "Record suspension officer, Parole Board of Canada, 2014–2020") == []
    assert "CRIMINAL_RECORD" in cats(m, "I got a record suspension in 2019.")
    assert "CRIMINAL_RECORD" in cats(m, "Member, Formerly Incarcerated Workers' Collective.")
    # refusals in Portuguese and Indonesian forms, and a Spanish record certificate's clean answer
    assert found(m, "Raça/cor: prefiro não declarar") == []
    assert found(m, "Agama: (tidak diisi)") == []
    assert found(m, "Certificado de antecedentes: sin anotaciones") == []
    assert "RACE_ETHNICITY" in cats(m, "Raça/cor: parda")


def test_german_im_others_as_objects_and_subjects_plural_roles_and_figurative_arrests() -> None:
    m = shared()
    # German "im" is no "I'm" ("das heute im Labor eingesetzt wird")
    text = "Dort habe ich ein Verfahren entwickelt, das heute im Labor routinemäßig eingesetzt wird."
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, text)
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "I'm a Labor member.")
    # the person a duty was for ("Represented an INMO member")
    assert found(m, "- Represented an INMO member in a protected disclosure case.") == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "I'm an INMO member.")
    # a common noun as the subject of the sentence
    text = "Her work supported the criminal case, in which the former trustee was sentenced to twelve years' imprisonment."
    assert found(m, text) == []
    assert "CRIMINAL_RECORD" in cats(m, "Her conviction was spent in 2019.")
    # a plural role phrase names others; the singular is the writer's
    assert found(m, "I handled the accreditation of poll watchers from the political parties.") == []
    assert "POLITICAL_BELIEF" in cats(m, "Poll watcher for the PDP in Lagos, 2019.")
    # a people in the plural after its name; not "of the Garifuna people"
    text = "I worked to make sure that Aboriginal and Torres Strait Islander young people see their culture in their plans."
    assert "RACE_ETHNICITY" not in cats(m, text)
    assert "RACE_ETHNICITY" in cats(m, "Descendant of the Garifuna people of Honduras; I teach drumming to kids.")
    # a court's or a room's name
    assert "RACE_ETHNICITY" not in cats(m, "I have also worked closely with the Murri Court in Brisbane.")
    text = "Tariq runs the bookings of our multi-faith centre, including the Friday prayers space, for two hundred staff."
    assert "RELIGION_PHILOSOPHY" not in cats(m, text)
    # "arrested the decline" is figurative
    assert found(m, "She has arrested the decline in our data analytics capability.") == []
    assert "CRIMINAL_RECORD" in cats(m, "I was arrested in the fall of 2015.")


def test_a_statement_of_four_words_about_the_writer() -> None:
    sure = _full_with_classifier({"": {"POLITICAL_BELIEF": 0.99}})
    # "voted" is a cue of the category: four words are enough (six until session 8)
    # (a vote for a named candidate is a phrase of its own since session 17: "I voted for Leni")
    assert [h.decision for h in sure.hits("I voted for her in 2022.") if h.score >= 0.5] == ["statement"]
    assert [h.decision for h in sure.hits("I voted for Leni in 2022.") if h.score >= 0.5] == ["phrase"]
    assert [h for h in sure.hits("I voted.") if h.score >= 0.5] == []


def test_a_lead_in_before_a_job_describes_the_job_and_others_in_other_languages() -> None:
    m = shared()
    text = "I spent two years as a youth worker with a Pasifika community organisation in Ipswich."
    assert "RACE_ETHNICITY" not in cats(m, text)
    assert "RACE_ETHNICITY" in cats(m, "As a proud Pasifika woman, I volunteer with my church youth group.")
    # plural people before a term, in French too
    text = "avec l'unité sanitaire pour adapter les horaires des détenus sous traitement de substitution."
    assert "ADDICTION" not in cats(m, text)


def test_a_community_union_named_after_it_job_titles_at_faith_employers_and_jury_service() -> None:
    m = shared()
    # a community's association with its people's name inside, not a trade union
    assert cats(m, "Burgher; life member of the Dutch Burgher Union of Ceylon.") == {"RACE_ETHNICITY"}
    # a secular job title opening the line
    assert found(m, "IT helpdesk lead, Roman Catholic Archdiocese of Manila.") == []
    # jury service is no record; a conviction by a jury is
    assert found(m, "I served on a jury for a three-week fraud trial in 2021.") == []
    assert "CRIMINAL_RECORD" in cats(m, "I was convicted of fraud by a jury in 2012.")


def test_a_named_persons_duty_verb_makes_a_work_line() -> None:
    m = shared()
    assert found(m, "Ms. Harawira coordinated our home-detention monitoring contracts for Corrections.") == []
    assert "HEALTH_GENETIC" in cats(m, "Mr. Okafor has sickle cell disease and never let it slow him.")
    assert "HEALTH_GENETIC" in cats(m, "Ms. Adeyemi managed her epilepsy with great discipline.")


def test_a_work_word_around_an_organisation_and_a_certifying_official() -> None:
    m = shared()
    assert found(m, "Called to the Bar (Middle Temple), 2015") == []
    assert "RELIGION_PHILOSOPHY" in cats(m, "Volunteer, Sri Venkateswara Temple, Pittsburgh.")
    sure = _full_with_classifier(_every_category(0.0, POLITICAL_BELIEF=1.0))
    # a first-person work sentence is no statement of the classifier's
    text = "I also certified the nomination papers of every candidate in the county."
    assert [h for h in sure.hits(text) if h.decision == "statement"] == []
    text = "I also believe in the nomination papers of every candidate in the county."
    assert [h.decision for h in sure.hits(text) if h.decision == "statement"] == ["statement"]


def test_no_rescue_of_an_acronym_among_other_names() -> None:
    sure = _full_with_classifier(_every_category(0.99))
    text = "Experienced with EMA, Swissmedic, FDA and CDSCO requirements for eleven years."
    assert [h for h in sure.hits(text) if h.decision == "classifier"] == []


def test_a_rescue_reads_the_clauses_a_semicolon_joins() -> None:
    # the classifier is sure of the whole line, not of its first clause alone
    text = "Kratom withdrawal was worse than I ever expected; I've been off it thirty months."
    m = _full_with_classifier({"I've been off it": {"ADDICTION": 0.95}})
    assert [h.decision for h in m.hits(text) if h.category.value == "ADDICTION" and h.score >= 0.5] == ["classifier"]
    # on separate lines, no
    text = "Kratom withdrawal was worse than I ever expected;\nI've been off it thirty months."
    assert [h for h in m.hits(text) if h.category.value == "ADDICTION" and h.decision == "classifier"] == []


def test_a_trade_names_its_union_on_a_job_line() -> None:
    m = shared()
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "CDL driver, nine years, Teamsters Local 710.")
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, "Data analyst, SEIU Local 1199, 2019–2022.")


def test_a_stay_in_custody_before_a_prisons_name() -> None:
    m = shared()
    # a duration or a word of custody right before the name: held there
    assert "CRIMINAL_RECORD" in cats(m, "Two years in Pentonville, then a job at a recycling plant.")
    assert "CRIMINAL_RECORD" in cats(m, "Took my CAP in cookery while held at Fleury-Mérogis (2011–2013).")
    assert "CRIMINAL_RECORD" in cats(m, "Prisoner at HMP Wandsworth, 2012–2014")
    # work there, or an event held there, is no stay
    assert "CRIMINAL_RECORD" not in cats(m, "Ten years at HMP Barlinnie as a prison officer.")
    assert "CRIMINAL_RECORD" not in cats(m, "Six years in Pentonville running the education department.")
    assert "CRIMINAL_RECORD" not in cats(m, "Workshop held at HMP Send, 2019.")
    assert "CRIMINAL_RECORD" not in cats(m, "Exhibition held at Pentonville in 2019.")
    # the name alone is a workplace as often as a stay
    assert "CRIMINAL_RECORD" not in cats(m, "Visits to Pentonville with the chaplaincy team.")


def test_a_categorys_own_cue_does_not_signal_a_resume_line_without_a_person_word() -> None:
    sure = _full_with_classifier(_every_category(0.0, UNION_PARTY_MEMBERSHIP=0.99))
    # a cue alone on a resume line would let the classifier's union reading of any
    # organisation through: "Central Ohio Chapter education committee" is a nurses'
    # association's (tried in session 9 and taken out for the bundled documents)
    assert [h for h in sure.hits("Central Ohio Chapter education committee") if h.score >= 0.5] == []


def test_san_before_a_capitalised_word_is_a_saints_or_a_places_name() -> None:
    m = shared()
    assert "RACE_ETHNICITY" not in cats(m, "Member of Lesbians Who Tech, San Francisco chapter.")
    assert "RACE_ETHNICITY" not in cats(m, "Volunteer youth leader at the San Luigi parish oratory, Bergamo")
    # the San people
    assert "RACE_ETHNICITY" in cats(m, "I am San, from the Kalahari.")
    assert "RACE_ETHNICITY" in cats(m, "Member, San Council of South Africa")


def test_a_community_or_a_professionals_group_named_for_its_people_is_their_organisation() -> None:
    m = shared()
    assert "RACE_ETHNICITY" in cats(m, "Secretary, Oromo Community of Minnesota, 2018–2021")
    assert "SEXUAL_LIFE" in cats(m, "Member, Gay Gaming Professionals.")
    # the organisation as an employer or a client is still work
    assert "RACE_ETHNICITY" not in cats(m, "Accountant at the Oromo Community of Minnesota, 2018–2021")


def test_a_dated_line_opening_with_an_addiction_term_is_a_status_line() -> None:
    m = _full_with_classifier(_every_category(0.5))  # (a classifier that neither vetoes nor rescues)
    assert "ADDICTION" in cats(m, "Self-excluded on the national gambling register since 2019.")
    assert "ADDICTION" in cats(m, "Dry since Easter 2014.")
    # a work line is not
    assert "ADDICTION" not in cats(m, "Self-excluded customers: built the register checks, 2019.")


def test_a_membership_line_reads_as_a_partys_only_when_it_reads_as_political_too() -> None:
    text = "Zorvak member since 2008; youth secretary of the Toluca committee"
    party = _full_with_classifier(_every_category(0.0, UNION_PARTY_MEMBERSHIP=0.99, POLITICAL_BELIEF=0.99))
    assert {h.category.value for h in party.hits(text) if h.decision == "statement_line"} == {
        "UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    # an unknown organisation alone reads as a union to the classifier: no membership
    union = _full_with_classifier(_every_category(0.0, UNION_PARTY_MEMBERSHIP=0.99))
    assert [h for h in union.hits(text) if h.score >= 0.5] == []


def test_a_named_persons_status_after_a_two_word_name() -> None:
    m = shared()
    text = "Dr. Ifeoma Nwachukwu's autism diagnosis in 2018 has sharpened the rigour she brings to audits."
    assert "HEALTH_GENETIC" in cats(m, text)
    # her work's field is no status
    assert "HEALTH_GENETIC" not in cats(m, "Dr. Ruiz's autism research is widely cited.")


def test_a_word_with_accents_the_lists_leave_out_still_matches() -> None:
    m = shared()
    assert "RACE_ETHNICITY" in cats(m, "I'm Bamiléké, originally from Dschang.")
    assert "RACE_ETHNICITY" in cats(m, "I'm Bamileke, originally from Dschang.")
    # the lists' own accents still match as written
    assert "CRIMINAL_RECORD" in cats(m, "Took my CAP in cookery while held at Fleury-Mérogis (2011–2013).")


def test_a_record_certificates_name_as_a_label_before_a_listed_term() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "Cazier judiciar: condamnare cu suspendare (2015).")
    assert "CRIMINAL_RECORD" in cats(m, "Rejstřík trestů: podmíněný trest (2018)")
    # a clean answer, or no listed term, is no record
    assert found(m, "Cazier judiciar: curat") == []
    assert found(m, "Rejstřík trestů: bez záznamu") == []
    assert found(m, "Führungszeugnis: liegt vor") == []


def test_work_lines_of_clean_professionals_read_as_work() -> None:
    m = shared()
    # a lead-in that describes an institution the term qualifies
    assert found(m, "St Brigid's is a Catholic public hospital with 480 beds.") == []
    assert "RELIGION_PHILOSOPHY" in cats(m, "I am a Catholic.")
    assert "HEALTH_GENETIC" in cats(m, "I need a late start once a month for my clozapine clinic blood test.")
    # "member states" are a body's members
    text = "A study comparing collective-bargaining coverage and trade-union density in all member states."
    assert found(m, text) == []
    # a service's users, a programme's men
    assert found(m, "Tenancy support for people leaving prison and homelessness services.") == []
    text = "I wrote the bids for our peer-support programme for gay and bisexual men."
    assert "SEXUAL_LIFE" not in cats(m, text)


def test_fellow_members_are_the_writers_own_group() -> None:
    m = shared()
    text = "Picketed with fellow UCU members at the University of Leeds during the 2018 pensions strike."
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, text)
    assert "UNION_PARTY_MEMBERSHIP" not in cats(m, "Ran payroll deductions for UCU members at the University of Leeds.")


def test_a_cue_of_several_groups_names_no_ones_belief() -> None:
    m = shared()
    assert "POLITICAL_BELIEF" in cats(m, "I ran the campaign of the UTM Party in Zomba.")


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION)
def test_a_cue_of_several_groups_names_no_ones_belief_even_where_the_classifier_reads_one() -> None:
    text = "- Met the campaigns of the DPP, the MCP and the UTM Party weekly to log complaints about access to state media."
    assert found(shared(), text) == []  # (rescued as political at 0.77)


def test_a_proceeding_of_others_and_an_addiction_word_before_a_job_title() -> None:
    sure = _full_with_classifier(_every_category(0.99))  # (a classifier that would rescue anything)
    text = "Her evidence contributed to the conviction of two former officials and a supplier on fraud charges."
    assert [h for h in sure.hits(text) if h.category.value == "CRIMINAL_RECORD" and h.score >= 0.5] == []
    text = "It has made me a sober, practical commissioner rather than a sentimental one."
    assert [h for h in sure.hits(text) if h.category.value == "ADDICTION" and h.score >= 0.5] == []
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "My conviction of 2013 is spent.")
    assert "ADDICTION" in cats(m, "I am a sober alcoholic of ten years.")


def test_what_follows_specialising_in_is_a_field_of_work() -> None:
    m = shared()
    text = ("Survey statistician specialising in ethnicity classification, the Māori descent and iwi affiliation "
            "questions, and the quality of population counts for small groups.")
    assert found(m, text) == []
    assert "RACE_ETHNICITY" in cats(m, "I am of Māori descent and specialise in survey design.")
    # a recruiter's placements through a disability scheme are work
    text = "Samenwerking met UWV en gemeenten bij plaatsingen via de banenafspraak; ik stel loonwaardebepalingen op."
    assert "HEALTH_GENETIC" not in cats(m, text)


def test_one_side_of_a_contest_is_no_ones_membership(monkeypatch) -> None:
    monkeypatch.setattr(special, "SURE_NEEDS_SIGNAL", True)  # (the rules' reasons, as above)
    sure = _full_with_classifier(_every_category(0.99))  # (a classifier that would keep anything)
    text = "- Courts, council meetings, and the occasional Labour-versus-Lib Dem parish council row."
    assert [h for h in sure.hits(text) if h.score >= 0.5] == []
    assert "UNION_PARTY_MEMBERSHIP" in cats(shared(), "Labour member since 2010.")


def test_a_countrys_name_before_a_party_is_the_party_itself() -> None:
    m = shared()
    text = "Member, French Communist Party (PCF), Saint-Denis section"
    assert {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"} <= cats(m, text)
    assert cats(m, "Wrote my thesis on the French Communist Party and its post-war strategy.") == set()


def test_a_laws_name_the_assessor_and_a_headlines_job_title() -> None:
    m = shared()
    # a law's name is neither work nor a status; a term that opens it is the law itself
    assert "CRIMINAL_RECORD" in cats(m, "My conviction is spent under the Criminal Justice (Spent Convictions) Act 2016.")
    assert cats(m, "I read the Criminal Justice (Spent Convictions) Act 2016 closely.") == set()
    assert "CRIMINAL_RECORD" in cats(m, "Got the Probation Act in 2014 for a public-order offence.")
    # the one who assessed the person is no work of theirs
    assert "HEALTH_GENETIC" in cats(m, "Autistic (diagnosed by a clinical psychologist in 2019).")
    assert "HEALTH_GENETIC" not in cats(m, "Clinical psychologist; diagnosed autism in adults for the NHS.")
    # a headline's job title and the person's condition
    assert "HEALTH_GENETIC" in cats(m, "Product designer (Deaf, BSL user) with eight years in fintech.")
    assert "HEALTH_GENETIC" not in cats(m, "Support worker with autism and ADHD experience, Leeds.")
    assert "HEALTH_GENETIC" not in cats(m, "Occupational therapist (autism, sensory processing) at Evelina London.")


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION)
def test_a_headlines_job_title_and_the_persons_condition_the_classifier_vetoes() -> None:
    # (vetoed at 0.04)
    assert "HEALTH_GENETIC" in cats(shared(), "Bilingual accountant with Asperger's; meticulous on reconciliations.")


def test_a_line_in_letters_english_does_not_write_is_another_language() -> None:
    from docscreen.analyze.special import _foreign

    assert _foreign("Člen Pirátské strany, místní sdružení Brno-střed")
    assert _foreign("Bewährungsstrafe (8 Monate) 2016, Bewährungszeit erfolgreich beendet.")
    assert not _foreign("Analyst at Société Générale in Zürich since 2019.")
    assert "CRIMINAL_RECORD" in cats(shared(), "Bewährungsstrafe (8 Monate) 2016, Bewährungszeit erfolgreich beendet.")


def test_families_after_a_people_are_a_group_of_others() -> None:
    m = shared()
    assert "RACE_ETHNICITY" not in cats(m, "Caseworker supporting Aboriginal families under the Family Matters framework")
    assert "RACE_ETHNICITY" not in cats(m, "Taught English to Syrian Kurdish families as a council ESOL tutor")
    assert "RACE_ETHNICITY" in cats(m, "I come from an Aboriginal family in Dubbo.")


def test_a_job_head_after_one_more_noun_is_a_job_title() -> None:
    m = shared()
    assert "ADDICTION" not in cats(m, "Sober-living house inspector for the county health department.")
    assert "ADDICTION" in cats(m, "Sober-living house resident for a year after rehab, 2019.")


def test_an_elided_article_is_split_from_the_word_it_joins() -> None:
    m = shared()
    assert [t.text for t in m._doc("Militant de l'USFP, section de Rabat")][:4] == ["Militant", "de", "l'", "USFP"]
    assert [t.text for t in m._doc("Iscritto all’ANPI")] == ["Iscritto", "all'", "ANPI"]
    # English keeps its own: no such prefix in "I'm", "O'Brien", "don't"
    assert [t.text for t in m._doc("I'm O'Brien, don't")] == ["I", "'m", "O'Brien", ",", "do", "n't"]
    assert {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"} <= cats(m, "Militant de l'USFP, section de Rabat-Agdal, depuis 2009.")


def test_a_service_users_word_or_a_stay_opening_the_line_is_the_writers_stay() -> None:
    m = shared()
    for text in (
        "Resident at San Patrignano 2014–2017, where I trained as a baker.",
        "Former client of SANCA Lulama, sober since 2014.",
        "• Resident, Odyssey House Victoria (2018), then a peer worker there",
        "Inpatient at SÁÁ's Vogur hospital in 2012 and sober ever since.",
        "Lived at an Oxford House for eighteen months after treatment.",
        "Two years in an Oxford House in Silver Spring after detox.",
    ):
        assert "ADDICTION" in cats(m, text), text
    for text in (
        "Resident physician at CAMH, 2019–2021.",
        "Client services manager, SANCA Lulama",
        "Supported residents at Odyssey House Victoria",
        "Counsellor at Jellinek, seeing patients of its outpatient programme",
        "Two years at Hazelden Betty Ford as a counsellor.",
    ):
        assert "ADDICTION" not in cats(m, text), text


def test_a_line_of_dates_and_a_prisons_name_is_a_stay() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "2014–2016: Nsawam Medium Security Prison.")
    assert "CRIMINAL_RECORD" in cats(m, "2012–2015 | Tower Street Adult Correctional Centre")
    # a job on the line, or on the next line under it, makes it work
    assert "CRIMINAL_RECORD" not in cats(m, "2012–2015 | HMP Wandsworth | Prison officer")
    assert "CRIMINAL_RECORD" not in cats(m, "Chef\n2012–2015 | HMP Wandsworth\nPrison officer")
    assert "CRIMINAL_RECORD" not in cats(m, "2012–2015 | HMP Wandsworth\nKitchen porter, 200 covers a day")


def test_a_condition_heading_a_line_about_it_is_a_status() -> None:
    m = shared()
    for text in (
        "Tourette syndrome: mild vocal tics that tend to fade once I'm settled in a team.",
        "Familial Mediterranean fever (MEFV), managed with daily colchicine — two or three flare days a year.",
        "Phenylketonuria (PKU) — low-protein diet, nothing else to arrange.",
    ):
        assert ("HEALTH_GENETIC", "headed") in {(c, d) for c, d, _t in found(m, text)}, text
    for text in (
        "Autism: a practical handbook (Jessica Kingsley, 2020).",
        "Diabetes: managed a caseload of 40 patients.",
        "Cystic fibrosis, Huntington's disease and BRCA testing: genetic counselling clinics.",
    ):
        assert "HEALTH_GENETIC" not in cats(m, text), text


def test_an_activist_of_a_partys_local_unit_is_a_member() -> None:
    m = shared()
    both = {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert both <= cats(m, "PCF activist, Saint-Denis section, since 2015")
    assert both <= cats(m, "PAP branch activist, Tampines East, 2017–present")
    # an activist alone campaigns: a belief, no stated membership
    assert cats(m, "PCF activist, 2015") == {"POLITICAL_BELIEF"}


def test_a_partys_spokesperson_speaks_as_its_officer() -> None:
    m = shared()
    assert {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"} <= cats(m, "District spokesperson for NEOS in Graz-Geidorf")
    assert cats(m, "As the company spokesperson I dealt with Unite during the dispute.") == set()


def test_a_surer_classifier_rescues_a_term_a_work_word_dropped_in_a_first_person_sentence() -> None:
    text = "Out as gay since my national-service days, and I have never hidden it at work."
    assert ("SEXUAL_LIFE", "classifier", "Out as gay") in found(_full_with_classifier({"national-service": {"SEXUAL_LIFE": 0.995}}), text)
    assert found(_full_with_classifier({"national-service": {"SEXUAL_LIFE": 0.98}}), text) == []
    # not without a first-person word, nor one term of a list
    m = _full_with_classifier(_every_category(0.999))
    assert "SEXUAL_LIFE" not in cats(m, "Out as gay since national-service days: a memoir workshop for the council.")
    listed = "I have reported from every party conference since 2018 - Conservative, Labour, Liberal Democrat and SNP."
    assert "POLITICAL_BELIEF" not in cats(m, listed)


def test_registering_on_a_self_exclusion_register_is_the_gamblers_own() -> None:
    m = shared()
    assert "ADDICTION" in cats(m, "Registered in the RGIAJ (Spain's gambling self-ban list) since 2018.")
    assert "ADDICTION" in cats(m, "I registered with ROFUS in 2020 and it was the best decision of my thirties.")
    assert "ADDICTION" not in cats(m, "Integrated the operator's checks against ROFUS and registered the API keys.")
    assert "ADDICTION" not in cats(m, "Built the self-exclusion checks against GamStop for our sportsbook.")
    assert "ADDICTION" not in cats(m, "Registered nurse in the Priory Hospital addiction unit.")
    # a cue that opens with a participle matches only as written: the noun is no cue
    assert "ADDICTION" not in cats(m, "I have integrated our platforms with the ROFUS register in Denmark.")


def test_a_past_tense_cue_is_no_cue_in_its_noun() -> None:
    m = shared()
    # "relapsed" is the candidate's relapse; "relapse" after "research on" is the topic
    assert "ADDICTION" in cats(m, "I relapsed after residential treatment in 2019 and went back for a second stay.")
    assert "ADDICTION" not in cats(
        m, "My research has looked at relapse after residential treatment and at family involvement in recovery."
    )


def test_the_writer_as_a_services_patient_owns_the_conditions_of_the_sentence() -> None:
    m = shared()
    text = "I was a patient at CAMH's concurrent disorders service for alcohol use disorder and PTSD."
    assert {"ADDICTION", "HEALTH_GENETIC"} <= cats(m, text)
    assert "HEALTH_GENETIC" in cats(m, "I have been a patient at the MS clinic since 2015.")
    assert "HEALTH_GENETIC" in cats(m, "As an inpatient at the Priory for depression in 2019, I learnt to ask for help.")
    assert "HEALTH_GENETIC" not in cats(m, "Worked as an inpatient nurse on a ward for depression and psychosis.")
    assert "HEALTH_GENETIC" not in cats(m, "As a patient advocate I supported people with schizophrenia.")
    assert "ADDICTION" not in cats(m, "I was a nurse on a ward for patients with alcohol use disorder.")


@pytest.mark.xfail(strict=True, reason=KNOWN_REGRESSION)
def test_a_clinic_of_both_named_for_depression_is_no_addiction() -> None:
    # (the Priory rescued as addiction at 0.74)
    assert cats(shared(), "As an inpatient at the Priory for depression in 2019, I learnt to ask for help.") == {"HEALTH_GENETIC"}


def test_a_duty_verb_written_with_a_prefix_opens_a_work_line() -> None:
    m = shared()
    text = "- Co-designed the Māori Descent question testing with Te Kāhui Raraunga (data sovereignty)."
    assert "RACE_ETHNICITY" not in cats(m, text)
    assert "RACE_ETHNICITY" in cats(m, "Of Māori descent (Ngāti Porou), raised in Gisborne.")


def test_a_role_after_as_is_the_role_the_person_held() -> None:
    m = shared()
    text = "Five years as youth pastor at Grace Fellowship taught me how to plan for 200 teenagers on a budget of almost nothing."
    assert ("RELIGION_PHILOSOPHY", "membership", "youth pastor") in found(m, text)
    # (work words still drop it)
    text = "Interviewed candidates for the role of youth pastor at a large church in Leeds as part of my HR work."
    assert "RELIGION_PHILOSOPHY" not in cats(m, text)


def test_the_diversity_form_a_person_answers_is_no_work_word() -> None:
    m = shared()
    assert "SEXUAL_LIFE" in cats(m, "Heterosexual, if the diversity survey needs it.")
    assert "SEXUAL_LIFE" not in cats(m, "Designed the diversity survey on sexual orientation and gender identity for 3,000 staff.")
    assert "SEXUAL_LIFE" not in cats(m, "Analysed diversity survey results on sexual orientation for the board.")


def test_an_office_in_a_group_named_by_an_orientation_is_a_membership() -> None:
    m = shared()
    assert ("SEXUAL_LIFE", "membership", "Queer") in found(m, "Committee member, Queer Campus Munich.")
    for text in (
        "Member of the board, Gay-Lussac Institute.",  # a person's name
        "Member, Marvin Gay Foundation.",  # a name before it
        "Sponsor, Queer Campus Munich.",  # a sponsor is no member
        "Volunteer, Queer Campus Munich.",  # volunteering is support, not membership
    ):
        assert "SEXUAL_LIFE" not in cats(m, text), text


def test_a_stay_at_a_jva_or_a_correctional_and_clean_from_a_drug() -> None:
    m = shared()
    assert "CRIMINAL_RECORD" in cats(m, "Three years at JVA Tegel; the Abitur I sat there is on my certificate list.")
    assert "CRIMINAL_RECORD" in cats(m, "The two years I was away at Grafton Correctional taught me patience.")
    assert "CRIMINAL_RECORD" not in cats(m, "Sozialarbeiterin, JVA Tegel, 2015–2020.")
    assert "CRIMINAL_RECORD" not in cats(m, "Eight years at Grafton Correctional as a corrections officer.")
    text = "Ms. Achterberg, who has been clean from cocaine for seven years, is the most reliable coordinator I have managed."
    assert "ADDICTION" in cats(m, text)
    assert "ADDICTION" not in cats(m, "Ran the clean-from-drugs campaign for the borough's schools.")


def test_the_eponym_without_syndrome_and_a_named_persons_pregnancy() -> None:
    m = shared()
    assert "HEALTH_GENETIC" in cats(m, "Hypermobile Ehlers-Danlos: a sit-stand desk is the only thing I'd need.")
    assert "HEALTH_GENETIC" not in cats(m, "Physiotherapist specialising in Ehlers-Danlos and hypermobility.")
    assert "HEALTH_GENETIC" in cats(m, "Ms. Ruiz is expecting her second child in the spring and has drawn up a handover plan.")
    assert "HEALTH_GENETIC" not in cats(m, "Mr. Osei is expecting his second child in May.")  # a partner's


def test_a_resume_line_opened_by_a_cue_verb_is_signal_enough_for_the_classifier() -> None:
    m = _full_with_classifier({"Sanders": {"POLITICAL_BELIEF": 0.95}})
    text = "Phone-banked three nights a week for the Sanders campaign in 2020."
    assert ("POLITICAL_BELIEF", "statement_line") in {(c, d) for c, d, _t in found(m, text)}
    # without the cue verb opening the line, a line with no person word needs a term
    assert "POLITICAL_BELIEF" not in cats(m, "Three nights a week on the Sanders campaign in 2020.")
    assert "POLITICAL_BELIEF" not in cats(m, "Ran payroll for the Sanders campaign office in 2020, phone-banked later.")


def test_a_clinical_documents_health_work_makes_its_weak_addiction_lines_work_too(scanner) -> None:
    """A document's professional context drops its weak disclosures; for addiction, the
    professional mentions of health and of criminal records count too (a psychiatric nurse's
    detox skills line is more of the same clinical work)."""
    line = "• Alcohol and opioid detox: CIWA-Ar and COWS scoring, chlordiazepoxide and buprenorphine regimes."
    work = [
        "• Named nurse for up to six patients with psychosis, bipolar disorder or severe depression.",
        "• Run the ward's clozapine monitoring: baseline bloods, titration and physical health checks.",
        "• Administer depot antipsychotics and complete physical observations after rapid tranquillisation.",
    ]
    assert "ADDICTION" in _categories_in(scanner, line)  # a weak reading on its own ...
    assert "ADDICTION" not in _categories_in(scanner, *work, line)  # ... the clinic's work around it
    # a strong disclosure stays whatever the document's work
    assert "ADDICTION" in _categories_in(scanner, *work, "I have been in recovery from alcohol addiction since 2015.")


def test_the_classifier_rescues_an_ambiguous_term_at_0_7() -> None:
    """An ambiguous term with no cue stands when the sentence classifier gives its category
    0.7 or more (it was 0.8: +18 tuning labels, one false positive, mended below)."""
    for text, category in [
        ("Arrested in January and released under investigation (RUI) – no charge so far.", "CRIMINAL_RECORD"),
        ("My heart rate jumps when I stand for long (it's POTS), so I sit for site briefings.", "HEALTH_GENETIC"),
    ]:
        hits = [h for h in shared().hits(text) if h.category.value == category and h.score >= 0.5]
        assert hits and hits[0].decision == "classifier", (text, hits)


def test_a_volunteers_rescued_party_is_a_political_belief_not_a_membership() -> None:
    text = "I spent the 2019 election as a volunteer driver for my local Labour candidate."
    found = {h.category.value for h in shared().hits(text) if h.score >= 0.5}
    assert "POLITICAL_BELIEF" in found and "UNION_PARTY_MEMBERSHIP" not in found
    # (the political reading alone, where the classifier reads no membership; not in a line of work)
    text = "I have helped in every Bundestag campaign since 2013 for Die Linke, mostly putting up posters in Lichtenberg."
    found = {h.category.value for h in shared().hits(text) if h.score >= 0.5}
    assert "POLITICAL_BELIEF" in found and "UNION_PARTY_MEMBERSHIP" not in found
    text = ("900 public records requests. I also certified candidate filings for the Working Families Party\n"
            "and processed petitions for unaffiliated candidates.")
    assert not {h.category.value for h in shared().hits(text) if h.score >= 0.5}


def test_a_rescued_term_is_weak_in_a_document_of_that_work(scanner) -> None:
    """A term the classifier rescued has no cue of its own: in a document that mentions the
    category professionally again and again, it is more of the same work (at RESCUE 0.7 a
    drug and alcohol commissioner's cover letter got an addiction finding until rescues
    became weak decisions)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "fixtures" / "eval" / "docs" / "dv3_hl_15_drug_alcohol_commissioner_cover_uk.txt"
    assert "ADDICTION" not in {f.category for f in scanner.scan_path(path).findings}


def test_the_sure_classifier_overrules_only_the_reasons_it_is_given(monkeypatch) -> None:
    """SURE_OVERRULES (empty: none but "part of a name") lets a sure classifier overrule a work
    word's reason; measured with a retrained classifier and not taken (see special.py)."""
    text = "Completed a SerD programme for cocaine dependence in Turin in 2019."
    m = _full_with_classifier({"SerD": {"ADDICTION": 0.99}})
    assert "professional" in {d for d, _c, _n in decisions(m, text)}
    assert "ADDICTION" not in cats(m, text)
    monkeypatch.setattr(special, "SURE_OVERRULES", frozenset({"professional"}))
    assert "ADDICTION" in cats(_full_with_classifier({"SerD": {"ADDICTION": 0.99}}), text)  # (a matcher caches its texts)
    assert "ADDICTION" not in cats(_full_with_classifier({"SerD": {"ADDICTION": 0.96}}), text)


def test_a_phrase_at_work_is_weak_in_a_document_of_that_work(scanner) -> None:
    """A self-contained phrase in a sentence with a job-duty verb ("Oversee Drug Rehabilitation
    Requirements and Alcohol Treatment Requirements") is the work's own vocabulary in a
    document that mentions the category professionally again and again (holdout11's probation
    officer got an addiction finding from it, an employee relations manager a union one from
    "Administered union dues check-off"). Without the duty verb, or outside such a document, it
    stays a finding."""
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "fixtures" / "eval" / "docs"
    assert "ADDICTION" not in {f.category for f in scanner.scan_path(docs / "hl_v06_probation_officer_resume.txt").findings}
    assert "UNION_PARTY_MEMBERSHIP" not in {
        f.category for f in scanner.scan_path(docs / "ip_v06_employee_relations_manager_resume.txt").findings}
    # an addiction counsellor's own "Sober since March 2012, I bring ..." stays
    assert "ADDICTION" in {f.category for f in scanner.scan_path(docs / "dv3_hl_05_addiction_counselor_us.txt").findings}
    line = "- Oversee Drug Rehabilitation Requirements and Alcohol Treatment Requirements with providers."
    assert ("ADDICTION", "phrase_at_work") in {(f.category, f.pattern) for f in scanner.analyze_text(line)}
    assert "ADDICTION" in {f.category for f in scanner.analyze_text("Warehouse team lead, Leeds.\n" + line)}
    assert ("ADDICTION", "phrase_line") in {(f.category, f.pattern) for f in scanner.analyze_text("Alcohol Treatment Requirement, 2019, completed.")}


def test_a_phrase_without_a_person_word_is_weak_in_a_document_of_that_work(scanner) -> None:
    """holdout9's defence solicitor ("... drug rehabilitation and alcohol treatment requirements
    in community orders"): a self-contained phrase in a sentence with no person word is the
    work's vocabulary in a document of that work; with "I", "my" or a named person it stays a
    disclosure there too (a probation officer's "I manage high-risk cases released on licence"
    is still one: the person word does not tell whose status it is)."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "fixtures" / "eval" / "docs" / "hl_s06_defence_solicitor_resume.txt"
    work = doc.read_text(encoding="utf-8")
    assert "alcohol treatment requirements" in work
    assert "ADDICTION" not in {f.category for f in scanner.scan_path(doc).findings}
    line = "Alcohol Treatment Requirement, 2019, completed."
    assert ("ADDICTION", "phrase_line") in {(f.category, f.pattern) for f in scanner.analyze_text("Warehouse team lead, Leeds.\n" + line)}
    assert "ADDICTION" not in {f.category for f in scanner.analyze_text(work + "\n" + line + "\n")}
    for own in ("Alcohol Treatment Requirement, 2019: I completed it and have been sober since.",
                "Mr. Dubois completed an Alcohol Treatment Requirement in 2019."):
        assert "ADDICTION" in {f.category for f in scanner.analyze_text(work + "\n" + own + "\n")}, own


def test_professional_mentions_count_once_a_line(scanner) -> None:
    """A line's own terms are not a document's work: "travailleur" read as a work word for all
    three health terms of "Reconnaissance de la qualité de travailleur handicapé (RQTH) –
    surdité partielle", which made it a professional document of one line and dropped its weak
    findings ("surdité" on a status line)."""
    text = "Reconnaissance de la qualité de travailleur handicapé (RQTH) – surdité partielle."
    assert ("HEALTH_GENETIC", "unqualified") in {(f.category, f.pattern) for f in scanner.analyze_text(text)}


def test_a_sure_classifier_decides_what_the_rules_left_undecided() -> None:
    # a line about others that the rescue leaves alone, at SURE (0.97) and not below
    text = "Member of Recovery Runners, a Bristol running club for people in recovery from drink and drugs."
    assert ("ADDICTION", "sure", "in recovery") in found(_full_with_classifier({"Runners": {"ADDICTION": 0.99}}), text)
    assert "ADDICTION" not in cats(_full_with_classifier({"Runners": {"ADDICTION": 0.96}}), text)
    # a sentence with no term: its clauses a semicolon joins read as one (each alone is not sure)
    bare = "I drank to manage my moods until 2016; I'm calmer and steadier now."
    assert ("ADDICTION", "sure", bare) in found(_full_with_classifier({"until 2016; I'm": {"ADDICTION": 0.99}}), bare)
    # "part of a name" is the one reason it overrules: a guess about capital letters
    temple = "Board member, Temple Beth Shalom (Reform congregation), Tucson"
    assert ("ambiguous", None, "part of a name") in decisions(_full_with_classifier({}), temple)
    assert "RELIGION_PHILOSOPHY" not in cats(_full_with_classifier({"Temple": {"RELIGION_PHILOSOPHY": 0.94}}), temple)
    assert "RELIGION_PHILOSOPHY" in cats(_full_with_classifier({"Temple": {"RELIGION_PHILOSOPHY": 0.99}}), temple)
    # only the categories where it held on the tuning splits (SURE)
    assert "SEXUAL_LIFE" not in cats(
        _full_with_classifier(_every_category(0.999)), "Outreach officer for a sexual health charity, working with gay and bisexual men."
    )


def test_a_sure_classifier_does_not_overrule_a_rules_reason() -> None:
    m = _full_with_classifier(_every_category(0.999))
    # a work word, someone else's status, a negation, a list of groups as a subject of work
    assert "ADDICTION" not in cats(m, "I am comfortable prescribing naltrexone and acamprosate for alcohol use disorder.")
    text = "He also supports participants in recovery from alcohol and other drug use who are referred by the court."
    assert "ADDICTION" not in cats(m, text)
    assert "CRIMINAL_RECORD" not in cats(m, "No criminal convictions; clean DBS, 2024.")
    listed = "- Own the editing specification for population group (Black African, Coloured, Indian/Asian, White, Other)."
    assert "RACE_ETHNICITY" not in cats(m, listed)
    # nor a question, nor another language (the classifier reads English only)
    assert "CRIMINAL_RECORD" not in cats(m, "Have you ever been convicted of a criminal offence?")
    assert "ADDICTION" not in cats(m, "Trabajo con pacientes con alcoholismo en un centro de Madrid.")


def test_time_sober_or_clean_after_the_word_and_an_addict_with_its_article() -> None:
    m = shared()
    for text in ("SOBER 7 YRS.", "Sober for six years and counting, and now a qualified electrician.",
                 "Served three years for a drug case; clean now for seven years and working as a welder.",
                 "I'm four years dry and I run the Saturday parkrun.",
                 "In 2015 I admitted I was an addict. In 2016 I started this company."):
        assert "ADDICTION" in cats(m, text), text
    for text in ("Full driving licence, clean for 10 years.", "Ten years dry stone walling experience across Cumbria.",
                 "Self-confessed coffee addict and keen fell runner.", "I grew up as the son of an addict.",
                 "Wrote a guide for families living with an addict's debts.", "Took a sober look at five years of churn data."):
        assert "ADDICTION" not in cats(m, text), text


def test_a_follower_word_right_after_a_faith() -> None:
    m = shared()
    for text in ("Bön practitioner; I spent the winter of 2017 in retreat at Triten Norbutse.",
                 "Falun Gong practitioner since 1998.", "Tenrikyo follower; I help at the summer camp.",
                 "Follower of Hòa Hảo Buddhism; I cook at our village reading hall."):
        assert "RELIGION_PHILOSOPHY" in cats(m, text), text
    # not before the faith, nor further after it
    for text in ("Nurse practitioner at a Catholic hospital in Omaha.",
                 "Nurse practitioner, St Luke's Methodist Hospital, 2014-2020.",
                 "Researched Pentecostal church growth and its follower networks on social media."):
        assert "RELIGION_PHILOSOPHY" not in cats(m, text), text


def test_who_are_is_a_groups_status() -> None:
    """"who is" after a named person is theirs; "who are" is a group's (holdout11's inclusion
    manager: "internships for graduates who are deaf, blind or wheelchair users")."""
    m = shared()
    for text in ("We partnered with SG Enable on internships for graduates who are deaf, blind or wheelchair users.",
                 "I mentor apprentices who are autistic."):
        assert "HEALTH_GENETIC" not in cats(m, text), text
    for text in ("Mr. Osei, who is deaf, leads our QA team.", "Ms. Vang, who is Hmong, was the first in her family to finish college."):
        assert cats(m, text), text


def test_being_in_the_fellowship_or_going_to_it() -> None:
    m = shared()
    for text in ("I'm in AA, so at team dinners I'm the one with the Coke.", "I am in NA and have a sponsor.",
                 "Most Tuesdays I go to AA before my evening shift."):
        assert "ADDICTION" in cats(m, text), text
    # "in AA" alone is a degree, a rating or the Automobile Association
    for text in ("Our bonds have been in AA since the 2021 upgrade.", "Associate degree in AA, Pasadena City College.",
                 "I'm in AAA Gold membership for roadside cover.", "I am in NAFTA compliance."):
        assert "ADDICTION" not in cats(m, text), text


def test_a_negated_habit_with_a_time_after_it_is_an_abstinence() -> None:
    m = shared()
    abstinent = ("Ms. Osei, who has been free of gambling since 2017, handles our cash office.",
                 "Alcohol: none for 11 years (AA)", "Free of alcohol for over six years now, and training as a paramedic.")
    assert [t for t in abstinent if "ADDICTION" not in cats(m, t)] == []
    # a denial, a refusal or a rule with no time of abstinence stays one
    denied = ("Alcohol: none", "No alcohol for 24 hours before a shift, as the site rules require.",
              "Ran the stand free of gambling advertising for the club's 2019 season.")
    assert [t for t in denied if "ADDICTION" in cats(m, t)] == []


def test_a_fields_value_listing_clean_answers_is_no_disclosure() -> None:
    """holdout12: "Health status: good, fit for all duties" (a clearance names no condition) and
    "Ethnic origin: not declared"; a list with a real answer in it still is one."""
    m = shared()
    for text in ("Health status: good, fit for all duties.", "Ethnic origin: not declared", "Health: fit for work",
                 "Medical conditions: none; no restrictions"):
        assert not cats(m, text), text
    for text in ("Health: good, asthma well controlled", "Disability: dyslexia and dyspraxia",
                 "Ethnicity: White / Irish", "Criminal record: no; caution in 2015 for criminal damage"):
        assert cats(m, text), text


def test_a_yes_no_membership_field_and_a_union_of_disabled_people() -> None:
    """holdout12: "Trade union member: no" is a field answered no, not a member's line; the Kenya
    Union of the Blind is a disabled people's organisation, not a trade union."""
    m = shared()
    for text in ("Trade union member: no", "Member of a trade union: No", "Party member: none"):
        assert not cats(m, text), text
    assert cats(m, "Trade union member: yes, UNISON") == {"UNION_PARTY_MEMBERSHIP"}
    assert cats(m, "Party member: Labour, since 2015") >= {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}
    assert cats(m, "Member, Kenya Union of the Blind (registered visually impaired since 2010).") == {"HEALTH_GENETIC"}
    assert "UNION_PARTY_MEMBERSHIP" in cats(m, "Member of the Kenya Union of Journalists since 2012.")


def test_a_titled_persons_spouse_of_the_same_gender() -> None:
    """holdout12: "Ms. Sato's wife", "Mr. Ortega's husband" fix both genders (fixtures/eval
    convention, as "Ms. Fonseca's wife"); the other pairings fix nothing."""
    m = shared()
    for text in ("Ms. Sato's wife, Keiko, also works in our Osaka office.",
                 "Mr. Ortega Ruiz's husband, Daniel, joined us at the awards dinner in June."):
        assert "SEXUAL_LIFE" in cats(m, text), text
    for text in ("Mr. Sato's wife, Keiko, also works in our Osaka office.",
                 "Ms. Ortega's husband joined us at the awards dinner in June."):
        assert "SEXUAL_LIFE" not in cats(m, text), text


def test_the_candidates_an_employer_serves_are_others() -> None:
    """holdout12's employment adviser: "interview adjustments for candidates with dyslexia or
    hearing loss" is the candidates' status; "As a candidate with dyslexia" is the writer's."""
    m = shared()
    assert "HEALTH_GENETIC" not in cats(m, "I ran interview adjustments for candidates with dyslexia or hearing loss.")
    assert "HEALTH_GENETIC" not in cats(m, "Set up reasonable adjustments for applicants with epilepsy.")
    assert "HEALTH_GENETIC" in cats(m, "As a candidate with dyslexia, I know the value of clear adverts.")


def test_a_member_named_by_the_partys_acronym() -> None:
    """holdout10-12: "DPP member", "I'm a PSD member", "Member of the LDP": the acronyms whose
    other senses take no "member" (session 16); not "PPP member states", "a member of the PRI"
    (investors' principles), nor a reporter's or a relative's."""
    m = shared()
    for text in ("DPP member; former cadre in the Tainan city party youth department.",
                 "I'm a PSD member and have sat in Coimbra's municipal assembly since 2017.",
                 "Member of the LDP since 2015, Setagaya branch.", "Card-carrying BNP member since 2010."):
        assert {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"} <= cats(m, text), text
    for text in ("PPP member states agreed the framework.", "We are a member of the PRI and report annually.",
                 "As a reporter I interviewed PTI members in Lahore.", "My uncle is an ANC member."):
        assert not cats(m, text) & {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}, text

def test_a_sure_classifier_reads_resume_lines_without_a_person_word() -> None:
    """A resume line leaves out "I": with no person word and no term of the category the sure
    classifier still reads it (session 16: +29 tuning labels, one false positive), at SURE
    (0.98 race, 0.95 religion, 0.97 addiction and criminal record; 0.995 for the other four), when
    the line reads as a line about something: not a name or a heading, not a work bullet, not
    a field answered with a refusal."""
    line = "Handed out pro-Navalny leaflets in 2021."  # (rallies with "pro-" are a rule's since session 22)
    assert ("POLITICAL_BELIEF", "sure", line) in found(_full_with_classifier({"Navalny": {"POLITICAL_BELIEF": 0.999}}), line)
    assert "POLITICAL_BELIEF" not in cats(_full_with_classifier({"Navalny": {"POLITICAL_BELIEF": 0.99}}), line)
    for short in ("Pan and proud.", "Recovery: 11 years (AA)"):  # (a short line is no line of dates)
        assert cats(_full_with_classifier({short[:5]: {"SEXUAL_LIFE": 0.999, "ADDICTION": 0.99}}), short), short
    hajj = "Career break, 2019: Hajj"
    assert "RELIGION_PHILOSOPHY" in cats(_full_with_classifier({"Hajj": {"RELIGION_PHILOSOPHY": 0.98}}), hajj)
    m = _full_with_classifier(_every_category(0.999))
    for text in ("Jonathan Whitcombe-Reyes", "Ethnic group (suku): -", "Profiled Green Party leaders for Die Zeit",
                 # (a public resume's LinkedIn export, read as criminal record at 0.98)
                 "Feb 2022 - Jul 2025 · 3 yrs 6 mos Feb 2022 to Jul 2025 · 3 yrs 6 mos",
                 "Reviewed the Alliance Party's manifesto costings for the think tank."):
        assert not cats(m, text), text
