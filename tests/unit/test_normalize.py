"""Text normalisation: the rules, the offset map back to the original, and its invariants."""

from __future__ import annotations

import dataclasses
import re
import string
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from docscreen.normalize import Normalized, normalize
from docscreen.normalize import text as normtext

# --------------------------------------------------------------------------------------------
# Rule 1: NFKC and Unicode decimal digits


def span_of(haystack: str, needle: str) -> tuple[int, int]:
    start = haystack.index(needle)
    return start, start + len(needle)


def test_full_width_ssn() -> None:
    original = "SSN: １２３－４５－６７８９."
    n = normalize(original)
    assert n.text == "SSN: 123-45-6789."
    assert n.to_original(*span_of(n.text, "123-45-6789")) == span_of(original, "１２３－４５－６７８９")


def test_full_width_letters_and_ideographic_space() -> None:
    n = normalize("ＩＢＡＮ\u3000ＤＥ８９")
    assert n.text == "IBAN DE89"
    assert n.to_original(5, 9) == (5, 9)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("رقم ١٢٣-٤٥-٦٧٨٩", "رقم 123-45-6789"),  # Arabic-Indic
        ("۱۲۳۴", "1234"),  # extended Arabic-Indic (Persian, Urdu)
        ("फ़ोन ९८७६५४३२१०", "फ़ोन 9876543210"),  # Devanagari (the nukta form is NFKC-decomposed)
        ("০১২৩", "0123"),  # Bengali
        ("๑๒๓", "123"),  # Thai
        ("𝟏𝟐𝟑", "123"),  # mathematical bold digits (NFKC)
        ("x²³", "x23"),  # superscripts (NFKC)
    ],
)
def test_unicode_decimal_digits_become_ascii(original: str, expected: str) -> None:
    assert normalize(original).text == unicodedata.normalize("NFC", expected)


def test_arabic_indic_digits_map_back() -> None:
    original = "ID: ١٢٣٤٥٦٧٨٩"
    n = normalize(original)
    assert n.text == "ID: 123456789"
    assert n.to_original(4, 13) == (4, 13)
    assert original[slice(*n.to_original(4, 13))] == "١٢٣٤٥٦٧٨٩"


def test_expansions_map_every_output_char_to_the_one_original_char() -> None:
    original = "ﬁle ½ page"
    n = normalize(original)
    assert n.text == "file 1⁄2 page"
    assert n.to_original(0, 1) == (0, 1)  # "f" of the ligature
    assert n.to_original(1, 2) == (0, 1)  # "i" of the ligature
    assert n.to_original(0, 4) == (0, 3)  # "file" -> "ﬁle"
    assert n.to_original(5, 8) == (4, 5)  # "1⁄2" -> "½"
    assert n.to_original(5, 6) == (4, 5)  # "1" alone still covers the whole "½"
    assert n.to_original(9, 13) == (6, 10)


def test_combining_marks_compose_and_map_to_the_cluster() -> None:
    original = "Jose\u0301 Nun\u0303ez"
    n = normalize(original)
    assert n.text == "José Nuñez"
    assert n.to_original(3, 4) == (3, 5)
    assert n.to_original(0, 4) == (0, 5)
    assert n.to_original(5, 10) == (6, 12)


def test_halfwidth_katakana_voiced_mark_composes() -> None:
    n = normalize("ｶﾞｲﾄﾞ")
    assert n.text == "ガイド"
    assert [n.to_original(k, k + 1) for k in range(3)] == [(0, 2), (2, 3), (3, 5)]


def test_letters_case_spaces_and_tabs_kept() -> None:
    original = "Jane  DOE\tCafé résumé   naïve\n\nÅngström  Ελληνικά Кириллица 中文 한국어"
    n = normalize(original)
    assert n.text == original
    assert n.is_identity


# --------------------------------------------------------------------------------------------
# Rule 2: invisible characters


def test_zero_width_spaces_inside_card_number() -> None:
    original = "Card 4111\u200b1111\u200b1111\u200b1111 end"
    n = normalize(original)
    assert n.text == "Card 4111111111111111 end"
    number = span_of(n.text, "4111111111111111")
    assert n.to_original(*number) == (5, 24)  # the zero-width spaces inside are covered
    assert n.to_original(5, 9) == (5, 9)  # "4111", without the ZWSP after it
    assert n.to_original(9, 13) == (10, 14)
    assert n.to_normalized(9, 10) == (9, 9)  # the ZWSP alone produced nothing


def test_soft_hyphen_inside_word() -> None:
    original = "Ka\u00adtha\u00adrine Smith"
    n = normalize(original)
    assert n.text == "Katharine Smith"
    assert n.to_original(0, 9) == (0, 11)
    assert n.to_original(10, 15) == (12, 17)


