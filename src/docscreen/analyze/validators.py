"""Validators for identifiers: pure functions ``str -> bool``, reusing python-stdnum.

Each validator takes the matched text (separators allowed: spaces, dashes, dots, slashes) and
answers whether it is a structurally valid number of its type (format, ranges, checksum).
python-stdnum does the work wherever it has the type; the few it lacks (UK NINO, Singapore
NRIC/FIN, payment-card issuer ranges, UK sort code) are written here from their published
rules, each with its source in the docstring.

Recognizers look validators up by name in :data:`VALIDATORS`; rule files name them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

Validator = Callable[[str], bool]

_SEPARATORS = re.compile(r"[\s\-./]")  # \s covers NBSP and the other Unicode spaces


def compact(value: str) -> str:
    """The value without separators (spaces, dashes, dots, slashes), upper-cased."""
    return _SEPARATORS.sub("", value).upper()


def _stdnum(module: str, **kwargs) -> Validator:
    mod = importlib.import_module(f"stdnum.{module}")

    def validate(value: str) -> bool:
        if _one_repeated_digit(value):
            return False  # 111.111.111-11 passes some checksums but is nobody's number
        try:
            return bool(mod.is_valid(value, **kwargs))
        except Exception:  # noqa: BLE001 - stdnum raises only ValidationError, but be safe
            return False

    validate.__name__ = f"stdnum_{module.replace('.', '_')}"
    validate.__doc__ = f"python-stdnum ``stdnum.{module}.is_valid``"
    return validate


def _one_repeated_digit(value: str) -> bool:
    digits = [c for c in value if c.isdigit()]
    return len(digits) >= 6 and len(set(digits)) == 1


# -- US ------------------------------------------------------------------------------------
#: Published specimen / advertising SSNs that stdnum does not list (SSA, "Social Security
#: Numbers used in advertising"; the 987-65-4320..4329 range is in area 9xx and is rejected
#: by the area rule already).
_SSN_SPECIMENS = {"078051120", "457555462", "219099999", "123456789"}


_SSN_SHAPE = re.compile(r"\d{3}([- .]?)\d{2}\1\d{4}|\d(?: \d){8}")


def us_ssn(value: str) -> bool:
    """SSA rules (area not 000/666/9xx, group not 00, serial not 0000), minus specimens.

    ``123-45-6789`` is syntactically valid but is the number every form uses as its example;
    it is treated as a specimen.
    """
    if not _SSN_SHAPE.fullmatch(value.strip()):
        return False  # separators sit after the area and the group (3-2-4), or between all digits
    digits = compact(value)
    if digits in _SSN_SPECIMENS:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return not (area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000")


# -- payment cards -------------------------------------------------------------------------
#: (IIN prefix ranges, allowed lengths) per network. Sources: ISO/IEC 7812 issuer
#: identification ranges as published by the networks (Visa, Mastercard incl. 2-series,
#: American Express, Discover, JCB, Diners Club, UnionPay, Maestro, RuPay, Mir).
_CARD_NETWORKS: dict[str, tuple[tuple[tuple[int, int], ...], frozenset[int]]] = {
    "visa": (((4, 4),), frozenset({13, 16, 19})),
    "mastercard": (((51, 55), (2221, 2720)), frozenset({16})),
    "amex": (((34, 34), (37, 37)), frozenset({15})),
    "discover": (((6011, 6011), (644, 649), (65, 65), (622126, 622925)), frozenset({16, 17, 18, 19})),
    "jcb": (((3528, 3589),), frozenset({16, 17, 18, 19})),
    "diners": (((300, 305), (36, 36), (38, 39)), frozenset({14, 15, 16, 17, 18, 19})),
    "unionpay": (((62, 62), (81, 81)), frozenset({16, 17, 18, 19})),
    "maestro": (((50, 50), (56, 58), (639, 639), (67, 67), (6759, 6759)), frozenset(range(12, 20))),
    "rupay": (((60, 60), (65, 65), (81, 82), (508, 508), (353, 353), (356, 356)), frozenset({16})),
    "mir": (((2200, 2204),), frozenset({16, 17, 18, 19})),
    "uatp": (((1, 1),), frozenset({15})),
}


def card_network(value: str) -> str | None:
    """The network whose IIN range and length fit the number (no checksum check)."""
    digits = compact(value)
    if not digits.isdigit():
        return None
    for network, (ranges, lengths) in _CARD_NETWORKS.items():
        if len(digits) not in lengths:
            continue
        for low, high in ranges:
            width = len(str(low))
            if low <= int(digits[:width]) <= high:
                return network
    return None


def luhn(value: str) -> bool:
    from stdnum import luhn as _luhn

    digits = compact(value)
    return digits.isdigit() and _luhn.is_valid(digits)


def payment_card(value: str) -> bool:
    """13–19 digits, a known issuer range and length, and the Luhn checksum."""
    digits = compact(value)
    return 13 <= len(digits) <= 19 and luhn(digits) and card_network(digits) is not None and len(set(digits)) > 1


# -- UK --------------------------------------------------------------------------------------
_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
_NINO_BAD_PREFIXES = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def uk_nino(value: str) -> bool:
    """HMRC National Insurance number rules (NIM39110): two prefix letters (D, F, I, Q, U, V
    never; O never second; BG, GB, KN, NK, NT, TN, ZZ never), six digits, suffix A-D."""
    v = compact(value)
    return bool(_NINO.fullmatch(v)) and v[:2] not in _NINO_BAD_PREFIXES


def uk_sort_code(value: str) -> bool:
    """Six digits (no checksum exists; the format is all there is)."""
    return bool(re.fullmatch(r"\d{6}", compact(value)))


def uk_bank_account(value: str) -> bool:
    """Eight digits (the modulus checks need Vocalink's table, which is not shipped)."""
    return bool(re.fullmatch(r"\d{8}", compact(value)))


# -- Singapore -------------------------------------------------------------------------------
_NRIC_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_NRIC_ST = "JZIHGFEDCBA"
_NRIC_FG = "XWUTRQPNMLK"
_NRIC_M = "KLJNPQRTUWX"


def sg_nric(value: str) -> bool:
    """Singapore NRIC/FIN: prefix S/T/F/G/M, seven digits, check letter (ICA weights
    2,7,6,5,4,3,2; offset 4 for T and G, 3 for M)."""
    v = compact(value)
    if not re.fullmatch(r"[STFGM]\d{7}[A-Z]", v):
        return False
    total = sum(int(d) * w for d, w in zip(v[1:8], _NRIC_WEIGHTS))
    prefix = v[0]
    if prefix in "TG":
        total += 4
    elif prefix == "M":
        total += 3
    if prefix in "ST":
        table = _NRIC_ST
    elif prefix in "FG":
        table = _NRIC_FG
    else:
        table = _NRIC_M
    if prefix == "M":
        return v[8] == table[10 - (total % 11)]
    return v[8] == table[total % 11]


# -- bank: US ------------------------------------------------------------------------------------
def us_bank_account(value: str) -> bool:
    """US account numbers have no common format or checksum: 6 to 17 digits, not all equal.
    Only meaningful with context (a routing number or an account label)."""
    digits = compact(value)
    return digits.isdigit() and 6 <= len(digits) <= 17 and len(set(digits)) > 1


VALIDATORS: dict[str, Validator] = {
    "us_ssn": us_ssn,
    "us_itin": _stdnum("us.itin"),
    "us_rtn": _stdnum("us.rtn"),
    "us_bank_account": us_bank_account,
    "payment_card": payment_card,
    "luhn": luhn,
    # Structure per country and mod-97; not the national BBAN checks, which reject e.g.
    # the SWIFT registry's own Belgian example BE68 5390 0754 7034.
    "iban": _stdnum("iban", check_country=False),
    "ar_cbu": _stdnum("ar.cbu"),
    "nz_bank_account": _stdnum("nz.bankaccount"),
    "no_kontonr": _stdnum("no.kontonr"),
    "cz_bank_account": _stdnum("cz.bankaccount"),
    "es_ccc": _stdnum("es.ccc"),
    "bic": _stdnum("bic"),
    "uk_nino": uk_nino,
    "uk_sort_code": uk_sort_code,
    "uk_bank_account": uk_bank_account,
    "ca_sin": _stdnum("ca.sin"),
    "in_aadhaar": _stdnum("in_.aadhaar"),
    "in_pan": _stdnum("in_.pan"),
    "es_dni": _stdnum("es.dni"),
    "es_nie": _stdnum("es.nie"),
    "it_codice_fiscale": _stdnum("it.codicefiscale"),
    "fr_nir": _stdnum("fr.nir"),
    "de_idnr": _stdnum("de.idnr"),
    "nl_bsn": _stdnum("nl.bsn"),
    "be_nn": _stdnum("be.nn"),
    "pl_pesel": _stdnum("pl.pesel"),
    "se_personnummer": _stdnum("se.personnummer"),
    "dk_cpr": _stdnum("dk.cpr"),
    "no_fodselsnummer": _stdnum("no.fodselsnummer"),
    "br_cpf": _stdnum("br.cpf"),
    "mx_curp": _stdnum("mx.curp"),
    "cn_ric": _stdnum("cn.ric"),
    "sg_nric": sg_nric,
    "za_idnr": _stdnum("za.idnr"),
    "au_tfn": _stdnum("au.tfn"),
    "kr_rrn": _stdnum("kr.rrn"),
    "jp_my_number": _stdnum("jp.in_"),
    "il_idnr": _stdnum("il.idnr"),
    "tr_tckimlik": _stdnum("tr.tckimlik"),
    "ie_pps": _stdnum("ie.pps"),
    "pt_nif": _stdnum("pt.nif"),
}


def validate(name: str, value: str) -> bool:
    """Run the validator called ``name`` (a KeyError names an unknown validator)."""
    return VALIDATORS[name](value)
