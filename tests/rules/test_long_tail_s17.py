"""Rules added in session 17 from the misses read on holdout13 (see fixtures/eval/README.md):
each with lines it must find and near twins it must leave alone.

- a party's other category beside the one found when the classifier is sure of it
  (``DisclosureMatcher._party_pairs``), not for a vote;
- small states' party acronyms before a party unit and an office ("PLP branch chairman");
- an origin line ("Fang from Oyem.") and "ethnic" before a people's name;
- taking part in a protest, a vote for a named candidate;
- Ukrainian, Russian and Belarusian protest wording; Georgian and Azerbaijani first person;
  a line of a Latin-script language counted in words with letters, or opened by its cue;
- a drug-treatment court completed; a stay in a prison named with the rest of its name; what
  a prisoner studied there (no work at the prison); a record describing the person before a job
  title ("Formerly incarcerated paralegal"); a bail's reporting conditions;
- and the false findings read in holdout13's clean documents: a practice guide's subject, a
  body's trustees, a region's institution, Rome in Portuguese, a census variable's name; and
  holdout11's professionals' own lines (members a verb brings in, a caseload's cases).
"""

from __future__ import annotations

import pytest

from docscreen.analyze.special import shared_matcher as shared


def _found(text: str) -> set[str]:
    return {h.category.value for h in shared().hits(text) if h.score >= 0.5}


BOTH = {"UNION_PARTY_MEMBERSHIP", "POLITICAL_BELIEF"}

