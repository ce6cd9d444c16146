"""Plain text: encodings, BOMs, newlines, paragraphs, binary refused."""

from __future__ import annotations

import codecs

import pytest

from docscreen import ErrorCode, Limits, extract_bytes
from docscreen.extract.text import detect_encoding

SAMPLE = "Jane Doe\nCafé résumé — naïve\n\nAccount 0012345678 in one token\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_detected_and_decoded(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding
    doc = extract_bytes(data, name="a.txt")
    assert doc.complete
    assert "Café résumé — naïve" in doc.text
    assert "\ufeff" not in doc.text


def test_windows_1252_without_bom() -> None:
    text = ("Experienced barista at the café; résumé attached. Naïve coöperation. " * 5).encode("cp1252")
    doc = extract_bytes(text)
    assert doc.complete
    assert "café" in doc.text and "résumé" in doc.text


def test_newlines_normalised_and_paragraph_locations() -> None:
    doc = extract_bytes(b"first line\r\nsecond line\r\n\r\nthird para\rstill third\n\n\n\nfourth")
    assert "\r" not in doc.text
    assert [s.text for s in doc.segments] == [
        "first line\nsecond line",
        "third para\nstill third",
        "fourth",
    ]
    assert [s.location.index for s in doc.segments] == [0, 1, 2]
    assert [s.location.detail for s in doc.segments] == ["line 1", "line 4", "line 9"]
    assert {s.location.part for s in doc.segments} == {"body"}


def test_binary_content_is_refused_not_decoded() -> None:
    blob = bytes(range(1, 32)) * 100  # control characters, no NULs
    doc = extract_bytes(blob, name="resume.txt")
    assert not doc.complete
    assert doc.errors[0].code in (ErrorCode.UNSUPPORTED, ErrorCode.NOT_TEXT)
    assert doc.segments == ()


def test_character_limit_truncates_and_flags() -> None:
    doc = extract_bytes(("word " * 1000).encode(), limits=Limits(max_chars=100))
    assert doc.char_count == 100
    assert [e.code for e in doc.errors] == [ErrorCode.TOO_MUCH_TEXT]


def test_empty_file_is_a_warning_not_an_error() -> None:
    doc = extract_bytes(b"")
    assert doc.complete and doc.segments == () and doc.warnings


def test_size_and_sha256_of_the_bytes_handed_in(tmp_path) -> None:
    import hashlib

    from docscreen import extract_path

    data = b"some resume text"
    doc = extract_bytes(data)
    assert (doc.size, doc.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    over = extract_path(big, limits=Limits(max_bytes=1000))
    assert [e.code for e in over.errors] == [ErrorCode.TOO_LARGE]
    assert (over.size, over.sha256) == (5000, hashlib.sha256(b"x" * 5000).hexdigest())
