"""The accuracy bench's pure parts: the metric function, the eval loaders, the NRP mapping.

Conventions under test (documented in bench/accuracy.py): P = 1.0 when a category has no
predictions, R = 1.0 when it has no gold, F1 = 0.0 when P + R = 0; so a category with neither
gold nor predictions scores P = R = F1 = 1.0.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("docscreen_bench_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


acc = _load_bench()

R, P, REL = "RACE_ETHNICITY", "POLITICAL_BELIEF", "RELIGION_PHILOSOPHY"


def approx(x):
    return pytest.approx(x, abs=1e-9)


# -- score ---------------------------------------------------------------------------------------


def test_special_categories_are_docscreen_ids():
    from docscreen.categories import Category

    assert len(acc.SPECIAL) == 8
    assert set(acc.SPECIAL) <= {c.value for c in Category}
    assert "NATIONAL_ID" not in acc.SPECIAL and "FINANCIAL_ACCOUNT" not in acc.SPECIAL


def test_perfect():
    gold = [{R}, {P, REL}, set()]
    res = acc.score(gold, [set(g) for g in gold], [R, P, REL])
    for c in (R, P, REL):
        m = res["per_category"][c]
        assert (m["precision"], m["recall"], m["f1"]) == (1.0, 1.0, 1.0)
    assert res["micro"]["tp"] == 3 and res["micro"]["fp"] == 0 and res["micro"]["fn"] == 0
    assert res["micro"]["f1"] == 1.0
    assert res["n"] == 3


def test_all_missed():
    res = acc.score([{R}, {R, P}, set()], [set(), set(), set()], [R, P])
    r = res["per_category"][R]
    assert (r["tp"], r["fp"], r["fn"]) == (0, 0, 2)
    assert r["precision"] == 1.0  # no predictions: P defined as 1.0
    assert r["recall"] == 0.0
    assert r["f1"] == 0.0
    assert res["micro"]["fn"] == 3 and res["micro"]["recall"] == 0.0 and res["micro"]["f1"] == 0.0


def test_false_positives_only():
    res = acc.score([set(), set(), set()], [{R}, set(), {R, P}], [R, P])
    r = res["per_category"][R]
    assert (r["tp"], r["fp"], r["fn"]) == (0, 2, 0)
    assert r["precision"] == 0.0
    assert r["recall"] == 1.0  # no gold: R defined as 1.0
    assert r["f1"] == 0.0
    assert res["micro"]["fp"] == 3 and res["micro"]["precision"] == 0.0


def test_no_gold_and_no_predictions_is_perfect():
    res = acc.score([set(), {R}], [set(), {R}], [R, P])
    p = res["per_category"][P]
    assert (p["n_gold"], p["n_pred"]) == (0, 0)
    assert (p["precision"], p["recall"], p["f1"]) == (1.0, 1.0, 1.0)


def test_empty_input():
    res = acc.score([], [], [R])
    m = res["per_category"][R]
    assert res["n"] == 0
    assert (m["precision"], m["recall"], m["f1"]) == (1.0, 1.0, 1.0)


def test_mixed_hand_computed():
    # R: text0 TP, text1 FN, text2 FP, text3 TP -> tp 2, fp 1, fn 1: P 2/3, R 2/3, F1 2/3
    # P: text1 TP, text3 FP                      -> tp 1, fp 1, fn 0: P 1/2, R 1, F1 2/3
    gold = [{R}, {R, P}, set(), {R}]
    pred = [{R}, {P}, {R}, {R, P}]
    res = acc.score(gold, pred, [R, P])
    r, p = res["per_category"][R], res["per_category"][P]
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["precision"] == approx(2 / 3) and r["recall"] == approx(2 / 3) and r["f1"] == approx(2 / 3)
    assert (p["tp"], p["fp"], p["fn"]) == (1, 1, 0)
    assert p["precision"] == approx(0.5) and p["recall"] == 1.0 and p["f1"] == approx(2 / 3)
    # micro: tp 3, fp 2, fn 1 -> P 3/5, R 3/4, F1 2PR/(P+R) = 2/3
    mi = res["micro"]
    assert (mi["tp"], mi["fp"], mi["fn"]) == (3, 2, 1)
    assert mi["precision"] == approx(0.6) and mi["recall"] == approx(0.75) and mi["f1"] == approx(2 / 3)
    assert res["macro_f1"] == approx(2 / 3)


def test_labels_outside_the_categories_are_ignored():
    res = acc.score([{R, "NATIONAL_ID"}], [{R, "FINANCIAL_ACCOUNT"}], [R])
    assert list(res["per_category"]) == [R]
    assert (res["micro"]["tp"], res["micro"]["fp"], res["micro"]["fn"]) == (1, 0, 0)


def test_default_categories_are_the_eight():
    res = acc.score([{R}], [{R}])
    assert list(res["per_category"]) == list(acc.SPECIAL)


def test_accepts_any_iterables():
    res = acc.score([frozenset({R}), [P]], [(R,), []], [R, P])
    assert res["per_category"][R]["tp"] == 1 and res["per_category"][P]["fn"] == 1


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError, match="gold has 2 texts but pred has 1"):
        acc.score([set(), set()], [set()], [R])


def test_target_failures():
    res = acc.score([{R}, {P}, set()], [{R}, set(), {R}], [R, P])
    fails = acc.target_failures(res)
    assert any(f.startswith(R) and "P 0.50" in f for f in fails)
    assert any(f.startswith(P) and "R 0.00" in f for f in fails)
    assert acc.target_failures(acc.score([{R}], [{R}], [R, P])) == []


# -- loaders ---------------------------------------------------------------------------------------

POS = {"id": "rel-t-001", "text": "Deacon at Bethel AME Church.", "categories": [REL], "kind": "positive",
       "style": "bullet", "note": "church role"}
NEG = {"id": "neg-t-001", "text": "B.A. in Religious Studies.", "categories": [], "kind": "hard_negative",
       "trap": REL, "style": "education", "note": "degree"}


def _write_jsonl(path: Path, *objs) -> Path:
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs), encoding="utf-8")
    return path


def test_loads_rows(tmp_path):
    rows = acc.load_rows(_write_jsonl(tmp_path / "test_a.jsonl", POS, "", NEG))
    assert [r.id for r in rows] == ["rel-t-001", "neg-t-001"]
    assert rows[0].categories == frozenset({REL}) and rows[0].kind == "positive"
    assert rows[1].categories == frozenset() and rows[1].trap == REL


def test_rejects_unknown_category(tmp_path):
    bad = dict(POS, categories=["RELIGION"])
    path = _write_jsonl(tmp_path / "test_a.jsonl", NEG, bad)
    with pytest.raises(acc.EvalDataError, match=r"test_a\.jsonl:2 .*unknown category 'RELIGION'"):
        acc.load_rows(path)


def test_rejects_a_category_outside_the_eight(tmp_path):
    path = _write_jsonl(tmp_path / "test_a.jsonl", dict(POS, categories=["NATIONAL_ID"]))
    with pytest.raises(acc.EvalDataError, match="unknown category 'NATIONAL_ID'.*eight special"):
        acc.load_rows(path)


@pytest.mark.parametrize("key", ["id", "text", "categories", "kind"])
def test_rejects_missing_key(tmp_path, key):
    path = _write_jsonl(tmp_path / "dev_a.jsonl", {k: v for k, v in POS.items() if k != key})
    with pytest.raises(acc.EvalDataError, match=rf"dev_a\.jsonl:1: missing key\(s\) {key}"):
        acc.load_rows(path)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps(dict(POS, kind="maybe")), "'kind' must be one of"),
        (json.dumps(dict(POS, categories=[])), "positive row needs at least one category"),
        (json.dumps(dict(NEG, categories=[REL])), "hard negative must have no categories"),
        (json.dumps(dict(NEG, trap="NOPE")), "unknown trap category 'NOPE'"),
        (json.dumps(dict(POS, categories=REL)), "'categories' must be a list"),
        (json.dumps(dict(POS, text="  ")), "'text' must be a non-empty string"),
    ],
)
def test_rejects_malformed_lines(tmp_path, line, message):
    path = _write_jsonl(tmp_path / "test_a.jsonl", line)
    with pytest.raises(acc.EvalDataError, match=message):
        acc.load_rows(path)


def test_rejects_duplicate_ids_across_files(tmp_path):
    _write_jsonl(tmp_path / "test_a.jsonl", POS)
    _write_jsonl(tmp_path / "test_b.jsonl", dict(POS, text="Another text."))
    with pytest.raises(acc.EvalDataError, match="duplicate id 'rel-t-001'"):
        acc.load_split(tmp_path, "test")


def test_splits(tmp_path):
    _write_jsonl(tmp_path / "dev_a.jsonl", dict(POS, id="d1"))
    _write_jsonl(tmp_path / "test_a.jsonl", dict(POS, id="t1"), dict(NEG, id="t2"))
    _write_jsonl(tmp_path / "holdout_a.jsonl", dict(POS, id="h1"))
    _write_jsonl(tmp_path / "dev2_a.jsonl", dict(POS, id="e1"))
    _write_jsonl(tmp_path / "holdout2_a.jsonl", dict(POS, id="g1"))
    _write_jsonl(tmp_path / "holdout3_a.jsonl", dict(POS, id="k1"))
    _write_jsonl(tmp_path / "holdout4_a.jsonl", dict(POS, id="m1"))
    _write_jsonl(tmp_path / "holdout5_a.jsonl", dict(POS, id="n1"))
    _write_jsonl(tmp_path / "holdout6_a.jsonl", dict(POS, id="p1"))
    _write_jsonl(tmp_path / "holdout7_a.jsonl", dict(POS, id="q1"))
    _write_jsonl(tmp_path / "holdout8_a.jsonl", dict(POS, id="r1"))
    _write_jsonl(tmp_path / "holdout9_a.jsonl", dict(POS, id="s1"))
    _write_jsonl(tmp_path / "holdout10_a.jsonl", dict(POS, id="u1"))
    _write_jsonl(tmp_path / "holdout11_a.jsonl", dict(POS, id="v1"))
    _write_jsonl(tmp_path / "holdout12_a.jsonl", dict(POS, id="w1"))
    _write_jsonl(tmp_path / "holdout13_a.jsonl", dict(POS, id="x13"))
    _write_jsonl(tmp_path / "holdout14_a.jsonl", dict(POS, id="y14"))
    _write_jsonl(tmp_path / "holdout15_a.jsonl", dict(POS, id="z15"))
    _write_jsonl(tmp_path / "holdout16_a.jsonl", dict(POS, id="b16"))
    _write_jsonl(tmp_path / "holdout17_a.jsonl", dict(POS, id="c17"))
    _write_jsonl(tmp_path / "other.jsonl", dict(POS, id="x1"))
    assert [r.id for r in acc.load_split(tmp_path, "dev")] == ["d1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout2")] == ["g1"]
    assert [r.id for r in acc.load_split(tmp_path, "test")] == ["t1", "t2"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout")] == ["h1"]
    assert [r.id for r in acc.load_split(tmp_path, "dev2")] == ["e1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout3")] == ["k1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout4")] == ["m1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout5")] == ["n1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout6")] == ["p1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout7")] == ["q1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout8")] == ["r1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout9")] == ["s1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout10")] == ["u1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout11")] == ["v1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout12")] == ["w1"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout13")] == ["x13"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout14")] == ["y14"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout15")] == ["z15"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout16")] == ["b16"]
    assert [r.id for r in acc.load_split(tmp_path, "holdout17")] == ["c17"]
    assert [r.id for r in acc.load_split(tmp_path, "all")] == ["e1", "d1", "u1", "v1", "w1", "x13", "y14", "z15", "b16", "c17", "g1", "k1", "m1", "n1", "p1", "q1", "r1", "s1", "h1", "t1", "t2"]
    with pytest.raises(ValueError, match="split must be one of"):
        acc.load_split(tmp_path, "train")


#: the held-out splits' documents written by the test below, and their splits
HELD = (("h", "holdout"), ("g", "holdout2"), ("k", "holdout3"), ("m", "holdout4"), ("n", "holdout5"), ("p", "holdout6"), ("q", "holdout7"), ("r", "holdout8"), ("s", "holdout9"), ("u", "holdout10"), ("v", "holdout11"), ("w", "holdout12"), ("x", "holdout13"), ("y", "holdout14"), ("z", "holdout15"), ("b16", "holdout16"), ("c17", "holdout17"))


def test_loads_docs_and_rejects_bad_truth(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Practising Hindu.\n", encoding="utf-8")
    (docs / "b.txt").write_text("Clean letter.\n", encoding="utf-8")
    (docs / "c.txt").write_text("Dev only.\n", encoding="utf-8")
    (docs / "stray.txt").write_text("No truth.\n", encoding="utf-8")
    (docs / "truth_letters.json").write_text(json.dumps({
        "a.txt": {"categories": [REL], "evidence": ["Practising Hindu."]},
        "b.txt": {"categories": [], "evidence": []},
    }), encoding="utf-8")
    (docs / "truth_dev.json").write_text(json.dumps({"c.txt": {"categories": [], "evidence": []}}), encoding="utf-8")
    (docs / "d.txt").write_text("Dev3 only.\n", encoding="utf-8")
    (docs / "truth_dev3_x.json").write_text(json.dumps({"d.txt": {"categories": [], "evidence": []}}), encoding="utf-8")
    assert [d.name for d in acc.load_docs(tmp_path, "dev3")] == ["a.txt", "b.txt", "d.txt"]
    (docs / "d.txt").unlink(); (docs / "truth_dev3_x.json").unlink()
    test_docs = acc.load_docs(tmp_path, "test")
    assert [d.name for d in test_docs] == ["a.txt", "b.txt"]  # unsplit truth counts in every split
    assert test_docs[0].categories == frozenset({REL}) and test_docs[0].evidence == ("Practising Hindu.",)
    assert [d.name for d in acc.load_docs(tmp_path, "dev")] == ["a.txt", "b.txt", "c.txt"]

    def hold(name: str, split: str) -> None:
        """A held-out split's document and its truth file."""
        (docs / f"{name}.txt").write_text("Held out.\n", encoding="utf-8")
        (docs / f"truth_{split}_x.json").write_text(
            json.dumps({f"{name}.txt": {"categories": [], "evidence": []}}), encoding="utf-8"
        )

    hold("h", "holdout")
    # the held-out split has only its own documents; the others never see them
    assert [d.name for d in acc.load_docs(tmp_path, "holdout")] == ["h.txt"]
    assert "h.txt" not in [d.name for d in acc.load_docs(tmp_path, "test")]
    assert "h.txt" in [d.name for d in acc.load_docs(tmp_path, "all")]
    # ... and so has each later one: neither it nor the one before sees the other's documents
    for (before, previous), (name, split) in zip(HELD, HELD[1:]):
        hold(name, split)
        assert [d.name for d in acc.load_docs(tmp_path, split)] == [f"{name}.txt"]
        assert [d.name for d in acc.load_docs(tmp_path, previous)] == [f"{before}.txt"]
    assert "g.txt" not in [d.name for d in acc.load_docs(tmp_path, "dev")]
    assert "k.txt" not in [d.name for d in acc.load_docs(tmp_path, "dev3")]
    for name, split in HELD:
        (docs / f"{name}.txt").unlink(); (docs / f"truth_{split}_x.json").unlink()
    assert acc.untruthed_docs(tmp_path) == ["stray.txt"]

    (docs / "truth_letters.json").write_text(json.dumps({"a.txt": {"categories": ["FAITH"]}}), encoding="utf-8")
    with pytest.raises(acc.EvalDataError, match=r"truth_letters\.json \[a\.txt\]: unknown category 'FAITH'"):
        acc.load_docs(tmp_path, "test")
    (docs / "truth_letters.json").write_text(json.dumps({"missing.txt": {"categories": []}}), encoding="utf-8")
    with pytest.raises(acc.EvalDataError, match="no such document"):
        acc.load_docs(tmp_path, "test")
    (docs / "truth_letters.json").write_text(json.dumps({"a.txt": {"evidence": []}}), encoding="utf-8")
    with pytest.raises(acc.EvalDataError, match="expected"):
        acc.load_docs(tmp_path, "test")


