"""Rules added in session 18 from the misses read on holdout14 (see fixtures/eval/README.md):
each with lines it must find and near twins it must leave alone.

- holdout14's clean professionals' documents: whom the work is with ("work closely with iwi,
  whānau and community providers"), a list of protected grounds whose "colour" the lemma joined
  to a people's name written with a capital ("Coloured"), a title and given names before a
  surname ("Mr. Kwabena Asante-Darko"), languages one writes in, a participle cue said of plural
  people ("citizens registered as party members") or matched as a noun ("membership registers"),
  a kind of heritage in a body's name ("Institute of Historical Heritage");
- holdout14's false positives: a count of cases ("secured 40 convictions for"), a public body's
  name ("the provincial parole board"), a job's field before its title ("Māori health contracts
  manager"), "mining" read as "mine", an Indonesian company ("PT Astra Honda"), a constituency
  one ran in, a relative's condition after a comma ("my nephew, who has"), care words beside a
  disclosed condition read as addiction, refusals in the first person and "good" in other
  languages, a clean police certificate, jobs (underwriter, répétiteur, prison guard);
- holdout14's misses: terms and patterns (a traffic offence, released without charge, a French
  work penalty, a drug court "graduate of", "Mr. van der Berg's husband", clubs of treated
  alcoholics, Razem, the Baltic and Finnic native faiths, "in early recovery"), a referendum
  side's campaign one volunteered for, the care given to the writer by their own doctor;
- a table row is one sentence, its cells joined by "|" ("2019–present | Steward | UNISON, Leeds
  Teaching Hospitals branch"); a name's words are no reason against the sure classifier ("San
  José"), nor a language's words inside a name;
- a short line in another Latin-script language with no function word, read with the languages
  one of whose terms opens it ("Notiesāts nosacīti 2015. gadā, sodāmība dzēsta."), a lower-case
  "i" no English word; a label and a spaced dash in another script;
- religion: a church's parish council, a Latter-day Saint ward, a congregation teaching its own
  faith (Sunday school, tajweed), the classifier's veto at 0.01 for the rarer names it does not
  know (``VETO_BY``), and the everyday "catholic", a book's title, an institution's name;
- criminal record: the court that decided, after the disposal, in a line with no job; a record
  describing the writer beside their job ("Red Seal cook, ex-offender, five years out"); the
  people a service is for ("Employment adviser for ex-offenders");
- political belief: marching in protest and taking to the streets as a resume line says it;
- an acronym's plural ("Three DUIs"), a step of the twelve being worked, a sponsor's sponsees
  in a fellowship, the writer's own injecting, the writer's own psychiatrist; India's other
  reservation categories (MBC, EBC, SEBC) and the Sámi Parliament's roll by its names.
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
    # holdout14's misses
    ("Criminal record for a road-traffic offence (2016).", {"CRIMINAL_RECORD"}),
    ("Detained in 2022 under the state of exception and released without charge.", {"CRIMINAL_RECORD"}),
    ("Completed a 120-hour work penalty (peine de travail) in 2018.", {"CRIMINAL_RECORD"}),
    ("Graduate of the Alcohol and Other Drug Treatment Court in Auckland (2019).", {"CRIMINAL_RECORD", "ADDICTION"}),
    ("Mr. van der Berg's husband, a schoolteacher, moved with him to Windhoek.", {"SEXUAL_LIFE"}),
    ("Member of the Celje club of treated alcoholics (KZA) since 2015.", {"ADDICTION"}),
    ("• Member of Razem and co-founder of its Gdańsk district circle.", BOTH),
    ("Member, Maausk (Estonian native faith) house; I keep the village sacred grove with others.",
     {"RELIGION_PHILOSOPHY"}),
    ("I volunteer at the Serenity Café in Edinburgh, the recovery café I first walked into in early recovery.",
     {"ADDICTION"}),
    # the twins of the false positives below
    ("I have two convictions for theft.", {"CRIMINAL_RECORD"}),
    ("Released on parole in 2019 after a parole board hearing.", {"CRIMINAL_RECORD"}),
    ("Proud Wiradjuri data engineer.", {"RACE_ETHNICITY"}),
    ("Filiado ao PT desde 2002, militante em São Bernardo.", BOTH),
    ("PCF activist, Saint-Denis section", BOTH),
    ("My nephew and I both have Down syndrome.", {"HEALTH_GENETIC"}),
    ("Ethnic origin: Black Caribbean", {"RACE_ETHNICITY"}),
    ("My Certificate of Good Conduct shows one conviction (handling stolen property, 2014).", {"CRIMINAL_RECORD"}),
    ("Spent 2012 as a novice monk at Wat Pah Nanachat, Ubon Ratchathani.", {"RELIGION_PHILOSOPHY"}),
    ("The parole board's decision in 2018 let me start again, and I've not wasted a day.", {"CRIMINAL_RECORD"}),
    ("Choirmaster, Christ Apostolic Church (CAC), Akure", {"RELIGION_PHILOSOPHY"}),
    # care given to the writer
    ("Prescribed buprenorphine (Suboxone) for opioid use disorder through my family doctor.", {"ADDICTION"}),
    # a referendum side's campaign
    ("Volunteer, 'Apruebo' campaign for the 2020 Chilean constitutional plebiscite, Valparaíso.", {"POLITICAL_BELIEF"}),
    ("Canvassed for the Yes campaign in 2015.", {"POLITICAL_BELIEF"}),
    # table rows
    ("2019–present | Steward | UNISON, Leeds Teaching Hospitals branch", {"UNION_PARTY_MEMBERSHIP"}),
    ("2015–2016 | Resident | Teen Challenge residential recovery programme (methamphetamine)", {"ADDICTION"}),
    ("Alcohol dependence | Coolmine Day Programme | 2021 – completed", {"ADDICTION"}),
    ("2019–2022 | Secretary | Vietnamese Student Association, San José State University", {"RACE_ETHNICITY"}),
    # short lines of other languages
    ("Notiesāts nosacīti 2015. gadā, sodāmība dzēsta.", {"CRIMINAL_RECORD"}),
    ("Teistas 2014 m., teistumas išnykęs.", {"CRIMINAL_RECORD"}),
    ("Osuđivan 2013. za krađu", {"CRIMINAL_RECORD"}),
    ("Судимость по ст. 158 УК РФ погашена в 2019 году.", {"CRIMINAL_RECORD"}),
    ("Mantan warga binaan Lapas Cipinang, bebas bersyarat tahun 2018.", {"CRIMINAL_RECORD"}),
    ("Anëtar i Partisë Socialiste, seksioni i Elbasanit.", BOTH),
    ("လူမျိုး/ဘာသာ - ကရင်/ခရစ်ယာန်", {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}),
    ("Član župnog zbora župe sv. Petra u Splitu.", {"RELIGION_PHILOSOPHY"}),
    ("Presbiter, Budapest-Fasori Református Egyházközség", {"RELIGION_PHILOSOPHY"}),
    ("מתנדב כגבאי בבית הכנסת הספרדי \"אוהל משה\" ברחובות", {"RELIGION_PHILOSOPHY"}),
    ("ਹਰ ਐਤਵਾਰ ਗੁਰਦੁਆਰਾ ਸਾਹਿਬ ਵਿਖੇ ਲੰਗਰ ਦੀ ਸੇਵਾ ਕਰਦਾ ਹਾਂ।", {"RELIGION_PHILOSOPHY"}),
    ("የሲዳማ ተወላጅ ነኝ፤ ሲዳምኛ፣ አማርኛ እና እንግሊዝኛ እናገራለሁ።", {"RACE_ETHNICITY"}),
    # the writer's own abstinence and prescriptions, whatever the job
    ("Group facilitator, Secular Organizations for Sobriety (SOS) – sober since 2012.", {"ADDICTION"}),
    ("Gay, sober 6 years, and a recovering perfectionist.", {"ADDICTION", "SEXUAL_LIFE"}),
    ("Prescribed buprenorphine (Suboxone) since 2021.", {"ADDICTION"}),
    ("Benzo dependence after twelve years of prescribed Xanax — tapered off completely in 2020.", {"ADDICTION"}),
    # a US teachers' union's state affiliate and its school representative
    ("NEA and Michigan Education Association building rep, Grand Rapids Public Schools.", {"UNION_PARTY_MEMBERSHIP"}),
    ("NEA building representative, Lincoln Public Schools, 2017–2020", {"UNION_PARTY_MEMBERSHIP"}),
    # religion
    ("Member of the Tromsdalen parish council (Church of Norway), 2019–2023.", {"RELIGION_PHILOSOPHY"}),
    ("Relief Society president in my ward in Provo, 2019–2021", {"RELIGION_PHILOSOPHY"}),
    ("Ward clerk for our Latter-day Saint congregation in Mesa — records, budgets, sacrament-meeting attendance.",
     {"RELIGION_PHILOSOPHY"}),
    ("Teach tajweed to children at Masjid Al-Noor on Saturday mornings.", {"RELIGION_PHILOSOPHY"}),
    ("I'm Lebanese-Armenian and teach Sunday school at the Armenian Evangelical church in Anjar.",
     {"RELIGION_PHILOSOPHY"}),
    ("Umbandista.", {"RELIGION_PHILOSOPHY"}),
    ("Active in the Laestadian revival (SRK) in Oulu.", {"RELIGION_PHILOSOPHY"}),
    ("Deacon, Baptist Church of Ogbomoso", {"RELIGION_PHILOSOPHY"}),
    ("Member of the Christian Medical Fellowship since my foundation years.", {"RELIGION_PHILOSOPHY"}),
    # criminal record
    ("Suspended sentence from the Liège tribunal correctionnel, 2015.", {"CRIMINAL_RECORD"}),
    ("Conditional discharge, Highbury Corner Magistrates', 2015 — shoplifting.", {"CRIMINAL_RECORD"}),
    ("Reformed ex-prisoner turned award-winning baker.", {"CRIMINAL_RECORD"}),
    ("Red Seal cook, ex-offender, five years out and steady.", {"CRIMINAL_RECORD"}),
    ("I was one of the ex-offenders on the Nacro scheme.", {"CRIMINAL_RECORD"}),
    # marching in protest, taking to the streets
    ("Marched every Sunday in Minsk in August–September 2020.", {"POLITICAL_BELIEF"}),
    ("Marched on 16 June 2019 with two million others.", {"POLITICAL_BELIEF"}),
    ("Marched with KOD in defence of independent courts.", {"POLITICAL_BELIEF"}),
    ("Took to the streets in Minsk in August 2020 and spent the autumn helping strikers' families.", {"POLITICAL_BELIEF"}),
    # an acronym's plural; steps and sponsees; the writer's injecting
    ("Three DUIs and one long rehab stay later, I've been sober eight years.", {"CRIMINAL_RECORD", "ADDICTION"}),
    ("I'm working Step 9 right now, which is partly why I'm being this honest in a cover letter.", {"ADDICTION"}),
    ("Sponsor to three people in AA.", {"ADDICTION"}),
    ("Hepatitis C cured in 2019; I caught it injecting drugs, which I left behind in 2014.", {"ADDICTION"}),
    ("I go to GA weekly and see a psychiatrist for the depression that came with my gambling.",
     {"HEALTH_GENETIC", "ADDICTION"}),
    ("Community: MBC", {"RACE_ETHNICITY"}),
    ("Registered in the Sámi Parliament's electoral roll (Sametingets röstlängd) since 2019.", {"RACE_ETHNICITY"}),
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
    # holdout14's false positives
    ("Prosecutor: secured 40 convictions for human trafficking.", {"CRIMINAL_RECORD"}),
    ("Community member of the provincial parole board, 2015–2021.", {"CRIMINAL_RECORD"}),
    ("Māori health contracts manager at Te Whatu Ora (Crown entity).", {"RACE_ETHNICITY"}),
    ("Aboriginal cultural heritage assessments for mining approvals (consultant archaeologist).", {"RACE_ETHNICITY"}),
    ("FSPMI member; plant-level union secretary at PT Astra Honda, Bekasi.", {"POLITICAL_BELIEF"}),
    ("Polling agent for the Pheu Thai candidate in Khon Kaen constituency 1, 2023.", {"UNION_PARTY_MEMBERSHIP"}),
    ("I learned Makaton for my nephew, who has Down syndrome.", {"HEALTH_GENETIC"}),
    ("Sentenced in 2012; inside I was diagnosed with PTSD and finally got treatment.", {"ADDICTION"}),
    ("Ethnic origin: I'd prefer not to answer", {"RACE_ETHNICITY"}),
    ("الحالة الصحية: جيدة", {"HEALTH_GENETIC"}),
    ("Certificate of Good Conduct (DCI), 2024.", {"CRIMINAL_RECORD"}),
    ("Underwriter for pre-existing conditions and critical-illness cover.", {"HEALTH_GENETIC"}),
    ("Paid répétiteur for a lesbian and gay choir in Hamburg.", {"SEXUAL_LIFE"}),
    ("Prison guard with the Criminal Sanctions Agency, 2012-2018.", {"CRIMINAL_RECORD"}),
    ("Disability status: I do not want to answer", {"HEALTH_GENETIC"}),
    ("Prescribed buprenorphine for opioid use disorder to 40 patients with my team.", {"ADDICTION"}),
    ("Supervised methadone dosing for opioid use disorder at my clinic.", {"ADDICTION"}),
    ("Volunteer coordinator for the No Kid Hungry campaign.", {"POLITICAL_BELIEF"}),
    ("2015–2018 | Addiction Therapist | Castle Craig Hospital", {"ADDICTION"}),
    # a line of names with letters English does not write: no term opens it
    ("José Müller", {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}),
    ("Café Müller, Berlin", {"RACE_ETHNICITY", "RELIGION_PHILOSOPHY"}),
    ("Attachments: Résumé (2 pages); Certificate IV in Leadership and Management (2021)", {"POLITICAL_BELIEF"}),
    ("ESCOLA ESTADUAL PROFESSORA LÚCIA MENDES", {"RELIGION_PHILOSOPHY"}),
    ("Invalidità: no", {"HEALTH_GENETIC"}),
    # a Polish invoice's total
    ("Razem 148,83 PLN", BOTH),
    # others' abstinence; an association of a discipline
    ("Helped 40 clients stay sober since 2019 as an addiction counsellor.", {"ADDICTION"}),
    ("Member, Comparative Education Association", {"UNION_PARTY_MEMBERSHIP"}),
    ("Presented at the National Education Association conference.", {"UNION_PARTY_MEMBERSHIP"}),
    # religion: a civil parish council, a hospital ward, religious education at school, the
    # everyday "catholic", a book's title, an institution's name
    ("Elected member of Little Snoring parish council, 2019–2023.", {"RELIGION_PHILOSOPHY"}),
    ("Ward clerk, St James's University Hospital, Leeds", {"RELIGION_PHILOSOPHY"}),
    ("Taught Religious Education to GCSE pupils at St Mary's Catholic School.", {"RELIGION_PHILOSOPHY"}),
    ("Catholic taste in music, from highlife to gamelan", {"RELIGION_PHILOSOPHY"}),
    ("A catholic taste in music, from Fela Kuti to Arvo Pärt.", {"RELIGION_PHILOSOPHY"}),
    ("Ensemble, The Book of Mormon, UK and Ireland tour", {"RELIGION_PHILOSOPHY"}),
    ("Baptist Medical Center pharmacy technician (night shift).", {"RELIGION_PHILOSOPHY"}),
    # criminal record: work for a court, for others
    ("Listed suspended sentence hearings for the tribunal correctionnel, 2015.", {"CRIMINAL_RECORD"}),
    ("Court clerk processing conditional discharges at Highbury Corner Magistrates' Court.", {"CRIMINAL_RECORD"}),
    ("Employment adviser for ex-offenders, Nacro.", {"CRIMINAL_RECORD"}),
    # a parade, a film crew, a reporter
    ("Marched in the St Patrick's Day parade with the pipe band.", {"POLITICAL_BELIEF"}),
    ("Marched with the BBC crew to film the protest.", {"POLITICAL_BELIEF"}),
    ("Covered the Minsk protests; took to the streets with a camera crew for Reuters.", {"POLITICAL_BELIEF"}),
    # a prosecutor's caseload, a project's steps, others' injecting
    ("Handled 200 DUIs a year as a prosecutor.", {"CRIMINAL_RECORD"}),
    ("Working step 3 of the migration plan with the vendor.", {"ADDICTION"}),
    ("Needle exchange worker supporting people injecting drugs in Leith.", {"ADDICTION"}),
    ("Patients with depression see a psychiatrist within two weeks of referral.", {"HEALTH_GENETIC"}),
    ("Clients on medication for ADHD were reviewed monthly.", {"HEALTH_GENETIC"}),
    ("He works closely with the Glasgow Recovery Communities and with mutual-aid groups such as SMART Recovery.",
     {"ADDICTION"}),
]


@pytest.mark.parametrize("text,cats", NOT_FOUND)
def test_not_found(text, cats):
    assert not cats & _found(text)
