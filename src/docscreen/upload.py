"""In-process upload checks: ``check_upload(file) -> Verdict`` for a Python upload handler.

One :class:`~docscreen.api.Scanner` per process (per policy limits and key) is loaded on
first use and reused by every call. The verdict is decided by :mod:`docscreen.policy` (a pure
function) from the findings, exactly as the CLI and the HTTP service decide it.

* :func:`check_upload` takes bytes, a binary file object (read up to the policy's
  ``limits.max_bytes`` + 1 bytes: a bigger file is refused as ``too_large`` without reading
  the rest) or a path, and returns a :class:`~docscreen.policy.Verdict`.
* :func:`check_upload_async` does the same in a worker thread, so an event loop is never
  blocked.
* :class:`UploadChecker` is the object behind both (``check`` returns the full
  :class:`~docscreen.runner.Outcome`, from which :func:`docscreen.report.json.document_report`
  makes the JSON report).

Scans run one at a time per checker (a lock): the engine is not documented as thread-safe, and
on CPU-bound work threads would not run in parallel anyway. This is the *in-process* hook:
there is no crash isolation and no hard deadline beyond the extractors' own time budget
(``limits.timeout_s``). For hostile uploads at volume, run ``docscreen serve`` (worker
processes, a hard deadline per file) and call it over HTTP.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path, PurePath
from typing import IO, Union

from .errors import ErrorCode
from .model import Detection, ExtractedDocument, ScanError
from .policy import Policy, Verdict, default_policy, evaluate, find_term_hits, load_policy
from .report.redact import Fingerprinter, load_key
from .runner import Outcome, inprocess_scanner

Source = Union[bytes, bytearray, memoryview, IO[bytes], str, os.PathLike]
PolicyLike = Union[Policy, str, os.PathLike, None]


class UploadChecker:
    """Checks uploads with one policy and one (shared, per-process) Scanner."""

    def __init__(self, policy: PolicyLike = None, *, fingerprint_key: bytes | None = None) -> None:
        if policy is None:
            policy = default_policy()
        elif not isinstance(policy, Policy):
            policy = load_policy(policy)
        self.key = fingerprint_key if fingerprint_key is not None else load_key()
        self.policy = policy.bind(Fingerprinter(self.key))
        self.limits = policy.limits
        self._lock = threading.Lock()
        self._source: object = None

    @property
    def scanner(self):
        """The process's Scanner for these settings (loaded on first use)."""
        return inprocess_scanner(self.limits, self.policy.scanner_min_score, self.key)

    def warm_up(self) -> None:
        """Load the engine and compile every language's lists now (at application start: seconds)
        rather than on the first upload."""
        with self._lock:
            self.scanner.warm_up()

    def check(self, source: Source, filename: str | None = None) -> Outcome:
        start = time.perf_counter()
        name = _display_name(source, filename)
        data = self._read(source)
        if data is None:  # over the byte limit: refused without reading the rest
            doc = ExtractedDocument(
                Detection("unknown", "application/octet-stream"), (),
                errors=(ScanError(ErrorCode.TOO_LARGE, f"the upload is over the size limit ({self.limits.max_bytes} bytes)"),),
            )
            verdict = evaluate((), doc.errors, self.policy)
            return Outcome(0, name, doc, (), verdict, 0, 0, {"total_s": time.perf_counter() - start})
        with self._lock:
            result = self.scanner.scan_bytes(data, name=name)
            hits = find_term_hits(result.findings, result.document.segments, self.policy)
        verdict = evaluate(result.findings, result.document.errors, self.policy, term_hits=hits)
        outcome = Outcome.from_result(0, name, result, verdict)
        outcome.timings["total_s"] = time.perf_counter() - start
        return outcome

    def check_verdict(self, source: Source, filename: str | None = None) -> Verdict:
        return self.check(source, filename).verdict

    async def check_async(self, source: Source, filename: str | None = None) -> Outcome:
        return await asyncio.to_thread(self.check, source, filename)

    def _read(self, source: Source) -> bytes | None:
        limit = self.limits.max_bytes
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            return None if len(data) > limit else data
        if isinstance(source, (str, os.PathLike)):
            with open(source, "rb") as fh:
                return self._read(fh)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = source.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            if isinstance(chunk, str):
                raise TypeError("check_upload needs a binary file object (opened with 'rb'), bytes or a path")
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)


def _display_name(source: Source, filename: str | None) -> str:
    if filename:
        return PurePath(filename).name or "upload"
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return PurePath(name).name
    return "upload"


_CHECKERS: dict[int, UploadChecker] = {}
_CHECKERS_LOCK = threading.Lock()


def _checker(policy: PolicyLike) -> UploadChecker:
    """One checker per policy (a Policy object, a policy file as it is now, or the default)."""
    if isinstance(policy, (str, os.PathLike)):
        p = Path(policy).resolve()
        key: object = ("file", str(p), p.stat().st_mtime_ns)
        source: object = key
    elif policy is None:
        key = source = "default"
    else:
        key, source = ("object", id(policy)), policy
    with _CHECKERS_LOCK:
        checker = _CHECKERS.get(key)
        if checker is None or checker._source is not source and checker._source != source:
            if len(_CHECKERS) >= 8:
                _CHECKERS.pop(next(iter(_CHECKERS)))
            checker = UploadChecker(policy)
            checker._source = source  # holds a Policy object alive, so its id is not reused
            _CHECKERS[key] = checker
        return checker


def check_upload(fileobj_or_bytes: Source, filename: str | None = None, policy: PolicyLike = None) -> Verdict:
    """Accept, review, reject or error for one upload (bytes, a binary file object or a path).

    ``policy``: a :class:`~docscreen.policy.Policy`, a policy file, or None for the default.
    The engine loads once per process and is reused by every call.
    """
    return _checker(policy).check(fileobj_or_bytes, filename).verdict


async def check_upload_async(fileobj_or_bytes: Source, filename: str | None = None, policy: PolicyLike = None) -> Verdict:
    """:func:`check_upload` in a worker thread: the event loop is not blocked."""
    checker = await asyncio.to_thread(_checker, policy)
    return (await checker.check_async(fileobj_or_bytes, filename)).verdict
