"""The offline spaCy pipeline (models/en_docscreen) and the Presidio NLP engine built on it.

What matters: it loads with no network and never downloads; its lemmas are real; Presidio's
lemma-based context enhancement really works on it (a blank pipeline without lemmas silently
turns it off: the negative control below shows these tests would catch that); it stays small
and models/build.py rebuilds it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
import spacy
import spacy.cli
from presidio_analyzer import (
    AnalyzerEngine,
    LemmaContextAwareEnhancer,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
)
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.language import Language

from docscreen.analyze import nlp as nlp_module
from docscreen.analyze.nlp import (
    ENV_VAR,
    OfflineSpacyNlpEngine,
    build_nlp_engine,
    clear_cache,
    load_nlp,
    model_dir,
)

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "en_docscreen"
BUILD_SCRIPT = ROOT / "models" / "build.py"
README = ROOT / "models" / "README.md"

BASE_SCORE = 0.3  # the weak pattern's own score
PASSPORT_TEXT = "My passport number is 123456789"
PLAIN_TEXT = "Reference 123456789"


@pytest.fixture(autouse=True)
def _default_model_dir(monkeypatch):
    """Tests use the repository's pipeline unless they set the override themselves."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def offline(monkeypatch):
    """Block every way out (sockets, DNS, spaCy's downloader); fail if anything tried."""
    attempts: list[str] = []

    def refuse(what):
        def _refuse(*args, **kwargs):
            attempts.append(what)
            raise OSError(f"test blocks the network: {what}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))

    def no_download(*args, **kwargs):
        attempts.append(f"spacy.cli.download{args}")
        raise AssertionError(f"spacy.cli.download was called with {args}")

    # Presidio calls it as `spacy.cli.download(name)`, looked up at call time.
    monkeypatch.setattr(spacy.cli, "download", no_download)
    yield attempts
    # Also catches an attempt whose exception something swallowed.
    assert attempts == []


def _lemmas(text: str) -> list[str]:
    return [t.lemma_ for t in load_nlp()(text)]


def _analyzer(engine, context=("passport",), enhancer=None) -> AnalyzerEngine:
    """An AnalyzerEngine whose registry holds exactly one weak pattern recognizer."""
    recognizer = PatternRecognizer(
        supported_entity="TEST_ID",
        name="TestNineDigits",
        patterns=[Pattern("nine digits", r"\b\d{9}\b", BASE_SCORE)],
        context=list(context),
    )
    registry = RecognizerRegistry(recognizers=[recognizer], supported_languages=["en"])
    analyzer = AnalyzerEngine(
        nlp_engine=engine,
        registry=registry,
        supported_languages=["en"],
        context_aware_enhancer=enhancer,
    )
    # AnalyzerEngine fills an *empty* registry with Presidio's predefined recognizers (and
    # the spaCy NER one): make sure ours is the only one.
    assert analyzer.registry.recognizers == [recognizer]
    return analyzer


def _score(analyzer: AnalyzerEngine, text: str) -> float:
    results = analyzer.analyze(text, language="en")
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [("TEST_ID", "123456789")]
    return results[0].score


# -- loading: offline, no download, nothing printed ---------------------------------------------


def test_load_and_build_engine_with_the_network_blocked(offline, capfd):
    clear_cache()  # load cold, under the block
    capfd.readouterr()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_nlp()
        engine = build_nlp_engine()
        score = _score(_analyzer(engine), PASSPORT_TEXT)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert [str(w.message) for w in caught] == []

    assert isinstance(nlp, Language)
    assert nlp.pipe_names == ["lemmatizer"]
    assert nlp.get_pipe("lemmatizer").mode == "lookup"
    assert nlp.meta["name"] == "docscreen" and nlp.lang == "en"

    assert isinstance(engine, SpacyNlpEngine)
    assert engine.is_loaded() and engine.get_supported_languages() == ["en"]
    assert engine.get_nlp("en") is nlp  # one pipeline per process, shared
    model_name = engine.models[0]["model_name"]
    assert isinstance(model_name, str) and Path(model_name) == MODEL.resolve()
    # No NER in the pipeline, and the engine does not claim any entity.
    assert engine.get_supported_entities() == []
    artifacts = engine.process_text("She was diagnosed in 2019.", "en")
    assert list(artifacts.entities) == []
    assert artifacts.lemmas == ["She", "be", "diagnose", "in", "2019", "."]
    assert score > BASE_SCORE


def test_presidio_stock_loader_with_a_path_does_not_download(offline):
    """What the brief asked to confirm: SpacyNlpEngine with an existing str path loads it."""
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(MODEL.resolve())}])
    engine.load()
    assert engine.get_nlp("en").pipe_names == ["lemmatizer"]


