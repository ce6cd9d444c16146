"""WordprocessingML (DOCX, DOCM, DOTX, DOTM) extraction.

Reads the package with ``zipfile`` (after the zip guard) and every XML part with a safe lxml
parser (no entities, no network, no DTD). python-docx's ``Document()`` is not used at run
time: it refuses the DOCM/DOTX main content types and fails a whole document when one
related part is missing, while a scanner has to read every story it can and say which one it
could not. The walk follows the relationships of the main document part, so parts are found
the way Word finds them, whatever their names.

Stories read, in document order within each: body (paragraphs, tables and nested tables,
content controls, custom XML), headers and footers of every section (default, first, even),
footnotes, endnotes, comments, text boxes (DrawingML ``wps:txbx`` and VML ``v:textbox``; the
VML fallback of an ``mc:AlternateContent`` is skipped when it repeats the DrawingML choice),
tracked changes (inserted text in the paragraph; deleted text as a separate ``deleted``
segment holding the paragraph as it was), field instructions, hyperlink targets, legacy
form-field data, image alt text, the glossary document, core / app / custom properties and
embedded objects (extracted recursively when docscreen can read them).

Formatting that hides text from the eye (``w:vanish``, white colour, fonts under 2 pt, from the
run or its styles) does not hide it from extraction; segments carry a flag saying so.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import CorruptDocument, ErrorCode, describe_exception
from ..ingest import safexml
from ..ingest.guards import check_zip, read_member
from ..model import Detection, Location
from .base import Budget, Counter, ExtractResult

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


#: Largest XML part parsed (declared sizes are already bounded by the zip guard).
_MAX_PART = 64 * 1024 * 1024

_APP_STATS = {
    "Template", "TotalTime", "Pages", "Words", "Characters", "Application", "DocSecurity",
    "Lines", "Paragraphs", "ScaleCrop", "LinksUpToDate", "CharactersWithSpaces", "SharedDoc",
    "HyperlinksChanged", "AppVersion", "HeadingPairs", "TitlesOfParts", "Notes", "Slides",
    "HiddenSlides", "MMClips", "PresentationFormat",
}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Rel:
    rtype: str  # the last path segment of the relationship type, e.g. "header"
    target: str  # part name inside the zip, or the external URI
    external: bool


@dataclass
class _Styles:
    """Style ids whose run properties hide text, with the flag they give."""

    flags: dict[str, frozenset[str]] = field(default_factory=dict)


class _Package:
    def __init__(self, zf: zipfile.ZipFile, result: ExtractResult, budget: Budget) -> None:
        self.zf = zf
        self.result = result
        self.budget = budget
        self.infos = {info.filename: info for info in zf.infolist()}

    def has(self, name: str) -> bool:
        return name in self.infos

    def raw(self, name: str) -> bytes:
        return read_member(self.zf, self.infos[name])

    def xml(self, name: str, *, required: bool = False, referenced: bool = False) -> etree._Element | None:
        """Parse a part; a missing or broken optional part is an error for that part only.

        ``referenced``: the document points at this part (a header, the footnotes...), so
        its absence is damage to report; optional parts (properties, rels) may be absent.
        """
        if name not in self.infos:
            if required:
                raise CorruptDocument(f"DOCX main part {name[:80]} is missing")
            if referenced:
                self.result.error(ErrorCode.CORRUPT, f"part {name[:80]} is referenced but missing")
            return None
        info = self.infos[name]
        if info.file_size > _MAX_PART:
            self.result.error(ErrorCode.TOO_LARGE, f"XML part {name[:80]} is too large to read")
            return None
        self.budget.check_time(f"part {name[:80]}")
        try:
            data = read_member(self.zf, info)
            root = safexml.parse(data)
        except CorruptDocument:
            if required:
                raise
            self.result.error(ErrorCode.CORRUPT, f"part {name[:80]} is unreadable")
            return None
        except etree.XMLSyntaxError as exc:
            if required:
                raise CorruptDocument(
                    f"DOCX main part is not well-formed XML ({describe_exception(exc)})"
                ) from None
            self.result.error(ErrorCode.CORRUPT, f"part {name[:80]} is not well-formed XML")
            return None
        return _to_transitional(root)

    def rels(self, part: str) -> dict[str, _Rel]:
        base_dir, base_name = posixpath.split(part)
        rels_name = posixpath.join(base_dir, "_rels", base_name + ".rels")
        root = self.xml(rels_name)
        rels: dict[str, _Rel] = {}
        if root is None:
            return rels
        for el in root.iter(f"{{{PKG_RELS}}}Relationship"):
            rid = el.get("Id") or ""
            rtype = (el.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
            target = el.get("Target") or ""
            external = (el.get("TargetMode") or "") == "External"
            if not external:
                target = _resolve(base_dir, target)
            rels[rid] = _Rel(rtype, target, external)
        return rels


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, target))


def _to_transitional(root: etree._Element) -> etree._Element:
    """Strict OOXML uses other namespace URIs; rename them so one walker serves both."""
    if W_STRICT not in (root.nsmap or {}).values() and not str(root.tag).startswith(f"{{{W_STRICT}}}"):
        return root
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{W_STRICT}}}"):
            el.tag = f"{{{W}}}" + el.tag.split("}", 1)[1]
        for key in list(el.attrib):
            if key.startswith(f"{{{W_STRICT}}}"):
                el.attrib[f"{{{W}}}" + key.split("}", 1)[1]] = el.attrib.pop(key)
    return root


def extract_docx(data: bytes, detection: Detection, budget: Budget) -> ExtractResult:
    result = ExtractResult()
    zf = check_zip(data, budget.limits)
    pkg = _Package(zf, result, budget)
    main = _main_part(pkg)
    root = pkg.xml(main, required=True)
    body = root.find(w("body")) if root is not None else None
    if body is None:
        raise CorruptDocument("DOCX main part has no body")
    rels = pkg.rels(main)
    styles = _load_styles(pkg, rels)
    walker = _Walker(pkg, result, budget, styles)

    walker.block(body, "body")
    walker.story_extras(root, "body", rels)
    _headers_footers(pkg, walker, body, rels)
    _notes(pkg, walker, rels)
    _comments(pkg, walker, rels)
    _glossary(pkg, walker, rels)
    _properties(pkg, result, budget)
    _embeddings(pkg, result, budget, rels)
    return result


def _main_part(pkg: _Package) -> str:
    root = pkg.xml("_rels/.rels")
    if root is not None:
        for el in root.iter(f"{{{PKG_RELS}}}Relationship"):
            if (el.get("Type") or "").endswith("/officeDocument"):
                target = _resolve("", el.get("Target") or "")
                if pkg.has(target):
                    return target
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    raise CorruptDocument("DOCX package has no main document part")


class _Walker:
    """Walks WordprocessingML stories, turning them into segments."""

    def __init__(self, pkg: _Package, result: ExtractResult, budget: Budget, styles: _Styles) -> None:
        self.pkg = pkg
        self.result = result
        self.budget = budget
        self.styles = styles
        self.index = Counter()

    def add(self, text: str, part: str, flags=frozenset(), **loc) -> None:
        if not text or not text.strip():
            return
        self.result.add(text, Location(part, index=self.index(part), **loc), self.budget, flags)

    # -- block level -------------------------------------------------------------------
    def block(self, container: etree._Element, part: str, detail: str | None = None, **loc) -> None:
        tables = 0
        for child in container:
            if self.budget.exhausted:
                return
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child, part, detail, **loc)
            elif tag == w("tbl"):
                tables += 1
                self.table(child, part, f"{detail + ' > ' if detail else ''}table {tables}", **loc)
            elif tag in (w("sdt"), w("customXml"), w("smartTag")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self.block(content, part, detail, **loc)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is None:
                    choice = child.find(f"{{{MC}}}Fallback")
                if choice is not None:
                    self.block(choice, part, detail, **loc)
            elif tag in (w("ins"), w("moveTo")):
                self.block(child, part, detail, **loc)  # inserted block content

    def table(self, tbl: etree._Element, part: str, detail: str, **loc) -> None:
        for r, row in enumerate(_children(tbl, "tr", through=("sdt", "customXml")), start=1):
            for c, cell in enumerate(_children(row, "tc", through=("sdt", "customXml")), start=1):
                self.block(cell, part, f"{detail} r{r}c{c}", **loc)

    # -- paragraphs --------------------------------------------------------------------
    def paragraph(self, p: etree._Element, part: str, detail: str | None, **loc) -> None:
        para_flags = self._paragraph_style_flags(p)
        final: list[str] = []
        original: list[str] = []
        flags: set[str] = set()
        boxes: list[etree._Element] = []
        has_deleted = False
        pieces = [0]  # text pieces appended so far (to know whether a run added any)

        def visit(el: etree._Element, inserted: bool, deleted: bool) -> None:
            nonlocal has_deleted
            for child in el:
                tag = child.tag
                if not isinstance(tag, str):
                    continue
                if tag == w("txbxContent"):
                    boxes.append(child)
                    continue
                if tag == f"{{{MC}}}AlternateContent":
                    self._alternate(child, visit, inserted, deleted, boxes)
                    continue
                if tag == w("r"):
                    run_flags = self._run_flags(child) | para_flags
                    before = pieces[0]
                    visit(child, inserted, deleted)
                    if pieces[0] > before:
                        flags.update(run_flags)
                    continue
                if tag == w("t"):
                    if child.text:
                        pieces[0] += 1
                        final.append(child.text)
                        if not inserted:
                            original.append(child.text)
                    continue
                if tag == w("delText"):
                    if child.text:
                        has_deleted = True
                        pieces[0] += 1
                        original.append(child.text)
                    continue
                if tag in (w("tab"), w("ptab")):
                    final.append("\t")
                    original.append("\t")
                    continue
                if tag in (w("br"), w("cr")):
                    final.append("\n")
                    original.append("\n")
                    continue
                if tag == w("noBreakHyphen"):
                    final.append("-")
                    original.append("-")
                    continue
                if tag in (w("instrText"), w("delInstrText"), w("pPr"), w("rPr")):
                    continue  # field codes are read per story; properties hold no text
                if tag in (w("ins"), w("moveTo")):
                    visit(child, True, deleted)
                    continue
                if tag in (w("del"), w("moveFrom")):
                    visit(child, inserted, True)
                    continue
                visit(child, inserted, deleted)

        visit(p, False, False)
        text = "".join(final)
        self.add(text, part, frozenset(flags), detail=detail, **loc)
        if has_deleted:
            self.add("".join(original), part, frozenset(flags | {"deleted"}), detail=detail, **loc)
        for box in boxes:
            self.block(box, "textbox", None, **{k: v for k, v in loc.items() if k != "page"})

    def _alternate(self, alt: etree._Element, visit, inserted: bool, deleted: bool, boxes: list) -> None:
        """Read mc:Choice; read mc:Fallback only for what the choice does not carry."""
        choice = alt.find(f"{{{MC}}}Choice")
        fallback = alt.find(f"{{{MC}}}Fallback")
        if choice is not None:
            visit(choice, inserted, deleted)
            choice_has_box = next(choice.iter(w("txbxContent")), None) is not None
        else:
            choice_has_box = False
        if fallback is not None and (choice is None or not choice_has_box):
            visit(fallback, inserted, deleted)

    def _run_flags(self, run: etree._Element) -> set[str]:
        flags: set[str] = set()
        rpr = run.find(w("rPr"))
        if rpr is None:
            return flags
        style = rpr.find(w("rStyle"))
        if style is not None:
            flags.update(self.styles.flags.get(style.get(w("val")) or "", ()))
        flags.update(_rpr_flags(rpr))
        return flags

    def _paragraph_style_flags(self, p: etree._Element) -> set[str]:
        ppr = p.find(w("pPr"))
        if ppr is None:
            return set()
        style = ppr.find(w("pStyle"))
        if style is None:
            return set()
        return set(self.styles.flags.get(style.get(w("val")) or "", ()))

    # -- per-story extras --------------------------------------------------------------
    def story_extras(self, root: etree._Element, part: str, rels: dict[str, _Rel], **loc) -> None:
        """Field codes, alt text, form-field data and hyperlink targets of one story part."""
        codes = [el.text or "" for el in root.iter(w("instrText"), w("delInstrText"))]
        codes += [el.get(w("instr")) or "" for el in root.iter(w("fldSimple"))]
        for code in codes:
            self.add(code.strip(), "field_code", detail=part, **loc)
        for el in root.iter(f"{{{WP}}}docPr"):
            for attr in ("descr", "title"):
                self.add(el.get(attr) or "", "alt_text", detail=f"{part} {attr}", **loc)
        for el in root.iter(f"{{{V}}}shape", f"{{{V}}}rect", f"{{{V}}}roundrect", f"{{{V}}}oval"):
            for attr in ("alt", "title"):
                self.add(el.get(attr) or "", "alt_text", detail=f"{part} vml {attr}", **loc)
        for ff in root.iter(w("ffData")):
            bits = []
            for tag in ("name", "statusText", "helpText"):
                el = ff.find(w(tag))
                if el is not None and el.get(w("val")):
                    bits.append(el.get(w("val")))
            text_input = ff.find(w("textInput"))
            if text_input is not None:
                default = text_input.find(w("default"))
                if default is not None and default.get(w("val")):
                    bits.append(default.get(w("val")))
            self.add("\n".join(bits), "form_field", detail=f"{part} form field", **loc)
        seen: set[str] = set()
        for rel in rels.values():
            if rel.external and rel.rtype == "hyperlink" and rel.target not in seen:
                seen.add(rel.target)
                self.add(rel.target, "link", detail=f"{part} hyperlink", **loc)


def _children(el: etree._Element, tag: str, through: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children named ``tag``, looking through wrappers like content controls."""
    for child in el:
        if child.tag == w(tag):
            yield child
        elif child.tag in {w(t) for t in through}:
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _children(inner, tag, through)


