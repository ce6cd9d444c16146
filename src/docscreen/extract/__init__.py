"""Extraction: bytes in, located text segments out.

:func:`extract_bytes` is the entry point. It never raises for a bad document: everything
that stops a document from being read fully becomes a :class:`~docscreen.model.ScanError`
in the result, and the segments read before the problem are kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import warnings
from collections.abc import Callable
from pathlib import Path

from ..errors import DocscreenError, ErrorCode, describe_exception
from ..ingest import WORDPROCESSING, check_size, check_zip, declared_mismatch, sniff
from ..limits import Limits
from ..model import Detection, ExtractedDocument, Location, ScanError
from .base import Budget, ExtractResult

log = logging.getLogger("docscreen.extract")

Extractor = Callable[[bytes, Detection, Budget], ExtractResult]

_UNSUPPORTED_REASONS = {
    "doc": "legacy Word (.doc) files are not read yet",
    "ooxml_encrypted": "",  # handled as encrypted below
    "ole": "OLE2 files other than Word documents are not read",
    "rtf": "RTF files are not read yet",
    "odt": "OpenDocument text files are not read yet",
    "odf": "OpenDocument files other than text are not read",
    "xml": "XML files are not read",
    "xlsx": "spreadsheets are not read",
    "pptx": "presentations are not read",
    "ooxml": "Office Open XML packages other than Word documents are not read",
    "zip": "zip archives are not read",
    "image": "images are not read (no OCR): the content could not be checked",
    "binary": "the content is not a document format docscreen knows",
}


def _registry() -> dict[str, Extractor]:
    from .docx import extract_docx
    from .html import extract_html
    from .pdf import extract_pdf
    from .text import extract_text

    table: dict[str, Extractor] = {"pdf": extract_pdf, "txt": extract_text, "html": extract_html}
    for kind in WORDPROCESSING:
        table[kind] = extract_docx
    return table


_EXTRACTORS: dict[str, Extractor] | None = None


def extractors() -> dict[str, Extractor]:
    global _EXTRACTORS
    if _EXTRACTORS is None:
        _EXTRACTORS = _registry()
    return _EXTRACTORS


def extract_bytes(
    data: bytes,
    *,
    name: str | None = None,
    declared_mime: str | None = None,
    limits: Limits | None = None,
) -> ExtractedDocument:
    """Extract every piece of text in ``data``.

    ``name`` and ``declared_mime`` are only compared with what the bytes are (a mismatch is
    a warning); the format is always decided from the bytes.
    """
    limits = limits or Limits()
    detection = sniff(data[: 64 * 1024] if len(data) > limits.max_bytes else data)
    budget = Budget(limits)
    result = ExtractResult()
    mismatch = declared_mismatch(detection, name, declared_mime)
    if mismatch:
        result.warn(mismatch)
    try:
        check_size(len(data), limits)
        run_extractor(data, detection, budget, result)
    except DocscreenError as exc:
        result.error(exc.code, exc.message)
    finalize(result, budget)
    return ExtractedDocument(
        detection=detection,
        segments=tuple(result.segments),
        errors=tuple(result.errors),
        warnings=tuple(result.warnings),
        pages=result.pages,
        embedded=result.embedded,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def extract_path(path: str | os.PathLike[str], *, limits: Limits | None = None) -> ExtractedDocument:
    """Read a file (refusing it before reading if it is over the byte limit) and extract it."""
    limits = limits or Limits()
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            with p.open("rb") as fh:
                head = fh.read(64 * 1024)
                fh.seek(0)
                digest = hashlib.file_digest(fh, "sha256").hexdigest()  # streamed, not held
            return ExtractedDocument(
                detection=sniff(head),
                segments=(),
                errors=(
                    _scan_error(
                        ErrorCode.TOO_LARGE,
                        f"document is {size} bytes, over the limit of {limits.max_bytes} bytes",
                    ),
                ),
                size=size,
                sha256=digest,
            )
        data = p.read_bytes()
    except OSError as exc:
        return ExtractedDocument(
            detection=Detection("binary", "application/octet-stream"),
            segments=(),
            errors=(_scan_error(ErrorCode.IO_ERROR, f"cannot read the file ({describe_exception(exc)})"),),
        )
    return extract_bytes(data, name=p.name, limits=limits)


def _scan_error(code: ErrorCode, message: str) -> ScanError:
    return ScanError(code, message)


def run_extractor(data: bytes, detection: Detection, budget: Budget, result: ExtractResult) -> None:
    """Dispatch on the detected kind. Raises DocscreenError; anything else becomes INTERNAL."""
    kind = detection.kind
    if kind == "empty":
        result.warn("the document is empty")
        return
    if kind == "ooxml_encrypted":
        result.error(ErrorCode.ENCRYPTED, "the Office document is password-protected")
        return
    if kind in ("zip", "ooxml"):
        check_zip(data, budget.limits)  # a damaged or bomb container is corrupt / zip_bomb
    extractor = extractors().get(kind)
    if extractor is None:
        result.error(ErrorCode.UNSUPPORTED, _UNSUPPORTED_REASONS.get(kind) or f"{kind} files are not read")
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            part = extractor(data, detection, budget)
    except DocscreenError:
        raise
    except RecursionError:
        raise DocscreenError(
            f"{kind} structure nested too deeply to read", code=ErrorCode.CORRUPT
        ) from None
    except MemoryError:
        raise DocscreenError(f"{kind} document needs too much memory", code=ErrorCode.TOO_LARGE) from None
    except Exception as exc:  # noqa: BLE001 - a parser bug must not escape as an exception
        log.warning("%s extractor failed: %s", kind, describe_exception(exc))
        raise DocscreenError(
            f"{kind} document could not be parsed ({describe_exception(exc)})", code=ErrorCode.CORRUPT
        ) from None
    result.segments.extend(part.segments)
    result.errors.extend(part.errors)
    for w in part.warnings:
        result.warn(w)
    if part.pages is not None:
        result.pages = part.pages
    result.embedded += part.embedded


def extract_embedded(
    data: bytes,
    container: str,
    budget: Budget,
    parent: ExtractResult,
    name_hint: str | None = None,
) -> None:
    """Extract a document embedded in another one and fold it into ``parent``."""
    where = Location("attachment", container=(container,))
    if budget.depth + 1 > budget.limits.max_depth:
        parent.error(
            ErrorCode.TOO_DEEP,
            f"embedded document nested deeper than {budget.limits.max_depth} levels was not read",
            where,
        )
        return
    child_budget = budget.child()
    child = ExtractResult()
    detection = sniff(data)
    try:
        check_size(len(data), budget.limits)
        budget.check_time("an embedded document")
        run_extractor(data, detection, child_budget, child)
    except DocscreenError as exc:
        child.error(exc.code, exc.message)
    # A format we do not read, inside a document we do, is content left unscanned.
    unread = [e for e in child.errors if e.code == ErrorCode.UNSUPPORTED and e.location is None]
    for e in unread:
        child.errors[child.errors.index(e)] = ScanError(
            ErrorCode.UNSCANNED_CONTENT, f"embedded content ({detection.kind}) was not scanned"
        )
    parent.merge_child(child, container, read=not unread)


def finalize(result: ExtractResult, budget: Budget) -> None:
    if budget.exhausted and not any(e.code == ErrorCode.TOO_MUCH_TEXT for e in result.errors):
        result.error(
            ErrorCode.TOO_MUCH_TEXT,
            f"more than {budget.limits.max_chars} characters of text; the rest was not read",
        )


__all__ = ["extract_bytes", "extract_path", "extract_embedded"]