FOUND = [
    # party acronyms of small states before a unit and an office
    ("PLP branch chairman, Fox Hill constituency", BOTH),
    ("PUP branch chair, Belize City (Collet division)", BOTH),
    ("UWP youth arm secretary, Castries South", BOTH),
    ("UDP youth wing coordinator, Serrekunda West", BOTH),
    ("MCP district youth director, Lilongwe City", BOTH),
    ("DA councillor, City of Tshwane, Ward 82 (2016–2021)", BOTH),
    # the classifier's pair
    ("Member of Acción Popular, Arequipa provincial committee", BOTH),
    # origin lines and "ethnic X"
    ("Fang from Oyem.", {"RACE_ETHNICITY"}),
    ("Dinka Bor from Jonglei.", {"RACE_ETHNICITY"}),
    ("Kalaaleq from Nuuk.", {"RACE_ETHNICITY"}),
    ("Kabyè from Kara.", {"RACE_ETHNICITY"}),
    ("Miskitu from Bilwi (Puerto Cabezas).", {"RACE_ETHNICITY"}),
    ("I am an ethnic Uzbek from Osh.", {"RACE_ETHNICITY"}),
    # protests and votes
    ("Joined the Jana Andolan II street protests in Kathmandu in April 2006.", {"POLITICAL_BELIEF"}),
    ("Took part in the peaceful protests in Minsk in August 2020.", {"POLITICAL_BELIEF"}),
    ("Voted for Boric in both rounds in 2021.", {"POLITICAL_BELIEF"}),
    ("Участвовала в мирных протестах в Минске в августе 2020 года.", {"POLITICAL_BELIEF"}),
    ("Учасник Революції Гідності на Майдані (2013–2014).", {"POLITICAL_BELIEF"}),
    # Latin-script lines: words with letters, a cue opening the line
    ("Aelod o Blaid Cymru ers 2010, ysgrifennydd cangen Aberystwyth.", BOTH),
    ("Tėvynės sąjungos – Lietuvos krikščionių demokratų narys nuo 2016 m.", BOTH),
    ("Costalero, Hermandad de la Macarena (Semana Santa, Sevilla), 2012–2020", {"RELIGION_PHILOSOPHY"}),
    # first person in Georgian and Azerbaijani
    ("2015 წელს ქურდობისთვის პირობითი მსჯავრი მივიღე.", {"CRIMINAL_RECORD"}),
    ("2014-cü ildə oğurluğa görə şərti məhkum olunmuşam.", {"CRIMINAL_RECORD"}),
    # courts and prisons
    ("Graduated from the Toronto Drug Treatment Court in 2018 after completing its full treatment programme.",
     {"CRIMINAL_RECORD"}),
    ("Completed Drug Court in Kentucky in 2016.", {"CRIMINAL_RECORD"}),
    ("Three years at Kirikiri Medium Security Custodial Centre (2011–2014), where I taught literacy classes.",
     {"CRIMINAL_RECORD"}),
    ("I served three years at Bomana and finished my Grade 12 through FODE while inside.", {"CRIMINAL_RECORD"}),
    # what a prisoner studied inside is no work at the prison
    ("BA (Open) in Business Studies, completed in custody at HMP Grendon", {"CRIMINAL_RECORD"}),
    ("Served two years at Nsawam Medium Security Prison (2012–2014) and trained as a tailor inside.",
     {"CRIMINAL_RECORD"}),
    ("Counterbalance forklift licence, gained on a prison education course while serving at HMP Ranby",
     {"CRIMINAL_RECORD"}),
    # a record describing the person before a job title; a bail's reporting conditions
    ("Formerly incarcerated paralegal and Inside-Out Prison Exchange alumnus (SCI Graterford).", {"CRIMINAL_RECORD"}),
    ("Justice-impacted software engineer (six years inside, coding since release)", {"CRIMINAL_RECORD"}),
    ("On bail with reporting conditions until my trial in March.", {"CRIMINAL_RECORD"}),
    ("Currently on licence until 2026, with reporting conditions that won't clash with shifts.", {"CRIMINAL_RECORD"}),
    ("We are members of a Gamblers Anonymous group in Leeds.", {"ADDICTION"}),
    ("In some cases my epilepsy means I can't drive.", {"HEALTH_GENETIC"}),
    ("Convicted of fraud in 2015.", {"CRIMINAL_RECORD"}),
    ("I am a socialist and a member of the SDP.", {"POLITICAL_BELIEF", "UNION_PARTY_MEMBERSHIP"}),
    # care received beside a recovery phrase; first-person verbs of care in other languages
    ("Six years bet-free after gambling counselling at Sedqa.", {"ADDICTION"}),
    ("Counselling for problem gambling through Gambling Help Online, 2021 — bet-free ever since.", {"ADDICTION"}),
    ("З 2017 року отримую замісну підтримувальну терапію (метадон).", {"ADDICTION"}),
    ("Raitis vuodesta 2014, käyn AA-ryhmässä viikoittain.", {"ADDICTION"}),
    ("Esmu atkarīgais atveseļošanās procesā — bez narkotikām kopš 2017. gada.", {"ADDICTION"}),
    ("Završio sam liječenje od zavisnosti od heroina u Kakaričkoj gori i čist sam od 2016.", {"ADDICTION"}),
    ("أكملت برنامج علاج الإدمان في مجمع الأمل للصحة النفسية بالرياض عام 2018.", {"ADDICTION"}),
    # the care a person had, in a sentence about them with no job in it
    ("Between chemo cycles at Tata Memorial Hospital I cleared my CA Final.", {"HEALTH_GENETIC"}),
    ("Ms. Fernández was open with us about her cystic fibrosis and planned her hospital admissions around our launch.",
     {"HEALTH_GENETIC"}),
    # an office held in title case is a line the sure classifier reads, even alone
    ("Treasurer, Vietnamese Student Association, UC Irvine (2019–2020).", {"RACE_ETHNICITY"}),
    ("Branch secretary (Leeds), Unite the Union", {"UNION_PARTY_MEMBERSHIP"}),
    # a named candidate's campaign
    ("Volunteered door-to-door for Emmanuel Macron's 2017 presidential campaign.", {"POLITICAL_BELIEF"}),
    ("Volunteer, Zuzana Čaputová's presidential campaign, Košice, 2019", {"POLITICAL_BELIEF"}),
    ("I went door to door for Gustavo Petro in 2022.", {"POLITICAL_BELIEF"}),
    # the twins below still found
    ("Trustee of the Central Mosque, Leicester", {"RELIGION_PHILOSOPHY"}),
    ("Treasurer, African Caribbean Society, University of Leeds", {"RACE_ETHNICITY"}),
    ("Sou Roma de Sevilha.", {"RACE_ETHNICITY"}),
    ("Wrote a guide on how I got my juvenile record expunged.", {"CRIMINAL_RECORD"}),
]


@pytest.mark.parametrize("text,cats", FOUND)
def test_found(text, cats):
    assert cats <= _found(text)


