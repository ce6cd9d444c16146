"""Format detection from the bytes alone (magic numbers, zip and OLE2 directories).

The file name and any declared MIME type are never used to choose a parser; when they
disagree with the bytes, :func:`declared_mismatch` says so and the caller records a warning.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass


from . import safexml
from ..model import Detection

# kind -> MIME type
KINDS: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docm": "application/vnd.ms-word.document.macroEnabled.12",
    "dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    "dotm": "application/vnd.ms-word.template.macroEnabled.12",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "ooxml": "application/vnd.openxmlformats-package",
    "doc": "application/msword",
    "ooxml_encrypted": "application/x-ooxml-encrypted",
    "ole": "application/x-ole-storage",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
    "odf": "application/vnd.oasis.opendocument",
    "html": "text/html",
    "xml": "application/xml",
    "txt": "text/plain",
    "zip": "application/zip",
    "image": "image/*",
    "binary": "application/octet-stream",
    "empty": "application/x-empty",
}

#: Kinds that share an extractor (the WordprocessingML family).
WORDPROCESSING = frozenset({"docx", "docm", "dotx", "dotm"})

_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "pptx",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"BM", "bmp"),
)


# Extensions people use for each kind, to warn when a name disagrees with the bytes.
_EXTENSIONS: dict[str, frozenset[str]] = {
    "pdf": frozenset({".pdf"}),
    "docx": frozenset({".docx"}),
    "docm": frozenset({".docm"}),
    "dotx": frozenset({".dotx"}),
    "dotm": frozenset({".dotm"}),
    "xlsx": frozenset({".xlsx", ".xlsm"}),
    "pptx": frozenset({".pptx", ".pptm"}),
    "doc": frozenset({".doc", ".dot"}),
    "ooxml_encrypted": frozenset({".docx", ".docm", ".dotx", ".xlsx", ".pptx"}),
    "rtf": frozenset({".rtf", ".doc"}),
    "odt": frozenset({".odt", ".ott"}),
    "html": frozenset({".html", ".htm", ".xhtml"}),
    "xml": frozenset({".xml"}),
    "txt": frozenset({".txt", ".text", ".md", ".csv", ".tsv", ".log", ""}),
    "zip": frozenset({".zip"}),
    "image": frozenset({".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic"}),
}


@dataclass(frozen=True)
class _Probe:
    kind: str
    encoding: str | None = None


def sniff(data: bytes) -> Detection:
    """Decide what ``data`` is from its bytes."""
    probe = _probe(data)
    return Detection(kind=probe.kind, mime=KINDS[probe.kind], encoding=probe.encoding)


def _probe(data: bytes) -> _Probe:
    if not data:
        return _Probe("empty")
    head = data[:2048]
    # PDF: the header may be preceded by junk (readers look in the first 1024 bytes).
    if b"%PDF-" in head[:1024]:
        return _Probe("pdf")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _Probe(_zip_kind(data))
    if head.startswith(_OLE_MAGIC):
        return _Probe(_ole_kind(data))
    if head.startswith(b"{\\rtf"):
        return _Probe("rtf", "ascii")
    for magic, _name in _IMAGE_MAGIC:
        if head.startswith(magic):
            return _Probe("image")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _Probe("image")
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"avif", b"mif1"):
        return _Probe("image")

    from ..extract.text import detect_encoding  # local import: text helpers live there

    encoding = detect_encoding(data)
    if encoding is None:
        return _Probe("binary")
    # Markup is text too; tell HTML and XML apart from plain text by their first tag.
    start = _text_start(data, encoding)
    if start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<") and ("<html" in start or "<body" in start)
    ):
        return _Probe("html", encoding)
    if start.startswith("<?xml"):
        return _Probe("xml", encoding)
    return _Probe("txt", encoding)


def _text_start(data: bytes, encoding: str) -> str:
    try:
        text = data[:4096].decode(encoding, errors="ignore")
    except LookupError:  # pragma: no cover - encodings come from our own detector
        return ""
    return text.lstrip("\ufeff \t\r\n").lower()[:1024]


def _zip_kind(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # Starts like a zip but has no readable central directory: a damaged container,
        # reported as corrupt by the zip guard.
        return "zip"
    nameset = set(names)
    if "[Content_Types].xml" in nameset:
        kind = _ooxml_kind(zf)
        if kind:
            return kind
        if "word/document.xml" in nameset:
            return "docx"
        return "ooxml"
    if "mimetype" in nameset:
        try:
            info = zf.getinfo("mimetype")
            if info.file_size < 200:
                mimetype = zf.read("mimetype").decode("ascii", "replace").strip()
                if mimetype.startswith("application/vnd.oasis.opendocument.text"):
                    return "odt"
                if mimetype.startswith("application/vnd.oasis.opendocument"):
                    return "odf"
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, KeyError):
            pass
    return "zip"


def _ooxml_kind(zf: zipfile.ZipFile) -> str | None:
    info = zf.getinfo("[Content_Types].xml")
    if info.file_size > 1024 * 1024:  # a content-types part is a few KB; refuse to inflate more
        return None
    try:
        root = safexml.parse(zf.read(info))
    except Exception:  # noqa: BLE001 - any failure means "not a readable OOXML package"
        return None
    # The main part is named by the officeDocument relationship, but the content type of
    # an Override is enough to tell the families apart.
    for el in root:
        ctype = (el.get("ContentType") or "").strip()
        if ctype in _OOXML_MAIN:
            return _OOXML_MAIN[ctype]
    return None


def _ole_kind(data: bytes) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any failure: an OLE container we cannot read
        return "ole"
    try:
        streams = {"/".join(p).lower() for p in ole.listdir(streams=True, storages=False)}
    except Exception:  # noqa: BLE001
        return "ole"
    finally:
        ole.close()
    if "encryptedpackage" in streams and "encryptioninfo" in streams:
        return "ooxml_encrypted"  # an Office 2007+ file protected with a password
    if "worddocument" in streams:
        return "doc"
    return "ole"


def declared_mismatch(detection: Detection, name: str | None, declared_mime: str | None) -> str | None:
    """A warning if the file name or declared MIME type disagrees with the bytes, else None."""
    problems = []
    if name:
        ext = posixpath.splitext(name.replace("\\", "/"))[1].lower()
        expected = _EXTENSIONS.get(detection.kind)
        if expected is not None and ext not in expected:
            problems.append(f"file name extension {ext or '(none)'!r}")
    if declared_mime:
        declared = declared_mime.split(";")[0].strip().lower()
        actual = detection.mime
        if declared and declared != "application/octet-stream" and not _mime_compatible(declared, actual):
            problems.append(f"declared type {declared!r}")
    if not problems:
        return None
    return f"{' and '.join(problems)} does not match the content, which is {detection.kind}"


def _mime_compatible(declared: str, actual: str) -> bool:
    if declared == actual:
        return True
    if actual.endswith("/*"):
        return declared.startswith(actual[:-1])
    if actual == "text/plain":
        return declared.startswith("text/")
    return False
