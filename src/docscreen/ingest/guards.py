"""Guards that run before any parser: size and zip containers.

The zip check reads only the central directory (no member is inflated), so a zip bomb is
refused in microseconds and without memory growth. Python's ``zipfile`` never inflates more
than a member's *declared* size, so checking declared sizes bounds what a reader can later
inflate; members whose real size differs fail their CRC and are reported as corrupt.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptDocument, ErrorCode, LimitExceeded, describe_exception
from ..limits import Limits


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise LimitExceeded(
            f"document is {size} bytes, over the limit of {limits.max_bytes} bytes",
            code=ErrorCode.TOO_LARGE,
        )


def check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a zip container after checking its directory against the limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptDocument(
            f"zip container is unreadable ({describe_exception(exc)})", code=ErrorCode.CORRUPT
        ) from None
    check_zip_infos(infos, limits)
    return zf


def check_zip_infos(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_zip_entries:
        raise LimitExceeded(
            f"zip container has {len(infos)} members, over the limit of {limits.max_zip_entries}",
            code=ErrorCode.ZIP_BOMB,
        )
    total = 0
    compressed = 0
    for info in infos:
        if info.file_size < 0 or info.compress_size < 0:
            raise CorruptDocument("zip member with a negative size", code=ErrorCode.CORRUPT)
        total += info.file_size
        compressed += info.compress_size
        if info.file_size >= limits.zip_ratio_min_size:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_member_ratio:
                raise LimitExceeded(
                    f"zip member compressed {ratio:.0f}:1, over the limit of "
                    f"{limits.max_zip_member_ratio:g}:1",
                    code=ErrorCode.ZIP_BOMB,
                )
        if total > limits.max_zip_uncompressed:
            raise LimitExceeded(
                f"zip container inflates to more than {limits.max_zip_uncompressed} bytes",
                code=ErrorCode.ZIP_BOMB,
            )
    if total >= limits.zip_ratio_min_size:
        ratio = total / max(compressed, 1)
        if ratio > limits.max_zip_ratio:
            raise LimitExceeded(
                f"zip container compressed {ratio:.0f}:1, over the limit of {limits.max_zip_ratio:g}:1",
                code=ErrorCode.ZIP_BOMB,
            )


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member; damaged members are a typed error, never a bare exception."""
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: a member encrypted with a zip password.
        raise CorruptDocument(
            f"zip member {_safe_name(info.filename)!s} is unreadable ({describe_exception(exc)})",
            code=ErrorCode.CORRUPT,
        ) from None


def _safe_name(name: str) -> str:
    """Member names of OOXML parts are structural (word/document.xml); keep them short."""
    return name[:80]
