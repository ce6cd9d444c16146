"""The generated fixtures against fixtures/truth.json.

* every hidden-place marker is extracted, in the part (and page / section / container /
  flags) the truth file names, and nowhere else;
* every expected error is reported with its code (and page);
* the extracted text of each resume and cover letter matches its source text word for word,
  and every planted value typed as one token is found as one token.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES

from docscreen import extract_path

TRUTH_DOCS = FIXTURES / "truth.json"


def _docs(kind: str | None = None):
    import json

    if not TRUTH_DOCS.is_file():
        return []
    docs = json.loads(TRUTH_DOCS.read_text(encoding="utf-8"))["documents"]
    return [d for d in docs if kind is None or d["kind"] == kind]


_cache: dict[str, object] = {}


def extracted(rel: str):
    if rel not in _cache:
        _cache[rel] = extract_path(FIXTURES / rel)
    return _cache[rel]


def test_truth_file_covers_the_issue() -> None:
    docs = _docs()
    assert docs, "fixtures/truth.json is missing or empty: run `make fixtures`"
    resumes = {Path(d["file"]).stem for d in docs if d["kind"] == "resume"}
    letters = {Path(d["file"]).stem for d in docs if d["kind"] == "cover_letter"}
    assert len(resumes) >= 12 and len(letters) >= 6
    formats = {d["format"] for d in docs if d["kind"] in ("resume", "cover_letter")}
    assert {"pdf", "docx", "txt"} <= formats
    parts = {m["part"] for d in docs for m in d.get("markers", [])}
    assert {
        "page", "comment", "annotation", "link", "form_field", "metadata", "outline", "attachment",
        "body", "header", "footer", "footnote", "endnote", "textbox", "field_code", "alt_text",
    } <= parts
    flags = {f for d in docs for m in d.get("markers", []) for f in m.get("flags", [])}
    assert {"deleted", "hidden", "white_text", "tiny_text"} <= flags


def _marker_cases():
    return [
        pytest.param(d["file"], m, id=f"{Path(d['file']).name}:{m['marker']}")
        for d in _docs("hidden_place")
        for m in d.get("markers", [])
    ]


@pytest.mark.parametrize(("rel", "marker"), _marker_cases())
def test_marker_is_extracted_in_its_place(rel: str, marker: dict) -> None:
    doc = extracted(rel)
    hits = [s for s in doc.segments if marker["marker"] in s.text]
    assert hits, f"{marker['marker']} not extracted from {rel}"
    places = {
        (
            s.location.part,
            s.location.page,
            s.location.section,
            tuple(s.location.container),
        )
        for s in hits
    }
    want = (
        marker["part"],
        marker.get("page"),
        marker.get("section"),
        tuple(marker.get("container") or ()),
    )
    assert want in places, f"{marker['marker']}: expected {want}, got {sorted(places, key=str)}"
    matching = [
        s
        for s in hits
        if (s.location.part, s.location.page, s.location.section, tuple(s.location.container)) == want
    ]
    if marker.get("detail_contains"):
        assert any(marker["detail_contains"] in (s.location.detail or "").lower() for s in matching), [
            s.location.detail for s in matching
        ]
    wanted_flags = set(marker.get("flags") or [])
    assert any(set(s.flags) == wanted_flags for s in matching), [sorted(s.flags) for s in matching]


def _error_cases():
    return [
        pytest.param(d["file"], e, id=f"{Path(d['file']).name}:{e['code']}")
        for d in _docs()
        for e in d.get("expect_errors", [])
    ]


@pytest.mark.parametrize(("rel", "expected"), _error_cases())
def test_expected_errors(rel: str, expected: dict) -> None:
    doc = extracted(rel)
    codes = [(e.code.value, e.location.page if e.location else None) for e in doc.errors]
    if expected.get("page") is not None:
        assert (expected["code"], expected["page"]) in codes, codes
    else:
        assert expected["code"] in [c for c, _p in codes], codes


def test_documents_without_expected_errors_are_complete() -> None:
    for d in _docs():
        if not d.get("expect_errors"):
            doc = extracted(d["file"])
            assert doc.complete, (d["file"], doc.errors)


_WORD = re.compile(r"\S+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _source_cases():
    return [
        pytest.param(d, id=Path(d["file"]).name)
        for d in _docs()
        if d["kind"] in ("resume", "cover_letter") and d.get("source_text")
    ]


@pytest.mark.parametrize("entry", _source_cases())
def test_extracted_text_matches_source(entry: dict) -> None:
    source = (FIXTURES / entry["source_text"]).read_text(encoding="utf-8")
    doc = extracted(entry["file"])
    body = "\n".join(s.text for s in doc.segments if s.location.part in ("page", "body"))
    # Word order and spacing: the source's words appear in the same order.
    assert _words(body) == _words(source) or _is_subsequence(_words(source), _words(body)), entry["file"]
    for planted in entry.get("planted", []):
        value = planted["value"]
        # A value typed as one token is found as one token (a regex can find it).
        if " " not in value:
            assert re.search(rf"(?<!\S){re.escape(value)}(?!\w)", body), (entry["file"], planted["entity_type"])
        else:
            assert value in body, (entry["file"], planted["entity_type"])


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    """Every source word, in order (extra words such as PDF page numbers may sit between)."""
    it = iter(hay)
    return all(any(w == h for h in it) for w in needle)