def _on(el: etree._Element | None) -> bool:
    if el is None:
        return False
    val = el.get(w("val"))
    return val is None or val.lower() not in ("0", "false", "off")


def _rpr_flags(rpr: etree._Element) -> set[str]:
    flags: set[str] = set()
    if _on(rpr.find(w("vanish"))) or _on(rpr.find(w("specVanish"))) or _on(rpr.find(w("webHidden"))):
        flags.add("hidden")
    color = rpr.find(w("color"))
    if color is not None and (color.get(w("val")) or "").upper() in ("FFFFFF", "FFFFFE"):
        flags.add("white_text")
    size = rpr.find(w("sz"))
    if size is not None:
        try:
            if int(size.get(w("val")) or "24") < 4:  # half-points: under 2 pt
                flags.add("tiny_text")
        except ValueError:
            pass
    return flags


def _load_styles(pkg: _Package, rels: dict[str, _Rel]) -> _Styles:
    styles = _Styles()
    target = next((r.target for r in rels.values() if r.rtype == "styles" and not r.external), None)
    if not target:
        return styles
    root = pkg.xml(target)
    if root is None:
        return styles
    based_on: dict[str, str] = {}
    own: dict[str, set[str]] = {}
    for style in root.iter(w("style")):
        sid = style.get(w("styleId")) or ""
        rpr = style.find(w("rPr"))
        own[sid] = _rpr_flags(rpr) if rpr is not None else set()
        parent = style.find(w("basedOn"))
        if parent is not None and parent.get(w("val")):
            based_on[sid] = parent.get(w("val"))
    for sid in own:
        flags: set[str] = set()
        cur, hops = sid, 0
        while cur and hops < 16:
            flags |= own.get(cur, set())
            cur, hops = based_on.get(cur, ""), hops + 1
        if flags:
            styles.flags[sid] = frozenset(flags)
    return styles


