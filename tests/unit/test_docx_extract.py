"""DOCX details that the generated fixtures do not pin down one by one."""

from __future__ import annotations

from conftest import make_docx, wxml

from docscreen import ErrorCode, Limits, extract_bytes


def p(text: str, rpr: str = "") -> str:
    return f'<w:p><w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def by_part(doc, part):
    return [s for s in doc.segments if s.location.part == part]


def test_runs_join_into_one_paragraph_and_number_stays_one_token() -> None:
    body = (
        "<w:p><w:r><w:t>Account: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>00123</w:t></w:r>"
        "<w:r><w:t>45678</w:t></w:r><w:r><w:tab/><w:t>end</w:t></w:r></w:p>"
    )
    doc = extract_bytes(make_docx(body))
    assert doc.complete
    assert [s.text for s in doc.segments] == ["Account: 0012345678\tend"]


def test_tracked_changes_final_text_and_deleted_original() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">SSN </w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>OLDVALUE</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>NEWVALUE</w:t></w:r></w:ins></w:p>'
    )
    doc = extract_bytes(make_docx(body))
    segments = by_part(doc, "body")
    assert [(s.text, sorted(s.flags)) for s in segments] == [
        ("SSN NEWVALUE", []),
        ("SSN OLDVALUE", ["deleted"]),
    ]


def test_hidden_formatting_flags_from_run_and_style() -> None:
    styles = wxml(
        '<w:style w:type="character" w:styleId="Ghost"><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Ghost2"><w:basedOn w:val="Ghost"/></w:style>',
        "w:styles",
    )
    body = (
        p("visible")
        + p("vanished", "<w:vanish/>")
        + p("not vanished", '<w:vanish w:val="false"/>')
        + p("white", '<w:color w:val="FFFFFF"/>')
        + p("tiny", '<w:sz w:val="2"/>')
        + '<w:p><w:r><w:rPr><w:rStyle w:val="Ghost2"/></w:rPr><w:t>styled</w:t></w:r></w:p>'
    )
    doc = extract_bytes(
        make_docx(body, parts={"word/styles.xml": styles}, rels=[("rId9", "styles", "styles.xml")])
    )
    flags = {s.text: sorted(s.flags) for s in doc.segments}
    assert flags == {
        "visible": [],
        "vanished": ["hidden"],
        "not vanished": [],
        "white": ["white_text"],
        "tiny": ["tiny_text"],
        "styled": ["hidden"],
    }


def test_alternate_content_textbox_read_once() -> None:
    box = '<w:txbxContent><w:p><w:r><w:t>BOXTEXT</w:t></w:r></w:p></w:txbxContent>'
    body = (
        "<w:p><w:r><w:t>before</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    doc = extract_bytes(make_docx(body))
    assert [s.text for s in by_part(doc, "textbox")] == ["BOXTEXT"]
    assert [s.text for s in by_part(doc, "body")] == ["before"]


def test_vml_only_textbox() -> None:
    body = '<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VMLBOX</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
    doc = extract_bytes(make_docx(body))
    assert [s.text for s in by_part(doc, "textbox")] == ["VMLBOX"]


def test_nested_tables_and_content_controls_in_order() -> None:
    inner = f"<w:tbl><w:tr><w:tc>{p('inner')}</w:tc></w:tr></w:tbl>"
    body = (
        p("first")
        + f"<w:tbl><w:tr><w:tc>{p('a1')}{inner}</w:tc><w:tc>{p('b1')}</w:tc></w:tr></w:tbl>"
        + f"<w:sdt><w:sdtContent>{p('in control')}</w:sdtContent></w:sdt>"
        + p("last")
    )
    doc = extract_bytes(make_docx(body))
    assert [(s.text, s.location.detail) for s in doc.segments] == [
        ("first", None),
        ("a1", "table 1 r1c1"),
        ("inner", "table 1 r1c1 > table 1 r1c1"),
        ("b1", "table 1 r1c2"),
        ("in control", None),
        ("last", None),
    ]
    assert [s.location.index for s in doc.segments] == list(range(6))


def test_field_codes_and_hyperlink_targets() -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD FIELDCODE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>my site</w:t></w:r></w:hyperlink></w:p>'
    )
    doc = extract_bytes(make_docx(body, rels=[("rId5", "hyperlink", "https://example.org/LINKTARGET")]))
    assert [s.text for s in by_part(doc, "field_code")] == ["MERGEFIELD FIELDCODE"]
    assert [s.text for s in by_part(doc, "body")] == ["shown", "my site"]
    assert [s.text for s in by_part(doc, "link")] == ["https://example.org/LINKTARGET"]


