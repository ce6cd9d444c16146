"""The non-Latin script layer (docscreen.analyze.scripts) on small hand-written lists, so each
rule is tested apart from the shipped language files."""

from __future__ import annotations

import pytest

from docscreen.analyze.scripts import ScriptListError, ScriptMatcher, load_languages, parse_language
from docscreen.categories import Category

JA = {
    "language": "ja",
    "name": "Japanese",
    "match": "anywhere",
    "self": ["私", "僕"],
    "others": ["父", "母", "利用者"],
    "professional": ["研究", "看護", "担当"],
    "negations": ["なし", "ありません"],
    "refusals": ["回答しない"],
    "copulas": ["です", "である"],
    "form_labels": {"RELIGION_PHILOSOPHY": ["宗教"], "CRIMINAL_RECORD": ["前科"]},
    "categories": {
        "HEALTH_GENETIC": {"terms": ["糖尿病", "精神障害者保健福祉手帳", "障害"], "cues": ["診断"]},
        "SEXUAL_LIFE": {"terms": ["同性のパートナー"], "cues": []},
        "CRIMINAL_RECORD": {"terms": ["前科"], "cues": []},
        "PARTY": {"terms": ["立憲民主党", "党員"], "cues": []},
    },
    "examples": {"positive": [{"text": "私は糖尿病です。", "categories": ["HEALTH_GENETIC"]}], "negative": ["父は糖尿病です。"]},
}
RU = {
    "language": "ru",
    "name": "Russian",
    "match": "word_start",
    "self": ["я", "меня", "мой", "моя"],
    "others": ["мать", "отец", "пациент"],
    "professional": ["лечил", "исследован"],
    "negations": ["не", "нет"],
    "refusals": ["не указываю"],
    "form_labels": {"RELIGION_PHILOSOPHY": ["вероисповедание"]},
    "categories": {"HEALTH_GENETIC": {"terms": ["диабет"], "cues": ["диагноз"]}, "PARTY": {"terms": ["член партии"], "cues": []}},
    "examples": {"positive": [], "negative": []},
}
AR = {
    "language": "ar",
    "name": "Arabic",
    "match": "word_start",
    "prefixes": ["و", "ب", "ل", "ف"],
    "self": ["أنا", "لدي"],
    "others": [],
    "professional": [],
    "negations": ["لا"],
    "refusals": [],
    "form_labels": {},
    "categories": {"HEALTH_GENETIC": {"terms": ["السكري"], "cues": []}},
    "examples": {"positive": [], "negative": []},
}


@pytest.fixture(scope="module")
def m() -> ScriptMatcher:
    return ScriptMatcher((parse_language(JA, "ja"), parse_language(RU, "ru"), parse_language(AR, "ar")))


def found(m: ScriptMatcher, text: str) -> dict[str, str]:
    """category -> decision of the hits that count (the English engine's scores: >= 0.5)."""
    strong = {"script_form", "script_cue", "script_self", "script_line"}
    return {h.category.value: h.decision for h in m.hits(text) if h.decision in strong}


def test_first_person_and_cue_make_a_disclosure(m) -> None:
    assert found(m, "私は糖尿病です。") == {"HEALTH_GENETIC": "script_self"}
    assert found(m, "昨年、糖尿病と診断されました。") == {"HEALTH_GENETIC": "script_cue"}
    assert found(m, "У меня диабет второго типа.") == {"HEALTH_GENETIC": "script_self"}


def test_a_copula_right_after_the_term_states_it(m) -> None:
    assert found(m, "面接では伝えていませんでしたが、糖尿病です。") == {"HEALTH_GENETIC": "script_self"}
    assert found(m, "面接では伝えていませんでしたが、糖尿病の予防が大切です。") == {}


def test_without_self_cue_or_status_line_it_stays_undecided(m) -> None:
    assert found(m, "本プロジェクトの対象は主に都市部の高齢者で、糖尿病の予防教室を含みます。") == {}
    assert [h.decision for h in m.hits("本プロジェクトの対象は主に都市部の高齢者で、糖尿病の予防教室を含みます。")] == ["no_cue"]


def test_a_short_line_the_term_opens_is_a_status_line(m) -> None:
    assert found(m, "立憲民主党（2015年〜）") == {"UNION_PARTY_MEMBERSHIP": "script_line", "POLITICAL_BELIEF": "script_line"}
    # ... not when something comes before the term
    assert found(m, "会社の同僚には立憲民主党の支持者が多い。") == {}