def _headers_footers(pkg: _Package, walker: _Walker, body: etree._Element, rels: dict[str, _Rel]) -> None:
    done: set[str] = set()
    for section, sect in enumerate(body.iter(w("sectPr")), start=1):
        for kind, part in (("headerReference", "header"), ("footerReference", "footer")):
            for ref in sect.findall(w(kind)):
                rel = rels.get(ref.get(f"{{{R}}}id") or "")
                if rel is None or rel.external or rel.target in done:
                    continue
                done.add(rel.target)
                _story(pkg, walker, rel.target, part, section=section, detail=ref.get(w("type")) or "default")
    # Parts related but referenced by no section are still in the file.
    for rel in rels.values():
        if rel.rtype in ("header", "footer") and not rel.external and rel.target not in done:
            done.add(rel.target)
            _story(pkg, walker, rel.target, rel.rtype, detail="unreferenced")


def _story(pkg: _Package, walker: _Walker, name: str, part: str, **loc) -> None:
    root = pkg.xml(name, referenced=True)
    if root is None:
        return
    walker.block(root, part, **loc)
    walker.story_extras(root, part, pkg.rels(name), **{k: v for k, v in loc.items() if k == "section"})


def _notes(pkg: _Package, walker: _Walker, rels: dict[str, _Rel]) -> None:
    for rtype, tag, part in (("footnotes", "footnote", "footnote"), ("endnotes", "endnote", "endnote")):
        for rel in rels.values():
            if rel.rtype != rtype or rel.external:
                continue
            root = pkg.xml(rel.target, referenced=True)
            if root is None:
                continue
            for note in root.findall(w(tag)):
                if (note.get(w("type")) or "normal") != "normal":
                    continue  # separators
                walker.block(note, part, detail=f"id {note.get(w('id'))}")
            walker.story_extras(root, part, pkg.rels(rel.target))