def test_bidi_marks_around_number() -> None:
    original = "\u202a4111 1111 1111 1111\u202c and \u200f123-45-6789\u200e \u20669876\u2069"
    n = normalize(original)
    assert n.text == "4111 1111 1111 1111 and 123-45-6789 9876"
    assert n.to_original(*span_of(n.text, "4111 1111 1111 1111")) == (1, 20)
    assert n.to_original(*span_of(n.text, "123-45-6789")) == span_of(original, "123-45-6789")
    assert n.to_original(*span_of(n.text, "9876")) == span_of(original, "9876")


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
        "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u180e", "\u061c", "\u2061", "\u034f", "\ufe0f", "\U000e0041",
    ],
)  # fmt: skip
def test_invisible_characters_removed(invisible: str) -> None:
    n = normalize(f"12{invisible}34")
    assert n.text == "1234"
    assert n.to_original(0, 4) == (0, 5)
    assert n.to_original(2, 4) == (3, 5)


def test_bom_at_start_removed() -> None:
    n = normalize("\ufeffJane Doe")
    assert n.text == "Jane Doe"
    assert n.to_original(0, 4) == (1, 5)
    assert n.to_original(0, 0) == (1, 1)


def test_invisible_between_base_and_mark_still_composes() -> None:
    n = normalize("e\u200d\u0301")
    assert n.text == "é"
    assert n.to_original(0, 1) == (0, 3)


# --------------------------------------------------------------------------------------------
# Rule 3: folding


@pytest.mark.parametrize(
    "dash",
    ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58", "\ufe63",
     "\uff0d", "\u2e3a", "\u02d7", "\u207b"],
)  # fmt: skip
def test_dashes_fold_to_hyphen_minus(dash: str) -> None:
    original = f"123{dash}45{dash}6789"
    n = normalize(original)
    assert n.text == "123-45-6789"
    assert n.to_original(0, 11) == (0, len(original))


def test_en_dash_ssn() -> None:
    n = normalize("SSN 123–45–6789")
    assert n.text == "SSN 123-45-6789"
    assert n.to_original(4, 15) == (4, 15)


@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
     "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000"],
)  # fmt: skip
def test_spaces_fold_to_space(space: str) -> None:
    assert normalize(f"a{space}b").text == "a b"


def test_nbsp_between_iban_groups() -> None:
    original = "IBAN DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000"
    n = normalize(original)
    assert n.text == "IBAN DE89 3704 0044 0532 0130 00"
    assert n.to_original(5, len(n.text)) == (5, len(original))
    assert all(n.to_original(k, k + 1) == (k, k + 1) for k in range(len(n.text)))


def test_crlf_and_cr() -> None:
    original = "a\r\nb\rc\r\n\r\nd"
    n = normalize(original)
    assert n.text == "a\nb\nc\n\nd"
    assert n.to_original(1, 2) == (1, 3)  # "\n" <- "\r\n"
    assert n.to_original(3, 4) == (4, 5)  # "\n" <- "\r"
    assert n.to_original(4, 8) == (5, 11)
    assert n.to_normalized(2, 3) == (1, 2)  # the "\n" of the pair -> the one newline


def test_unicode_line_separators_become_newlines() -> None:
    assert normalize("a\u2028b\u2029c\x85d").text == "a\nb\nc\nd"


def test_runs_of_spaces_not_collapsed() -> None:
    original = "4111    1111 \t 1111"
    assert normalize(original).text == original


# --------------------------------------------------------------------------------------------
# Rule 4: digit groups split across a line break


def test_card_number_split_across_lines() -> None:
    original = "Card: 4111 1111\n1111 1111\nExpires"
    n = normalize(original)
    assert n.text == "Card: 4111 1111 1111 1111\nExpires"
    assert n.is_identity is False
    assert n.to_original(*span_of(n.text, "4111 1111 1111 1111")) == (6, 25)
    assert n.to_original(15, 16) == (15, 16)  # the space <- the line break


def test_split_with_blanks_and_crlf_becomes_one_space() -> None:
    original = "4111 1111  \r\n  1111 1111"
    n = normalize(original)
    assert n.text == "4111 1111 1111 1111"
    assert n.to_original(9, 10) == (9, 15)  # the space <- "  \r\n  "
    assert n.to_original(10, 19) == (15, 24)
    assert n.to_normalized(11, 12) == (9, 10)


