"""Text normalisation for the recognizers, with an offset map back to the original.

:func:`normalize` applies these rules, in this order, and records for every output character
the span of the original that produced it (see :mod:`docscreen.normalize.offsets`):

1. **Unicode NFKC**, applied per *cluster*: a base character together with the characters that
   can compose with it (combining marks, i.e. anything whose NFKD starts with a character of
   non-zero combining class, Hangul medial/final jamo, and the few other combining-class-0
   second halves of canonical compositions listed in ``_COMPOSERS``). So full-width ``１２３``
   and ``ＡＢ``, superscripts, ligatures (``ﬁ`` -> ``fi``), ``½`` -> ``1⁄2`` and
   ``e`` + U+0301 -> ``é`` are all mapped; every character a cluster produces maps back to the
   whole cluster. Then every Unicode decimal digit (Arabic-Indic ``٣``, Devanagari ``३``,
   Bengali, Thai, ...; NFKC leaves these alone) becomes its ASCII digit.
2. **Invisible characters are removed**: every ``Cf`` format character (zero-width space /
   non-joiner / joiner, word joiner, BOM, soft hyphen, LRM/RLM/ALM, bidi embeddings, overrides
   and isolates, U+180E, Arabic number signs, tags, ...) and the other Unicode
   ``Default_Ignorable_Code_Point`` characters (U+034F combining grapheme joiner, variation
   selectors, Hangul fillers, ...). Tab and newline are not format characters and stay.
   Removed characters are transparent for clustering (``e`` ZWJ U+0301 still gives ``é``).
   ZWNJ/ZWJ carry meaning in some scripts (Persian, Indic); the normalised text is for
   matching, the original is what is shown.
3. **Folding**: every dash (category ``Pd``: U+2010-U+2015, U+FE58, U+FE63, U+FF0D, ... and
   the minus signs U+2212, U+02D7, U+2796) -> ``-``; every space separator (category ``Zs``:
   NBSP, U+2000-U+200A, U+202F, U+205F, U+3000, U+1680) -> `` ``; ``\\r\\n`` and a lone ``\\r``
   -> ``\\n``, and so are U+2028, U+2029 and NEL (U+0085). Tab, ``\\n``, ``\\f``, ``\\v`` and
   other control characters are kept as they are.
4. **Digit groups split across a line break are rejoined**: a single line break (``\\n``
   with optional spaces or tabs on either side, after rules 1-3) becomes one space when

   * the previous non-blank character is an ASCII digit and the next one is an ASCII digit
     (``4111 1111\\n1111 1111`` -> ``4111 1111 1111 1111``), or
   * the line break is a separator inside an IBAN-shaped run (two uppercase letters and two
     digits, then groups of exactly four uppercase letters / digits, each group a whole token,
     separated by blanks or single line breaks) and the group after it starts with a digit
     (``NL91 ABNA\\n0417 1643 00`` and ``GB29 NWBK\\n6016 1331 9268 19``, where the first
     rule does not apply because the line ends with letters).

   Blank lines (two line breaks) are never joined, nor are lines of words. **Risk**: two
   separate numbers on consecutive lines (``Phone 555 1234`` / ``2019 - 2021``) become one
   run of digit groups. The recognizers validate checksums (Luhn, IBAN mod 97, ...) and the
   original text and offsets stay available, so a wrong join rarely produces a finding; a
   wrong join of a real identifier with a neighbouring number can, however, hide it from a
   recognizer that requires a separator after the number.

Nothing else changes: letters keep their case, runs of spaces are not collapsed, and plain
printable ASCII without ``\\r`` and without a joinable line break comes back unchanged with the
identity map (the common case: one ``isascii`` test and one regex scan, no offset map built).

Cluster-wise NFKC agrees with NFKC of the whole text (removed characters aside) except for
rare composition across a cluster boundary that the cluster rule does not foresee; it is
idempotent: ``normalize(normalize(x).text).text == normalize(x).text``. Text in already
normalised scripts (most Latin, Greek, Cyrillic, Hebrew, Arabic letters, CJK ideographs,
Hangul syllables) is copied in bulk; only the characters that change, combine or vanish are
looked at one by one, through a bounded per-character cache.
"""

from __future__ import annotations

import re
import unicodedata

from .offsets import Normalized, OffsetMapBuilder

__all__ = ["normalize"]

_nfkc = unicodedata.normalize
_category = unicodedata.category
_combining = unicodedata.combining
_decimal = unicodedata.decimal