def _comments(pkg: _Package, walker: _Walker, rels: dict[str, _Rel]) -> None:
    for rel in rels.values():
        if rel.rtype != "comments" or rel.external:
            continue
        root = pkg.xml(rel.target, referenced=True)
        if root is None:
            continue
        for comment in root.findall(w("comment")):
            walker.block(comment, "comment", detail=f"id {comment.get(w('id'))}")
        walker.story_extras(root, "comment", pkg.rels(rel.target))


def _glossary(pkg: _Package, walker: _Walker, rels: dict[str, _Rel]) -> None:
    for rel in rels.values():
        if rel.rtype == "glossaryDocument" and not rel.external:
            root = pkg.xml(rel.target)
            if root is None:
                continue
            for body in root.iter(w("docPartBody")):
                walker.block(body, "body", detail="glossary")


def _properties(pkg: _Package, result: ExtractResult, budget: Budget) -> None:
    index = Counter()

    def add(text: str, detail: str) -> None:
        result.add(text, Location("metadata", index=index("metadata"), detail=detail), budget)

    core = pkg.xml("docProps/core.xml")
    if core is not None:
        for el in core:
            if isinstance(el.tag, str) and el.text and el.text.strip():
                add(el.text.strip(), f"core:{etree.QName(el).localname}")
    app = pkg.xml("docProps/app.xml")
    if app is not None:
        for el in app:
            if not isinstance(el.tag, str):
                continue
            name = etree.QName(el).localname
            if name in _APP_STATS:
                continue
            text = " ".join(t.strip() for t in el.itertext() if t.strip())
            add(text, f"app:{name}")
    custom = pkg.xml("docProps/custom.xml")
    if custom is not None:
        for i, prop in enumerate(custom, start=1):
            if not isinstance(prop.tag, str):
                continue
            name = prop.get("name") or ""
            value = " ".join(t.strip() for t in prop.itertext() if t.strip())
            add(f"{name}: {value}" if value else name, f"custom property {i}")


