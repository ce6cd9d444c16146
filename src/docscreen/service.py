"""The HTTP upload hook: ``docscreen serve`` (FastAPI on uvicorn).

An upload handler in any language asks "accept, review or reject?" before it stores a file:

* ``POST /v1/scan``: a multipart upload (field ``file``) or the raw file as the body (its name,
  optional, in ``X-Filename``). 200 with the JSON document report (schema version 1) and the
  verdict also in ``X-Docscreen-Verdict``; 413 over ``limits.max_bytes`` (counted while the
  body streams in, never after reading it all); 415 for a request that holds no file; 400 for
  a malformed one; 503 with ``Retry-After`` when the queue is full or no worker is ready; 401
  without the bearer token when one is configured.
* ``GET /healthz`` (the process answers), ``GET /readyz`` (a worker has loaded the engine),
  ``GET /v1/categories``, ``GET /openapi.json`` (and ``/docs``).

Analysis runs in :class:`docscreen.runner.WorkerPool` processes (the batch runner's workers:
one Scanner each, a hard deadline per file, a crashed or hung worker killed and replaced, its
request answered with an ``error`` verdict). This process never loads the engine: it streams
the body to a private temporary file (mode 0600 in a 0700 directory of its own), hands the
worker the file's path, evaluates the verdict with :mod:`docscreen.policy` and renders the
report with :mod:`docscreen.report.json`. The temporary file is removed on every path
(success, error, 413, a client that goes away). Neither logs nor error bodies hold document
text or the upload's name.
"""



import asyncio
import contextlib
import hmac
import itertools
import json
import logging
import math
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from .policy import Policy, default_policy
from .report.json import document_report
from .runner import RunnerError, Task, WorkerPool

log = logging.getLogger(__name__)

ENV_TOKEN = "DOCSCREEN_API_TOKEN"
#: Routes that answer without the token (probes).
OPEN_PATHS = frozenset({"/healthz", "/readyz"})
#: Bytes a multipart body may carry beyond the file itself (boundaries, part headers, other
#: small fields): the whole body is also capped at ``max_bytes + MULTIPART_SLACK``.
MULTIPART_SLACK = 64 * 1024
VERDICT_HEADER = "X-Docscreen-Verdict"
FILENAME_HEADER = "X-Filename"
_NOT_A_FILE_TYPES = ("application/x-www-form-urlencoded", "application/json")


@dataclass
class ServiceConfig:
    policy: Policy = field(default_factory=default_policy)
    #: Worker processes (each loads the engine once).
    workers: int = 1
    #: Requests in flight plus queued; beyond it: 503 with Retry-After.
    max_queue: int | None = None
    #: Seconds per file (default: the policy's limits.timeout_s).
    timeout: float | None = None
    #: Bearer token (None: no auth).
    token: str | None = None
    fingerprint_key: bytes | None = None
    log_level: int | None = None
    #: Seconds an upload waits for a worker that is starting or being replaced (after a crash
    #: or a timeout) before the answer is 503 ``not_ready``.
    ready_wait: float = 30.0

    @property
    def queue_limit(self) -> int:
        return self.max_queue if self.max_queue is not None else max(8, 8 * self.workers)


class _Problem(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """Every non-200 answer: docscreen's own words, never document text or the file's name."""
    return {"error": {"status": status, "code": code, "message": message}}


def read_token_file(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        token = fh.read().strip()
    if not token:
        raise ValueError(f"{path}: the token file is empty")
    return token


def safe_filename(raw: str | None) -> str:
    """The last path component, without control characters, at most 255 characters."""
    if not raw:
        return "upload"
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()[:255]
    return name if name not in ("", ".", "..") else "upload"


# -- auth (pure ASGI middleware: it sees every route, the OpenAPI document included) ----------
class BearerAuth:
    def __init__(self, app, token: str | None) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None

    async def __call__(self, scope, receive, send) -> None:
        if self.token is None or scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = b""
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                given = value
                break
        scheme, _, credential = given.partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(credential.strip(), self.token):
            await self.app(scope, receive, send)
            return
        body = json.dumps(error_body(401, "unauthorized", "a valid bearer token is required")).encode()
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"www-authenticate", b'Bearer realm="docscreen"'),
        ]})
        await send({"type": "http.response.body", "body": body})


