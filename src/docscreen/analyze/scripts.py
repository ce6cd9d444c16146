"""Disclosures written in other languages' scripts (Japanese, Chinese, Korean, Cyrillic, Greek,
Arabic, Hebrew, Devanagari ...) and in Latin-script languages other than English.

The English engine (:mod:`docscreen.analyze.special`) reads tokens, lemmas and an English
sentence classifier; a sentence in another script is one opaque token to it. This layer reads
such sentences with per-language lists (``analyze/lexicons/languages/<code>.yaml``, see the
README there): terms per category, the category's own disclosure cues, first-person words,
other people's words, work words, negations, refusals and form labels.

Decision, per term in a sentence (split at 。！？!?;; । and line breaks):

1. a form field at the start of a line ("宗教：浄土真宗", "Вероисповедание: ...") with a value
   that is no refusal or negation is a disclosure of its label's category;
2. a negation right next to the term ("前科なし", "本人无犯罪记录", "не член партии") drops it;
3. a work word in the term's clause ("研究", "пациентов", "मरीजों") drops it;
4. another person's word before the term, with no first-person word between them ("我的父亲",
   "моя мать") makes it theirs (not for sexual life: "同性のパートナー" is the writer's);
5. otherwise the term is a disclosure when the sentence holds a first-person word, a copula
   right after the term ("同性愛者です", "신자입니다": "(I) am ..."), a cue of the term's category
   ("診断", "член", "दोषी"), or when the term opens a short status line ("党員（2015年〜）");
   else it stays undecided.

Terms match as substrings in scripts written without spaces (``match: anywhere``) and from a
word start in the others (``match: word_start``, with the language's one-letter clitics allowed
before it), so a stem ("диабет") matches its endings. A sentence is read with the lists of every
language that shares a script with it (Russian, Ukrainian, Bulgarian, Serbian for Cyrillic),
and a sentence with kana or Hangul only with the lists that hold them. A Latin-script sentence
is read with the Latin-script files whose ``function_words`` mark it (two or more and more than
English function words, or one and no English word; the language with most of them; where one
shared word is all, first-person words do not count), or whose form label opens its line, or
(a short line with no function word of any language and a letter English does not write:
"Notiesāts nosacīti 2015. gadā, sodāmība dzēsta.") one of whose terms opens it, alone or after
the file's cue ("Član župnog zbora ..."); there
the category cues of the lists are not used (but where one opens a short line right before
the term: "Član kluba ...") and work words count in the whole sentence (see
``_decide``).

This module knows nothing of files or of the English engine; it returns :class:`ScriptHit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml

from ..categories import Category
from ..normalize.text import normalize
from .trie import trie_pattern

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The category keys a language file may use; PARTY is a party's membership, reported as both
#: UNION_PARTY_MEMBERSHIP and POLITICAL_BELIEF.
PARTY = "PARTY"
_CATEGORY_KEYS = {c.value: (c,) for c in (
    Category.RACE_ETHNICITY, Category.POLITICAL_BELIEF, Category.RELIGION_PHILOSOPHY,
    Category.UNION_PARTY_MEMBERSHIP, Category.HEALTH_GENETIC, Category.ADDICTION,
    Category.SEXUAL_LIFE, Category.CRIMINAL_RECORD,
)} | {PARTY: (Category.UNION_PARTY_MEMBERSHIP, Category.POLITICAL_BELIEF)}
_FILE_KEYS = {"language", "name", "match", "prefixes", "self", "others", "professional", "negations",
              "refusals", "copulas", "function_words", "form_labels", "categories", "examples"}
#: Scripts this layer reads (Latin text is the English engine's).
SCRIPTS = ("Han", "Hiragana", "Katakana", "Hangul", "Cyrillic", "Greek", "Arabic", "Hebrew",
           "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada",
           "Malayalam", "Sinhala", "Thai", "Lao", "Khmer", "Myanmar", "Georgian", "Armenian",
           "Ethiopic")
_SCRIPT_OF = {name: regex.compile(rf"\p{{Script={name}}}") for name in SCRIPTS}
#: Scripts that tell languages sharing Han apart (kana: Japanese; Hangul: Korean).
_DISTINCT = frozenset(SCRIPTS) - {"Han"}
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
_WORD = regex.compile(r"[\p{L}\p{M}']+")
#: English function words: a sentence with more of them than of another language's is English
#: (also the English engine's test of another language, ``special._foreign``).
ENGLISH_FUNCTION_WORDS = frozenset("""
    i me my we our you he she his her him it its they their the a an and or but of to in on at
    for with from by as is am are was were be been have has had do did not this that which who
    since after before during while about into over under