def test_engine_refuses_to_download(offline):
    with pytest.raises(RuntimeError, match="never downloads"):
        OfflineSpacyNlpEngine._download_spacy_model_if_needed("en_core_web_lg")
    # attempts is checked by the fixture: raising above was not a download


def test_missing_model_dir_says_how_to_build(tmp_path, monkeypatch, offline):
    missing = tmp_path / "no-such-model"
    for call in (lambda: load_nlp(missing), lambda: build_nlp_engine(missing)):
        with pytest.raises(FileNotFoundError) as info:
            call()
        assert str(missing) in str(info.value)
        assert "python models/build.py" in str(info.value)

    monkeypatch.setenv(ENV_VAR, str(missing))
    assert model_dir() == missing.resolve()
    with pytest.raises(FileNotFoundError, match="python models/build.py"):
        load_nlp()

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError, match="missing config.cfg, meta.json"):
        build_nlp_engine(empty)


def test_env_var_overrides_the_model_dir(tmp_path, monkeypatch):
    link = tmp_path / "elsewhere"
    link.symlink_to(MODEL, target_is_directory=True)
    monkeypatch.setenv(ENV_VAR, str(link))
    assert model_dir() == MODEL.resolve()  # resolved, so the cache is shared
    assert load_nlp().pipe_names == ["lemmatizer"]
    assert nlp_module.DEFAULT_MODEL_DIR == MODEL


def test_pipeline_without_lemmatizer_is_refused(tmp_path):
    bare = tmp_path / "bare"
    spacy.blank("en").to_disk(bare)
    with pytest.raises(ValueError, match="no lemmatizer"):
        load_nlp(bare)