# -- Presidio mapping ------------------------------------------------------------------------------


@pytest.mark.skipif(not acc.RELIGIONS_CSV.is_file(), reason="../shared/corpus is not beside the repo")
def test_religion_terms_come_from_presidio_research():
    religions = acc.religion_terms()
    assert {"atheist", "buddhist", "hindu", "sikh", "jewish"} <= religions
    assert "religions" not in religions  # the CSV header


def test_religion_terms_without_the_csv(tmp_path):
    assert acc.religion_terms(tmp_path / "missing.csv") == acc.EXTRA_RELIGION_TERMS


def test_presidio_nrp_mapping():
    religions = acc.religion_terms() | {"buddhist", "christian"}
    assert {"catholic", "muslim"} <= religions
    m = acc.map_presidio_entity
    assert m("NRP", "Buddhist", religions) == REL
    assert m("NRP", "Christians", religions) == REL
    assert m("NRP", "Catholic", religions) == REL
    assert m("NRP", "Republican", religions) == P
    assert m("NRP", "Democrats", religions) == P
    assert m("NRP", "Tories", religions) == P
    assert m("NRP", "African American", religions) == R
    assert m("NRP", "Bahamian", religions) == R  # whole words: "baha" does not match "bahamian"
    assert m("MEDICAL_DISEASE_DISORDER", "asthma", religions) == "HEALTH_GENETIC"
    assert m("MEDICAL_LICENSE", "AB1234567", religions) is None
    assert m("PERSON", "Sam Lee", religions) is None