# -- spooling the body ------------------------------------------------------------------------
class _Spool:
    """A private temporary file the body's file bytes go to, counted as they arrive."""

    def __init__(self, directory: str, limit: int) -> None:
        self.fd, self.path = tempfile.mkstemp(prefix="upload-", dir=directory)  # 0600
        self.limit = limit
        self.size = 0

    def write(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise _Problem(413, "too_large", f"the upload is over the size limit ({self.limit} bytes)")
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def remove(self) -> None:
        self.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


class _MultipartFile:
    """Streams the ``file`` part of a multipart/form-data body into a spool."""

    def __init__(self, boundary: bytes, spool: _Spool) -> None:
        from python_multipart.multipart import MultipartParser

        self.spool = spool
        self.filename: str | None = None
        self.found = False
        self._in_file = False
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""
        self.parser = MultipartParser(boundary, {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        })

    def _part_begin(self) -> None:
        self._headers = {}
        self._in_file = False

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._field.strip().lower()] = self._value.strip()
        self._field = self._value = b""

    def _headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        disposition, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if disposition == b"form-data" and options.get(b"name") == b"file" and not self.found:
            self.found = self._in_file = True
            raw = options.get(b"filename")
            self.filename = raw.decode("utf-8", "replace") if raw is not None else None

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file:
            self.spool.write(data[start:end])

    def _part_end(self) -> None:
        self._in_file = False

    def write(self, chunk: bytes) -> None:
        from python_multipart.exceptions import MultipartParseError

        try:
            self.parser.write(chunk)
        except MultipartParseError:
            raise _Problem(400, "malformed_request", "the multipart body is malformed") from None

    def finish(self) -> None:
        from python_multipart.exceptions import MultipartParseError

        try:
            self.parser.finalize()
        except MultipartParseError:
            raise _Problem(400, "malformed_request", "the multipart body is malformed") from None


# -- the application --------------------------------------------------------------------------
_SCAN_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}},
            },
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    },
    "parameters": [{
        "name": FILENAME_HEADER, "in": "header", "required": False,
        "description": "The file's name for a raw body (only reported; the format is decided from the bytes).",
        "schema": {"type": "string"},
    }],
}