# Default_Ignorable_Code_Point characters that are not in category Cf (Cf is removed whole).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong / jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors (+ U+180E vowel separator)
    (0x2060, 0x206F),  # word joiner, invisible operators, deprecated format controls
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xFFF0, 0xFFF8),  # unassigned specials
    (0xE0000, 0xE0FFF),  # tags, variation selectors supplement
)

# Characters of combining class 0 that are the second half of a canonical composition
# (NFC_Quick_Check=Maybe with ccc 0), Hangul jamo aside. Checked against unicodedata by the
# tests: a newer Unicode version may add some.
_COMPOSERS = frozenset(
    {
        0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6,
        0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x102E, 0x1B35, 0x11127, 0x1133E, 0x11357,
        0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930,
    }
)  # fmt: skip

_MINUS_SIGNS = frozenset("\u2212\u02d7\u2796")
_LINE_SEPARATORS = frozenset("\u2028\u2029\x85")

# Cache kinds for one original character.
_INERT = 0  # maps to itself and never joins a previous cluster
_BASE = 1  # starts a cluster; maps to something else on its own
_JOINER = 2  # joins the previous cluster (combining mark and the like)
_REMOVED = 3  # invisible: produces nothing, transparent for clustering

_CACHE_LIMIT = 8192
_char_cache: dict[str, tuple[int, str]] = {}
# Characters known to map one to one on their own and never to join a cluster, and the
# translate table of those that change (ASCII but CR from the start, the rest as classified).
_simple: set[str] = {chr(cp) for cp in range(0x80) if cp != 0x0D}
_simple_table: dict[int, str] = {}
_fold_cache: dict[str, str] = {}

# Runs of characters that need per-character work: carriage returns (with the line feed of
# a CRLF, so the pair is one unit) and every non-ASCII character that is not known to be inert.
_CR_RUN = re.compile("(?:\r\n?)+")
_special_run: re.Pattern[str] | None = None

# Non-ASCII blocks whose characters are classified once (lazily) so that the inert ones (most
# letters of Latin, Greek, Cyrillic, Hebrew, Arabic, Vietnamese, most punctuation) are
# copied in bulk instead of one by one.
_SCANNED_RANGES = ((0x80, 0x800), (0x1E00, 0x2100), (0x3000, 0x3100))
# Large blocks that are inert throughout (checked by the tests): CJK ideographs (extension A
# and unified) and Hangul syllables.
_INERT_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3))

# Rule 4. A line break followed by a digit is a candidate; what precedes it decides.
_BREAK_BEFORE_DIGIT = re.compile(r"\n[ \t]*(?=[0-9])")
_IBAN_RUN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}"
    r"(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)[A-Z0-9]{4}(?![A-Za-z0-9]))+"
)


def _is_removed(ch: str) -> bool:
    if _category(ch) == "Cf":
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES)


def _fold(ch: str) -> str:
    """Rules 2-3 (and the decimal-digit half of rule 1) for one NFKC output character."""
    if ch < "\x80":
        return ch
    out = _fold_cache.get(ch)
    if out is not None:
        return out
    if _is_removed(ch):
        out = ""
    else:
        cat = _category(ch)
        if cat == "Zs":
            out = " "
        elif cat == "Pd" or ch in _MINUS_SIGNS:
            out = "-"
        elif ch in _LINE_SEPARATORS:
            out = "\n"
        else:
            digit = _decimal(ch, None)
            out = ch if digit is None else chr(0x30 + digit)
    if len(_fold_cache) < _CACHE_LIMIT:
        _fold_cache[ch] = out
    return out


def _fold_all(s: str) -> str:
    if s.isascii():
        return s
    return "".join([_fold(ch) for ch in s])


def _is_joiner(ch: str) -> bool:
    first = _nfkc("NFKD", ch)[0]
    if _combining(first):
        return True
    cp = ord(first)
    return 0x1161 <= cp <= 0x1175 or 0x11A8 <= cp <= 0x11C2 or cp in _COMPOSERS


def _classify(ch: str) -> tuple[int, str]:
    """(kind, output on its own) for one original character other than ``\\r``."""
    hit = _char_cache.get(ch)
    if hit is not None:
        return hit
    if _is_removed(ch):
        result = (_REMOVED, "")
    else:
        out = _fold_all(_nfkc("NFKC", ch))
        if _is_joiner(ch):
            result = (_JOINER, out)
        else:
            result = (_INERT if out == ch else _BASE, out)
    if len(_char_cache) < _CACHE_LIMIT:
        _char_cache[ch] = result
        if result[0] in (_INERT, _BASE) and len(result[1]) == 1:
            _simple.add(ch)
            if result[0] == _BASE:
                _simple_table[ord(ch)] = result[1]
    return result


