"""Typed errors with stable codes.

Every problem that stops docscreen from reading a document *fully* has a code from
:class:`ErrorCode`. The codes are part of the public contract (JSON reports, policy files,
exit codes) and never change meaning; new ones may be added.

Messages are written by docscreen itself and never contain document text: parser exception
messages are not echoed (only the exception *type* is named), because a parser may quote
the bytes it choked on.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    """Stable error codes. The value is what reports and policy files use."""

    #: The format was recognised but docscreen has no extractor for it (yet).
    UNSUPPORTED = "unsupported"
    #: The file could not be parsed (truncated, malformed, fuzzed).
    CORRUPT = "corrupt"
    #: The file is encrypted and cannot be opened without a password.
    ENCRYPTED = "encrypted"
    #: Over the byte limit for one document.
    TOO_LARGE = "too_large"
    #: Over the page limit (PDF); the pages after the limit were not read.
    TOO_MANY_PAGES = "too_many_pages"
    #: Over the extracted-character limit; the rest of the text was not read.
    TOO_MUCH_TEXT = "too_much_text"
    #: A zip container (DOCX, ODT, ZIP) whose entry count, total uncompressed size or
    #: compression ratio is beyond the limits: refused before any member is inflated.
    ZIP_BOMB = "zip_bomb"
    #: Embedded documents nested deeper than the limit were not read.
    TOO_DEEP = "too_deep"
    #: The wall-time budget ran out before the document was read fully.
    TIMEOUT = "timeout"
    #: A page that shows images but has no text layer (a scan): its content was not read.
    IMAGE_ONLY_PAGE = "image_only_page"
    #: Content that is in the document but that docscreen could not read (an embedded
    #: object of an unknown kind, an OLE object without a readable payload, ...).
    UNSCANNED_CONTENT = "unscanned_content"
    #: A file handed in as text that is binary.
    NOT_TEXT = "not_text"
    #: The file could not be read from disk or the stream failed.
    IO_ERROR = "io_error"
    #: A bug in docscreen: an exception it did not expect. The document is not accepted.
    INTERNAL = "internal"


class DocscreenError(Exception):
    """Base of docscreen's exceptions. Carries a stable :class:`ErrorCode`."""

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str, *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"[{self.code.value}] {self.message}"


class UnsupportedFormat(DocscreenError):
    code = ErrorCode.UNSUPPORTED


class CorruptDocument(DocscreenError):
    code = ErrorCode.CORRUPT


class EncryptedDocument(DocscreenError):
    code = ErrorCode.ENCRYPTED


class LimitExceeded(DocscreenError):
    """A budget (bytes, pages, characters, zip, depth, time) was exceeded."""

    code = ErrorCode.TOO_LARGE


class ExtractionTimeout(LimitExceeded):
    code = ErrorCode.TIMEOUT


class NotText(DocscreenError):
    code = ErrorCode.NOT_TEXT


def describe_exception(exc: BaseException) -> str:
    """A description of a third-party exception that is safe to log: its type only.

    Parser messages can quote document bytes, so they are never echoed.
    """
    return type(exc).__name__
