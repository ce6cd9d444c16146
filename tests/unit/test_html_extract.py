"""HTML: visible text by block, and the places a reader does not see but a parser does."""

from __future__ import annotations

from conftest import make_docx

from docscreen import extract_bytes

PAGE = b"""<!DOCTYPE html><html><head><title>Resume of Jo</title>
<meta name="description" content="META-DESC">
<style>.x { color: red }</style><script>var CODE = 1;</script>
<script type="application/ld+json">{"identifier": "JSONLD-ID"}</script></head>
<body><h1>Jo <b>Smith</b></h1><p>SSN <span>123</span>-45-6789 in one paragraph</p>
<!-- COMMENT-TEXT -->
<div style="display: none">HIDDEN-DIV</div>
<img src="a.png" alt="ALT-TEXT"><input type="hidden" value="FORM-VALUE">
<a href="mailto:jo@example.org">mail</a>
<ul><li>one</li><li>two</li></ul></body></html>"""


def test_html_places() -> None:
    doc = extract_bytes(PAGE, name="resume.html")
    assert doc.complete and doc.detection.kind == "html"
    got = {(s.location.part, s.text, tuple(sorted(s.flags))) for s in doc.segments}
    assert ("body", "Jo Smith", ()) in got
    assert ("body", "SSN 123-45-6789 in one paragraph", ()) in got
    assert ("comment", "COMMENT-TEXT", ()) in got
    assert ("body", "HIDDEN-DIV", ("hidden",)) in got
    assert ("alt_text", "ALT-TEXT", ()) in got
    assert ("form_field", "FORM-VALUE", ("hidden",)) in got
    assert ("link", "mailto:jo@example.org", ()) in got
    assert ("metadata", "META-DESC", ()) in got
    assert ("metadata", "Resume of Jo", ()) in got
    assert any("JSONLD-ID" in t for p, t, _ in got if p == "metadata")
    assert not any("CODE" in t or "color" in t for _p, t, _f in got)
    assert [s.text for s in doc.segments if s.text in ("one", "two")] == ["one", "two"]


def test_html_altchunk_inside_docx_is_read() -> None:
    data = make_docx(
        '<w:altChunk r:id="rId3"/>',
        parts={"word/afchunk.htm": "<html><body><p>CHUNK-TEXT</p></body></html>"},
        rels=[("rId3", "aFChunk", "afchunk.htm")],
    )
    doc = extract_bytes(data)
    assert doc.complete, doc.errors
    chunk = [s for s in doc.segments if s.text == "CHUNK-TEXT"]
    assert chunk and chunk[0].location.container == ("embedding#1",)