_EMBED_TYPES = {"oleObject", "package", "aFChunk", "embeddedPackage", "embeddedObject"}


def _embeddings(pkg: _Package, result: ExtractResult, budget: Budget, rels: dict[str, _Rel]) -> None:
    from . import extract_embedded

    targets = {r.target for r in rels.values() if r.rtype in _EMBED_TYPES and not r.external}
    targets |= {n for n in pkg.infos if n.startswith("word/embeddings/") and not n.endswith("/")}
    for i, name in enumerate(sorted(targets), start=1):
        container = f"embedding#{i}"
        where = Location("attachment", detail=container)
        if not pkg.has(name):
            result.error(ErrorCode.CORRUPT, "an embedded object named in the document is missing", where)
            continue
        budget.check_time("embedded objects")
        try:
            data = pkg.raw(name)
        except CorruptDocument as exc:
            result.error(exc.code, exc.message, where)
            continue
        extract_embedded(_ole_payload(data) or data, container, budget, result)


def _ole_payload(data: bytes) -> bytes | None:
    """The file inside an OLE embedding (an OOXML ``Package`` stream or ``Ole10Native``)."""
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return None
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # noqa: BLE001
        return None
    try:
        if ole.exists("Package"):
            return ole.openstream("Package").read()
        if ole.exists("\x01Ole10Native"):
            return _ole10native(ole.openstream("\x01Ole10Native").read())
        if ole.exists("CONTENTS"):
            return ole.openstream("CONTENTS").read()  # e.g. an embedded PDF
    except Exception:  # noqa: BLE001
        return None
    finally:
        ole.close()
    return None


def _ole10native(raw: bytes) -> bytes | None:
    """Ole10Native: size, flags, label\\0, path\\0, 4 bytes, 4 bytes, temp path\\0, size, data."""
    try:
        pos = 6
        for _ in range(2):
            pos = raw.index(b"\x00", pos) + 1
        pos += 8
        pos = raw.index(b"\x00", pos) + 1
        size = int.from_bytes(raw[pos : pos + 4], "little")
        pos += 4
        payload = raw[pos : pos + size]
        return payload if len(payload) == size else None
    except (ValueError, IndexError):
        return None
