"""Plain text: encoding detection, BOM handling, newline normalisation, paragraphs.

A file that is binary (NUL bytes that are not UTF-16, many control characters) is refused
with ``not_text`` rather than decoded into noise that would then be called clean.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import ErrorCode, NotText
from ..model import Detection, Location, Segment
from .base import Budget, ExtractResult

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which decoded text is considered binary.
_MAX_CONTROL_SHARE = 0.01
_SAMPLE = 256 * 1024


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data`` if it is text, else None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc if _looks_like_text(data, enc) else None
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        enc = _utf16_without_bom(sample)
        if enc and _looks_like_text(data, enc):
            return enc
        return None
    try:
        sample.decode("utf-8")
        ok_utf8 = True
    except UnicodeDecodeError as exc:
        # A cut in the middle of a multi-byte character at the end of the sample is fine.
        ok_utf8 = len(sample) == _SAMPLE and exc.start >= len(sample) - 3
    if ok_utf8:
        return "utf-8" if _looks_like_text(data, "utf-8") else None
    enc = _guess_legacy(sample)
    if enc and _looks_like_text(data, enc):
        return enc
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    even = sample[0::2]
    odd = sample[1::2]
    if not even or not odd:
        return None
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def _guess_legacy(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    enc = best.encoding
    # charset-normalizer names encodings after Python codecs; keep the common Western ones
    # recognisable in reports.
    return {"cp1252": "windows-1252", "latin_1": "iso-8859-1"}.get(enc, enc)


def _looks_like_text(data: bytes, encoding: str) -> bool:
    try:
        text = data[: _SAMPLE * 2].decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        # Tolerate a truncated trailing character of the sample only.
        if exc.start < min(len(data), _SAMPLE * 2) - 4:
            return False
        text = data[: exc.start].decode(encoding, errors="strict")
    except LookupError:
        return False
    if not text:
        return True
    controls = sum(
        1 for ch in text if ch not in "\t\n\r\f\v\x1b" and unicodedata.category(ch) == "Cc"
    )
    return controls / len(text) <= _MAX_CONTROL_SHARE


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` (detecting the encoding when not given); returns (text, encoding)."""
    enc = encoding or detect_encoding(data)
    if enc is None:
        raise NotText("the content is binary, not text", code=ErrorCode.NOT_TEXT)
    text = data.decode(enc, errors="replace")
    return normalize_newlines(text).lstrip("\ufeff"), enc


_NEWLINES = re.compile(r"\r\n?|\x85")


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n")


def extract_text(data: bytes, detection: Detection, budget: Budget) -> ExtractResult:
    text, _enc = decode_text(data, detection.encoding)
    result = ExtractResult()
    result.segments.extend(paragraph_segments(text, "body", budget))
    return result


def paragraph_segments(text: str, part: str, budget: Budget) -> list[Segment]:
    """Split text into paragraphs (blank-line separated); detail gives the first line."""
    segments: list[Segment] = []
    pos = 0
    index = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            line = text.count("\n", 0, pos) + 1 + (len(chunk) - len(chunk.lstrip("\n")))
            kept = budget.take(chunk.strip("\n"))
            if kept:
                segments.append(Segment(kept, Location(part, index=index, detail=f"line {line}")))
                index += 1
            if budget.exhausted:
                break
        if match:
            pos = match.end()
    return segments
