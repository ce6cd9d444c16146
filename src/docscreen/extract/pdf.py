"""PDF extraction with pypdf.

Reads page text (in content-stream order, pypdf's "plain" mode) and everything else a viewer
shows or a tool can read: annotations (sticky notes, free text, markup, link targets), AcroForm
and XFA field names and values, document info and XMP metadata, bookmarks, and embedded files
(document-level attachments and file-attachment annotations), which are extracted recursively
as documents of their own.

Pages that draw images but carry (almost) no text are reported as ``image_only_page``: their
content could not be checked. Encrypted files are opened with the empty user password when
that works; otherwise the document is an ``encrypted`` error.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from lxml import etree

from ..errors import CorruptDocument, EncryptedDocument, ErrorCode, describe_exception
from ..ingest import safexml
from ..model import Detection, Location
from .base import Budget, ExtractResult

# pypdf logs recoverable problems through ``logging``; with no handler configured Python
# would print them on stderr (and a configured root logger would receive them). They are
# counted here instead and reported as one warning without their text.
_PYPDF_LOGGER = logging.getLogger("pypdf")


class _CountingHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:  # noqa: D401 - logging API
        if record.levelno >= logging.WARNING:
            self.count += 1



#: Below this many letters and digits, a page that draws images is treated as image-only
#: (a scanned page with a stamped page number is still a scan).
IMAGE_ONLY_MAX_CHARS = 16

_COMMENT_SUBTYPES = {"/Text"}
_SKIP_SUBTYPES = {"/Popup", "/Widget"}  # Popup repeats its parent; Widgets are form fields
_RICH_TEXT_TAG = re.compile(r"<[^>]*>")


def extract_pdf(data: bytes, detection: Detection, budget: Budget) -> ExtractResult:
    handler = _CountingHandler()
    _PYPDF_LOGGER.addHandler(handler)
    saved_propagate = _PYPDF_LOGGER.propagate
    _PYPDF_LOGGER.propagate = False
    try:
        result = _extract(data, budget)
    finally:
        _PYPDF_LOGGER.removeHandler(handler)
        _PYPDF_LOGGER.propagate = saved_propagate
    if handler.count:
        result.warn(f"pypdf recovered from {handler.count} problem(s) in the file structure")
        no_page_text = not any(s.location.part == "page" for s in result.segments)
        if result.pages and no_page_text and not result.errors:
            # Damage was repaired and then nothing could be read from any page: the text
            # may well be there, unreadable. Not something to call clean.
            result.error(
                ErrorCode.CORRUPT,
                "no page text could be read from a damaged PDF",
                Location("page", page=1),
            )
    return result


def _extract(data: bytes, budget: Budget) -> ExtractResult:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    result = ExtractResult()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except PdfReadError as exc:
        raise CorruptDocument(f"PDF could not be opened ({describe_exception(exc)})") from None

    if reader.is_encrypted:
        _decrypt(reader, result)

    try:
        n_pages = len(reader.pages)
    except Exception as exc:  # noqa: BLE001 - broken page tree
        raise CorruptDocument(f"PDF page tree is unreadable ({describe_exception(exc)})") from None
    result.pages = n_pages
    if n_pages == 0:
        result.warn("the PDF has no pages")

    _pages(reader, n_pages, result, budget)
    _guarded(result, "form fields", lambda: _form_fields(reader, result, budget))
    _guarded(result, "document info", lambda: _info(reader, result, budget))
    _guarded(result, "XMP metadata", lambda: _xmp(reader, result, budget))
    _guarded(result, "bookmarks", lambda: _outline(reader, result, budget))
    _guarded(result, "attachments", lambda: _attachments(reader, result, budget))
    return result


def _decrypt(reader: Any, result: ExtractResult) -> None:
    from pypdf import PasswordType

    try:
        outcome = reader.decrypt("")
    except NotImplementedError:
        raise EncryptedDocument("PDF uses an encryption method that cannot be opened") from None
    except Exception as exc:  # noqa: BLE001 - DependencyError, PdfReadError, ...
        raise EncryptedDocument(
            f"PDF is encrypted and could not be opened ({describe_exception(exc)})"
        ) from None
    if outcome == PasswordType.NOT_DECRYPTED:
        raise EncryptedDocument("PDF is encrypted with a user password")
    result.warn("the PDF is encrypted with an empty user password; it was opened and read")


def _guarded(result: ExtractResult, what: str, fn) -> None:
    """Run one extraction step; a failure there is a ``corrupt`` error for that part only."""
    from ..errors import DocscreenError

    try:
        fn()
    except DocscreenError:
        raise
    except RecursionError:
        result.error(ErrorCode.CORRUPT, f"PDF {what} are nested too deeply to read")
    except Exception as exc:  # noqa: BLE001
        result.error(ErrorCode.CORRUPT, f"PDF {what} could not be read ({describe_exception(exc)})")


def _pages(reader: Any, n_pages: int, result: ExtractResult, budget: Budget) -> None:
    limit = min(n_pages, budget.limits.max_pages)
    if n_pages > limit:
        result.error(
            ErrorCode.TOO_MANY_PAGES,
            f"PDF has {n_pages} pages; only the first {limit} were read",
        )
    attachment_counter = _AttachmentCounter()
    for i in range(limit):
        if budget.exhausted:
            return
        budget.check_time(f"page {i + 1}")
        page_no = i + 1
        try:
            page = reader.pages[i]
        except Exception as exc:  # noqa: BLE001
            result.error(
                ErrorCode.CORRUPT,
                f"page {page_no} could not be read ({describe_exception(exc)})",
                Location("page", page=page_no),
            )
            continue
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001
            result.error(
                ErrorCode.CORRUPT,
                f"text of page {page_no} could not be read ({describe_exception(exc)})",
                Location("page", page=page_no),
            )
            text = ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        result.add(text, Location("page", page=page_no, index=0), budget)
        if _alnum_count(text) < IMAGE_ONLY_MAX_CHARS and _has_images(page):
            result.error(
                ErrorCode.IMAGE_ONLY_PAGE,
                f"image-only page {page_no}: it shows images but has no text layer to read",
                Location("page", page=page_no),
            )
        _guarded(
            result,
            f"annotations on page {page_no}",
            lambda: _annotations(page, page_no, result, budget, attachment_counter),
        )


def _alnum_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _has_images(page: Any) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # noqa: BLE001
        # The images could not be listed (a damaged image stream, a broken resource
        # dictionary). A page with no text whose images cannot even be listed is not
        # something to call clean: treat it as image-only.
        return True


class _AttachmentCounter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"annotation-attachment#{self.n}"


def _text(value: Any) -> str:
    """A PDF string (or name) as text; other objects give ''."""
    if value is None:
        return ""
    try:
        value = value.get_object()
    except AttributeError:
        pass
    if isinstance(value, bytes):
        return value.decode("latin-1", errors="replace")
    if isinstance(value, str):
        return str(value)
    return ""


def _annotations(page: Any, page_no: int, result: ExtractResult, budget: Budget, counter) -> None:
    annots = page.get("/Annots")
    if annots is None:
        return
    annots = annots.get_object()
    if not isinstance(annots, list):
        return
    n_comment = n_annot = n_link = 0
    for ref in annots:
        annot = ref.get_object()
        if not hasattr(annot, "get"):
            continue
        subtype = str(annot.get("/Subtype", ""))
        if subtype in _SKIP_SUBTYPES:
            continue
        if subtype == "/Link":
            for uri in _link_targets(annot):
                result.add(uri, Location("link", page=page_no, index=n_link, detail="URI"), budget)
                n_link += 1
            continue
        if subtype == "/FileAttachment":
            _file_attachment(annot, page_no, result, budget, counter)
        texts = []
        for key in ("/Contents", "/Subj", "/T"):
            value = _text(annot.get(key))
            if value.strip() and value not in texts:
                texts.append(value)
        rich = _text(annot.get("/RC"))
        if rich:
            plain = _RICH_TEXT_TAG.sub(" ", rich)
            if plain.split() and " ".join(plain.split()) not in {" ".join(t.split()) for t in texts}:
                texts.append(plain)
        if not texts:
            continue
        if subtype in _COMMENT_SUBTYPES:
            part, index = "comment", n_comment
            n_comment += 1
        else:
            part, index = "annotation", n_annot
            n_annot += 1
        result.add("\n".join(texts), Location(part, page=page_no, index=index, detail=subtype or None), budget)


def _link_targets(annot: Any) -> list[str]:
    targets = []
    action = annot.get("/A")
    if action is not None:
        action = action.get_object()
        for key in ("/URI", "/F"):
            value = action.get(key)
            if value is not None:
                value = value.get_object()
                if hasattr(value, "get"):  # a file specification dictionary
                    value = value.get("/UF") or value.get("/F")
                text = _text(value)
                if text:
                    targets.append(text)
    return targets


def _file_attachment(annot: Any, page_no: int, result: ExtractResult, budget: Budget, counter) -> None:
    spec = annot.get("/FS")
    if spec is None:
        return
    spec = spec.get_object()
    container = counter.next()
    name = _text(spec.get("/UF")) or _text(spec.get("/F"))
    desc = _text(spec.get("/Desc"))
    _attachment_names(container, name, desc, result, budget, page=page_no)
    ef = spec.get("/EF")
    stream = None
    if ef is not None:
        ef = ef.get_object()
        stream = ef.get("/UF") or ef.get("/F")
    if stream is None:
        result.error(
            ErrorCode.UNSCANNED_CONTENT,
            "file attachment annotation without embedded content",
            Location("attachment", page=page_no, detail=container),
        )
        return
    _embed(stream.get_object().get_data(), container, result, budget)


def _attachment_names(
    container: str, name: str, desc: str, result: ExtractResult, budget: Budget, page: int | None = None
) -> None:
    for kind, value in (("name", name), ("description", desc)):
        if value.strip():
            result.add(value, Location("attachment", page=page, detail=f"{container} {kind}"), budget)


def _embed(data: bytes, container: str, result: ExtractResult, budget: Budget) -> None:
    from . import extract_embedded

    extract_embedded(data, container, budget, result)


def _attachments(reader: Any, result: ExtractResult, budget: Budget) -> None:
    for i, entry in enumerate(reader.attachment_list, start=1):
        if budget.exhausted:
            return
        budget.check_time("attachments")
        container = f"attachment#{i}"
        _attachment_names(container, entry.name or "", entry.description or "", result, budget)
        try:
            content = entry.content
        except Exception as exc:  # noqa: BLE001
            result.error(
                ErrorCode.CORRUPT,
                f"embedded file could not be read ({describe_exception(exc)})",
                Location("attachment", detail=container),
            )
            continue
        _embed(content, container, result, budget)


def _form_fields(reader: Any, result: ExtractResult, budget: Budget) -> None:
    fields = reader.get_fields() or {}
    index = 0
    for name, field in fields.items():
        if budget.exhausted:
            return
        label = _text(field.get("/TU")) or ""
        value = field.get("/V")
        if isinstance(value, list):
            value_text = ", ".join(_text(v) for v in value)
        else:
            value_text = _text(value)
            if not value_text and value is not None and str(value).startswith("/"):
                value_text = str(value)[1:]  # checkbox / radio state names
        short_name = str(name)
        lines = [f"{short_name}: {value_text}" if value_text else short_name]
        if label and label != short_name:
            lines.append(label)
        result.add("\n".join(lines), Location("form_field", index=index, detail=f"field {index + 1}"), budget)
        index += 1
    _xfa(reader, result, budget, index)


def _xfa(reader: Any, result: ExtractResult, budget: Budget, index: int) -> None:
    try:
        xfa = reader.xfa
    except Exception:  # noqa: BLE001
        return
    if not xfa:
        return
    data = xfa.get("datasets")
    if not data:
        return
    for text in _xml_texts(data):
        result.add(text, Location("form_field", index=index, detail="xfa datasets"), budget)
        index += 1


def _info(reader: Any, result: ExtractResult, budget: Budget) -> None:
    info = reader.metadata
    if not info:
        return
    for i, (key, value) in enumerate(info.items()):
        text = _text(value)
        result.add(text, Location("metadata", index=i, detail=f"info:{key}"), budget)


def _xmp(reader: Any, result: ExtractResult, budget: Budget) -> None:
    root = reader.trailer["/Root"].get_object()
    meta = root.get("/Metadata")
    if meta is None:
        return
    data = meta.get_object().get_data()
    for i, (name, text) in enumerate(_xml_named_texts(data)):
        result.add(text, Location("metadata", index=1000 + i, detail=f"xmp:{name}"), budget)


def _xml_named_texts(data: bytes) -> list[tuple[str, str]]:
    try:
        root = safexml.parse(data)
    except etree.XMLSyntaxError:
        return []
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        if el.text and el.text.strip():
            out.append((name, el.text.strip()))
        for attr, value in el.attrib.items():
            local = etree.QName(attr).localname
            if value.strip() and local not in ("about", "lang", "parseType", "resource"):
                out.append((local, value.strip()))
    return out


def _xml_texts(data: bytes) -> list[str]:
    return [text for _name, text in _xml_named_texts(data)]


def _outline(reader: Any, result: ExtractResult, budget: Budget) -> None:
    counter = [0]

    def walk(items: Any, depth: int) -> None:
        if depth > 32:
            return
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            title = getattr(item, "title", None)
            if title:
                result.add(str(title), Location("outline", index=counter[0], detail=f"level {depth + 1}"), budget)
                counter[0] += 1

    walk(reader.outline, 0)