""".split())
_NON_LATIN = regex.compile(r"[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s\p{N}\p{P}\p{S}]")
#: (a line break ends a sentence unless the line wraps: it ends in a word, a digit or a comma
#: and the next goes on in lower case, "personnes en\ntraitement de substitution")
_SENTENCE_END = regex.compile(r"[。！？!?；;।॥։።။។]|(?<![\p{L}\p{N},)'’])\n|\n(?!\p{Ll})|(?<=\S)\.(?=\s|$)|．")
_LINE = regex.compile(r"[^\n]+")
_CLAUSE_END = regex.compile(r"[，,、：:]|\s[-–—]\s")
#: A status line a term opens: at most this many characters (scripts without spaces) or words.
LINE_MAX_CHARS = 40
LINE_MAX_WORDS = 8
#: A line that opens with a label of one to four words and a colon.
_LABEL_OPENING = regex.compile(r"[ \t]*[-•*·▪]?[ \t]*\p{L}[\p{L}\p{M}' ]{0,40}[:：]")
#: A letter (or accent) English does not write ("ā", "ę", "đ", "ő"), which marks a word of another
#: language (here and in the English engine's ``_foreign``).
_NOT_ENGLISH_LETTER = regex.compile(r"[^\x00-\x7f\p{P}\p{S}\p{N}\s]")
#: ... and in a Latin-script language, a short line may open with at most this many words
#: before the term when they begin with a cue of its category ("Član kluba ...", "member of").
LEAD_CUE_WORDS = 2
#: Characters between a term and a negation after it ("前科はありません", "судимости нет").
NEGATION_GAP = 3
#: Characters between another person's word and a first-person possessive after it that make
#: the possessive theirs ("πατέρας μου", "คุณพ่อของผม").
POSSESSIVE_GAP = 4
#: Words before a term within which a negation denies it ("не являюсь членом", "ليس لدي أي").
NEGATION_WORDS_BEFORE = 3


class ScriptListError(ValueError):
    """A language file that does not follow the format."""


@dataclass(frozen=True)
class ScriptHit:
    category: Category
    start: int
    end: int
    rule: str  # "<language>.<category key, lower case>"
    decision: str  # script_form | script_cue | script_self | script_line | negated | professional | third_party | no_cue
    cue: str | None = None
    negative: str | None = None


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    anywhere: bool
    prefixes: tuple[str, ...]
    self_words: tuple[str, ...]
    others: tuple[str, ...]
    professional: tuple[str, ...]
    negations: tuple[str, ...]
    refusals: tuple[str, ...]
    copulas: tuple[str, ...]  # right after a term, they state it ("党員です", "신자입니다", "मधुमेह है")
    form_labels: dict[str, tuple[str, ...]]  # category key -> labels
    terms: dict[str, tuple[str, ...]]  # category key -> terms
    cues: dict[str, tuple[str, ...]]
    positive_examples: tuple[tuple[str, tuple[str, ...]], ...]
    negative_examples: tuple[str, ...]
    scripts: frozenset[str]
    #: a Latin-script language: the words that tell its sentences from English ones
    function_words: frozenset[str] = frozenset()

    @property
    def latin(self) -> bool:
        return self.scripts == {"Latin"}


def _words(value: Any, where: str) -> tuple[str, ...]:
    """The entries as the recognizers see text: normalised like it (NFKC, no zero-width
    joiners: Thai "ำ" is "ํา", Persian "می‌خواهم" is "میخواهم")."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ScriptListError(f"{where}: a list of non-empty strings")
    return tuple(dict.fromkeys(normalize(v.strip()).text for v in value))


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str | None:
    """The script (of :data:`SCRIPTS`) a character is written in, if any."""
    return next((name for name, rx in _SCRIPT_OF.items() if rx.match(ch)), None)


def _scripts_of(words) -> frozenset[str]:
    chars = {c for w in words for c in w}
    found = {name for name in map(_script_of, chars) if name}
    if found:
        return frozenset(found)
    return frozenset({"Latin"}) if any(_LATIN_LETTER.match(c) for c in chars) else frozenset()


def parse_language(data: Any, stem: str) -> Language:
    where = f"languages/{stem}.yaml"
    if not isinstance(data, dict):
        raise ScriptListError(f"{where}: not a mapping")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise ScriptListError(f"{where}: unknown keys {sorted(unknown)}")
    if data.get("language") != stem:
        raise ScriptListError(f"{where}: 'language' must be {stem!r}, the file's name")
    if data.get("match") not in ("anywhere", "word_start"):
        raise ScriptListError(f"{where}: 'match' must be anywhere or word_start")
    terms: dict[str, tuple[str, ...]] = {}
    cues: dict[str, tuple[str, ...]] = {}
    for key, block in (data.get("categories") or {}).items():
        if key not in _CATEGORY_KEYS:
            raise ScriptListError(f"{where}: unknown category {key!r}")
        if not isinstance(block, dict) or set(block) - {"terms", "cues"}:
            raise ScriptListError(f"{where}: {key} holds 'terms' and 'cues' only")
        terms[key] = _words(block.get("terms"), f"{where}: {key}.terms")
        cues[key] = _words(block.get("cues"), f"{where}: {key}.cues")
        short = [t for t in terms[key] if len(t) < 2]
        if short:
            raise ScriptListError(f"{where}: {key}: one-character terms {short}")
    labels: dict[str, tuple[str, ...]] = {}
    for key, value in (data.get("form_labels") or {}).items():
        if key not in _CATEGORY_KEYS:
            raise ScriptListError(f"{where}: form_labels: unknown category {key!r}")
        labels[key] = _words(value, f"{where}: form_labels.{key}")
    examples = data.get("examples") or {}
    positive = []
    for ex in examples.get("positive") or []:
        cats = tuple((ex or {}).get("categories") or ())
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not cats or set(cats) - set(_CATEGORY_KEYS):
            raise ScriptListError(f"{where}: a positive example needs a text and its categories")
        positive.append((ex["text"], cats))
    negative = _words(examples.get("negative"), f"{where}: examples.negative")
    # the scripts the language is written in: of every word and example it gives
    written = [t for ts in (*terms.values(), *cues.values(), *labels.values()) for t in ts]
    written += [w for k in ("self", "others", "professional", "negations", "refusals") for w in data.get(k) or ()]
    written += [t for t, _c in positive] + list(negative)
    function_words = frozenset(w.casefold() for w in _words(data.get("function_words"), f"{where}: function_words"))
    scripts = _scripts_of(written)
    if scripts == {"Latin"} and len(function_words) < 10:
        raise ScriptListError(f"{where}: a Latin-script language needs its function_words (ten or more)")
    return Language(
        code=stem,
        name=str(data.get("name") or stem),
        anywhere=data["match"] == "anywhere",
        prefixes=_words(data.get("prefixes"), f"{where}: prefixes"),
        self_words=_words(data.get("self"), f"{where}: self"),
        others=_words(data.get("others"), f"{where}: others"),
        professional=_words(data.get("professional"), f"{where}: professional"),
        negations=_words(data.get("negations"), f"{where}: negations"),
        refusals=_words(data.get("refusals"), f"{where}: refusals"),
        copulas=_words(data.get("copulas"), f"{where}: copulas"),
        form_labels=labels,
        terms=terms,
        cues=cues,
        positive_examples=tuple(positive),
        negative_examples=negative,
        scripts=scripts,
        function_words=function_words,
    )