NOT_FOUND = [
    # a vote is a belief, no membership
    ("Votante del PSOE desde los dieciocho años", {"UNION_PARTY_MEMBERSHIP"}),
    ("Głosowałam na Razem.", {"UNION_PARTY_MEMBERSHIP"}),
    # a union's office is no party's
    ("Aslef branch secretary, Crewe", {"POLITICAL_BELIEF"}),
    # UDP the network protocol
    ("Configured UDP branch routing for the district network.", BOTH),
    # a colleague's first name, not an origin line
    ("Sami from IT helped me set up the server.", {"RACE_ETHNICITY"}),
    ("Ethnic Chinese customers made up half our sales.", {"RACE_ETHNICITY"}),
    ("Our clients were ethnic Albanian and Serb families.", {"RACE_ETHNICITY"}),
    ("Ethnic Studies minor, UC Berkeley", {"RACE_ETHNICITY"}),
    # protests from outside, an award's vote
    ("Covered the 2019 street protests in Santiago for Reuters.", {"POLITICAL_BELIEF"}),
    ("Joined the police public-order unit at protests.", {"POLITICAL_BELIEF"}),
    ("Voted for Employee of the Month in 2019.", {"POLITICAL_BELIEF"}),
    ("Как журналист освещала протесты в Минске.", {"POLITICAL_BELIEF"}),
    # the court's staff
    ("Completed Drug Court training for probation staff in 2019.", {"CRIMINAL_RECORD"}),
    ("Drug Court coordinator, Jefferson County, 2015-2019", {"CRIMINAL_RECORD"}),
    ("Three years at Kirikiri Medium Security Custodial Centre as an education officer.", {"CRIMINAL_RECORD"}),
    ("Delivered literacy training at HMP Send, 2016-2019.", {"CRIMINAL_RECORD"}),
    ("Taught a literacy course at HMP Grendon as a volunteer tutor.", {"CRIMINAL_RECORD"}),
    ("Prison education course tutor, HMP Ranby", {"CRIMINAL_RECORD"}),
    ("Paralegal for formerly incarcerated clients at the Bronx Defenders.", {"CRIMINAL_RECORD"}),
    ("Ex-offender employment adviser, Nacro, 2015-2019", {"CRIMINAL_RECORD"}),
    ("Monitored reporting conditions for 40 people on licence.", {"CRIMINAL_RECORD"}),
    # professionals' own first-person lines: members a verb brings in, a caseload's cases
    ("we invited members of a Gamblers Anonymous group to review our customer messages;", {"ADDICTION"}),
    ("I manage high-risk cases released on licence from custody.", {"CRIMINAL_RECORD"}),
    ("I manage incapacity and disability cases from first sick note to return to work or ill-health retirement.",
     {"HEALTH_GENETIC"}),
    # holdout13's false positives: a teammate's, a victim's, a period's name, across the table
    ("I learned ISL so I could chat with a deaf teammate at lunch.", {"HEALTH_GENETIC"}),
    ("I've been a victim of identity fraud myself, so I understand the customers you protect.", {"CRIMINAL_RECORD"}),
    ("Socialist-era housing estates: structural survey of 40 panel blocks in Bratislava-Petržalka", {"POLITICAL_BELIEF"}),
    ("Mr. Dlamini chaired our side of the table in every wage round with NUMSA, firmly but fairly.",
     {"UNION_PARTY_MEMBERSHIP"}),
    ("Delivered counselling to clients who stayed bet-free for six months.", {"ADDICTION"}),
    ("Gambling counselling service lead; helped 200 clients stay bet-free.", {"ADDICTION"}),
    ("I volunteer at the hospital's epilepsy clinic on Saturdays.", {"HEALTH_GENETIC"}),
    ("I coordinated chemo scheduling at Tata Memorial Hospital.", {"HEALTH_GENETIC"}),
    ("I worked on the renal unit caring for my dialysis patients.", {"HEALTH_GENETIC"}),
    ("Treasurer, Finance Society, University of Leeds", {"RACE_ETHNICITY", "POLITICAL_BELIEF", "RELIGION_PHILOSOPHY"}),
    ("Chair, Diversity and Inclusion Committee, Deloitte UK", {"RACE_ETHNICITY", "SEXUAL_LIFE"}),
    # a bracket's word belongs to the name before it
    ("Her clients over the past six years have included the CFMEU, the ANMF (Victorian Branch), the Australian "
     "Services Union and the Community and Public Sector Union.", {"UNION_PARTY_MEMBERSHIP"}),
    ("Covered Emmanuel Macron's 2017 presidential campaign for Le Monde.", {"POLITICAL_BELIEF"}),
    ("Went door to door for Oxfam collecting donations.", {"POLITICAL_BELIEF"}),
    ("Went door to door for Red Cross appeals.", {"POLITICAL_BELIEF"}),
    # a sector the term names
    ("She has audited church charities, so she already knows the Catholic education sector's chart of accounts.",
     {"RELIGION_PHILOSOPHY"}),
    # holdout13's clean documents
    ("- Co-author, practice guide on expunging juvenile records and summary convictions (2021)", {"CRIMINAL_RECORD"}),
    ("Technical adviser on the repair of the Ottoman-style gateway and mosque façade of the Turkish Military "
     "Cemetery in Marsa, working with the cemetery's trustees, 2021.", {"RELIGION_PHILOSOPHY"}),
    ("- Chair the European Works Council's UK management delegation; prepare the annual", {"RACE_ETHNICITY"}),
    ("Sínodo da Amazônia em Roma (2019), como enviada especial.", {"RACE_ETHNICITY"}),
    ("- Presented ethnicity and Māori descent results to the Census External Data Quality Panel.", {"RACE_ETHNICITY"}),
]


@pytest.mark.parametrize("text,cats", NOT_FOUND)
def test_not_found(text, cats):
    assert not cats & _found(text)
