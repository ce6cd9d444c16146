"""Shared plumbing for extractors: the per-document budget and the result accumulator."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ErrorCode
from ..limits import Deadline, Limits
from ..model import Location, ScanError, Segment


class Budget:
    """Character and time budget shared by a document and everything embedded in it."""

    def __init__(self, limits: Limits, deadline: Deadline | None = None, depth: int = 0) -> None:
        self.limits = limits
        self.deadline = deadline or Deadline(limits.timeout_s)
        self.depth = depth
        self._shared = _Shared(chars_left=limits.max_chars)

    def child(self) -> "Budget":
        """The budget of an embedded document: same characters and clock, one level deeper."""
        budget = Budget.__new__(Budget)
        budget.limits = self.limits
        budget.deadline = self.deadline
        budget.depth = self.depth + 1
        budget._shared = self._shared
        return budget

    @property
    def exhausted(self) -> bool:
        return self._shared.truncated

    def take(self, text: str) -> str:
        """Keep as much of ``text`` as the character budget allows."""
        shared = self._shared
        if shared.truncated:
            return ""
        if len(text) <= shared.chars_left:
            shared.chars_left -= len(text)
            return text
        kept = text[: shared.chars_left]
        shared.chars_left = 0
        shared.truncated = True
        return kept

    def check_time(self, where: str) -> None:
        self.deadline.check(where)


@dataclass
class _Shared:
    chars_left: int
    truncated: bool = False


@dataclass
class ExtractResult:
    """What one extractor produced; mutable while extracting, frozen into ExtractedDocument."""

    segments: list[Segment] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    embedded: int = 0

    def add(self, text: str | None, location: Location, budget: Budget, flags=frozenset()) -> None:
        """Add a segment if it has visible characters and the budget allows."""
        if not text or not text.strip():
            return
        kept = budget.take(text)
        if kept:
            self.segments.append(Segment(kept, location, frozenset(flags)))

    def error(self, code: ErrorCode, message: str, location: Location | None = None) -> None:
        self.errors.append(ScanError(code, message, location))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def merge_child(self, child: "ExtractResult", container: str, read: bool = True) -> None:
        """Fold an embedded document's result in, its locations nested under ``container``.

        ``read``: the embedded document was extracted (not just found to be unreadable); only
        those count in ``embedded``.
        """
        self.segments.extend(s.nested(container) for s in child.segments)
        self.errors.extend(e.nested(container) for e in child.errors)
        self.warnings.extend(f"{container}: {w}" for w in child.warnings)
        self.embedded += int(read) + child.embedded


class Counter:
    """Hands out per-part indexes in document order."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def __call__(self, part: str) -> int:
        n = self._next.get(part, 0)
        self._next[part] = n + 1
        return n