@lru_cache(maxsize=1)
def load_languages() -> tuple[Language, ...]:
    folder = resources.files("docscreen.analyze") / "lexicons" / "languages"
    out = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                stem = entry.name[: -len(".yaml")]
                out.append(parse_language(yaml.load(entry.read_text(encoding="utf-8"), Loader=_YAML_LOADER), stem))
    return tuple(out)


#: Latin-script terms this short match whole words only (see _Words)
SHORT_WORD = 3


class _Words:
    """Words of one kind (self, work, cues ...) of a set of languages, found in a span. In
    spaced scripts an entry starts at a word start and runs on into an ending, or, for
    ``whole`` kinds (first-person words, negations, copulas), is a word of its own: "я" is
    not "январь", "أنا" not "أنابيب". An acronym (up to five capitals) is a whole word in its
    capitals: "ВІЛ" (HIV) is not "Вільнюс", nor "віл" (an ox). With ``short_whole``, a Latin-
    script entry of up to three letters is a word of its own too, or its plural in -s / -es:
    Spanish "sij" (Sikh) is not "SIJE", Tagalog "Ati" not "Atienza"."""

    def __init__(self, langs: tuple[Language, ...], pick, whole: bool = False, short_whole: bool = False) -> None:
        anywhere = sorted({w for lg in langs if lg.anywhere for w in pick(lg)})
        spaced = [lg for lg in langs if not lg.anywhere]
        # one pattern for the languages written without spaces (a shared trie), one per other
        # language: compiled once per process however many groups hold the language (a tie
        # of eight Latin-script languages took 2 s to compile as one alternation, on the
        # first upload that had it)
        units = [f"(?:{trie_pattern(anywhere)})"] if anywhere else []
        for lg in spaced:
            entries = set(pick(lg))
            acronyms = sorted({w for w in entries if _acronym(w)})
            words = entries.difference(acronyms)
            short = {w for w in words if len(w) <= SHORT_WORD} if short_whole and lg.latin else set()
            longer = sorted(words - short)
            parts = []
            if longer:
                parts.append(_word_start(lg) + f"(?:{trie_pattern(longer)})" + (r"(?![\p{L}\p{M}])" if whole else ""))
            if short:
                parts.append(_word_start(lg) + f"(?:{trie_pattern(sorted(short))})" + r"(?:e?s)?(?![\p{L}\p{M}])")
            if acronyms:
                parts.append(r"(?<![\p{L}\p{M}])" + f"(?-i:{trie_pattern(acronyms)})" + r"(?![\p{L}\p{M}])")
            if parts:
                units.append("|".join(parts))
        self._units = tuple(_compiled(u) for u in units)
        self._pattern = "|".join(units)

    @property
    def rx(self) -> "regex.Pattern[str] | None":
        """All the words as one alternation (the first unit's word where several start at one
        place), for the short lists read with ``match`` and ``finditer``."""
        if not self._units:
            return None
        return self._units[0] if len(self._units) == 1 else _compiled(self._pattern)

    def all(self, text: str, a: int, b: int) -> list[tuple[int, int, str]]:
        """Every word found from ``a`` to ``b``, one per start: as the alternation of the units
        would find them (where several units match at one place, the first unit's word)."""
        if len(self._units) <= 1:
            return [(m.start(), m.end(), m.group()) for rx in self._units for m in rx.finditer(text, a, b, overlapped=True)]
        at: dict[int, tuple[int, int, str]] = {}
        for rx in self._units:
            for m in rx.finditer(text, a, b, overlapped=True):
                at.setdefault(m.start(), (m.start(), m.end(), m.group()))
        return [at[k] for k in sorted(at)]

    def search(self, text: str, a: int, b: int) -> "regex.Match[str] | None":
        best = None
        for rx in self._units:
            m = rx.search(text, a, b)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def first(self, text: str, a: int, b: int) -> str | None:
        m = self.search(text, a, b)
        return m.group() if m else None


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = regex.IGNORECASE) -> "regex.Pattern[str]":
    """A list's pattern, compiled once per process (groups of languages share their members')."""
    return regex.compile(pattern, flags)