def test_docm_and_strict_namespace_read_like_docx() -> None:
    docm = make_docx(p("macro doc"), main_ct="application/vnd.ms-word.document.macroEnabled.main+xml")
    assert extract_bytes(docm).text == "macro doc"
    strict = make_docx(p("strict"), root_tag="w:document").replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    assert extract_bytes(strict).text == "strict"


def test_missing_header_part_is_an_error_for_that_part_only() -> None:
    body = p("body text") + '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>'
    doc = extract_bytes(make_docx(body, rels=[("rId7", "header", "header1.xml")]))
    assert doc.text == "body text"
    assert [e.code for e in doc.errors] == [ErrorCode.CORRUPT]
    assert "missing" in doc.errors[0].message


def test_broken_header_xml_keeps_body_and_reports_part() -> None:
    body = p("body text") + '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>'
    doc = extract_bytes(
        make_docx(body, rels=[("rId7", "header", "header1.xml")], parts={"word/header1.xml": "<w:hdr"})
    )
    assert doc.text == "body text"
    assert [e.code for e in doc.errors] == [ErrorCode.CORRUPT]
    assert "header1.xml" in doc.errors[0].message


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED-FILE-CONTENT")
    doc_xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>"
    )
    data = make_docx("")
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            zf.writestr(info, doc_xml if info.filename == "word/document.xml" else src.read(info))
    doc = extract_bytes(out.getvalue())
    assert "LEAKED" not in doc.text


def test_main_part_malformed_is_corrupt() -> None:
    data = make_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>")
    doc = extract_bytes(data)
    assert [e.code for e in doc.errors] == [ErrorCode.CORRUPT]


def test_unknown_embedding_is_unscanned_and_depth_limited() -> None:
    # An embedded DOCX that embeds a DOCX that embeds a DOCX ...: past max_depth, TOO_DEEP.
    inner = make_docx(p("level3"))
    for level in (2, 1):
        inner = make_docx(p(f"level{level}"), parts={"word/embeddings/doc.docx": inner})
    outer = make_docx(
        p("level0"),
        parts={"word/embeddings/doc.docx": inner, "word/embeddings/blob.bin": b"\x01\x02" * 50},
    )
    doc = extract_bytes(outer, limits=Limits(max_depth=2))
    texts = {s.text: s.location.container for s in doc.segments}
    assert texts["level0"] == ()
    assert texts["level2"] == ("embedding#2", "embedding#1")
    assert "level3" not in texts
    codes = sorted(e.code.value for e in doc.errors)
    assert codes == ["too_deep", "unscanned_content"]
    assert doc.embedded == 2


def test_embedded_zip_archive_is_unscanned_content_not_unsupported() -> None:
    # A readable zip (not a document) inside a DOCX: content of the document left unread.
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "inside a zip")
    doc = extract_bytes(make_docx(p("outer"), parts={"word/embeddings/pack.zip": buf.getvalue()}))
    assert [e.code for e in doc.errors] == [ErrorCode.UNSCANNED_CONTENT]
    assert doc.errors[0].location.container == ("embedding#1",)
    assert doc.embedded == 0