def test_work_words_drop_it(m) -> None:
    hits = m.hits("大学病院で糖尿病患者の看護を担当しました。")
    assert [(h.decision, h.negative) for h in hits] == [("professional", "看護")]
    assert found(m, "Я исследовании диабета участвовал.") == {}


def test_another_persons_status_is_theirs(m) -> None:
    assert [h.decision for h in m.hits("父は糖尿病です。")] == ["third_party"]
    assert found(m, "Моя мать болеет диабетом.") == {}
    # ... unless the writer comes after them: "my father and I ..."
    assert found(m, "父と同じく、私も糖尿病です。") == {"HEALTH_GENETIC": "script_self"}
    # a same-sex partner is the writer's own
    assert found(m, "私は父に同性のパートナーを紹介しました。") == {"SEXUAL_LIFE": "script_self"}


def test_negations_next_to_the_term(m) -> None:
    assert found(m, "私は前科はありません。") == {}
    assert found(m, "Я не член партии.") == {}
    # a negation in another clause is no negation of the term
    assert found(m, "У меня диабет, но это не мешает работе.") == {"HEALTH_GENETIC": "script_self"}


def test_form_fields_and_refusals(m) -> None:
    assert found(m, "宗教：浄土真宗") == {"RELIGION_PHILOSOPHY": "script_form"}
    assert found(m, "氏名：山田花子\n宗教：回答しない") == {}
    assert found(m, "前科：なし") == {}
    assert found(m, "Вероисповедание: старообрядчество") == {"RELIGION_PHILOSOPHY": "script_form"}
    assert found(m, "Вероисповедание: не указываю") == {}


def test_word_start_stems_and_clitics(m) -> None:
    assert found(m, "Мой диабетолог доволен.") == {"HEALTH_GENETIC": "script_self"}  # the stem runs on
    assert found(m, "Я дидиабет.") == {}  # not inside a word
    assert found(m, "أنا مصاب بالسكري منذ الطفولة.") == {"HEALTH_GENETIC": "script_self"}  # "ب" + the term


def test_the_longest_term_wins(m) -> None:
    hits = m.hits("精神障害者保健福祉手帳を所持しています。")
    text = "精神障害者保健福祉手帳を所持しています。"
    assert [text[h.start : h.end] for h in hits] == ["精神障害者保健福祉手帳"]


def test_latin_text_is_left_to_the_english_engine(m) -> None:
    assert not m.may_match("I have type 1 diabetes and I am a party member.")
    assert m.hits("I have type 1 diabetes.") == []


def test_a_kana_sentence_is_read_with_the_japanese_lists_only() -> None:
    zh = dict(JA, language="zh", name="Chinese", self=["我"], others=[], professional=["护理"], negations=[], refusals=[],
              form_labels={}, categories={"HEALTH_GENETIC": {"terms": ["糖尿病"], "cues": []}},
              examples={"positive": [{"text": "我有糖尿病。", "categories": ["HEALTH_GENETIC"]}], "negative": []})
    m = ScriptMatcher((parse_language(JA, "ja"), parse_language(zh, "zh")))
    assert {h.rule for h in m.hits("私は糖尿病です。")} == {"ja.health_genetic"}
    assert {h.rule for h in m.hits("我有糖尿病。")} == {"ja+zh.health_genetic"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"match": "sometimes"}, "match"),
        ({"language": "jp"}, "file's name"),
        ({"colour": "red"}, "unknown keys"),
        ({"categories": {"HEALTH": {"terms": ["糖尿病"]}}}, "unknown category"),
        ({"categories": {"HEALTH_GENETIC": {"terms": ["病"]}}}, "one-character"),
        ({"self": "私"}, "list"),
    ],
)
def test_bad_files_are_refused(change, message) -> None:
    with pytest.raises(ScriptListError, match=message):
        parse_language(dict(JA, **change), "ja")


def test_the_shipped_languages_load_and_name_their_scripts() -> None:
    languages = load_languages()
    assert {lg.code for lg in languages} >= {"ja", "zh", "ko", "ru", "ar", "hi"}
    for lg in languages:
        assert lg.scripts and all(lg.terms.values()), lg.code
        assert Category.HEALTH_GENETIC.value in lg.terms, lg.code


def test_a_negation_right_before_the_term_in_a_script_without_spaces() -> None:
    zh = dict(JA, language="zh", name="Chinese", self=["我", "本人"], others=[], professional=[], negations=["无", "没有"],
              refusals=[], copulas=[], form_labels={}, categories={"CRIMINAL_RECORD": {"terms": ["犯罪记录"], "cues": []}},
              examples={"positive": [], "negative": ["本人无犯罪记录。"]})
    m = ScriptMatcher((parse_language(zh, "zh"),))
    assert [h.decision for h in m.hits("本人无犯罪记录。")] == ["negated"]
    assert [h.decision for h in m.hits("本人有犯罪记录。")] == ["script_self"]


