"""The ten prohibited categories (stable IDs) and the advisory kinds.

The IDs are part of the public contract: reports, policy files and scripts use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Category(str, Enum):
    RACE_ETHNICITY = "RACE_ETHNICITY"
    POLITICAL_BELIEF = "POLITICAL_BELIEF"
    RELIGION_PHILOSOPHY = "RELIGION_PHILOSOPHY"
    UNION_PARTY_MEMBERSHIP = "UNION_PARTY_MEMBERSHIP"
    HEALTH_GENETIC = "HEALTH_GENETIC"
    ADDICTION = "ADDICTION"
    SEXUAL_LIFE = "SEXUAL_LIFE"
    CRIMINAL_RECORD = "CRIMINAL_RECORD"
    NATIONAL_ID = "NATIONAL_ID"
    FINANCIAL_ACCOUNT = "FINANCIAL_ACCOUNT"


class Advisory(str, Enum):
    """Reported only when a policy asks for them (off by default)."""

    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    MARITAL_STATUS = "MARITAL_STATUS"
    GENDER = "GENDER"
    PHOTO = "PHOTO"
    NATIONALITY = "NATIONALITY"
    PHYSICAL_TRAITS = "PHYSICAL_TRAITS"


@dataclass(frozen=True)
class CategoryInfo:
    id: Category
    title: str
    covers: str
    examples: tuple[str, ...]


CATEGORIES: dict[Category, CategoryInfo] = {
    info.id: info
    for info in (
        CategoryInfo(
            Category.RACE_ETHNICITY,
            "Racial or ethnic origin",
            "race, ethnicity, caste, tribe or indigenous people named about the candidate",
            ("Race: Asian", "first Navajo engineer in my team"),
        ),
        CategoryInfo(
            Category.POLITICAL_BELIEF,
            "Political beliefs",
            "political opinions and activism of the candidate",
            ("lifelong conservative", "canvassed for the Green candidate in 2022"),
        ),
        CategoryInfo(
            Category.RELIGION_PHILOSOPHY,
            "Religious or philosophical beliefs",
            "faith, denomination, religious roles, atheism",
            ("Faith: Catholic", "deacon at Bethel Methodist", "practising Buddhist"),
        ),
        CategoryInfo(
            Category.UNION_PARTY_MEMBERSHIP,
            "Trade-union or political-party membership",
            "membership or office in a trade union or a political party",
            ("UNISON shop steward", "card-carrying Labour member", "SEIU Local 1199 member"),
        ),
        CategoryInfo(
            Category.HEALTH_GENETIC,
            "Physical or mental health, genetic makeup",
            "conditions, disabilities, diagnoses, blood type, genetic traits of the candidate",
            ("I live with bipolar disorder", "Blood type: A-", "wheelchair user"),
        ),
        CategoryInfo(
            Category.ADDICTION,
            "Addictions",
            "substance-use disorders, dependence, recovery",
            ("in recovery from opioid dependence", "AA member since 2016"),
        ),
        CategoryInfo(
            Category.SEXUAL_LIFE,
            "Sexual life or orientation",
            "orientation and relationship disclosures",
            ("openly bisexual", "lesbian mother of two"),
        ),
        CategoryInfo(
            Category.CRIMINAL_RECORD,
            "Criminal offences or proceedings",
            "convictions, charges, sentences, probation, pardons, expungements, fines",
            ("served 18 months for burglary", "DUI conviction (2017), expunged"),
        ),
        CategoryInfo(
            Category.NATIONAL_ID,
            "Social Security, state or national ID numbers",
            "SSN, ITIN, driver's licence, passport and foreign national ID numbers",
            ("Social Security #: 2 1 9 ...", "Aadhaar", "NINO", "SIN", "passport no."),
        ),
        CategoryInfo(
            Category.FINANCIAL_ACCOUNT,
            "Credit-card or bank-account numbers",
            "payment card numbers, IBANs, bank account and routing numbers",
            ("card number with expiry", "IBAN", "Acct 0012345678 / routing ..."),
        ),
    )
}
