"""Parties and youth wings added in session 16 to `parties` and to the acronym member patterns
of `party_membership_phrases` (union_party.yaml; Wikipedia: List of political parties in
<country>, 2025): a membership is
found, a party named from outside (press, analysis, polling, a relative) is not, and the
everyday words inside the names report nothing."""

from __future__ import annotations

import pytest

from docscreen.analyze.special import shared_matcher as shared

MEMBERSHIP = "UNION_PARTY_MEMBERSHIP"
BELIEF = "POLITICAL_BELIEF"


def _found(text: str) -> set[str]:
    return {h.category.value for h in shared().hits(text) if h.score >= 0.5}


NAMES = [
    "National Rally for Democracy",
    "Popular Movement for the Liberation of Angola",
    "Botswana National Front",
    "Union for National Progress",
    "United Hearts Movement",
    "Convention pour le renouveau des Comores",
    "Movement for the Liberation of the Congo",
    "Partido Democrático de Guinea Ecuatorial",
    "PDOIS",
    "PAIGC",
    "Juventude Africana Amílcar Cabral",
    "National Rainbow Coalition",
    "Isika Rehetra Miaraka amin'i Andry Rajoelina",
    "National Rally for Reform and Development",
    "Linion Moricien",
    "Democratic Movement of Mozambique",
    "Moden Lumana",
    "Movimento de Libertação de São Tomé e Príncipe",
    "Justice and Solidarity Party",
    "Congress of South African Students",
    "Hezb-e Islami",
    "Druk Phuensum Tshogpa",
    "China Democratic League",
    "Business and Professionals Alliance for Hong Kong",
    "Partai Demokrasi Indonesia Perjuangan",
    "Partai Gelora",
    "Respublica party",
    "Parti Pesaka Bumiputera Bersatu",
    "People's National Congress",
    "CPN (Unified Socialist)",
    "Partido Demokratiko Pilipino–Lakas ng Bayan",
    "Kla Tham Party",
    "Revolutionary Front for an Independent East Timor",
    "Barbuda People's Movement",
    "Movimiento MIRA",
    "Juventud Liberacionista",
    "Fuerza del Pueblo",
    "Acción Democrática Nacional",
    "Frente Farabundo Martí para la Liberación Nacional",
    "Partido Valor",
    "We Invest in Nationhood",
    "Libertad y Refundación",
    "Partido Liberal Constitucionalista",
    "Partido Encuentro Nacional",
    "Somos Perú",
    "General Liberation and Development Party",
    "Tobago People's Party",
    "Socialist Movement for Integration",
    "Sozialdemokratische Partei Österreichs",
    "Prodalzhavame Promyanata",
    "Istarski demokratski sabor",
    "Freedom and Direct Democracy",
    "Suomen Keskusta",
    "Mouvement des jeunes socialistes",
    "Christian Democratic People's Party",
    "Vinstrihreyfingin – grænt framboð",
    "Nisma Socialdemokrate",
    "Vardan Lietuvos",
    "Partit Laburista",
    "Democrația Acasă",
    "URA Civic Movement",
    "Staatkundig Gereformeerde Partij",
    "VLEN Coalition",
    "Partidul Mișcarea Populară",
    "Green–Left Front",
    "Hlas – sociálna demokracia",
    "Slovenian People's Party",
    "Boutokaan te Koaua",
    "Aelon Kein Ad",
    "Papua New Guinea Party",
    "Solomon Islands Party for Rural Advancement",
    "Tonga People's Party",
    "Al Wefaq National Islamic Society",
    "Executives of Construction Party",
    "Azm Alliance",
    "United Arab List",
    "Democratic Front for the Liberation of Palestine",
    "Palestinian Islamic Jihad",
    "DEVA Partisi",
    "Büyük Birlik Partisi",
]


ACRONYMS = [
    "MLPC member since 2015.",
    "PDGE member, Malabo.",
    "Member of the DFLP since 2015.",
    "ZAPU councillor in Bulawayo.",
]


@pytest.mark.parametrize("text", [f"Member of {name} since 2015." for name in NAMES] + ACRONYMS)
def test_a_membership_of_a_world_party_is_found(text: str) -> None:
    found = _found(text)
    assert MEMBERSHIP in found and BELIEF in found, found