def _first_words(langs, pick) -> dict[str, frozenset[str]]:
    """The first word (case-folded) of every entry ``pick`` gives, and the languages that write it."""
    out: dict[str, set[str]] = {}
    for lg in langs:
        for entry in pick(lg):
            words = _WORD.findall(entry)
            if words:
                out.setdefault(words[0].casefold(), set()).add(lg.code)
    return {w: frozenset(c) for w, c in out.items()}


def _acronym(word: str) -> bool:
    return len(word) <= 5 and word.isupper() and " " not in word


def _word_start(lg: Language) -> str:
    clitics = "".join(regex.escape(p) for p in lg.prefixes if len(p) == 1)
    return r"(?<![\p{L}\p{M}])" + (rf"(?:[{clitics}]{{1,2}}(?=[\p{{L}}]))?" if clitics else "")


class _Group:
    """The compiled lists of the languages that read one kind of sentence."""

    def __init__(self, langs: tuple[Language, ...], refusals: tuple[str, ...] = (), unsure: bool = False) -> None:
        self.langs = langs
        self.unsure = unsure  # the language is one of several: first-person words do not count
        self.latin = all(lg.latin for lg in langs)
        self.self_words = _Words(langs, lambda lg: lg.self_words, whole=True)
        self.others = _Words(langs, lambda lg: lg.others)
        self.professional = _Words(langs, lambda lg: lg.professional)
        self.negations = _Words(langs, lambda lg: lg.negations, whole=True)
        self.copulas = _Words(langs, lambda lg: lg.copulas, whole=True)
        self.refusals = {r.casefold() for lg in langs for r in lg.refusals} | set(refusals)
        #: refusals that open a longer answer: any of a script without spaces ("回答を控えます"),
        #: whole words in the others ("не вказую ...", not "немка")
        self.refusal_prefixes = tuple(r.casefold() for lg in langs if lg.anywhere for r in lg.refusals) + tuple(
            r.casefold() + " " for lg in langs if not lg.anywhere for r in lg.refusals
        ) + tuple(r + " " for r in refusals)
        self.negation_words = {n.casefold() for lg in langs for n in lg.negations}
        keys = sorted({k for lg in langs for k in list(lg.terms) + list(lg.form_labels)})
        self.terms = {k: _Words(langs, lambda lg, k=k: lg.terms.get(k, ()), short_whole=True) for k in keys}
        self.cues = {k: _Words(langs, lambda lg, k=k: lg.cues.get(k, ())) for k in keys}
        labels = sorted({lab for lg in langs for ls in lg.form_labels.values() for lab in ls}, key=len, reverse=True)
        self.label_key = {lab.casefold(): k for lg in langs for k, ls in lg.form_labels.items() for lab in ls}
        self.form = (
            _compiled(
                rf"^[ \t]*[-•*·▪]?[ \t]*(?P<label>{trie_pattern(labels)})[ \t]*(?:[（(][^）)\n]{{0,20}}[）)])?"
                # (a spaced dash separates a label written in another script: "လူမျိုး/ဘာသာ - ကရင်/ခရစ်ယာန်")
                + (r"[ \t]*[:：៖]" if all(lg.latin for lg in langs) else r"(?:[ \t]*[:：៖]|[ \t]+[-–][ \t]+)")
                + r"[ \t]*(?P<value>[^\n]{1,80})",
                regex.IGNORECASE | regex.MULTILINE,
            )
            if labels
            else None
        )
        self.anywhere = all(lg.anywhere for lg in langs)