def test_iban_split_keeps_its_groups() -> None:
    n = normalize("DE89 3704 0044\n0532 0130 00")
    assert n.text == "DE89 3704 0044 0532 0130 00"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("NL91 ABNA\n0417 1643 00", "NL91 ABNA 0417 1643 00"),
        ("GB29 NWBK\n6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"),
        ("IBAN: GB29\nNWBK 6016\n1331 9268 19", "IBAN: GB29\nNWBK 6016 1331 9268 19"),
    ],
)
def test_iban_with_letters_before_the_break(original: str, expected: str) -> None:
    # The group after the break must start with a digit; "GB29\nNWBK" stays two lines.
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    "original",
    [
        "hello\nworld",
        "Experience 2019\nSenior engineer",
        "Senior engineer\n2019 - 2021",
        "1234\n\n5678",  # a blank line is a paragraph break
        "1234\n \n5678",
        "SKILLS\n2019",  # letters that do not end an IBAN-shaped run
        "ABCD 1234\nWXYZ",
        "AB12 CDEFG\n1234",  # a 5-letter token is not an IBAN group
        "4111 1111\f1111",  # a form feed (page break) is not a line break
    ],
)
def test_ordinary_lines_not_joined(original: str) -> None:
    n = normalize(original)
    assert n.text == original
    assert n.is_identity


def test_consecutive_breaks_all_joined() -> None:
    assert normalize("1\n2\n3").text == "1 2 3"


# --------------------------------------------------------------------------------------------
# The Normalized object


def test_identity_fast_path() -> None:
    original = "Jane Doe\nSoftware engineer, 2019-2023\n"
    n = normalize(original)
    assert n.is_identity
    assert n.text is original
    assert n.to_original(3, 10) == (3, 10)
    assert n.to_normalized(3, 10) == (3, 10)


def test_empty_and_all_invisible() -> None:
    assert normalize("").text == ""
    assert normalize("").to_original(0, 0) == (0, 0)
    n = normalize("\u200b\u200b")
    assert n.text == ""
    assert n.to_original(0, 0) == (2, 2)
    assert n.to_normalized(0, 2) == (0, 0)


def test_frozen_and_repr_without_text() -> None:
    n = normalize("SSN １２３－４５－６７８９")
    with pytest.raises(dataclasses.FrozenInstanceError):
        n.text = "x"  # type: ignore[misc]
    assert "１２３" not in repr(n) and "123" not in repr(n)
    assert isinstance(n, Normalized)
    assert n == normalize("SSN １２３－４５－６７８９")
    assert hash(n) == hash(normalize("SSN １２３－４５－６７８９"))


@pytest.mark.parametrize("span", [(-1, 2), (2, 1), (0, 99)])
def test_bad_spans_rejected(span: tuple[int, int]) -> None:
    n = normalize("ﬁle 4111\u200b1111")
    with pytest.raises(ValueError):
        n.to_original(*span)
    with pytest.raises(ValueError):
        n.to_normalized(*span)


def test_composers_table_matches_unicodedata() -> None:
    """Every combining-class-0 second half of a canonical composition is a cluster joiner."""
    missing = []
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [chr(int(x, 16)) for x in decomposition.split()]
        if len(parts) != 2 or unicodedata.normalize("NFC", "".join(parts)) != chr(cp):
            continue
        if unicodedata.combining(parts[1]) == 0 and not normtext._is_joiner(parts[1]):
            missing.append(hex(ord(parts[1])))
    assert missing == []


def test_inert_blocks_are_inert() -> None:
    for lo, hi in normtext._INERT_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            assert not normtext._is_removed(ch), hex(cp)
            assert not normtext._is_joiner(ch), hex(cp)
            assert normtext._fold_all(unicodedata.normalize("NFKC", ch)) == ch, hex(cp)


# --------------------------------------------------------------------------------------------
# Properties

# Characters whose digit value (unicodedata.digit) is exactly what normalisation makes of them.
DIGIT_SAFE_CHARS = list(
    string.ascii_letters + string.digits + " -.,:/\n\t\r"
    "０１２３４５６７８９ＡＢＣｘ－："  # full-width
    "٠١٢٣٤٥٦٧٨٩۴۵०१२३४५६७८९"  # Arabic-Indic, extended, Devanagari
    "¹²³⁰①"  # superscripts, circled digit
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u180e\u034f\ufe0f"  # invisible
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"  # dashes
    "\u00a0\u2000\u2002\u2009\u200a\u202f\u205f\u3000\u1680"  # spaces
    "\u2028\x85"  # line separators
    "ﬁéñ\u0301\u0303\u0308\u0327\u00b4ｶﾞ\u1100\u1161\u11a8가ĳ"  # expansions, marks, jamo
)
# ... and characters whose expansion contains digits a digit value cannot tell.
ALL_CHARS = DIGIT_SAFE_CHARS + list("½⑩㉑℡Ⅻ\u0f73\u0b47\u0b3e\u0344")

