"""Shared test helpers: where the external corpus and the fixtures live."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def corpus_dir() -> Path | None:
    """../shared/corpus next to the repository (or $DOCSCREEN_CORPUS)."""
    env = os.environ.get("DOCSCREEN_CORPUS")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus"]
    for c in candidates:
        if (c / "MANIFEST.tsv").is_file():
            return c
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("../shared/corpus is missing in CI: the corpus sweeps cannot run")
        pytest.skip("../shared/corpus not found (set DOCSCREEN_CORPUS)")
    return found


@pytest.fixture(scope="session")
def truth() -> dict:
    path = FIXTURES / "truth.json"
    if not path.is_file():
        pytest.fail("fixtures/truth.json is missing: run `make fixtures`")
    return json.loads(path.read_text(encoding="utf-8"))


# -- a tiny DOCX writer for unit tests (raw XML, so every construct can be placed exactly) --
import io as _io
import zipfile as _zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def make_docx(body: str, *, parts: dict[str, str | bytes] | None = None,
              rels: list[tuple[str, str, str]] | None = None, main_ct: str = CT_MAIN,
              root_tag: str = "w:document") -> bytes:
    """A DOCX whose body is ``body`` (WordprocessingML inside w:body).

    ``rels`` are (id, type suffix, target) of word/document.xml; ``parts`` extra members.
    """
    rel_xml = "".join(
        f'<Relationship Id="{rid}" Type="{RT}{rtype}" Target="{target}"'
        + (' TargetMode="External"' if target.startswith(("http", "mailto")) else "")
        + "/>"
        for rid, rtype, target in rels or []
    )
    buf = _io.BytesIO()
    with _zipfile.ZipFile(buf, "w", _zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_ct}"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{RT}officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", f'<{root_tag} {_NSDECL}><w:body>{body}</w:body></{root_tag}>')
        zf.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}</Relationships>',
        )
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def wxml(inner: str, root: str) -> str:
    """A part with the usual namespace declarations."""
    return f"<{root} {_NSDECL}>{inner}</{root}>"


@pytest.fixture(scope="session")
def scanner():
    """One Scanner for the session (the engine loads once), with a fixed test key."""
    from docscreen.api import Scanner

    return Scanner(fingerprint_key=b"docscreen-test-key-0123456789abc")


TEST_KEY = b"docscreen-test-key-0123456789abc"


@pytest.fixture
def cli_env(monkeypatch, scanner, tmp_path):
    """For CLI runs in this process: the test fingerprint key (no key file written), and the
    session Scanner reused by ``--jobs 0`` and ``explain`` (the engine loads once)."""
    from docscreen import runner
    from docscreen.limits import Limits

    monkeypatch.setenv("DOCSCREEN_FINGERPRINT_KEY", TEST_KEY.hex())
    monkeypatch.setenv("DOCSCREEN_KEY_FILE", str(tmp_path / "unused-key-file"))
    runner._SCANNERS.setdefault((Limits(), 0.5, TEST_KEY), scanner)
    return TEST_KEY


DOCX_MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def write_zip_bomb(path, size: int) -> None:
    """A DOCX whose document.xml inflates to ``size`` bytes of zeros (written in 1 MiB chunks,
    never held in memory; about 1 KB on disk per MiB)."""
    with _zipfile.ZipFile(path, "w", _zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN_CT}"/></Types>',
        )
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\x00" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)


# --- the classifier's reproduction, started early --------------------------------------------
# tests/unit/test_textcat_model.py::test_training_is_deterministic retrains the committed
# classifier (minutes on one core: training is single-threaded). When the suite is going to run
# it, the training starts as soon as collection ends, in the background at the lowest CPU
# priority, so it uses the core the rest of the suite leaves idle; the test then waits for it and
# compares. A run that deselects the test never starts it; one that ends early stops it.

REPRODUCED_TEST = "test_training_is_deterministic"
_REPRODUCTION = pytest.StashKey[dict]()


def start_classifier_training(out: Path, *, background: bool) -> dict:
    """Start ``models/train_textcat.py`` up to the committed model's kept epoch, with its seed,
    writing to ``out``; its output goes to a log file next to ``out`` (no pipe to fill)."""
    import subprocess
    import sys

    recorded = json.loads((ROOT / "models" / "disclosure_textcat" / "training.json").read_text())
    log = out.parent / "training.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "models" / "train_textcat.py"), "--out", str(out),
             "--epochs", str(recorded["kept_epoch"]), "--seed", str(recorded["seed"])],
            stdout=sink, stderr=subprocess.STDOUT, preexec_fn=(lambda: os.nice(19)) if background else None,
        )
    return {"proc": proc, "out": out, "log": log}


def pytest_collection_finish(session) -> None:
    if session.config.option.collectonly or not any(i.name == REPRODUCED_TEST for i in session.items):
        return
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="docscreen-textcat-"))
    session.config.stash[_REPRODUCTION] = start_classifier_training(work / "textcat", background=True)


def pytest_sessionfinish(session) -> None:
    started = session.config.stash.get(_REPRODUCTION, None)
    if started is None:
        return
    import shutil

    if started["proc"].poll() is None:
        started["proc"].kill()
        started["proc"].wait()
    shutil.rmtree(started["out"].parent, ignore_errors=True)


@pytest.fixture
def reproduced_classifier(request, tmp_path) -> Path:
    """The directory the training run wrote (started early by the session, or now)."""
    import subprocess

    started = request.config.stash.get(_REPRODUCTION, None)
    if started is None:
        started = start_classifier_training(tmp_path / "textcat", background=False)
    try:
        code = started["proc"].wait(timeout=900)
    except subprocess.TimeoutExpired:
        started["proc"].kill()
        raise
    assert code == 0, started["log"].read_text(errors="replace")[-3000:]
    return started["out"]