def test_cold_process_needs_neither_network_nor_lookups_package_and_prints_nothing():
    """A fresh interpreter: spacy_lookups_data made unimportable, sockets and download blocked."""
    script = textwrap.dedent(
        """
        import json, socket, sys, time
        sys.modules["spacy_lookups_data"] = None  # any import of it now fails
        def refuse(*a, **k):
            raise OSError("network blocked")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import spacy.cli
        def no_download(*a, **k):
            raise SystemExit("spacy.cli.download called")
        spacy.cli.download = no_download

        from docscreen.analyze.nlp import build_nlp_engine, load_nlp
        t0 = time.perf_counter()
        nlp = load_nlp()
        engine = build_nlp_engine()
        seconds = time.perf_counter() - t0
        lemmas = [t.lemma_ for t in nlp("Churches members were convicted")]
        print(json.dumps({"lemmas": lemmas, "seconds": seconds}))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in (ENV_VAR, "PYTHONWARNINGS")}
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    result = json.loads(proc.stdout)
    assert result["lemmas"] == ["church", "member", "be", "convict"]
    assert result["seconds"] < 10  # ~0.3 s here; a generous bound, not a benchmark


# -- lemmas ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("diagnosed", "diagnose"),
        ("was", "be"),
        ("churches", "church"),
        ("convicted", "convict"),
        ("members", "member"),
        ("passports", "passport"),
        ("married", "marry"),
        ("children", "child"),
        ("women", "woman"),
        ("disabilities", "disability"),
        # capitalised variants added by models/build.py (upstream is case-sensitive)
        ("Churches", "church"),
        ("Was", "be"),
        ("Diagnosed", "diagnose"),
        ("Women", "woman"),
        # overrides in models/build.py (upstream: "numb", "doe")
        ("number", "number"),
        ("Number", "number"),
        ("does", "do"),
        # not lemmatised: all-capitals words (acronyms stay themselves), unknown words
        ("AIDS", "AIDS"),
        ("WOMEN", "WOMEN"),
        ("passport", "passport"),
        ("123456789", "123456789"),
        # upstream quirks kept as they are: write context words as these lemmas
        ("data", "datum"),
        ("born", "bear"),
    ],
)
def test_lemma(word, lemma):
    assert _lemmas(word) == [lemma]


def test_lemmas_in_a_sentence():
    assert _lemmas("I was diagnosed with diabetes and convicted in 2010") == [
        "I", "be", "diagnose", "with", "diabetes", "and", "convict", "in", "2010",
    ]  # fmt: skip


# -- Presidio context enhancement --------------------------------------------------------------


def test_context_word_raises_the_score():
    analyzer = _analyzer(build_nlp_engine())
    assert isinstance(analyzer.context_aware_enhancer, LemmaContextAwareEnhancer)
    with_context = _score(analyzer, PASSPORT_TEXT)
    without_context = _score(analyzer, PLAIN_TEXT)
    # Observed: 0.3 + 0.35 (the enhancer's default similarity factor) = 0.65, and 0.3.
    assert without_context == pytest.approx(BASE_SCORE)
    assert with_context == pytest.approx(BASE_SCORE + 0.35)
    assert with_context > without_context


def test_context_matches_lemmas_not_just_text():
    """Whole-word matching: "church" matches "Churches" only through its lemma."""
    engine = build_nlp_engine()
    enhancer = LemmaContextAwareEnhancer(context_matching_mode="whole_word")
    analyzer = _analyzer(engine, context=["church"], enhancer=enhancer)
    assert _score(analyzer, "Churches attended: 123456789") == pytest.approx(BASE_SCORE + 0.35)
    assert _score(analyzer, "Clubs attended: 123456789") == pytest.approx(BASE_SCORE)


def test_negative_control_blank_pipeline_without_lemmas_gets_no_context_boost():
    """What the tests above guard against: same engine, lemmatizer removed -> no boost at all."""
    engine = build_nlp_engine()
    engine.nlp = {"en": spacy.blank("en")}  # a fresh object: the cached pipeline is untouched
    analyzer = _analyzer(engine)
    assert _score(analyzer, PASSPORT_TEXT) == pytest.approx(BASE_SCORE)
    assert load_nlp().pipe_names == ["lemmatizer"]


# -- size, provenance, rebuilding --------------------------------------------------------------


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_model_dir_is_small_and_documented():
    files = _files(MODEL)
    size = sum(len(b) for b in files.values())
    assert size < 5_000_000, f"{MODEL} is {size:,d} bytes"
    assert "lemmatizer/lookups/lookups.bin" in files
    assert "LICENSE.spacy-lookups-data.txt" in files
    assert "LICENSE.en-data.WordNet-3.0.txt" in files

    meta = json.loads(files["meta.json"])
    assert meta["name"] == "docscreen" and meta["lang"] == "en"
    assert meta["pipeline"] == ["lemmatizer"]
    (source,) = meta["sources"]
    assert source["name"] == "spacy-lookups-data" and source["license"] == "MIT"
    assert "python models/build.py" in meta["description"]

    assert BUILD_SCRIPT.is_file()
    assert "python models/build.py" in BUILD_SCRIPT.read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    assert "python models/build.py" in readme
    assert "pip install spacy-lookups-data" in readme


def test_build_script_explains_how_to_install_its_dependency(tmp_path):
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "spacy_lookups_data.py").write_text('raise ImportError("not installed")\n')
    env = dict(os.environ, PYTHONPATH=str(stub))
    proc = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "pip install spacy-lookups-data" in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("spacy_lookups_data") is None and not os.environ.get("CI"),
    reason="spacy-lookups-data (build-time only) is not installed; `make test` installs it",
)
def test_rebuild_is_deterministic_and_matches_the_committed_pipeline(tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        proc = subprocess.run(
            [sys.executable, str(BUILD_SCRIPT), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert f"size of {out}:" in proc.stdout
    first, second = (_files(out) for out in outs)
    assert first == second
    # The committed lemma table is what build.py makes from the installed spacy-lookups-data
    # (if this fails after upgrading that package, rebuild and commit models/en_docscreen).
    committed = _files(MODEL)
    for name in ("lemmatizer/lookups/lookups.bin", "tokenizer", "LICENSE.spacy-lookups-data.txt"):
        assert first[name] == committed[name], name
    sources = [json.loads(files["meta.json"])["sources"] for files in (first, committed)]
    assert sources[0] == sources[1]