def _special_run_re() -> re.Pattern[str]:
    """The pattern of runs needing per-character work (built on first use, ~10 ms)."""
    global _special_run
    if _special_run is None:
        inert: list[tuple[int, int]] = [(0x00, 0x0C), (0x0E, 0x7F)]  # ASCII but \r
        for lo, hi in _SCANNED_RANGES:
            for cp in range(lo, hi):
                if _classify(chr(cp))[0] == _INERT:
                    if inert[-1][1] == cp - 1:
                        inert[-1] = (inert[-1][0], cp)
                    else:
                        inert.append((cp, cp))
        inert.extend(_INERT_BLOCKS)
        cls = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in inert)
        _special_run = re.compile(f"(?:\r\n?|[^{cls}])+")
    return _special_run


def normalize(original: str) -> Normalized:
    """Normalise ``original`` for the recognizers (rules in the module docstring)."""
    if original.isascii():
        if "\r" not in original:
            return _join_breaks(Normalized(original, original))
        special_runs = _CR_RUN
    else:
        special_runs = _special_run_re()

    pieces: list[str] = []
    omap = OffsetMapBuilder()
    pos = 0  # original offset copied so far

    # The open cluster: its retained characters and its original span.
    cl_chars: list[str] = []
    cl_start = cl_end = 0

    for m in special_runs.finditer(original):
        a, b = m.span()
        if a > pos:
            # Inert text before the run; its last character goes with the run, as the base a
            # combining mark at the start of the run may compose with.
            a -= 1
            pieces.append(original[pos:a])
            omap.run(pos, a - pos)
        segment = original[a:b]
        if _simple.issuperset(segment):
            # Only characters that stand alone and map one to one (full-width forms, dashes,
            # spaces, decimal digits, inert letters): no clusters, no removals, no CR.
            pieces.append(segment.translate(_simple_table))
            omap.run(a, b - a)
            pos = b
            continue
        i = a
        while i <= b:
            ch = original[i] if i < b else ""  # "" closes the last cluster of the run
            kind = _classify(ch)[0] if ch and ch != "\r" else _BASE
            if kind == _JOINER and cl_chars:
                cl_chars.append(ch)
                cl_end = i + 1
            elif kind != _REMOVED:  # removed characters are transparent for clusters
                if cl_chars:  # the open cluster is complete: it becomes a unit
                    if len(cl_chars) == 1:
                        out_cl = _classify(cl_chars[0])[1]
                    else:
                        out_cl = _fold_all(_nfkc("NFKC", "".join(cl_chars)))
                    pieces.append(out_cl)
                    if out_cl == original[cl_start:cl_end]:
                        omap.run(cl_start, cl_end - cl_start)
                    else:
                        omap.unit(len(out_cl), cl_start, cl_end)
                    cl_chars.clear()
                if ch == "\r":
                    e = i + 2 if i + 1 < b and original[i + 1] == "\n" else i + 1
                    pieces.append("\n")
                    omap.unit(1, i, e)
                    i = e - 1
                elif ch:
                    cl_chars.append(ch)
                    cl_start, cl_end = i, i + 1
            i += 1
        pos = b
    pieces.append(original[pos:])
    omap.run(pos, len(original) - pos)
    return _join_breaks(omap.build(original, "".join(pieces)))


def _join_breaks(base: Normalized) -> Normalized:
    """Rule 4 on the output of rules 1-3, composing the offset maps."""
    text = base.text
    if "\n" not in text:
        return base
    spans: dict[int, int] = {}  # start -> end of each blank span to replace by one space
    check_iban = False
    for m in _BREAK_BEFORE_DIGIT.finditer(text):
        s = m.start()
        while s and text[s - 1] in " \t":
            s -= 1
        if s and "0" <= text[s - 1] <= "9":
            spans[s] = m.end()
        elif s and "A" <= text[s - 1] <= "Z":
            check_iban = True
    if check_iban:
        for run in _IBAN_RUN.finditer(text):
            for m in _BREAK_BEFORE_DIGIT.finditer(text, run.start(), run.end()):
                s = m.start()
                while text[s - 1] in " \t":  # a run starts with letters: s stays > 0
                    s -= 1
                spans[s] = m.end()
    if not spans:
        return base
    pieces: list[str] = []
    omap = OffsetMapBuilder()
    prev = 0
    for s in sorted(spans):
        e = spans[s]
        pieces.append(text[prev:s])
        omap.copy(base, prev, s)
        pieces.append(" ")
        omap.unit(1, *base.to_original(s, e))
        prev = e
    pieces.append(text[prev:])
    omap.copy(base, prev, len(text))
    return omap.build(base.original, "".join(pieces))