def test_the_english_engine_leaves_terms_in_read_scripts_to_the_language_files(m) -> None:
    assert m.reads("障害者手帳") and m.reads("диабет") and not m.reads("Diabetes") and not m.reads("Bamiléké")
    assert not m.reads("ქართული")  # (no Georgian list here)
    from docscreen.analyze.special import shared_matcher as shared

    # health.yaml lists the Japanese disability cards too; a Japanese field with "none" is the
    # Japanese list's to decide
    assert [h for h in shared().hits("障害者手帳：無") if h.score >= 0.5] == []


def test_acronyms_are_whole_words_in_their_capitals_and_refusals_whole_words() -> None:
    uk = dict(RU, language="uk", name="Ukrainian", self=["я", "мій"], others=[], professional=[], negations=["не"],
              refusals=["не вказую", "немає"], form_labels={"RACE_ETHNICITY": ["національність"]},
              categories={"HEALTH_GENETIC": {"terms": ["ВІЛ"], "cues": []}, "RACE_ETHNICITY": {"terms": ["німкеня"], "cues": []}},
              examples={"positive": [], "negative": []})
    m = ScriptMatcher((parse_language(uk, "uk"),))
    assert found(m, "Я живу з ВІЛ.") == {"HEALTH_GENETIC": "script_self"}
    assert found(m, "Я вчилася у Вільнюсі.") == {}
    assert found(m, "Національність: німкеня") == {"RACE_ETHNICITY": "script_form"}  # (not the refusal "не...")
    assert found(m, "Національність: не вказую") == {}


ES = {
    "language": "es",
    "name": "Spanish",
    "match": "word_start",
    "function_words": ["el", "la", "los", "las", "del", "por", "para", "con", "una", "es", "soy", "mi", "desde", "y", "que", "en"],
    "self": ["yo", "mi", "me", "soy", "estoy"],
    "others": ["mi padre", "mi madre", "pacientes"],
    "professional": ["atendí", "investigación", "pacientes"],
    "negations": ["no", "sin", "nunca"],
    "refusals": ["prefiero no decirlo"],
    "form_labels": {"RELIGION_PHILOSOPHY": ["religión"]},
    "categories": {"CRIMINAL_RECORD": {"terms": ["condenad"], "cues": []}, "HEALTH_GENETIC": {"terms": ["diabetes"], "cues": ["diagnosticad"]}},
    "examples": {"positive": [], "negative": []},
}


def test_a_latin_script_language_reads_only_the_sentences_its_function_words_mark() -> None:
    m = ScriptMatcher((parse_language(ES, "es"),))
    assert found(m, "Fui condenado en 2015 por un delito menor y estoy rehabilitado.") == {"CRIMINAL_RECORD": "script_self"}
    assert found(m, "Me diagnosticaron diabetes en 2010, y la tengo controlada.") == {"HEALTH_GENETIC": "script_self"}
    assert found(m, "Religión: católica") == {"RELIGION_PHILOSOPHY": "script_form"}
    # work, others, negations in Spanish
    assert found(m, "Atendí a pacientes con diabetes en el hospital de la Paz.") == {}
    assert found(m, "Mi padre tiene diabetes desde 2001.") == {}
    assert found(m, "No fui condenado nunca por ningún delito.") == {}
    # an English sentence with the same letters is the English engine's
    assert not m.may_match("I was condenado in a play about the Spanish courts.")
    assert found(m, "My diabetes research at the University of Granada since 2015.") == {}


def test_a_latin_file_needs_function_words() -> None:
    with pytest.raises(ScriptListError, match="function_words"):
        parse_language(dict(ES, function_words=["el"]), "es")


def test_a_latin_label_the_english_engine_reads_stays_its() -> None:
    es = dict(ES, form_labels={"RELIGION_PHILOSOPHY": ["religión", "religion"]})
    m = ScriptMatcher((parse_language(es, "es"),), english_labels=frozenset({"religion"}), refusals=("prefer not to say",))
    assert found(m, "Religion: Catholic") == {}
    assert found(m, "Religión: católica") == {"RELIGION_PHILOSOPHY": "script_form"}
    assert found(m, "Religión: prefer not to say") == {}


