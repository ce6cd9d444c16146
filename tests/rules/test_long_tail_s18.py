"""Rules added in session 18 from the misses read on holdout14 (see fixtures/eval/README.md):
each with lines it must find and near twins it must leave alone.

- holdout14's clean professionals' documents: whom the work is with ("work closely with iwi,
  whānau and community providers"), a list of protected grounds whose "colour" the lemma joined
  to a people's name written with a capital ("Coloured"), a title and given names before a
  surname ("Mr. Kwabena Asante-Darko"), languages one writes in, a participle cue said of plural
  people ("citizens registered as party members") or matched as a noun ("membership registers"),
  a kind of heritage in a body's name ("Institute of Historical Heritage");
"""

from __future__ import annotations

import pytest

from docscreen.analyze.special import shared_matcher as shared


def _found(text: str) -> set[str]:
    return {h.category.value for h in shared().hits(text) if h.score >= 0.5}


BOTH = {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}

FOUND = [
    # the twins of the professionals' lines below
    ("I grew up close to my iwi, Ngāpuhi, and my whānau in Kaikohe.", {"RACE_ETHNICITY"}),
    ("Population group: Coloured", {"RACE_ETHNICITY"}),
    ("Cape Coloured, raised in Mitchells Plain.", {"RACE_ETHNICITY"}),
    ("Proud Methodists, both of us.", {"RELIGION_PHILOSOPHY"}),
    ("I am Marathi by birth and grew up in Pune.", {"RACE_ETHNICITY"}),
    ("Registered Labour party member since 2015.", BOTH),
    ("Registered Democrat; precinct captain 2018.", {"POLITICAL_BELIEF"}),
    ("Engineer of Irish-Nigerian ancestry.", {"RACE_ETHNICITY"}),
    ("I am of Tongan descent.", {"RACE_ETHNICITY"}),
]


@pytest.mark.parametrize("text,cats", FOUND)
def test_found(text, cats):
    assert cats <= _found(text)


NOT_FOUND = [
    # holdout14's clean professionals' documents
    ("I manage high-risk sentences and orders, write reports that judges and the Parole Board rely on, and "
     "work closely with iwi, whānau and community providers.", {"RACE_ETHNICITY"}),
    ("I screen, investigate and mediate complaints under the BC Human Rights Code on every protected ground, "
     "including race, colour, ancestry, place of origin, religion, political belief and sex.", {"RACE_ETHNICITY"}),
    ("I am pleased to write in support of Mr. Kwabena Asante-Darko, who has worked in my finance team.",
     {"RACE_ETHNICITY"}),
    ("I am proficient in Stata, R and QGIS, and I write in English, Marathi and Hindi.", {"RACE_ETHNICITY"}),
    ("Experienced in verifying party membership registers, auditing the use of the Political Parties Fund, and "
     "resolving complaints from citizens registered as party members without consent.", BOTH),
    ("Technical adviser working under contract with their governing boards and the Andalusian Institute of "
     "Historical Heritage (IAPH).", {"RACE_ETHNICITY"}),
]


@pytest.mark.parametrize("text,cats", NOT_FOUND)
def test_not_found(text, cats):
    assert not cats & _found(text)
