"""The batch runner: scan many documents in worker processes, one Scanner per worker.

Design: ``jobs`` :class:`multiprocessing.Process` workers (``spawn`` context: no state or
threads inherited from the parent), each with its own :class:`~multiprocessing.Pipe`. A
worker builds one :class:`~docscreen.api.Scanner` when it starts, says ``ready``, then scans
one task at a time. The parent sends a task to an idle worker and gives it a hard deadline
(``1.1 × timeout + 1 s``; the Scanner's own cooperative budget is ``timeout``). A worker that
misses its deadline is killed; one that dies (a crash in a parser, ``os._exit``, the OOM
killer) is noticed through its process sentinel. Either way that document gets an ``error``
verdict (codes ``timeout`` / ``internal``), a fresh worker replaces the old one and the batch
goes on. Results are yielded in input order, each as soon as it and everything before it is
done. (``concurrent.futures.ProcessPoolExecutor`` cannot kill one hung worker: a broken pool
fails every pending future.)

Only indexes, counts, findings (masked previews and fingerprints) and document metadata
come back from a worker: the extracted text never leaves the process that read it.

``jobs=0`` scans in this process (no isolation; a hang in Python code is still stopped by
``SIGALRM`` on the main thread). It is for debugging and for tests.

Test hook: when ``$DOCSCREEN_TEST_FAULTS`` is set (``crash=MARKER,hang=MARKER``), a *worker*
crashes (``os._exit(70)``) or sleeps for an hour on a file whose name contains the marker.
Nothing else reads it and ``jobs=0`` ignores it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait as _wait
from pathlib import Path
from typing import Any

from .errors import ErrorCode, describe_exception
from .limits import Limits
from .model import Detection, ExtractedDocument, Finding, ScanError
from .policy import Policy, Verdict, evaluate, find_term_hits
from .report.redact import Fingerprinter, load_key

log = logging.getLogger(__name__)

ENV_FAULTS = "DOCSCREEN_TEST_FAULTS"
#: How long a worker may take to load the engine before the batch gives up.
INIT_TIMEOUT_S = 300.0
#: Workers that die before they are ready, in a row, before the batch gives up.
MAX_INIT_FAILURES = 3


class RunnerError(RuntimeError):
    """The workers cannot be started (the engine does not load). No file was judged."""


@dataclass(frozen=True)
class Task:
    index: int
    #: What reports call the document: the path as given, or ``-`` for stdin.
    path: str
    #: The file to read (None when ``data`` is given).
    file: str | None = None
    data: bytes | None = field(default=None, repr=False)
    #: The file name ``data`` came with (only compared with what the bytes are, as
    #: ``extract_path`` does with a file's name).
    name: str | None = None


@dataclass(frozen=True)
class Outcome:
    """One document's result: metadata, findings, verdict. Holds no document text."""

    index: int
    path: str
    #: The extracted document *without* its segments (``segments`` / ``characters`` count them).
    document: ExtractedDocument
    findings: tuple[Finding, ...]
    verdict: Verdict
    segments: int = 0
    characters: int = 0
    timings: dict[str, float] = field(default_factory=dict, compare=False)


    @classmethod
    def from_result(cls, index: int, path: str, result, verdict: Verdict) -> "Outcome":
        """An outcome from a library :class:`~docscreen.model.ScanResult` (segments dropped)."""
        doc = result.document
        return cls(index, path, dataclasses.replace(doc, segments=()), tuple(result.findings), verdict,
                   len(doc.segments), doc.char_count, dict(result.timings))


_SCANNERS: dict[tuple, Any] = {}


def inprocess_scanner(limits: Limits, min_score: float, key: bytes):
    """A Scanner for this process, kept for the next call with the same settings (the engine
    loads once per process: ``--jobs 0``, ``docscreen explain``, tests)."""
    cache_key = (limits, min_score, key)
    if cache_key not in _SCANNERS:
        from .api import Scanner

        if len(_SCANNERS) >= 4:
            _SCANNERS.pop(next(iter(_SCANNERS)))
        _SCANNERS[cache_key] = Scanner(limits=limits, min_score=min_score, fingerprint_key=key)
    return _SCANNERS[cache_key]


def hard_timeout(timeout: float) -> float:
    return timeout * 1.1 + 1.0