NOT_MEMBERSHIP = [
    "Covered the Botswana National Front campaign for Reuters.",
    "Analysed Partai Gelora's manifesto costings for a think tank.",
    "Ran the exit poll for the Business and Professionals Alliance for Hong Kong on behalf of a polling firm.",
    "My father was a member of the Popular Movement for the Liberation of Angola.",
    "Covered the Partido Liberal Constitucionalista campaign for Reuters.",
    "Analysed Somos Perú's manifesto costings for a think tank.",
    "My mother was a member of the Sozialdemokratische Partei Österreichs.",
    "Covered the Hlas – sociálna demokracia campaign for Reuters.",
    "Analysed Suomen Keskusta's manifesto costings for a think tank.",
    "Pollster: designed voter surveys for the Partit Laburista and its opponents.",
    "Covered the Democratic Movement of Mozambique campaign for Reuters.",
    "My uncle was a member of the Movement for the Liberation of the Congo.",
    "Analysed the Kla Tham Party's manifesto costings for a think tank.",
    "Covered the Tobago People's Party campaign for Reuters.",
    "My grandfather was a member of the Frente Farabundo Martí para la Liberación Nacional.",
    "Covered the Prodalzhavame Promyanata campaign for Reuters.",
    "Analysed the Staatkundig Gereformeerde Partij's manifesto costings for a think tank.",
    "Covered the DEVA Partisi campaign for Reuters.",
    "My brother was a member of the Büyük Birlik Partisi.",
    "Analysed the Papua New Guinea Party's manifesto costings for a think tank.",
    "Covered the Solomon Islands Party for Rural Advancement campaign for Reuters.",
    "Analysed the United Arab List's manifesto costings for a think tank.",
    "My father was a member of the Democratic Front for the Liberation of Palestine.",
    "Covered the Libertad y Refundación campaign for Reuters.",
    "Analysed Fuerza del Pueblo's manifesto costings for a think tank.",
    "Covered the Partido Demokratiko Pilipino–Lakas ng Bayan campaign for Reuters.",
    "Analysed the China Democratic League's role in the CPPCC for a think tank.",
    "Covered the Socialist Movement for Integration campaign for Reuters.",
    "Pollster: fielded tracking polls for the Green–Left Front ahead of the Belgrade election.",
    "Covered the Vinstrihreyfingin – grænt framboð campaign for Reuters.",
]


EVERYDAY = [
    "Led a national rally for democracy awareness as part of a civics course project.",
    "Built a front-end dashboard for national reconciliation of bank accounts.",
    "Managed the convention booth and a renewal campaign for software licences.",
    "Designed a freedom and direct-debit payments feature for the billing team.",
    "Organised the popular movement workshop for our dance school's summer programme.",
    "Volunteered at the green-left bike lane consultation as a planning intern.",
    "Coordinated the justice and solidarity fund for staff affected by the floods.",
    "Increased customer retention through a loyalty union of partner retailers.",
    "Member of the university rowing club and the chess society since 2015.",
    "Delivered the party planning for 30 corporate events and weddings.",
    "Member of the project steering group for our national rollout since 2015.",
    "Built a liberation of data pipeline that freed analysts from manual exports.",
    "Member of the Institute of Chartered Accountants since 2015.",
    "Wrote a market report on the democratic movement of capital into emerging markets.",
    "Presented at a student congress on renewable energy in Cape Town.",
    "Member of the board of the local tennis club and treasurer of the parents' association.",
    "Coached the under-12 football team to a regional front-runner position.",
    "Ran the people's choice awards for our team's annual hackathon.",
    "Handled the progress reports and development plans for 12 direct reports.",
    "Prepared the coalition budget model for a consortium of logistics partners.",
]


@pytest.mark.parametrize(
    ("text", "never"),
    [(t, {MEMBERSHIP}) for t in NOT_MEMBERSHIP] + [(t, {MEMBERSHIP, BELIEF}) for t in EVERYDAY],
)
def test_a_party_named_from_outside_or_an_everyday_word_is_no_membership(text: str, never: set[str]) -> None:
    """A party named from outside (press, analysis, polling, a relative) is no membership (a
    political belief may still be read: "designed voter surveys for the Partit Laburista"
    attaches "voter" to the party), and the everyday words inside the names report nothing."""
    assert not _found(text) & never, _found(text)
