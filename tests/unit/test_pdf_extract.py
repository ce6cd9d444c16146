"""PDF details: limits, encryption, image-only pages, attachments depth, quiet pypdf."""

from __future__ import annotations

import io
import logging

import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from docscreen import ErrorCode, Limits, extract_bytes


def make_pdf(pages: list[str], image_pages: tuple[int, ...] = ()) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    for i, text in enumerate(pages, start=1):
        y = 720
        for line in text.split("\n"):
            c.drawString(72, y, line)
            y -= 14
        if i in image_pages:
            png = _png()
            c.drawImage(ImageReader(io.BytesIO(png)), 72, 300, width=200, height=200)
        c.showPage()
    c.save()
    return buf.getvalue()


def _png() -> bytes:
    import struct
    import zlib

    raw = b"".join(b"\x00" + bytes([x % 256, (x * 3) % 256, 128]) * 8 for x in range(8))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_page_text_with_page_numbers() -> None:
    doc = extract_bytes(make_pdf(["first page text", "second page IBAN DE89370400440532013000"]))
    assert doc.complete and doc.pages == 2
    pages = [s for s in doc.segments if s.location.part == "page"]
    assert [s.location.page for s in pages] == [1, 2]
    assert "DE89370400440532013000" in pages[1].text
    assert {s.location.part for s in doc.segments} == {"page", "metadata"}


def test_page_limit_reads_first_pages_and_flags() -> None:
    doc = extract_bytes(make_pdf([f"page {i}" for i in range(1, 6)]), limits=Limits(max_pages=2))
    assert [s.location.page for s in doc.segments if s.location.part == "page"] == [1, 2]
    assert [e.code for e in doc.errors] == [ErrorCode.TOO_MANY_PAGES]


def test_char_limit() -> None:
    doc = extract_bytes(make_pdf(["x" * 80] * 3), limits=Limits(max_chars=100))
    assert doc.char_count == 100
    assert ErrorCode.TOO_MUCH_TEXT in [e.code for e in doc.errors]


def test_image_only_page_reported_with_its_number() -> None:
    doc = extract_bytes(make_pdf(["real text on page one", "", "Page 3"], image_pages=(2, 3)))
    image_only = [e for e in doc.errors if e.code == ErrorCode.IMAGE_ONLY_PAGE]
    assert [e.location.page for e in image_only] == [2, 3]
    assert "image-only page 2" in image_only[0].message


def test_page_with_text_and_image_is_not_image_only() -> None:
    doc = extract_bytes(make_pdf(["A resume page with a photo and plenty of text"], image_pages=(1,)))
    assert doc.complete


def _encrypt(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_empty_user_password_is_opened(algorithm: str) -> None:
    data = _encrypt(make_pdf(["secret page text"]), "", "owner-pw", algorithm)
    doc = extract_bytes(data)
    assert doc.complete, doc.errors
    assert "secret page text" in doc.text
    assert any("empty user password" in w for w in doc.warnings)


def test_user_password_is_an_encrypted_error() -> None:
    data = _encrypt(make_pdf(["secret page text"]), "user-pw", "owner-pw", "AES-256")
    doc = extract_bytes(data)
    assert [e.code for e in doc.errors] == [ErrorCode.ENCRYPTED]
    assert doc.segments == ()


def _with_attachment(outer_pages: list[str], name: str, payload: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(outer_pages)))
    writer.add_attachment(name, payload)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attachments_recursive_until_depth_limit() -> None:
    data = make_pdf(["level3 text"])
    for level in (2, 1, 0):
        data = _with_attachment([f"level{level} text"], f"level{level + 1}.pdf", data)
    doc = extract_bytes(data, limits=Limits(max_depth=2))
    containers = {s.text.strip(): s.location.container for s in doc.segments if s.location.part == "page"}
    assert containers["level0 text"] == ()
    assert containers["level1 text"] == ("attachment#1",)
    assert containers["level2 text"] == ("attachment#1", "attachment#1")
    assert "level3 text" not in containers
    assert [e.code for e in doc.errors] == [ErrorCode.TOO_DEEP]
    names = [s.text for s in doc.segments if s.location.part == "attachment"]
    assert names == ["level1.pdf", "level2.pdf", "level3.pdf"]


def test_unknown_attachment_is_unscanned_content() -> None:
    doc = extract_bytes(_with_attachment(["outer"], "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32))
    assert [e.code for e in doc.errors] == [ErrorCode.UNSCANNED_CONTENT]


def test_corrupt_pdf_is_a_typed_error_and_pypdf_is_quiet(capfd, caplog) -> None:
    good = make_pdf(["hello world"])
    broken = good.replace(b"xref", b"xrex").replace(b"startxref", b"startxrex")
    caplog.set_level(logging.WARNING)
    doc = extract_bytes(broken[: len(broken) // 2])
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert doc.errors or doc.segments  # a typed error, or pypdf recovered the text
    for e in doc.errors:
        assert isinstance(e.code, ErrorCode)


def test_truncated_garbage_after_header_is_corrupt() -> None:
    doc = extract_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog")
    assert [e.code for e in doc.errors] == [ErrorCode.CORRUPT]
