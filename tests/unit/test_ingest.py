"""Format detection from bytes, mismatch warnings, and the guards that run before parsers."""

from __future__ import annotations

import io
import time
import zipfile

import psutil
import pytest
from conftest import DOCX_MAIN_CT, make_docx, write_zip_bomb

from docscreen import ErrorCode, Limits, extract_bytes
from docscreen.ingest import declared_mismatch, sniff
from docscreen.ingest.guards import check_zip

CT_DOCX = DOCX_MAIN_CT
CT_DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def ooxml(main_ct: str) -> bytes:
    return make_docx("<w:p/>", main_ct=main_ct)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x00\x00junk before the header %PDF-1.4\n", "pdf"),
        (ooxml(CT_DOCX), "docx"),
        (ooxml(CT_DOCM), "docm"),
        (ooxml(CT_DOTX), "dotx"),
        (ooxml(CT_XLSX), "xlsx"),
        (b"{\\rtf1\\ansi hello}", "rtf"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "html"),
        (b"  \n<html lang='en'><p>hi</p></html>", "html"),
        (b'<?xml version="1.0"?><a/>', "xml"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
        (b"Plain resume text\nwith lines\n", "txt"),
        ("Résumé — naïve café".encode("utf-8"), "txt"),
        (b"", "empty"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_sniff_kinds(data: bytes, kind: str) -> None:
    assert sniff(data).kind == kind


def test_sniff_odt_by_mimetype_member() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    assert sniff(buf.getvalue()).kind == "odt"


def test_sniff_plain_zip_and_damaged_zip() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert sniff(buf.getvalue()).kind == "zip"
    assert sniff(b"PK\x03\x04" + b"\x00" * 40).kind == "zip"


def test_sniff_ignores_name_and_declared_type() -> None:
    # A PDF named .docx and declared as text is still a PDF, with a warning.
    detection = sniff(b"%PDF-1.4\n")
    assert detection.kind == "pdf"
    warning = declared_mismatch(detection, "resume.docx", "text/plain")
    assert warning and "'.docx'" in warning and "text/plain" in warning
    assert declared_mismatch(detection, "resume.PDF", "application/pdf") is None
    assert declared_mismatch(sniff(b"hello"), "notes.txt", "text/plain; charset=utf-8") is None


def test_legacy_and_encrypted_office_from_corpus(corpus) -> None:
    poi = corpus / "hard_docs" / "apache-poi"
    assert sniff((poi / "simple.doc").read_bytes()).kind == "doc"
    assert sniff((poi / "bug53475-password-is-pass.docx").read_bytes()).kind == "ooxml_encrypted"
    doc = extract_bytes((poi / "bug53475-password-is-pass.docx").read_bytes(), name="x.docx")
    assert [e.code for e in doc.errors] == [ErrorCode.ENCRYPTED]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"{\\rtf1 hello}", ErrorCode.UNSUPPORTED),
        (b'<?xml version="1.0"?><resume><ssn>x</ssn></resume>', ErrorCode.UNSUPPORTED),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ErrorCode.UNSUPPORTED),
        (bytes(range(256)) * 4, ErrorCode.UNSUPPORTED),
        (ooxml(CT_XLSX), ErrorCode.UNSUPPORTED),
        (b"PK\x03\x04" + b"\x00" * 40, ErrorCode.CORRUPT),
    ],
)
def test_unread_formats_are_errors_never_clean(data: bytes, code: ErrorCode) -> None:
    doc = extract_bytes(data)
    assert not doc.complete
    assert doc.errors[0].code == code
    assert doc.segments == ()


def test_size_limit_is_checked_before_parsing() -> None:
    doc = extract_bytes(b"%PDF-1.4\n" + b"x" * 2000, limits=Limits(max_bytes=1000))
    assert [e.code for e in doc.errors] == [ErrorCode.TOO_LARGE]
    assert doc.detection.kind == "pdf"


def test_docx_zip_bomb_refused_fast_and_without_memory_growth(tmp_path) -> None:
    bomb = tmp_path / "bomb.docx"
    write_zip_bomb(bomb, 1 << 30)  # 1 GiB of zeros, about 1 MB on disk
    data = bomb.read_bytes()
    assert len(data) < 2 * 1024 * 1024
    proc = psutil.Process()
    rss_before = proc.memory_info().rss
    start = time.perf_counter()
    doc = extract_bytes(data, name="bomb.docx")
    elapsed = time.perf_counter() - start
    grown = proc.memory_info().rss - rss_before
    assert [e.code for e in doc.errors] == [ErrorCode.ZIP_BOMB]
    assert elapsed < 0.5
    assert grown < 64 * 1024 * 1024


def test_zip_entry_count_limit() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(50):
            zf.writestr(f"x/{i}.xml", "<a/>")
    with pytest.raises(Exception) as info:
        check_zip(buf.getvalue(), Limits(max_zip_entries=10))
    assert info.value.code == ErrorCode.ZIP_BOMB


def test_zip_total_size_limit() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(3):
            zf.writestr(f"x/{i}.bin", b"y" * 1000)
    with pytest.raises(Exception) as info:
        check_zip(buf.getvalue(), Limits(max_zip_uncompressed=2500))
    assert info.value.code == ErrorCode.ZIP_BOMB
    check_zip(buf.getvalue(), Limits(max_zip_uncompressed=3000))  # at the limit is fine