class ScriptMatcher:
    """Finds disclosures in the non-Latin sentences of a text (see the module docstring)."""

    def __init__(
        self, languages: tuple[Language, ...] | None = None, english_labels: frozenset[str] = frozenset(),
        refusals: tuple[str, ...] = (),
    ) -> None:
        """``english_labels``: form labels the English engine reads (a Latin-script line that
        opens with one is left to it); ``refusals``: its refusals, also refusals here ("Religión:
        prefer not to say")."""
        self.languages = load_languages() if languages is None else languages
        self._refusals = tuple(r.casefold() for r in refusals)
        # (the prefilter holds the other scripts' terms only: Latin-script sentences are found
        # by their function words, a set lookup, not by one search of 17,000 stems over every
        # English paragraph, which doubled the analysis time)
        words = [t for lg in self.languages if not lg.latin for ts in lg.terms.values() for t in ts]
        words += [w for lg in self.languages if not lg.latin for ls in lg.form_labels.values() for w in ls]
        self._any = regex.compile(trie_pattern(sorted(set(words))), regex.IGNORECASE) if words else None
        self._groups: dict[tuple[frozenset[str], bool], _Group] = {}
        self._warm = False
        # the Latin-script language of each sentence of the last text (may_match and hits
        # both ask; an immutable pair, so threads sharing the matcher see a whole answer)
        self._latin_last: tuple[str, dict[tuple[int, int], _Group | None]] | None = None
        #: Latin-script languages, read only in sentences their function words mark as theirs
        self._latin = tuple(lg for lg in self.languages if lg.latin)
        #: the first words of the Latin-script files' terms and cues, and their languages (to
        #: read a short line no function word marks: see _opening_group)
        self._term_starts = _first_words(self._latin, lambda lg: [t for ts in lg.terms.values() for t in ts])
        self._cue_starts = _first_words(self._latin, lambda lg: [c for cs in lg.cues.values() for c in cs])
        #: a Latin-script line opening with a label only a Latin-script language writes
        #: ("Religión: católica", "Vallási hovatartozás: református") is read in that language
        self._label_codes: dict[str, set[str]] = {}
        for lg in self._latin:
            for labels in lg.form_labels.values():
                for label in labels:
                    if label.casefold() not in english_labels:
                        self._label_codes.setdefault(label.casefold(), set()).add(lg.code)
        self._latin_label = (
            regex.compile(r"^[ \t]*[-•*·▪]?[ \t]*(" + trie_pattern(sorted(self._label_codes)) + r")[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*:",
                          regex.IGNORECASE | regex.MULTILINE) if self._label_codes else None
        )
        #: function word -> the Latin-script languages that write it
        self._function: dict[str, tuple[str, ...]] = {}
        for lg in self._latin:
            for w in lg.function_words:
                self._function[w] = self._function.get(w, ()) + (lg.code,)

    def warm_up(self) -> None:
        """Compile every language's lists now (a few seconds, once per process) rather than in
        the scan of the first sentence each language reads. A group of several languages is
        then made of its members' compiled lists."""
        if self._warm:
            return
        for lg in self.languages:
            _Group((lg,), self._refusals)
        self._warm = True

    def reads(self, text: str) -> bool:
        """Is ``text`` written (in part) in a script one of the language files reads?"""
        if _NON_LATIN.search(text) is None:
            return False
        present = _present(text, 0, len(text))
        return any(lg.scripts & present for lg in self.languages)

    def may_match(self, text: str) -> bool:
        if _NON_LATIN.search(text) is not None and self._any is not None and self._any.search(text) is not None:
            return True
        if not self._latin:
            return False
        # a Latin-script sentence some file would read (its function words), or a label line
        return any(g is not None for g in self._latin_groups(text).values()) or (
            self._latin_label is not None and self._latin_label.search(text) is not None
        )

    def _latin_groups(self, text: str) -> dict[tuple[int, int], _Group | None]:
        """:meth:`_latin_group` of each sentence of ``text`` (cached for the last text)."""
        last = self._latin_last
        if last is not None and last[0] == text:
            return last[1]
        groups = {(a, b): self._latin_group(text, a, b) for a, b in _spans(text)}
        self._latin_last = (text, groups)
        return groups

    def _latin_group(self, text: str, a: int, b: int) -> _Group | None:
        """The Latin-script languages whose function words mark the span as theirs: two or
        more of them and more than English ones, or one and no English word; of those, the
        ones with the most."""
        # (a function word counts in lower case, or opening the span: "Tirich Mir" is a name)
        found = _WORD.findall(text, a, b)
        words = [w.casefold() for i, w in enumerate(found) if i == 0 or not w[:1].isupper()]
        # (English writes "I" in capitals: a lower-case "i" is another language's "and" or particle)
        english = sum(w.casefold() in ENGLISH_FUNCTION_WORDS and w != "i" for w in found)
        tally: dict[str, int] = {}
        for w in words:
            for code in self._function.get(w, ()):
                tally[code] = tally.get(code, 0) + 1
        counts = {c: n for c, n in tally.items() if (n >= 2 and n > english) or (n >= 1 and english == 0)}
        if not counts:
            return self._opening_group(text, a, b, found) if english == 0 else None
        # the languages with the most of their words ("Nilimuuguza mama yangu ..." is Swahili,
        # not also Dutch for its "na"); several when they tie (Spanish and Catalan "de la")
        best = max(counts.values())
        codes = frozenset(c for c, n in counts.items() if n == best)
        # one word several languages share says no language for sure ("ja" is Finnish "and"
        # and Polish "I"): their first-person words do not count there
        return self._codes_group(codes, unsure=best == 1 and len(codes) > 1)

    def _opening_group(self, text: str, a: int, b: int, found: list[str]) -> _Group | None:
        """A short line with no function word of any language ("Notiesāts nosacīti 2015. gadā,
        sodāmība dzēsta.", "Teistas 2014 m., teistumas išnykęs."): read with the languages one of
        whose terms opens it, when it has a letter English does not write and at most
        ``LINE_MAX_WORDS`` words with letters (not "José Müller" alone: no term opens it)."""
        if not found or len(found) > LINE_MAX_WORDS or not any(_NOT_ENGLISH_LETTER.search(w) for w in found):
            return None
        if not any(c.islower() for w in found for c in w):
            return None  # a heading or a name in capitals ("ESCOLA ESTADUAL PROFESSORA LÚCIA MENDES")
        if _LABEL_OPENING.match(text, a, b) is not None:
            return None  # a label and its value ("Invalidità: no"): the form-field reading's
        first = [w.casefold() for w in found[: LEAD_CUE_WORDS + 1]]
        # a term's first word at the line's first word, or right after the language's cue that
        # opens the line ("Član župnog zbora župe sv. Petra u Splitu.")
        codes = self._opening_codes(first[0], self._term_starts)
        lead = self._opening_codes(first[0], self._cue_starts)
        for w in first[1:]:
            codes |= lead & self._opening_codes(w, self._term_starts)
        return self._codes_group(codes, unsure=len(codes) > 1) if codes else None

    @staticmethod
    def _opening_codes(word: str, starts: dict[str, frozenset[str]]) -> frozenset[str]:
        """The languages one of whose entries' first word ``word`` is, or starts with as a stem
        covering most of it ("notiesāt" of "notiesāts"; not "attac" of "attachments"); an entry
        of three letters or fewer only as the whole word."""
        out: frozenset[str] = starts.get(word, frozenset())
        for k in range(len(word) - 1, 3, -1):
            if k * 10 < len(word) * 6:
                break
            out |= starts.get(word[:k], frozenset())
        return out

    def foreign_other_person(self, text: str, s: int, e: int, category: Category) -> str | None:
        """Another person's word before an English-engine term at ``[s, e)`` when its sentence
        is written in another Latin-script language (its function words say which), and no
        first-person word of the writer's own comes between: the status is theirs ("Ayah saya
        menderita diabetes", "Fiul meu are autism", "Inalagaan ko ang lola kong may dementia").
        Not for sexual life, whose partner words are the writer's own. (The language's
        negations and work words were measured too and not taken: on the eval splits they
        dropped 23 disclosures and no false positive; their lists are unreviewed, and
        Portuguese "no" is "in the", "travaille" starts "travailleur handicapé".)"""
        if category == Category.SEXUAL_LIFE:
            return None
        # (the sentence from the spans its language was worked out for, cached per text)
        (a, b), group = self._latin_group_at(text, s)
        if group is None or _NON_LATIN.search(text, a, b) is not None:
            return None
        others = group.others.all(text, a, b)
        selfs = _own_words(group, text, a, b, others)
        last_self = max((x for x, _xe, _w in selfs if x < s), default=-1)
        theirs = [w for os_, oe, w in others if last_self < os_ and oe <= s]
        return theirs[-1] if theirs else None

    def foreign_word(self, text: str, s: int, e: int) -> str | None:
        """The language whose function word an English-engine term at ``[s, e)`` is, when its
        sentence is written in that Latin-script language: Croatian and Slovenian "Imam" ("I
        have") is no imam ("Imam veliko iskustvo u upravljanju projektima")."""
        written = text[s:e]
        word = written.casefold()
        if not word.isalpha() or (len(written) > 1 and written.isupper()):
            return None  # (an acronym is a name: "AUF member, Oslo" is no German "auf")
        group = self._latin_group_at(text, s)[1]
        if group is None:
            return None
        return next((lg.code for lg in group.langs if word in lg.function_words), None)

    def latin_language_at(self, text: str, s: int) -> bool:
        """Is the sentence around ``s`` written in another Latin-script language (its function
        words say so; see _latin_group)?"""
        return self._latin_group_at(text, s)[1] is not None

    def _latin_group_at(self, text: str, s: int) -> tuple[tuple[int, int], _Group | None]:
        """The sentence around ``s`` (from the spans whose language was worked out for the text,
        cached) and its Latin-script language group, or None."""
        if not self._latin:
            return (0, len(text)), None
        groups = self._latin_groups(text)
        span = next(((a, b) for (a, b) in groups if a <= s < b), (0, len(text)))
        return span, groups.get(span)

    def _codes_group(self, key: frozenset[str], unsure: bool = False) -> _Group:
        group = self._groups.get((key, unsure))
        if group is None:
            group = self._groups[(key, unsure)] = _Group(tuple(lg for lg in self.languages if lg.code in key), self._refusals, unsure)
        return group

    def _label_group(self, text: str, a: int, b: int) -> _Group | None:
        m = self._latin_label.match(text, a, b) if self._latin_label is not None else None
        if m is None:
            return None
        codes = self._label_codes.get(regex.sub(r"[ \t]+", " ", m.group(1)).casefold())
        return self._codes_group(frozenset(codes)) if codes else None

    def _span_group(self, text: str, a: int, b: int, latin: dict[tuple[int, int], _Group | None] | None = None) -> _Group | None:
        if _NON_LATIN.search(text, a, b) is not None:
            present = _present(text, a, b)
            return self._group(present) if present else None
        if not self._latin:
            return None
        return latin[(a, b)] if latin is not None else self._latin_group(text, a, b)

    def _group(self, present: frozenset[str]) -> _Group | None:
        distinct = present & _DISTINCT
        wanted = distinct or present
        codes = frozenset(lg.code for lg in self.languages if lg.scripts & wanted and not lg.latin)
        if not codes:
            return None
        return self._codes_group(codes)

    def hits(self, text: str) -> list[ScriptHit]:
        if not self.may_match(text):
            return []
        out: list[ScriptHit] = []
        in_form: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            a, b = line.span()
            # (a label only one language writes names the line's language better than its
            # function words: "Register trestov: záznam z roku 2019" is Slovak)
            group = (self._label_group(text, a, b) if self._latin and _NON_LATIN.search(text, a, b) is None else None) or (
                self._span_group(text, a, b)
            )
            if group is not None:
                self._form_field(text, a, b, group, out, in_form)
        latin = self._latin_groups(text) if self._latin else None
        for a, b in _spans(text):
            group = self._span_group(text, a, b, latin) if b > a else None
            if group is not None:
                self._sentence(text, a, b, group, out, in_form)
        return out

    def _form_field(self, text: str, a: int, b: int, group: _Group, out: list[ScriptHit], in_form: list) -> None:
        if group.form is None:
            return
        m = group.form.match(text, a, b)
        if m is None:
            return
        key = group.label_key.get(regex.sub(r"[ \t]+", " ", m.group("label")).casefold())
        if key is None:
            return
        value = m.group("value").strip()
        folded = value.casefold().strip(" .。")
        rule = f"{group.langs[0].code if len(group.langs) == 1 else '+'.join(lg.code for lg in group.langs)}.form"
        label = regex.sub(r"[ \t]+", " ", m.group("label"))
        first = folded.split()[0].strip(",.;:()") if folded.split() else ""
        if not value or folded in group.refusals or folded.startswith(group.refusal_prefixes) or (
            folded in group.negation_words or first in group.negation_words
            or group.negations.first(text, m.start("value"), b) is not None and len(value) <= 8
        ) or folded in ("-", "–", "—", "/", "n/a", "no", "none"):
            in_form.append((m.start(), b, False, label))
            for cat in _CATEGORY_KEYS[key]:
                out.append(ScriptHit(cat, m.start("label"), m.end("value"), rule, "negated", negative=value[:20]))
            return
        in_form.append((m.start(), b, True, label))
        for cat in _CATEGORY_KEYS[key]:
            out.append(ScriptHit(cat, m.start("label"), m.end("value"), rule, "script_form", cue=label))

    def _sentence(self, text: str, a: int, b: int, group: _Group, out: list[ScriptHit], in_form: list) -> None:
        found = []
        for key, words in group.terms.items():
            for s, e, _w in words.all(text, a, b):
                found.append((key, s, e))
        if not found:
            return
        # the longest term of a category where two overlap ("精神障害者保健福祉手帳" over "障害")
        found.sort(key=lambda f: (f[0], f[1], -(f[2] - f[1])))
        kept: list[tuple[str, int, int]] = []
        for key, s, e in found:
            if kept and kept[-1][0] == key and s < kept[-1][2]:
                continue
            kept.append((key, s, e))
        clauses = [0] + [m.end() for m in _CLAUSE_END.finditer(text, a, b)]
        others = group.others.all(text, a, b)
        selfs = _own_words(group, text, a, b, others)
        membership = [w for k in (PARTY, Category.UNION_PARTY_MEMBERSHIP.value) if k in group.cues
                      for w in [group.cues[k].first(text, a, b)] if w]
        code = "+".join(lg.code for lg in group.langs)
        for key, s, e in kept:
            rule = f"{code}.{key.lower()}"
            cats = _CATEGORY_KEYS[key]
            form = next((f for f in in_form if f[0] <= s < f[1]), None)
            if form is not None:
                # a term in a form field's value states its own category too ("政治面貌：中共党员":
                # a party member, under a political label); a refused field has no terms
                if form[2]:
                    for cat in cats:
                        out.append(ScriptHit(cat, s, e, rule, "script_form", cue=form[3]))
                continue
            if key == PARTY and not membership and text[s:e][:1].isupper():
                # a party's capitalised name without a word of membership is a belief only
                # ("Гласао сам за ...": voted for); its lists' membership words and offices
                # ("党員", "член партии", "共青团员") are membership themselves
                cats = (Category.POLITICAL_BELIEF,)
            if _surname(text, a, b, s, e):
                for cat in cats:
                    out.append(ScriptHit(cat, s, e, rule, "no_cue", negative="part of a name"))
                continue
            # work words count in the term's own clause ("我是基督徒，在家庭教会负责儿童主日学":
            # in charge of the Sunday school, a Christian all the same)
            lo = max(c for c in clauses if c <= s) if clauses else a
            hi = min((c for c in clauses if c > e), default=b)
            # (in a Latin-script sentence, the whole sentence: its clauses run long, and its
            # unreviewed work words are fewer)
            professional = group.professional.first(text, a, b) if group.latin else group.professional.first(text, max(a, lo), hi)
            decision, cue, negative = self._decide(text, a, b, s, e, key, group, professional, selfs, others)
            for cat in cats:
                out.append(ScriptHit(cat, s, e, rule, decision, cue=cue, negative=negative))

    def _decide(self, text, a, b, s, e, key, group: _Group, professional, selfs, others):
        neg = _negated(text, a, b, s, e, group)
        if neg is not None:
            return "negated", None, neg
        if professional is not None:
            return "professional", None, professional
        if key != Category.SEXUAL_LIFE.value:
            last_self = max((ss for ss, _se, _w in selfs if ss < s), default=-1)
            theirs = [w for os_, oe, w in others if last_self < os_ and oe <= s]
            if theirs:
                return "third_party", None, theirs[-1]
        if selfs:
            return "script_self", selfs[0][2], None
        k = e
        while k < b and text[k] in " \t":
            k += 1
        copula = group.copulas.rx.match(text, k, b) if group.copulas.rx is not None else None
        if copula is not None:
            return "script_self", copula.group(), None  # "同性愛者です": "(I) am ..."
        # (Latin-script sentences take no cue from these lists: the English engine reads them
        # with its own cues, and these, unreviewed, named places and articles ("igreja",
        # "het") and, even kept to the term's clause, hit twelve of the category files'
        # curated negatives in those languages)
        cue = group.cues[key].first(text, a, b) if key in group.cues and not group.latin else None
        if cue is None and key == PARTY and not group.latin:
            cue = group.cues.get(Category.UNION_PARTY_MEMBERSHIP.value) and group.cues[Category.UNION_PARTY_MEMBERSHIP.value].first(text, a, b)
        if cue:
            return "script_cue", cue, None
        lead = text[a:s]
        body = text[a:b].strip()
        # (in spaced scripts a line's length is its words with letters: "Aelod o Blaid Cymru ers
        # 2010, ysgrifennydd cangen Aberystwyth." is eight, the year is no word)
        short = len(body) <= LINE_MAX_CHARS if group.anywhere else sum(
            regex.search(r"\p{L}", w) is not None for w in body.split()) <= LINE_MAX_WORDS
        if short and not regex.search(r"[\p{L}\p{N}]", lead):
            return "script_line", "a status line it opens", None
        if (
            short and group.latin and key in group.cues and len(lead.split()) <= LEAD_CUE_WORDS
            and (found := group.cues[key].search(text, a, s)) is not None
            and not regex.search(r"[\p{L}\p{N}]", text[a : found.start()])
        ):
            # "Član kluba zdravljenih alkoholikov v Mariboru, abstinent od leta 2015.": a short
            # line opens with the category's cue ("member") and the term right after it
            return "script_line", found.group(), None
        return "no_cue", None, None


