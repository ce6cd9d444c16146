"""Identifier vectors in sentences: detection rate per type.

Each bare-value row of ../shared/corpus/vectors/identifiers_focus.csv (python-stdnum,
django-localflavor and pydantic-extra-types semantics: "is this value valid") for a type
docscreen supports is placed after its usual label ("SSN: <value>") and scanned. A valid value
must be found as its entity type; an invalid one must not be.

    python bench/vector_sweep.py [--corpus ../shared/corpus]

tests/rules/test_vector_sweep.py asserts the same on every row (with the listed exceptions).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: vector type -> (entity type docscreen reports, the label a form puts before it)
TYPES: dict[str, tuple[str, str]] = {
    "US_SSN": ("US_SSN", "SSN:"),
    "US_ITIN": ("US_ITIN", "ITIN:"),
    "ABA_ROUTING_NUMBER": ("ABA_ROUTING_NUMBER", "Routing number:"),
    "IBAN_CODE": ("IBAN_CODE", "IBAN:"),
    "CREDIT_CARD": ("CREDIT_CARD", "Card number:"),
    "UK_NINO": ("UK_NINO", "National Insurance number:"),
    "CA_SIN": ("CA_SIN", "SIN:"),
    "IN_AADHAAR": ("IN_AADHAAR", "Aadhaar:"),
    "IN_PAN": ("IN_PAN", "PAN:"),
    "ES_NIE": ("ES_NIE", "NIE:"),
    "IT_FISCAL_CODE": ("IT_FISCAL_CODE", "Codice fiscale:"),
    "FR_NIR (social security)": ("FR_NIR", "Numéro de sécurité sociale :"),
    "DE_TAX_ID": ("DE_TAX_ID", "Steuer-ID:"),
    "NL_BSN": ("NL_BSN", "BSN:"),
    "BE_NATIONAL_NUMBER": ("BE_NATIONAL_NUMBER", "Rijksregisternummer:"),
    "PL_PESEL": ("PL_PESEL", "PESEL:"),
    "SE_PERSONNUMMER": ("SE_PERSONNUMMER", "Personnummer:"),
    "DK_CPR": ("DK_CPR", "CPR-nummer:"),
    "NO_FODSELSNUMMER": ("NO_FODSELSNUMMER", "Fødselsnummer:"),
    "BR_CPF": ("BR_CPF", "CPF:"),
    "MX_CURP": ("MX_CURP", "CURP:"),
    "CN_RESIDENT_ID": ("CN_RESIDENT_ID", "Resident ID:"),
    "SG_NRIC_FIN": ("SG_NRIC_FIN", "NRIC:"),
    "ZA_ID_NUMBER": ("ZA_ID_NUMBER", "ID number:"),
    "AU_TFN": ("AU_TFN", "TFN:"),
    "KR_RRN": ("KR_RRN", "RRN:"),
    "JP_MY_NUMBER": ("JP_MY_NUMBER", "My Number:"),
    "IL_ID": ("IL_ID", "Teudat Zehut:"),
    "TR_NATIONAL_ID": ("TR_TC_KIMLIK", "TC Kimlik No:"),
    "IE_PPS": ("IE_PPS", "PPS number:"),
    "AR_CBU (bank account)": ("AR_CBU", "CBU:"),
    "NZ_BANK_ACCOUNT": ("NZ_BANK_ACCOUNT", "Bank account:"),
    "NO_BANK_ACCOUNT": ("NO_BANK_ACCOUNT", "Kontonummer:"),
    "CZ_BANK_ACCOUNT": ("CZ_BANK_ACCOUNT", "Číslo účtu:"),
    "ES_CCC (bank account)": ("ES_CCC", "Cuenta:"),
}

BARE_VALUE_SEMANTICS = ("checksum/format validity", "django-localflavor", "pydantic-extra-types")

#: Rows where docscreen deliberately disagrees with a source, and why.
INTENTIONAL = {
    ("US_SSN", "123-45-6789"): "the example number on every form: treated as a specimen",
    ("US_SSN", "123456789"): "the example number on every form: treated as a specimen",
    ("ABA_ROUTING_NUMBER", "１２２１０５１５５"): "full-width digits are folded by normalisation first",
    ("ABA_ROUTING_NUMBER", "١٢٢١٠٥١٥٥"): "Arabic-Indic digits are folded by normalisation first",
    ("IBAN_CODE", "GB29NWBK٦0161331926819"): "Arabic-Indic digits are folded by normalisation first",
    ("IT_FISCAL_CODE", "00743110157"): "an 11-digit company tax number, not a person's code",
    ("IT_FISCAL_CODE", "07973780013"): "an 11-digit company tax number, not a person's code",
    ("IL_ID", "0091"): "a 4-digit number is too short to report as an ID, whatever its check digit",
}

#: Rows where the sources disagree with python-stdnum (whose stricter rule docscreen keeps),
#: or where the source does not check what docscreen checks.
SOURCE_DISAGREES = {
    ("CA_SIN", "046-454-286"): "localflavor accepts; stdnum: SINs starting with 0 are not issued",
    ("IN_AADHAAR", "3603-1178-8988"): "localflavor is format-only; Verhoeff check fails",
    ("IN_AADHAAR", "1892 3114 7727"): "localflavor is format-only; Aadhaar never starts with 1",
    ("CN_RESIDENT_ID", "110101491001001"): "old 15-digit form without a check digit",
    ("IT_FISCAL_CODE", "7973780013"): "an 11-digit partita IVA-style value in a fiscal-code field",
    ("MX_CURP", "VACA711211HYNRMN02"): "check digit does not verify",
    ("US_ITIN", "900-70-0000"): "localflavor checks the serial; stdnum's ITIN rules do not",
    ("IBAN_CODE", "ES2121000418450200051331"): "passes mod-97; only Spain's national check digits fail",
    ("IBAN_CODE", "ES89 3183 1500 9500 0121 0562"): "passes mod-97; only Spain's national check digits fail",
    ("CREDIT_CARD", "30500000000000009"): "pydantic's brand test does not check Luhn; docscreen does",
}
_OTHER_RULES = ("SE_PERSONNUMMER", "FR_NIR (social security)", "CREDIT_CARD", "NZ_BANK_ACCOUNT")

def _same_rules(row) -> bool:
    """Rows of sources that check what docscreen checks for these types.

    localflavor's SE field accepts interim numbers with letters (870512-T989), its FR field
    skips the Corsica check-digit rule that stdnum applies, and its NZ bank-account field
    checks the format only; pydantic's brand/length test does not check Luhn, which
    docscreen requires of every card number.
    """
    semantics = row["semantics"]
    if row["type"] == "CREDIT_CARD":
        return "test_length_for_brand" not in semantics
    return "localflavor" not in semantics



def excluded(row) -> str | None:
    """Why a row is left out of the comparison (None: it counts)."""
    key = (row["type"], row["value"].strip())
    if key in INTENTIONAL:
        return INTENTIONAL[key]
    if key in SOURCE_DISAGREES:
        return SOURCE_DISAGREES[key]
    if row["type"] in _OTHER_RULES and not _same_rules(row):
        return "the source checks something else for this type (see _same_rules)"
    return None


def bare_value_rows(corpus: Path):
    """Rows whose semantics are "is this bare value valid"."""
    with (corpus / "vectors" / "identifiers_focus.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["semantics"].strip().startswith(BARE_VALUE_SEMANTICS):
                yield row


def rows(corpus: Path):
    """Bare-value rows of the types docscreen reports, less the excluded ones, plus the values
    Presidio's card tests and scrubadub's tests expect a detector to find (the bare-value card
    sources test brand tables without Luhn; US SSN has few bare-value rows)."""
    yield from (r for r in bare_value_rows(corpus) if r["type"] in TYPES and not excluded(r))
    with (corpus / "vectors" / "identifiers_focus.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            presidio_card = row["type"] == "CREDIT_CARD" and row["semantics"].startswith(
                "presidio recognizer detects this span"
            )
            scrubadub = row["type"] in TYPES and row["semantics"].startswith("scrubadub detector replaces")
            if (presidio_card or scrubadub) and not excluded(row):
                yield row


def check(scanner, row) -> tuple[bool, bool]:
    """(expected valid, found as its entity type)."""
    entity, label = TYPES[row["type"]]
    value = row["value"].strip()
    found = any(f.entity_type == entity for f in scanner.analyze_text(f"{label} {value}"))
    return row["expected_valid"].strip().lower() == "true", found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    from docscreen.api import Scanner

    scanner = Scanner(fingerprint_key=b"vector-sweep-key-0123456789abcdef")
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # valid, found, invalid, flagged
    for row in rows(args.corpus):
        valid, found = check(scanner, row)
        s = stats[row["type"]]
        if valid:
            s[0] += 1
            s[1] += found
        else:
            s[2] += 1
            s[3] += found
    print(f"{'type':28} {'valid':>5} {'found':>6} {'rate':>6}   {'invalid':>7} {'flagged':>7}")
    for t, (v, f, i, fl) in sorted(stats.items()):
        rate = f"{f / v:.0%}" if v else "-"
        print(f"{t:28} {v:>5} {f:>6} {rate:>6}   {i:>7} {fl:>7}")


if __name__ == "__main__":
    main()