def test_a_capitalised_function_word_inside_a_line_is_a_name_and_a_negation_after_a_colon() -> None:
    de = dict(ES, language="de", name="German", function_words=["der", "die", "das", "und", "ich", "mir", "mich", "nicht", "mit", "von", "seit"],
              self=["ich", "mir", "mein"], others=[], professional=[], negations=["nein", "nicht", "kein"], refusals=[], form_labels={},
              categories={"RELIGION_PHILOSOPHY": {"terms": ["hindu"], "cues": []}, "PARTY": {"terms": ["Mitglied einer Partei"], "cues": ["Mitglied"]}})
    m = ScriptMatcher((parse_language(de, "de"),))
    assert found(m, "Mountaineering expedition, Hindu Kush (Tirich Mir base camp)") == {}
    assert found(m, "Mitglied einer Partei: nein") == {}
    assert found(m, "Ich bin seit 2015 Mitglied einer Partei.") == {"UNION_PARTY_MEMBERSHIP": "script_self", "POLITICAL_BELIEF": "script_self"}


def test_latin_sentences_take_no_cue_and_their_work_words_count_in_the_whole_sentence() -> None:
    es = dict(ES, categories={"CRIMINAL_RECORD": {"terms": ["libertad condicional"], "cues": ["expediente"]}},
              professional=["trabajo con"], self=["yo", "me", "mi"])
    m = ScriptMatcher((parse_language(es, "es"),))
    # a cue alone does not decide a Latin-script sentence (the English engine has its own)
    assert found(m, "Los expedientes de libertad condicional en la provincia.") == {}
    # a work word in another clause still counts
    assert found(m, "Yo trabajo con el equipo de la prisión, sobre todo en la libertad condicional de los internos.") == {}
    assert found(m, "Estoy en libertad condicional y me presento en el juzgado cada mes.") == {"CRIMINAL_RECORD": "script_self"}
    assert found(m, "Yo estoy en libertad condicional desde 2022.") == {"CRIMINAL_RECORD": "script_self"}


def test_a_latin_label_only_one_language_writes_names_the_line() -> None:
    sk = dict(ES, language="sk", name="Slovak", function_words=["a", "z", "roku", "som", "je", "na", "v", "so", "pre", "od", "do"],
              form_labels={"CRIMINAL_RECORD": ["register trestov"]}, categories={"CRIMINAL_RECORD": {"terms": ["odsúden"], "cues": []}})
    pl = dict(ES, language="pl", name="Polish", function_words=["z", "roku", "w", "na", "jest", "się", "od", "do", "dla", "przez", "jako"],
              form_labels={}, categories={"CRIMINAL_RECORD": {"terms": ["skazan"], "cues": []}})
    m = ScriptMatcher((parse_language(sk, "sk"), parse_language(pl, "pl")))
    assert found(m, "Register trestov: záznam z roku 2019 (jazda pod vplyvom alkoholu)") == {"CRIMINAL_RECORD": "script_form"}


@pytest.fixture(scope="module")
def shipped() -> ScriptMatcher:
    return ScriptMatcher(load_languages())


def _reading(m: ScriptMatcher, text: str, term: str, category: Category = Category.HEALTH_GENETIC):
    s = text.index(term)
    return m.foreign_other_person(text, s, s + len(term), category)


def test_an_english_finding_in_another_latin_language_after_another_person_is_theirs(shipped) -> None:
    assert _reading(shipped, "Ayah saya menderita diabetes sehingga saya mengambil cuti selama sebulan.", "diabetes") == "Ayah"
    assert _reading(shipped, "Fiul meu are autism, de aceea colaborez cu o asociație.", "autism") is not None
    # the writer's own status stands, and so does a partner's word for sexual life
    assert _reading(shipped, "Saya menderita diabetes sejak 2015 dan rutin kontrol.", "diabetes") is None
    assert _reading(shipped, "Mi esposa y yo nos casamos en 2016; somos una pareja del mismo sexo.", "pareja del mismo sexo",
                    Category.SEXUAL_LIFE) is None
    # English sentences are the English rules' alone
    assert _reading(shipped, "My father has diabetes, so I took a month off.", "diabetes") is None


