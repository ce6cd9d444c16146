"""docscreen: screens uploaded resumes and cover letters for prohibited sensitive data."""

import logging

from .errors import DocscreenError, ErrorCode
from .extract import extract_bytes, extract_path
from .limits import Limits
from .model import Detection, ExtractedDocument, Finding, Location, ScanError, ScanResult, Segment

__version__ = "0.1.0"

# A library does not print: without a handler configured by the application, docscreen's
# log records go nowhere (and they never carry document text).
logging.getLogger("docscreen").addHandler(logging.NullHandler())



def __getattr__(name: str):
    # The Scanner pulls in Presidio and spaCy (about a second to import); extraction-only
    # users should not pay for it, so it is loaded on first use.
    if name == "Scanner":
        from .api import Scanner

        return Scanner
    if name in ("check_upload", "check_upload_async", "UploadChecker"):
        from . import upload

        return getattr(upload, name)
    raise AttributeError(f"module 'docscreen' has no attribute {name!r}")


__all__ = [
    "Scanner",
    "UploadChecker",
    "check_upload",
    "check_upload_async",
    "Detection",
    "DocscreenError",
    "ErrorCode",
    "ExtractedDocument",
    "Finding",
    "Limits",
    "Location",
    "ScanError",
    "ScanResult",
    "Segment",
    "__version__",
    "extract_bytes",
    "extract_path",
]
