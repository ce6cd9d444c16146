"""Scanning document sets on Apache Spark (the ``spark`` extra: ``pip install 'docscreen[spark]'``).

:func:`scan_documents` takes a DataFrame as ``spark.read.format("binaryFile")`` makes it
(``path``, ``modificationTime``, ``length``, ``content``) and returns one row per document
(:data:`RESULT_SCHEMA`) through ``mapInArrow``. The verdict is the batch CLI's: each row is
scanned by the same code as ``docscreen scan`` (:class:`~docscreen.runner.BatchRunner` /
:class:`~docscreen.runner.WorkerPool`, :mod:`docscreen.policy`, :func:`docscreen.report.json.document_report`),
so a row's ``report`` is the CLI's JSONL line for the same file (but for timings and the path,
which here is Spark's URI, ``file:/...``).

On the executors:

* **one engine per Python worker process.** The first batch a Python worker sees builds an
  engine (kept in a module-level cache, keyed by policy, key, timeout and isolation); later
  batches and tasks in the same worker reuse it (Spark reuses Python workers by default,
  ``spark.python.worker.reuse``). Nothing is loaded per row or per batch.
* **isolation="process"** (the default): the engine is a :class:`~docscreen.runner.WorkerPool`
  of one spawned child that holds the Scanner. A parser that crashes the interpreter
  (``os._exit``, a segfault, the OOM killer) or hangs past the hard timeout kills only that
  child: its row is an ``error`` row (``internal`` / ``timeout``), a new child is spawned and the
  other rows of the batch are unaffected. The cost is one pipe transfer of the file's bytes.
  **isolation="none"** scans in the Python worker itself (a hang is still stopped by
  ``SIGALRM``), a little faster, but a hard crash then kills the Python worker and fails the
  Spark task: Spark retries the task (``spark.task.maxFailures``; ``local[N]`` masters do not
  retry unless written ``local[N,F]``) and, if it fails again, the job.
* **the policy is applied on the executors**: it is shipped as a :class:`~docscreen.policy.Policy`
  value (a frozen, picklable dataclass) with the fingerprint key resolved *on the driver*
  (``$DOCSCREEN_FINGERPRINT_KEY`` or the key file), so executors fingerprint exactly as the CLI
  on the driver's machine does (allow-lists by fingerprint keep working).
* **hostile files never fail the job**: a file over ``limits.max_bytes`` is refused from the
  ``length`` column before anything parses it (``too_large``, no bytes sent to the scanner);
  corrupt files, zip bombs, timeouts and unexpected exceptions become ``error`` (or, as the
  policy says, ``reject`` / ``review``) rows.

No row and no log record carries document text or a raw value: reports hold masked previews
and keyed fingerprints only.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import pickle
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .errors import ErrorCode, describe_exception
from .model import Detection, ExtractedDocument, ScanError

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

    from .policy import Policy

#: The columns of a result row (a Spark DDL string).
RESULT_SCHEMA = (
    "path string, sha256 string, size long, verdict string, categories array<string>, "
    "finding_count int, errors array<string>, report string"
)
ISOLATIONS = ("process", "none")
#: Test hook: when set, each engine built in a Python worker appends that process's pid to
#: this file (tests check the engine is built once per worker, not per batch).
ENV_LOAD_LOG = "DOCSCREEN_SPARK_LOAD_LOG"


def _arrow_schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("path", pa.string()),
            ("sha256", pa.string()),
            ("size", pa.int64()),
            ("verdict", pa.string()),
            ("categories", pa.list_(pa.string())),
            ("finding_count", pa.int32()),
            ("errors", pa.list_(pa.string())),
            ("report", pa.string()),
        ]
    )


# -- the executor side -----------------------------------------------------------------------
class _Engine:
    """What one Python worker keeps: the runner (policy bound to the key) and, with process
    isolation, a one-child :class:`WorkerPool` whose child holds the Scanner."""

    def __init__(self, policy: "Policy", key: bytes, timeout: float | None, isolation: str) -> None:
        from .runner import BatchRunner, WorkerPool

        self.source = policy.source
        self.runner = BatchRunner(policy, jobs=0, timeout=timeout, fingerprint_key=key)
        self.limits = self.runner.limits
        self.pool = None
        if isolation == "process":
            self.pool = WorkerPool(policy, jobs=1, timeout=timeout, fingerprint_key=key).start()
            atexit.register(self.pool.close)
        log_file = os.environ.get(ENV_LOAD_LOG)
        if log_file:
            with open(log_file, "a", encoding="ascii") as fh:
                fh.write(f"{os.getpid()}\n")

    def outcome(self, task):
        if self.pool is not None:
            return self.pool.submit(task).result()
        return next(iter(self.runner.run([task])))


_ENGINES: dict[tuple, _Engine] = {}
_LOCK = threading.Lock()


def _engine(policy: "Policy", key: bytes, timeout: float | None, isolation: str) -> _Engine:
    cache_key = (hashlib.sha256(pickle.dumps(policy)).hexdigest(), policy.source, key, timeout, isolation)
    with _LOCK:
        engine = _ENGINES.get(cache_key)
        if engine is None:
            engine = _ENGINES[cache_key] = _Engine(policy, key, timeout, isolation)
        return engine


def _too_large(engine: _Engine, task, length: int, content: bytes | None):
    """The ``too_large`` outcome of a file refused from its ``length`` (nothing parses it);
    the same document the CLI's ``extract_path`` describes for such a file."""
    from .ingest.sniff import sniff

    limit = engine.limits.max_bytes
    doc = ExtractedDocument(
        detection=sniff(content[: 64 * 1024]) if content else Detection("unknown", "application/octet-stream"),
        segments=(),
        errors=(ScanError(ErrorCode.TOO_LARGE, f"document is {length} bytes, over the limit of {limit} bytes"),),
        size=length,
        sha256=hashlib.sha256(content).hexdigest() if content is not None else None,
    )
    return engine.runner._outcome(task, doc, (), 0, 0, {"total_s": 0.0}, {})


