"""The offset map between a normalised text and the original text it came from.

Normalisation (see :mod:`docscreen.normalize.text`) turns the original text into a sequence of
*units*: a unit is a contiguous span of the original (one character, a ``\\r\\n`` pair, a base
character with its combining marks, or the blanks around a joined line break) that produces
zero or more characters of the normalised text. Removed characters (zero-width, bidi and
other format characters) produce nothing and belong to no unit.

The map is stored as *segments*, in order, each covering a range of the normalised text:

* a **run**: normalised characters ``n0 .. n0+L-1`` come one to one from the original
  characters ``s0 .. s0+L-1`` (unchanged text, and one-for-one replacements such as
  ``１`` -> ``1`` or NBSP -> space, which need no bookkeeping of their own);
* a **unit**: every normalised character of the segment comes from the one original span
  ``[s, e)`` (``ﬁ`` -> ``fi``, ``\\r\\n`` -> ``\\n``, ``e`` + U+0301 -> ``é``).

Three integer arrays (segment start in the normalised text, start in the original, end in the
original or ``-1`` for a run) hold them, so memory and build time grow with the number of
changes, not with the length of the text; a lookup is a binary search. When nothing changed
the arrays are not built at all and both directions are the identity.

* :meth:`Normalized.to_original` maps a span of the normalised text to the smallest span of the
  original that holds every unit producing it. Removed characters *inside* the span are
  covered (a span is contiguous); removed characters just outside it are not.
* :meth:`Normalized.to_normalized` maps a span of the original to the smallest span of the
  normalised text holding every character whose unit overlaps it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

__all__ = ["Normalized", "OffsetMapBuilder"]

_RUN = -1


class OffsetMapBuilder:
    """Builds the segment arrays, one unit or run at a time, in normalised-text order."""

    __slots__ = ("seg_n", "seg_s", "seg_e", "length", "_run_end")

    def __init__(self) -> None:
        self.seg_n = array("q")
        self.seg_s = array("q")
        self.seg_e = array("q")
        self.length = 0  # normalised characters so far
        self._run_end = -1  # original end of the last segment when it is a run

    def run(self, start: int, length: int) -> None:
        """``length`` characters that come one to one from ``original[start:start+length]``."""
        if length <= 0:
            return
        if start != self._run_end:  # else: the previous run goes on
            self.seg_n.append(self.length)
            self.seg_s.append(start)
            self.seg_e.append(_RUN)
        self.length += length
        self._run_end = start + length

    def unit(self, count: int, start: int, end: int) -> None:
        """``count`` characters that all come from ``original[start:end]``."""
        if count <= 0:
            return
        if count == 1 and end == start + 1:
            self.run(start, 1)
            return
        self.seg_n.append(self.length)
        self.seg_s.append(start)
        self.seg_e.append(end)
        self.length += count
        self._run_end = -1

    def copy(self, source: Normalized, start: int, stop: int) -> None:
        """The segments of ``source`` for its normalised characters ``start .. stop-1``."""
        if start >= stop:
            return
        seg_n = source._seg_n
        if seg_n is None:
            self.run(start, stop - start)
            return
        seg_s, seg_e = source._seg_s, source._seg_e
        assert seg_s is not None and seg_e is not None
        j = bisect_right(seg_n, start) - 1
        last = len(seg_n) - 1
        pos = start
        while pos < stop:
            seg_stop = seg_n[j + 1] if j < last else len(source.text)
            piece_stop = min(seg_stop, stop)
            if seg_e[j] == _RUN:
                self.run(seg_s[j] + pos - seg_n[j], piece_stop - pos)
            else:
                self.unit(piece_stop - pos, seg_s[j], seg_e[j])
            pos = piece_stop
            j += 1

    def build(self, original: str, text: str) -> Normalized:
        if self.length != len(text):
            raise AssertionError("offset map and text disagree")  # a bug, not bad input
        if len(text) == len(original) and (
            not original or (len(self.seg_n) == 1 and self.seg_s[0] == 0 and self.seg_e[0] == _RUN)
        ):
            return Normalized(original, text)  # the identity map
        return Normalized(original, text, self.seg_n, self.seg_s, self.seg_e)


@dataclass(frozen=True, slots=True, repr=False)
class Normalized:
    """A normalised text, the original it came from, and the offset map between them.

    Build it with :func:`docscreen.normalize.normalize`. ``_seg_*`` are ``None`` when the map
    is the identity (then ``len(text) == len(original)``; the texts may still differ by
    one-for-one replacements such as full-width digits).
    """

    original: str
    text: str
    _seg_n: array | None = field(default=None, compare=False)
    _seg_s: array | None = field(default=None, compare=False)
    _seg_e: array | None = field(default=None, compare=False)

    @property
    def is_identity(self) -> bool:
        """True when the text is unchanged (so every offset maps to itself)."""
        return self._seg_n is None and self.text == self.original

    def __repr__(self) -> str:
        # Never the text itself: reprs end up in logs, and logs never carry document text.
        segments = 0 if self._seg_n is None else len(self._seg_n)
        return (
            f"Normalized(original_len={len(self.original)}, text_len={len(self.text)}, "
            f"segments={segments}, identity={self.is_identity})"
        )

    def _unit(self, k: int) -> tuple[int, int]:
        """The original span that produced normalised character ``k`` (a valid index)."""
        seg_n, seg_s, seg_e = self._seg_n, self._seg_s, self._seg_e
        if seg_n is None:
            return k, k + 1
        assert seg_s is not None and seg_e is not None
        j = bisect_right(seg_n, k) - 1
        end = seg_e[j]
        if end == _RUN:
            start = seg_s[j] + k - seg_n[j]
            return start, start + 1
        return seg_s[j], end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of :attr:`text` to the span of :attr:`original` that produced it.

        The result covers exactly the original units whose output lies in the span (a unit that
        expanded, e.g. ``ﬁ`` -> ``fi``, is covered whole even when the span holds part of its
        output). An empty span maps to an empty span at the origin of the next normalised
        character (or the end of the original). Raises :class:`ValueError` unless
        ``0 <= start <= end <= len(text)``.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside the normalised text (0, {n})")
        if self._seg_n is None:
            return start, end
        if start == end:
            pos = self._unit(start)[0] if start < n else len(self.original)
            return pos, pos
        return self._unit(start)[0], self._unit(end - 1)[1]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of :attr:`original` to the span of :attr:`text` it produced.

        The result is the smallest span holding every normalised character whose unit overlaps
        ``[start, end)``. When nothing overlaps (an empty span, or a span of removed characters
        only) the result is the empty span just after the last character whose unit ends at or
        before ``start``. Raises :class:`ValueError` unless ``0 <= start <= end <=
        len(original)``.
        """
        n = len(self.original)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside the original text (0, {n})")
        seg_n, seg_s, seg_e = self._seg_n, self._seg_s, self._seg_e
        if seg_n is None:
            return start, end
        assert seg_s is not None and seg_e is not None
        last = len(seg_n) - 1
        text_len = len(self.text)

        # first: the first character whose unit ends after ``start``.
        j = bisect_right(seg_s, start) - 1
        if j < 0:
            first = 0
        else:
            seg_stop = seg_n[j + 1] if j < last else text_len
            if seg_e[j] == _RUN:
                offset = start - seg_s[j]
                first = seg_n[j] + offset if offset < seg_stop - seg_n[j] else seg_stop
            else:
                first = seg_n[j] if start < seg_e[j] else seg_stop
        if start == end:
            return first, first

        # stop: the first character whose unit starts at or after ``end``.
        j = bisect_left(seg_s, end)
        stop = seg_n[j] if j <= last else text_len
        if j > 0 and seg_e[j - 1] == _RUN:  # the run before may reach past ``end``
            offset = end - seg_s[j - 1]
            if offset < stop - seg_n[j - 1]:
                stop = seg_n[j - 1] + offset
        return first, max(first, stop)