TOKENS = [
    "4111", "1111 ", " 1111", "4111 1111\n1111", "123-45-6789", "DE89", " 3704", "NL91 ABNA",
    "GB29", " NWBK", "ABCD", "\n", " \n ", "\r\n", "\n\n", "２０１９", "١٢٣",
]  # fmt: skip


def texts(chars: list[str]) -> st.SearchStrategy[str]:
    return st.lists(
        st.one_of(st.sampled_from(TOKENS), st.text(st.sampled_from(chars), max_size=6)),
        max_size=12,
    ).map("".join)


def digit_values(s: str) -> list[int]:
    return [d for d in (unicodedata.digit(c, None) for c in s) if d is not None]


@given(texts(ALL_CHARS))
def test_spans_map_to_valid_monotonic_original_spans(original: str) -> None:
    n = normalize(original)
    size = len(n.text)
    for i in range(size + 1):
        for j in range(i, size + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(original)
    starts = [n.to_original(i, size)[0] for i in range(size + 1)]
    ends = [n.to_original(0, j)[1] for j in range(size + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)


@given(texts(DIGIT_SAFE_CHARS))
def test_spans_of_digits_map_back_to_the_same_digits(original: str) -> None:
    n = normalize(original)
    digit_positions = [k for k, c in enumerate(n.text) if c in string.digits]
    for i in digit_positions:
        for j in digit_positions:
            if j < i:
                continue
            s, e = n.to_original(i, j + 1)
            assert digit_values(original[s:e]) == digit_values(n.text[i : j + 1])


@given(texts(ALL_CHARS))
def test_idempotent(original: str) -> None:
    once = normalize(original).text
    assert normalize(once).text == once


@given(texts(ALL_CHARS))
def test_units_tile_the_original(original: str) -> None:
    """Each normalised character comes from a unit; units are ordered, disjoint, normalise to
    exactly their output on their own (but for joined line breaks), and whatever lies between
    them normalises to nothing."""
    n = normalize(original)
    units: list[tuple[int, int]] = []
    outputs: list[str] = []
    for k, ch in enumerate(n.text):
        unit = n.to_original(k, k + 1)
        if units and unit == units[-1]:
            outputs[-1] += ch
        else:
            units.append(unit)
            outputs.append(ch)
    covered = 0
    for (s, e), out in zip(units, outputs):
        assert covered <= s < e
        assert normalize(original[covered:s]).text == ""
        alone = normalize(original[s:e]).text
        if alone != out:  # a line break joined with its neighbouring blanks
            assert out == " " and re.fullmatch(r"[ \t]*\n[ \t]*", alone), (out, alone)
        covered = e
    assert normalize(original[covered:]).text == ""


@given(texts(ALL_CHARS))
def test_to_normalized_is_the_inverse_cover(original: str) -> None:
    n = normalize(original)
    units = [n.to_original(k, k + 1) for k in range(len(n.text))]
    for s in range(len(original) + 1):
        for e in range(s, min(s + 6, len(original)) + 1):
            overlapping = [k for k, (us, ue) in enumerate(units) if us < e and ue > s]
            first, stop = n.to_normalized(s, e)
            if s < e and overlapping:
                assert (first, stop) == (overlapping[0], overlapping[-1] + 1)
            else:
                assert first == stop == sum(1 for _, ue in units if ue <= s)
    for i in range(len(n.text)):
        for j in range(i + 1, min(i + 6, len(n.text)) + 1):
            first, stop = n.to_normalized(*n.to_original(i, j))
            assert first <= i and stop >= j


def _rules_1_to_3(s: str) -> str:
    """A whole-text reference for rules 1-3 (no offsets)."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "".join(c for c in s if not normtext._is_removed(c))
    return normtext._fold_all(unicodedata.normalize("NFKC", s))


@given(texts(ALL_CHARS))
def test_agrees_with_whole_text_nfkc(original: str) -> None:
    reference = _rules_1_to_3(original)
    assume(not re.search(r"\n[ \t]*[0-9]", reference))  # rule 4 would apply
    assert normalize(original).text == reference


PRINTABLE_ASCII = st.text(st.sampled_from(list(string.printable[:95]) + ["\n", "\t"]))


@given(PRINTABLE_ASCII)
def test_plain_ascii_is_unchanged(original: str) -> None:
    # Without a line break that rule 4 may join (digit, or an uppercase letter that could end
    # an IBAN group, before it; a digit after it).
    assume(not re.search(r"[0-9A-Z][ \t]*\n[ \t]*[0-9]", original))
    n = normalize(original)
    assert n.text == original
    assert n.is_identity
    for i in range(len(original) + 1):
        assert n.to_original(i, len(original)) == (i, len(original))
        assert n.to_normalized(0, i) == (0, i)