def _error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    texts = {
        400: "Malformed request (bad multipart framing, bad headers).",
        401: "A bearer token is configured and the request does not carry it.",
        413: "The file is over the policy's limits.max_bytes (counted while it streams in).",
        415: "The request holds no file (a form, JSON, an empty body, no `file` part).",
        503: "The queue is full or no worker is ready: retry after `Retry-After` seconds.",
    }
    schema = {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
        "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}}}}}
    return {s: {"description": texts[s], "content": {"application/json": {"schema": schema}}} for s in statuses}


_REPORT_SCHEMA = {
    "type": "object",
    "description": "The JSON document report, schema_version 1 (docscreen.report.json.schema(), type 'document').",
    "required": ["type", "schema_version", "path", "verdict", "reasons", "document", "findings", "errors"],
    "properties": {
        "type": {"const": "document"},
        "schema_version": {"const": 1},
        "verdict": {"enum": ["accept", "review", "reject", "error"]},
    },
}


def create_app(config: ServiceConfig | None = None):
    """The ASGI application (FastAPI). The worker pool starts with the app's lifespan."""
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse
    from starlette.requests import ClientDisconnect

    from . import __version__

    config = config or ServiceConfig()
    limits = config.policy.limits
    state: dict[str, Any] = {"pool": None, "dir": None, "inflight": 0, "ewma": 1.0}
    counter = itertools.count()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        state["dir"] = tempfile.mkdtemp(prefix="docscreen-")  # 0700, ours alone
        pool = WorkerPool(config.policy, jobs=config.workers, timeout=config.timeout,
                          fingerprint_key=config.fingerprint_key, log_level=config.log_level)
        state["pool"] = pool.start()
        try:
            yield
        finally:
            await asyncio.to_thread(pool.close)
            shutil.rmtree(state["dir"], ignore_errors=True)

    app = FastAPI(
        title="docscreen",
        version=__version__,
        description="Screens uploaded resumes and cover letters for prohibited sensitive data. "
                    "POST a file to /v1/scan; the verdict (accept, review, reject, error) is in the JSON report.",
        lifespan=lifespan,
    )
    app.state.docscreen = state

    def problem(p: _Problem) -> JSONResponse:
        return JSONResponse(error_body(p.status, p.code, p.message), status_code=p.status, headers=p.headers)

    def retry_after() -> str:
        pool = state["pool"]
        workers = max(1, pool.ready_workers if pool else 1)
        return str(max(1, math.ceil(state["ewma"] * max(1, state["inflight"]) / workers)))

    @app.get("/healthz", tags=["probes"], summary="The process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["probes"], summary="A worker has loaded the engine",
             responses={503: {"description": "No worker is ready (yet)."}})
    async def readyz():
        pool = state["pool"]
        if pool is not None and pool.ready:
            return {"status": "ready", "workers": pool.ready_workers}
        status = "failed" if pool is not None and pool.failed else "starting"
        return JSONResponse({"status": status, "workers": 0}, status_code=503, headers={"Retry-After": "1"})

    @app.get("/v1/categories", tags=["scan"], summary="What docscreen detects", responses=_error_responses(401))
    async def categories() -> dict[str, Any]:
        if "categories" not in state:
            from .cli import category_rows

            state["categories"] = await asyncio.to_thread(category_rows)
        return {"categories": state["categories"]}

    @app.post(
        "/v1/scan", tags=["scan"], summary="Scan one upload: accept, review, reject or error",
        openapi_extra=_SCAN_BODY_DOC,
        responses={
            200: {"description": f"The document report; the verdict is also in {VERDICT_HEADER}.",
                  "content": {"application/json": {"schema": _REPORT_SCHEMA}},
                  "headers": {VERDICT_HEADER: {"schema": {"type": "string"}}}},
            **_error_responses(400, 401, 413, 415, 503),
        },
    )
    async def scan(request: Request):
        pool: WorkerPool | None = state["pool"]
        waited = 0.0
        while (pool is None or not pool.ready) and waited < config.ready_wait and not (pool and pool.failed):
            # a worker being replaced (a crash or a timeout) or still loading: wait a little
            # rather than turn the upload away
            await asyncio.sleep(0.1)
            waited += 0.1
            pool = state["pool"]
        if pool is None or not pool.ready:
            return problem(_Problem(503, "not_ready", "no worker is ready yet", {"Retry-After": "1"}))
        if state["inflight"] >= config.queue_limit:
            return problem(_Problem(503, "queue_full", "too many uploads in progress", {"Retry-After": retry_after()}))
        state["inflight"] += 1
        spool: _Spool | None = None
        fut = None
        start = time.perf_counter()
        try:
            spool, filename = await _receive(request, state["dir"], limits.max_bytes)
            spool.close()
            task = Task(index=next(counter), path=filename, file=spool.path)
            fut = pool.submit(task)
            outcome = await asyncio.wrap_future(fut)
            report = document_report(outcome, policy_source=config.policy.source)
            elapsed = time.perf_counter() - start
            state["ewma"] = 0.8 * state["ewma"] + 0.2 * elapsed
            log.info("scanned an upload: %s, %d bytes, %.3f s", report["verdict"], spool.size, elapsed)
            return JSONResponse(report, headers={VERDICT_HEADER: report["verdict"]})
        except _Problem as p:
            log.info("refused an upload: %s (%d)", p.code, p.status)
            return problem(p)
        except ClientDisconnect:
            log.info("the client went away during the upload")
            return problem(_Problem(400, "client_disconnected", "the client went away during the upload"))
        except RunnerError:
            return problem(_Problem(503, "not_ready", "the scanner is not available", {"Retry-After": "5"}))
        finally:
            state["inflight"] -= 1
            if spool is not None:
                if fut is not None and not fut.done():
                    # cancelled while a worker holds the file: remove it when the worker is done
                    fut.add_done_callback(lambda _f, s=spool: s.remove())
                else:
                    spool.remove()

    app.add_middleware(BearerAuth, token=config.token)
    return app


async def _receive(request, directory: str, limit: int) -> tuple[_Spool, str]:
    """Stream the body into a spool; returns it and the file's name. Raises _Problem."""
    from python_multipart.multipart import parse_options_header

    ctype, options = parse_options_header(request.headers.get("content-type", ""))
    ctype = ctype.decode("latin-1").lower()
    multipart = ctype.startswith("multipart/")
    if multipart and ctype != "multipart/form-data":
        raise _Problem(415, "no_file", f"a {ctype} body is not a file upload (use multipart/form-data or the raw file)")
    if ctype in _NOT_A_FILE_TYPES or ctype.endswith("+json"):
        raise _Problem(415, "no_file", f"a {ctype} body is not a file (send multipart/form-data with a 'file' part, or the raw file)")
    boundary = options.get(b"boundary")
    if multipart and not boundary:
        raise _Problem(400, "malformed_request", "multipart/form-data without a boundary")
    cap = limit + MULTIPART_SLACK if multipart else limit
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Problem(400, "malformed_request", "bad Content-Length")
        if int(declared) > cap:
            raise _Problem(413, "too_large", f"the upload is over the size limit ({limit} bytes)")
    spool = _Spool(directory, limit)
    try:
        parser = _MultipartFile(boundary, spool) if multipart else None
        total = 0
        async for chunk in request.stream():
            if not chunk:
                continue
            total += len(chunk)
            if total > cap:
                raise _Problem(413, "too_large", f"the upload is over the size limit ({limit} bytes)")
            if parser is not None:
                parser.write(chunk)
            else:
                spool.write(chunk)
        if parser is not None:
            parser.finish()
            if not parser.found:
                raise _Problem(415, "no_file", "the multipart body has no 'file' part")
            filename = safe_filename(parser.filename)
        else:
            filename = safe_filename(request.headers.get(FILENAME_HEADER))
        if spool.size == 0:
            raise _Problem(415, "no_file", "the uploaded file is empty")
        return spool, filename
    except BaseException:
        spool.remove()
        raise


def run(config: ServiceConfig, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Serve until interrupted (one uvicorn process; ``config.workers`` scanning processes)."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level, proxy_headers=False,
                server_header=False, timeout_graceful_shutdown=10)
