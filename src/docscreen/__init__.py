"""docscreen: screens uploaded resumes and cover letters for prohibited sensitive data."""

import logging

from .errors import DocscreenError, ErrorCode
from .extract import extract_bytes, extract_path
from .limits import Limits
from .model import Detection, ExtractedDocument, Location, ScanError, Segment

__version__ = "0.1.0"

# A library does not print: without a handler configured by the application, docscreen's
# log records go nowhere (and they never carry document text).
logging.getLogger("docscreen").addHandler(logging.NullHandler())

__all__ = [
    "Detection",
    "DocscreenError",
    "ErrorCode",
    "ExtractedDocument",
    "Limits",
    "Location",
    "ScanError",
    "Segment",
    "__version__",
    "extract_bytes",
    "extract_path",
]
