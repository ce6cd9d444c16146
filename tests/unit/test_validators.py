"""Validators against the bare-value vectors of ../shared/corpus/vectors/identifiers_focus.csv.

Only rows whose semantics are "is this bare value valid" are used (python-stdnum doctests,
django-localflavor form fields, pydantic-extra-types); Presidio rows test whether a recognizer
fires on a text, which is the recognizers' business, not the validators'.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from vector_sweep import bare_value_rows, excluded  # noqa: E402

from docscreen.analyze.validators import VALIDATORS, card_network, payment_card, sg_nric, uk_nino, us_ssn

#: vector type -> validator name
TYPE_TO_VALIDATOR = {
    "US_SSN": "us_ssn",
    "US_ITIN": "us_itin",
    "ABA_ROUTING_NUMBER": "us_rtn",
    "IBAN_CODE": "iban",
    "CA_SIN": "ca_sin",
    "IN_AADHAAR": "in_aadhaar",
    "IN_PAN": "in_pan",
    "ES_NIE": "es_nie",
    "IT_FISCAL_CODE": "it_codice_fiscale",
    "FR_NIR (social security)": "fr_nir",
    "DE_TAX_ID": "de_idnr",
    "NL_BSN": "nl_bsn",
    "BE_NATIONAL_NUMBER": "be_nn",
    "PL_PESEL": "pl_pesel",
    "SE_PERSONNUMMER": "se_personnummer",
    "DK_CPR": "dk_cpr",
    "NO_FODSELSNUMMER": "no_fodselsnummer",
    "BR_CPF": "br_cpf",
    "MX_CURP": "mx_curp",
    "CN_RESIDENT_ID": "cn_ric",
    "SG_NRIC_FIN": "sg_nric",
    "ZA_ID_NUMBER": "za_idnr",
    "AU_TFN": "au_tfn",
    "KR_RRN": "kr_rrn",
    "JP_MY_NUMBER": "jp_my_number",
    "IL_ID": "il_idnr",
    "TR_NATIONAL_ID": "tr_tckimlik",
    "IE_PPS": "ie_pps",
    "UK_NINO": "uk_nino",
    "CREDIT_CARD": "payment_card",
}



def _rows(corpus):
    return (row for row in bare_value_rows(corpus) if row["type"] in TYPE_TO_VALIDATOR)


def test_vectors_agree_per_type(corpus) -> None:
    results: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    for row in _rows(corpus):
        value = row["value"].strip()
        expected = row["expected_valid"].strip().lower() == "true"
        if excluded(row):
            continue
        got = VALIDATORS[TYPE_TO_VALIDATOR[row["type"]]](value)
        results[row["type"]][0] += 1
        if got != expected:
            results[row["type"]][1] += 1
            wrong.append((row["type"], row["semantics"][:40], expected))
    assert sum(n for n, _ in results.values()) > 700
    print("\nvalidator vectors (rows, disagreements):", dict(results))
    assert wrong == []


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("536-90-4399", True),
        ("536.90.4399", True),
        ("1112-23333", False),  # separators in the wrong places
        ("536 90 4399", True),
        ("536904399", True),
        ("078-05-1120", False),  # Woolworth wallet specimen
        ("219-09-9999", False),  # SSA advertising specimen
        ("123-45-6789", False),  # every form's example
        ("666-12-3456", False),
        ("900-12-3456", False),
        ("536-00-4399", False),
        ("536-90-0000", False),
    ],
)
def test_us_ssn(value: str, ok: bool) -> None:
    assert us_ssn(value) is ok


@pytest.mark.parametrize(
    ("value", "network"),
    [
        ("4929 1234 5678 9012", "visa"),
        ("5555 5555 5555 4444", "mastercard"),
        ("2221 0000 0000 0009", "mastercard"),
        ("3782 822463 10005", "amex"),
        ("6011 1111 1111 1117", "discover"),
        ("3530 1113 3330 0000", "jcb"),
        ("1234 5678 9012 3456", None),
    ],
)
def test_card_networks(value: str, network: str | None) -> None:
    assert card_network(value) == network


def test_payment_card_needs_luhn_network_and_not_one_digit() -> None:
    assert payment_card("4111-1111-1111-1111")
    assert not payment_card("4111-1111-1111-1112")  # Luhn fails
    assert not payment_card("0000 0000 0000 0000")  # Luhn-valid, no network
    assert not payment_card("1234567812345670")  # Luhn-valid, no network


@pytest.mark.parametrize(
    ("value", "ok"),
    [("AB 12 34 56 C", True), ("ab123456c", True), ("GB 12 34 56 A", False), ("AB 12 34 56 E", False), ("DA123456A", False)],
)
def test_uk_nino(value: str, ok: bool) -> None:
    assert uk_nino(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [("S8776318H", True), ("T1399266A", True), ("G0746467W", True), ("S5777125G", False), ("X1234567A", False)],
)
def test_sg_nric(value: str, ok: bool) -> None:
    assert sg_nric(value) is ok
