"""Budgets for one document. Every reader checks them; going over one is a typed error."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .errors import ErrorCode, ExtractionTimeout

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Size of the uploaded file.
    max_bytes: int = 25 * MB
    #: PDF pages read; pages after this are not read and the document is flagged.
    max_pages: int = 500
    #: Characters of extracted text kept for one document (all parts, embedded ones too).
    max_chars: int = 2_000_000
    #: Members of one zip container (DOCX, ODT, ZIP).
    max_zip_entries: int = 2_000
    #: Sum of the declared uncompressed sizes of one zip container's members.
    max_zip_uncompressed: int = 200 * MB
    #: Uncompressed/compressed ratio of the whole container ...
    max_zip_ratio: float = 100.0
    #: ... and of one member once it is larger than ``zip_ratio_min_size``.
    max_zip_member_ratio: float = 200.0
    zip_ratio_min_size: int = 1 * MB
    #: Nesting of embedded documents (an attachment inside a PDF is depth 1).
    max_depth: int = 3
    #: Wall time for reading one document, embedded documents included (seconds).
    timeout_s: float = 30.0

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_pages",
            "max_chars",
            "max_zip_entries",
            "max_zip_uncompressed",
            "zip_ratio_min_size",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")
        if self.max_depth < 0:
            raise ValueError("Limits.max_depth must be >= 0")
        if self.timeout_s <= 0 or self.max_zip_ratio <= 0 or self.max_zip_member_ratio <= 0:
            raise ValueError("Limits: timeout and ratios must be positive")


class Deadline:
    """A cooperative wall-time budget, checked between pages, parts and members.

    A single parser call that never returns is not interrupted here; the process pools of
    the batch CLI and the service enforce a hard timeout around whole documents.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self._end

    def check(self, where: str) -> None:
        if self.expired():
            raise ExtractionTimeout(
                f"time budget of {self.seconds:g} s ran out while reading {where}",
                code=ErrorCode.TIMEOUT,
            )