def _spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) characters."""
    ends = list(_SENTENCE_END.finditer(text))
    return list(zip([0] + [m.end() for m in ends], [m.start() for m in ends] + [len(text)]))


def _surname(text: str, a: int, b: int, s: int, e: int) -> bool:
    """A capitalised one-word term that runs on into a longer word next to another
    capitalised word: a name ("Татаринова Анна", "Глухов Иван"), in scripts with capitals."""
    word = text[s:e]
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    k = e
    while k < b and regex.match(r"[\p{L}\p{M}]", text[k]):
        k += 1
    if k == e:
        return False  # the term is the whole word
    before = text[a:s].split()[-1:]
    after = text[k:b].split()[:1]
    return any(w[:1].isupper() for w in before + after)


def _present(text: str, a: int, b: int) -> frozenset[str]:
    return frozenset(name for name in map(_script_of, {c for c in text[a:b] if _NON_LATIN.match(c)}) if name)


def _own_words(group: _Group, text: str, a: int, b: int, others: list) -> list:
    """The first-person words of ``[a, b)`` that are the writer's own: a first-person
    possessive right after another person is theirs ("Ο πατέρας μου", "אבא שלי",
    "คุณพ่อของผม": my father), and so is one inside another person's phrase ("mi padre",
    "κόρη μου"); none when the sentence's language is one of several."""
    selfs = [] if group.unsure else group.self_words.all(text, a, b)
    return [x for x in selfs if not any(0 <= x[0] - oe <= POSSESSIVE_GAP or os_ <= x[0] < oe for os_, oe, _w in others)]