def default_jobs() -> int:
    return os.cpu_count() or 1


# -- the worker ------------------------------------------------------------------------------
def _parse_faults(spec: str | None) -> dict[str, str]:
    faults: dict[str, str] = {}
    for part in (spec or "").split(","):
        kind, _, marker = part.partition("=")
        if kind.strip() in ("crash", "hang") and marker.strip():
            faults[kind.strip()] = marker.strip()
    return faults


def _inject_fault(faults: dict[str, str], name: str) -> None:
    if "crash" in faults and faults["crash"] in name:
        os._exit(70)
    if "hang" in faults and faults["hang"] in name:
        time.sleep(3600)


def _scan_one(scanner, policy: Policy, task: Task) -> tuple:
    """Scan one task; returns the message a worker sends back (no document text in it)."""
    try:
        if task.file is not None:
            result = scanner.scan_path(task.file)
        else:
            result = scanner.scan_bytes(task.data or b"", name=task.name)
        doc = result.document
        hits = find_term_hits(result.findings, doc.segments, policy)
        return (
            "done",
            task.index,
            dataclasses.replace(doc, segments=()),
            tuple(result.findings),
            len(doc.segments),
            doc.char_count,
            dict(result.timings),
            hits,
        )
    except Exception as exc:  # a bug in analysis: the document is not accepted
        log.warning("internal error while scanning a document: %s", describe_exception(exc))
        return ("failed", task.index, describe_exception(exc))


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def _worker_main(conn, limits: Limits, min_score: float, key: bytes, policy: Policy, log_level: int | None) -> None:
    if log_level is not None:
        logging.basicConfig(stream=sys.stderr, level=log_level, format="docscreen[%(process)d] %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    # One thread of numeric code per worker: the pool is the parallelism. Without this,
    # OpenBLAS / OpenMP thread pools in each worker fight over the cores and two workers
    # are slower than one. (numpy is not imported yet: the engine comes in just below.)
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    try:
        from .api import Scanner

        scanner = Scanner(limits=limits, min_score=min_score, fingerprint_key=key)
    except BaseException as exc:
        conn.send(("init_error", f"the scanner could not be loaded ({describe_exception(exc)})"))
        return
    faults = _parse_faults(os.environ.get(ENV_FAULTS)) if os.environ.get(ENV_FAULTS) else {}
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if faults:
            _inject_fault(faults, Path(task.path).name if task.file else task.path)
        conn.send(_scan_one(scanner, policy, task))


# -- the parent ------------------------------------------------------------------------------
@dataclass
class _Worker:
    proc: Any
    conn: Any
    started: float
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0


class BatchRunner:
    """Scans tasks with a policy; iterate :meth:`run` for outcomes in input order."""

    def __init__(
        self,
        policy: Policy,
        *,
        jobs: int | None = None,
        timeout: float | None = None,
        fingerprint_key: bytes | None = None,
        log_level: int | None = None,
    ) -> None:
        self.jobs = default_jobs() if jobs is None else jobs
        if self.jobs < 0:
            raise ValueError("jobs must be >= 0")
        self.timeout = policy.limits.timeout_s if timeout is None else timeout
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        self.limits = dataclasses.replace(policy.limits, timeout_s=self.timeout)
        # Resolve the key once here: workers must share it, and creating the per-install
        # key file from several workers at once would race.
        self.key = fingerprint_key if fingerprint_key is not None else load_key()
        self.policy = policy.bind(Fingerprinter(self.key))
        self.log_level = log_level

    # -- public ----------------------------------------------------------------------------
    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        if not tasks:
            return iter(())
        if self.jobs == 0:
            return self._run_inprocess(tasks)
        return self._run_pool(tasks)

    # -- outcomes --------------------------------------------------------------------------
    def _outcome(self, task: Task, doc: ExtractedDocument, findings, segments: int, chars: int, timings, hits) -> Outcome:
        verdict = evaluate(findings, doc.errors, self.policy, term_hits=hits)
        return Outcome(task.index, task.path, doc, tuple(findings), verdict, segments, chars, timings)

    def _failed(self, task: Task, code: ErrorCode, message: str, elapsed: float) -> Outcome:
        """An outcome for a document no worker returned a result for."""
        size = sha = None
        detection = Detection("unknown", "application/octet-stream")
        try:
            if task.file is not None:
                h = hashlib.sha256()
                size = 0
                head = b""
                with open(task.file, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        if size < self.limits.max_bytes:
                            head += chunk
                        h.update(chunk)
                        size += len(chunk)
                sha = h.hexdigest()
                data = head if size <= self.limits.max_bytes else None
            else:
                data = task.data or b""
                size, sha = len(data), hashlib.sha256(data).hexdigest()
            if data is not None:
                from .ingest.sniff import sniff

                detection = sniff(data)
        except Exception as exc:  # the file went away: the error says enough
            log.debug("cannot describe a failed document: %s", describe_exception(exc))
        doc = ExtractedDocument(detection, (), errors=(ScanError(code, message),), size=size, sha256=sha)
        return self._outcome(task, doc, (), 0, 0, {"total_s": elapsed}, {})

    # -- in this process --------------------------------------------------------------------
    def _scanner(self):
        return inprocess_scanner(self.limits, self.policy.scanner_min_score, self.key)

    def _run_inprocess(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        scanner = self._scanner()
        alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
        for task in tasks:
            start = time.perf_counter()
            msg: tuple | None = None
            if alarm:
                previous = signal.signal(signal.SIGALRM, _raise_timeout)
                signal.setitimer(signal.ITIMER_REAL, hard_timeout(self.timeout))
            try:
                msg = _scan_one(scanner, self.policy, task)
            except _HardTimeout:
                msg = None
            finally:
                if alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
            elapsed = time.perf_counter() - start
            yield self._from_message(task, msg, elapsed)

    def _from_message(self, task: Task, msg: tuple | None, elapsed: float) -> Outcome:
        if msg is None:
            return self._failed(task, ErrorCode.TIMEOUT, _timeout_message(self.timeout), elapsed)
        if msg[0] == "failed":
            return self._failed(task, ErrorCode.INTERNAL, f"unexpected error while scanning ({msg[2]})", elapsed)
        _, _, doc, findings, segments, chars, timings, hits = msg
        timings = {**timings, "total_s": elapsed}
        return self._outcome(task, doc, findings, segments, chars, timings, hits)

    # -- worker pool -----------------------------------------------------------------------
    def _start_worker(self, ctx) -> _Worker:
        parent, child = ctx.Pipe(duplex=True)
        proc = ctx.Process(
            target=_worker_main,
            args=(child, self.limits, self.policy.scanner_min_score, self.key, self.policy, self.log_level),
            daemon=True,
            name="docscreen-worker",
        )
        proc.start()
        child.close()
        return _Worker(proc, parent, time.monotonic())

    @staticmethod
    def _stop(w: _Worker, *, kill: bool) -> None:
        if kill:
            w.proc.kill()
        else:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        w.proc.join(timeout=5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join(timeout=5)
        w.conn.close()

    def _run_pool(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        """The batch on a :class:`WorkerPool` (the same dispatcher the HTTP service uses):
        every task submitted at once, outcomes yielded in input order as they complete."""
        with WorkerPool(self.policy, jobs=min(self.jobs, len(tasks)), runner=self) as pool:
            futures = [pool.submit(t) for t in tasks]
            for fut in futures:
                yield fut.result()


class _HardTimeout(BaseException):
    pass


def _raise_timeout(signum, frame):  # pragma: no cover - timing dependent
    raise _HardTimeout()


def _timeout_message(timeout: float) -> str:
    return f"no result within the per-file timeout ({timeout:g} s): the scan was stopped"


# -- a long-lived pool for single requests (the HTTP service) --------------------------------
class WorkerPool:
    """The batch runner's workers, kept running, for one request at a time from many threads.

    The same worker processes as :meth:`BatchRunner.run` (``spawn``, one Scanner each, a hard
    deadline per file, a crashed or hung worker killed and replaced) driven by one dispatcher
    thread. :meth:`submit` is thread-safe and returns a :class:`concurrent.futures.Future` of
    an :class:`Outcome` (``asyncio.wrap_future`` makes it awaitable); the verdict is evaluated
    here, in the parent, by :mod:`docscreen.policy`. A future cancelled before a worker took
    its task is skipped. If the engine cannot be loaded, :attr:`failed` says why and every
    future fails with :class:`RunnerError`.
    """

    def __init__(
        self,
        policy: Policy,
        *,
        jobs: int = 1,
        timeout: float | None = None,
        fingerprint_key: bytes | None = None,
        log_level: int | None = None,
        runner: "BatchRunner | None" = None,
    ) -> None:
        """``runner``: the batch runner whose workers, key and policy to use (the batch itself
        runs on a pool this way); by default one is made from the other arguments."""
        import socket

        if jobs < 1:
            raise ValueError("a worker pool needs at least one worker")
        self._runner = runner or BatchRunner(
            policy, jobs=jobs, timeout=timeout, fingerprint_key=fingerprint_key, log_level=log_level
        )
        self.jobs = jobs
        self.timeout = self._runner.timeout
        self.policy = self._runner.policy
        self._lock = threading.Lock()
        self._pending: deque = deque()
        self._closed = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._thread = threading.Thread(target=self._loop, name="docscreen-pool", daemon=True)
        self._ready = 0
        self._busy = 0
        #: Why the pool stopped for good (the engine does not load), or None.
        self.failed: str | None = None
        #: Workers replaced after a crash or a timeout (for tests and metrics).
        self.replaced = 0

    # -- public ----------------------------------------------------------------------------
    def start(self) -> "WorkerPool":
        self._thread.start()
        return self

    @property
    def ready(self) -> bool:
        """At least one worker has loaded the engine and the pool has not failed."""
        return self._ready > 0 and self.failed is None and not self._closed

    @property
    def ready_workers(self) -> int:
        return self._ready

    @property
    def busy(self) -> int:
        return self._busy

    def worker_pids(self) -> list[int]:
        return list(getattr(self, "_pids", []))

    def submit(self, task: Task):
        import concurrent.futures

        fut: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker pool is closed")
            if self.failed is not None:
                fut.set_exception(RunnerError(self.failed))
                return fut
            self._pending.append((task, fut))
        self._wake()
        return fut

    def close(self, timeout: float = 10.0) -> None:
        with self._lock:
            self._closed = True
        self._wake()
        if self._thread.is_alive():
            self._thread.join(timeout)
        for s in (self._wake_r, self._wake_w):
            s.close()

    def __enter__(self) -> "WorkerPool":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the dispatcher ----------------------------------------------------------------------
    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except (BlockingIOError, OSError):  # already awake (buffer full) or closing
            pass

    def _drain_wake(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass

    def _fail_all(self, message: str) -> None:
        self._end_pending(message, failed=True)

    def _end_pending(self, message: str, *, failed: bool) -> None:
        """Fail every queued task with ``message``. The pool becomes failed (or closed) in
        the same locked step, so no task can be queued after it."""
        with self._lock:
            if failed:
                self.failed = message
            else:
                self._closed = True
            pending = list(self._pending)
            self._pending.clear()
        for _task, fut in pending:
            if fut.set_running_or_notify_cancel():
                fut.set_exception(RunnerError(message))

    def _loop(self) -> None:
        runner = self._runner
        ctx = multiprocessing.get_context("spawn")
        hard = hard_timeout(self.timeout)
        workers: list[_Worker] = []
        running: dict[int, tuple[Any, float]] = {}  # id(worker) -> (future, started)
        init_failures = 0
        try:
            workers = [runner._start_worker(ctx) for _ in range(self.jobs)]
            while True:
                with self._lock:
                    closed = self._closed
                if closed:
                    break
                # hand out work
                for w in workers:
                    if not (w.ready and w.task is None):
                        continue
                    while True:
                        with self._lock:
                            item = self._pending.popleft() if self._pending else None
                        if item is None:
                            break
                        task, fut = item
                        if not fut.set_running_or_notify_cancel():
                            continue  # cancelled while queued (the client went away)
                        try:
                            w.conn.send(task)
                        except (OSError, ValueError):  # it just died: its sentinel will say so
                            with self._lock:
                                self._pending.appendleft((task, _Requeued(fut)))
                            break
                        w.task = task
                        w.deadline = time.monotonic() + hard
                        running[id(w)] = (fut, time.monotonic())
                        break
                self._ready = sum(1 for w in workers if w.ready)
                self._busy = sum(1 for w in workers if w.task is not None)
                self._pids = [w.proc.pid for w in workers]
                now = time.monotonic()
                deadlines = [w.deadline for w in workers if w.task is not None]
                deadlines += [w.started + INIT_TIMEOUT_S for w in workers if not w.ready]
                wait_s = max(0.0, min(deadlines) - now) if deadlines else None
                ready = set(_wait([w.conn for w in workers] + [w.proc.sentinel for w in workers] + [self._wake_r], wait_s))
                if self._wake_r in ready:
                    self._drain_wake()
                replace: list[_Worker] = []
                for w in workers:
                    msg = None
                    dead = False
                    if w.conn in ready:
                        try:
                            msg = w.conn.recv()
                        except (EOFError, OSError):
                            dead = True
                    elif w.proc.sentinel in ready:
                        dead = True
                    if msg is not None:
                        if msg[0] == "ready":
                            w.ready = True
                            init_failures = 0
                        elif msg[0] == "init_error":
                            self._fail_all(msg[1])
                            return
                        elif w.task is not None and msg[1] == w.task.index:
                            fut, started = running.pop(id(w))
                            self._resolve(fut, lambda t=w.task, m=msg, s=started: runner._from_message(t, m, time.monotonic() - s))
                            w.task = None
                        continue
                    if dead:
                        self._retire(w, workers)
                        code = w.proc.exitcode if w.proc.exitcode is not None else "unknown"
                        if w.task is not None:
                            log.warning("a worker stopped (exit code %s) while scanning a file; it is replaced", code)
                            fut, started = running.pop(id(w))
                            message = f"the worker scanning this file stopped unexpectedly (exit code {code}); it was replaced"
                            self._resolve(fut, lambda t=w.task, m=message, s=started: runner._failed(t, ErrorCode.INTERNAL, m, time.monotonic() - s))
                            w.task = None
                        elif not w.ready:
                            init_failures += 1
                            if init_failures >= MAX_INIT_FAILURES:
                                self._fail_all(f"workers stop while loading the scanner (exit code {code})")
                                return
                        replace.append(w)
                now = time.monotonic()
                for w in workers:
                    if w in replace:
                        continue
                    if w.task is not None and now > w.deadline:
                        log.warning("no result within %.3g s: stopping the worker and replacing it", hard)
                        self._retire(w, workers)
                        fut, started = running.pop(id(w))
                        self._resolve(fut, lambda t=w.task, s=started: runner._failed(t, ErrorCode.TIMEOUT, _timeout_message(self.timeout), time.monotonic() - s))
                        w.task = None
                        replace.append(w)
                    elif not w.ready and now > w.started + INIT_TIMEOUT_S:
                        self._fail_all(f"a worker did not load the scanner within {INIT_TIMEOUT_S:g} s")
                        return
                for w in replace:
                    workers.remove(w)
                    BatchRunner._stop(w, kill=True)
                    self.replaced += 1
                    workers.append(runner._start_worker(ctx))
        except BaseException as exc:  # pragma: no cover - a bug in the dispatcher
            log.error("the worker pool stopped: %s", describe_exception(exc))
            self._fail_all(f"the worker pool stopped ({describe_exception(exc)})")
        finally:
            self._ready = 0
            for w in workers:
                fut_started = running.pop(id(w), None)
                if fut_started is not None:
                    fut_started[0].set_exception(RunnerError("the worker pool was closed"))
                BatchRunner._stop(w, kill=w.task is not None or not w.ready)
            self._end_pending("the worker pool was closed", failed=False)

    def _retire(self, w: _Worker, workers: list[_Worker]) -> None:
        """Count a dead or hung worker out of ``ready`` before its task's outcome is delivered.

        A caller that hears the outcome and asks ``ready`` at once must not be told the pool is
        ready while its only worker is being killed and replaced: a health check would send the
        next upload to a pool that first has to load a fresh worker.
        """
        w.ready = False
        self._ready = sum(1 for x in workers if x.ready)

    @staticmethod
    def _resolve(fut, make) -> None:
        try:
            fut.set_result(make())
        except BaseException as exc:  # building the outcome failed: the caller still hears
            log.error("could not build an outcome: %s", describe_exception(exc))
            fut.set_exception(exc)


class _Requeued:
    """A future already marked running, put back in the queue after a failed send."""

    def __init__(self, fut) -> None:
        self._fut = fut

    def set_running_or_notify_cancel(self) -> bool:
        return True

    def __getattr__(self, name):
        return getattr(self._fut, name)