def scan_row(engine: _Engine, index: int, path: str, length: int | None, content: bytes | None) -> dict[str, Any]:
    """One result row for one binaryFile row. Never raises."""
    from pathlib import PurePosixPath

    from .policy.verdict import COUNTED
    from .report.json import document_report
    from .report.jsonl import line
    from .runner import Task

    name = PurePosixPath(path).name
    try:
        if content is None:
            task = Task(index=index, path=path, data=b"", name=name)
            outcome = engine.runner._failed(task, ErrorCode.IO_ERROR, "the file's content is missing from the input row", 0.0)
        else:
            size = length if length is not None else len(content)
            task = Task(index=index, path=path, data=content, name=name)
            if size > engine.limits.max_bytes or len(content) > engine.limits.max_bytes:
                outcome = _too_large(engine, task, max(size, len(content)), content)
            else:
                outcome = engine.outcome(task)
        report = document_report(outcome, policy_source=engine.source)
    except Exception as exc:  # a bug on this side: the row says so, the job goes on
        message = f"unexpected error while scanning ({describe_exception(exc)})"
        return {
            "path": path,
            "sha256": hashlib.sha256(content).hexdigest() if content is not None else None,
            "size": length,
            "verdict": "error",
            "categories": [],
            "finding_count": 0,
            "errors": [ErrorCode.INTERNAL.value],
            "report": json.dumps({"type": "document", "path": path, "verdict": "error",
                                  "errors": [{"code": ErrorCode.INTERNAL.value, "message": message}]}),
        }
    return {
        "path": path,
        "sha256": report["document"]["sha256"],
        "size": report["document"]["size"],
        "verdict": report["verdict"],
        "categories": sorted({f["category"] for f in report["findings"] if f["status"] == COUNTED}),
        "finding_count": len(report["findings"]),
        "errors": [e["code"] for e in report["errors"]],
        "report": line(report),
    }


def _scan_batches(batches: Iterator, policy: "Policy", key: bytes, timeout: float | None, isolation: str) -> Iterator:
    import pyarrow as pa

    schema = _arrow_schema()
    engine = None
    for batch in batches:
        if engine is None:
            engine = _engine(policy, key, timeout, isolation)
        paths = batch.column("path").to_pylist()
        lengths = batch.column("length").to_pylist() if "length" in batch.schema.names else [None] * len(paths)
        contents = batch.column("content")
        rows = [scan_row(engine, i, paths[i], lengths[i], contents[i].as_py()) for i in range(len(paths))]
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


# -- the driver side -------------------------------------------------------------------------
def scan_documents(
    df: "DataFrame",
    policy: "Policy | str | os.PathLike[str] | None" = None,
    *,
    fingerprint_key: bytes | None = None,
    timeout: float | None = None,
    isolation: str = "process",
    partitions: int | None = None,
) -> "DataFrame":
    """Scan every row of a binaryFile DataFrame; one result row per document (:data:`RESULT_SCHEMA`).

    ``policy``: a :class:`~docscreen.policy.Policy`, a policy file (TOML, read here on the
    driver) or None for the default policy. ``fingerprint_key``: default
    ``$DOCSCREEN_FINGERPRINT_KEY`` or the key file, resolved here. ``timeout``: seconds per
    file (default: the policy's). ``isolation``: ``"process"`` (a crash in a parser costs one
    ``error`` row) or ``"none"`` (see the module notes). ``partitions``: repartition the input
    first (binaryFile packs many small files into one partition; a round-robin repartition
    spreads them over the cores).
    """
    from .policy import Policy, default_policy, load_policy
    from .report.redact import load_key

    if isolation not in ISOLATIONS:
        raise ValueError(f"isolation must be one of {ISOLATIONS}")
    missing = {"path", "content"} - set(df.columns)
    if missing:
        raise ValueError(f"the DataFrame lacks {sorted(missing)}: read it with spark.read.format('binaryFile')")
    if policy is None:
        policy = default_policy()
    elif not isinstance(policy, Policy):
        policy = load_policy(policy)
    key = fingerprint_key if fingerprint_key is not None else load_key()
    columns = [c for c in ("path", "length", "content") if c in df.columns]
    df = df.select(*columns)
    if partitions:
        df = df.repartition(partitions)

    def scan(batches):  # runs on the executors (pickled with its arguments)
        return _scan_batches(batches, policy, key, timeout, isolation)

    return df.mapInArrow(scan, RESULT_SCHEMA)


def summary(results: "DataFrame") -> dict[str, Any]:
    """Counts per verdict, per category (counted findings) and per error code over result
    rows, in one Spark job (the distinct combinations are few; the rows stay where they are)."""
    verdicts = {v: 0 for v in ("accept", "review", "reject", "error")}
    categories: dict[str, int] = {}
    errors: dict[str, int] = {}
    grouped = results.groupBy("verdict", "categories", "errors").count().collect()
    for row in grouped:
        n = row["count"]
        verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + n
        for c in row["categories"] or ():
            categories[c] = categories.get(c, 0) + n
        for e in row["errors"] or ():
            errors[e] = errors.get(e, 0) + n
    return {
        "documents": sum(verdicts.values()),
        "verdicts": verdicts,
        "categories": dict(sorted(categories.items())),
        "errors": dict(sorted(errors.items())),
    }