def _negated(text: str, a: int, b: int, s: int, e: int, group: _Group) -> str | None:
    """A negation right after the term (within ``NEGATION_GAP`` characters), right before it
    in scripts without spaces, or, in spaced scripts, among the ``NEGATION_WORDS_BEFORE`` words
    before it."""
    if group.negations.rx is None:
        return None
    if group.anywhere:
        m = group.negations.rx.search(text, e, b)
        if m is not None and m.start() - e <= NEGATION_GAP:
            return m.group()
    else:
        # the next word, past the term's ending ("Судимостей нет", "आपराधिक रिकॉर्ड नहीं")
        k = e
        while k < b and regex.match(r"[\p{L}\p{M}]", text[k]):
            k += 1
        while k < b and text[k] in " \t:：-–—":
            k += 1
        m = group.negations.rx.match(text, k, b)
        if m is not None:
            return m.group()
    if group.negations.rx is not None:
        # (written before it, in scripts without spaces: "本人无犯罪记录", "ไม่เคยถูกจำคุก")
        last = None
        for last in group.negations.rx.finditer(text, max(a, s - NEGATION_GAP - 12), s):
            pass
        if last is not None and s - last.end() <= NEGATION_GAP and group.anywhere:
            return last.group()
    if not group.anywhere:
        before = text[a:s].split()[-NEGATION_WORDS_BEFORE:]
        for w in before:
            if w.casefold().strip(",.;:()«»\"") in group.negation_words:
                return w
    return None