def test_a_short_latin_term_is_a_word_of_its_own_or_its_plural() -> None:
    es = dict(ES, categories={"RELIGION_PHILOSOPHY": {"terms": ["sij", "budist"], "cues": []}})
    m = ScriptMatcher((parse_language(es, "es"),))
    # "sij" (Sikh) is not the start of an acronym, nor of another word
    assert found(m, "Logística electoral; SIJE (sistema de información de la jornada electoral); Excel") == {}
    assert found(m, "Soy sij y voy al gurdwara cada domingo.") == {"RELIGION_PHILOSOPHY": "script_self"}
    assert found(m, "Mi familia y yo somos sijs desde siempre.") == {"RELIGION_PHILOSOPHY": "script_self"}
    # a longer stem still runs on into its endings
    assert found(m, "Soy budista desde 2010.") == {"RELIGION_PHILOSOPHY": "script_self"}


def test_a_wrapped_line_is_one_sentence_with_the_next() -> None:
    es = dict(ES, categories={"ADDICTION": {"terms": ["metadona"], "cues": []}}, professional=["en coordinación con"])
    m = ScriptMatcher((parse_language(es, "es"),))
    # the work words on the wrapped line's second half count for the term on its first
    text = ("En el centro, yo acompaño a sesenta personas en tratamiento con metadona y\n"
            "buprenorfina, en coordinación con los médicos del barrio.")
    assert found(m, text) == {}
    # a line that ends its sentence, or a next line in capitals, is a sentence of its own
    assert found(m, "Yo estuve en tratamiento con metadona\nEn coordinación con el centro de salud.") == {"ADDICTION": "script_self"}


def test_a_function_word_of_the_sentences_language_is_no_english_term(shipped) -> None:
    text = "Imam veliko iskustvo u upravljanju projektima i timovima."
    assert shipped.foreign_word(text, 0, 4) in ("hr", "sl")  # "Imam": "I have"
    # an English sentence, and an acronym that spells a function word, are not
    english = "Imam at the Bradford Central Mosque since 2019."
    assert shipped.foreign_word(english, 0, 4) is None
    norwegian = "AUF-medlem i Oslo, og jeg er med i Arbeiderpartiet."
    assert shipped.foreign_word(norwegian, 0, 3) is None


def test_the_english_engine_drops_a_term_that_is_the_sentences_function_word() -> None:
    from docscreen.analyze.special import shared_matcher

    m = shared_matcher()
    hits = [h for h in m.hits("Imam veliko iskustvo u upravljanju projektima i timovima.") if h.score >= 0.5]
    assert not [h for h in hits if h.category == Category.RELIGION_PHILOSOPHY]
    assert any(h.category == Category.RELIGION_PHILOSOPHY and h.score >= 0.5 for h in m.hits("I served as imam of our mosque in Leeds."))


# --- a group of languages is made of its members' compiled lists ------------------------------
_TIE = ("ca", "es", "fr", "gl", "it", "pt", "ro")


def _tie_group(languages):
    from docscreen.analyze.scripts import _Group

    return _Group(tuple(lg for lg in languages if lg.code in _TIE))


def test_a_group_finds_what_one_alternation_of_its_languages_would_find() -> None:
    """Per-language patterns searched one after the other give, word for word, what one
    alternation over the group gave (the first language's word where several start at one
    place), for every kind of list read with ``all`` and ``search``."""
    import regex

    group = _tie_group(load_languages())
    text = ("Sou católica praticante e membro do sindicato; soy miembro del PSOE desde 2010. "
            "Je suis catholique. Sono iscritto alla CGIL. Sunt membru de sindicat. Mi padre es diabético.")
    lists = [group.self_words, group.others, group.professional, *group.terms.values(), *group.cues.values()]
    assert sum(len(w._units) > 1 for w in lists) >= 5
    for words in lists:
        if words.rx is None:
            continue
        one = regex.compile(words._pattern, regex.IGNORECASE)
        assert words.all(text, 0, len(text)) == [
            (m.start(), m.end(), m.group()) for m in one.finditer(text, 0, len(text), overlapped=True)
        ]
        for a in range(0, len(text), 23):
            want, got = one.search(text, a, len(text)), words.search(text, a, len(text))
            assert (want.span(), want.group()) == (got.span(), got.group()) if want else got is None
    assert any(words.all(text, 0, len(text)) for words in group.terms.values())


def test_after_warm_up_a_new_group_compiles_no_list_of_its_languages() -> None:
    """The service's workers warm up before they are ready: then a document whose sentence ties
    seven Latin-script languages compiles nothing but the group's one form-label pattern
    (session 19: 3.5 s in the first such document's scan, a timeout under a 2 s limit)."""
    from docscreen.analyze.scripts import _compiled

    matcher = ScriptMatcher()
    matcher.warm_up()
    before = _compiled.cache_info().misses
    _tie_group(matcher.languages)
    assert _compiled.cache_info().misses - before <= 1
