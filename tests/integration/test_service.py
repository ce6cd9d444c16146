"""`docscreen serve`: a real server on a loopback port, spoken to over HTTP (httpx, raw sockets)."""

from __future__ import annotations

import concurrent.futures
import socket
import time

import httpx
import jsonschema
import pytest

from docscreen.report.json import schema

from _service import Server
from conftest import FIXTURES, TEST_KEY, make_docx
from test_report_leaks import leaks

DOCS = FIXTURES / "docs"
MAX_BYTES = 300_000
CLEAN = b"Jane Doe\nData engineer at Example Corp, 2019-2024.\nPython, SQL, Spark.\n"
SSN = b"Jane Doe\nSSN: 431-26-0181\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("service")
    policy = tmp / "policy.toml"
    # (8 s, not 2: the first document of a tie of Latin-script languages compiles those
    # languages' lists in its scan: 3.5 s here in session 19, when each tie compiled its own
    # alternation; since session 20 each language is compiled once per process, about 0.2 s,
    # but a tie of ten still costs about 2 s in a fresh worker. Warming the workers up before
    # they are ready was tried and left out: a replacement worker then took seconds to come
    # back after a timeout. The hung worker still times out well inside its test's 15 s)
    policy.write_text(f"[limits]\nmax_bytes = {MAX_BYTES}\ntimeout_s = 8\n")
    srv = Server(tmp, "--policy", str(policy), workers=2, env={"DOCSCREEN_TEST_FAULTS": "crash=crash-me,hang=hang-me"})
    try:
        yield srv.wait_ready()
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema())


def check_report(r: httpx.Response, validator) -> dict:
    assert r.status_code == 200, r.text
    body = r.json()
    validator.validate(body)
    assert body["type"] == "document"
    assert r.headers["X-Docscreen-Verdict"] == body["verdict"]
    return body


def wait_no_spool(server: Server, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while server.spool_files() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.spool_files() == []


# -- probes and documents ----------------------------------------------------------------------
def test_probes_categories_and_openapi(client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["workers"] >= 1
    cats = client.get("/v1/categories").json()["categories"]
    assert {c["id"] for c in cats if not c["advisory"]} >= {"NATIONAL_ID", "HEALTH_GENETIC"}
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    scan = doc["paths"]["/v1/scan"]["post"]
    assert {"multipart/form-data", "application/octet-stream"} <= set(scan["requestBody"]["content"])
    assert {"200", "400", "413", "415", "503"} <= set(scan["responses"])


def test_multipart_and_raw_uploads_get_reports(client, validator) -> None:
    body = check_report(client.post("/v1/scan", files={"file": ("cv.txt", SSN, "text/plain")}), validator)
    assert body["verdict"] == "reject" and body["document"]["name"] == "cv.txt"
    assert body["findings"][0]["preview"] == "***-**-0181"
    body = check_report(client.post("/v1/scan", content=CLEAN, headers={"X-Filename": "../../etc/clean.txt"}), validator)
    assert body["verdict"] == "accept" and body["path"] == "clean.txt"
    body = check_report(client.post("/v1/scan", content=CLEAN), validator)
    assert body["path"] == "upload"


def test_fixture_documents_match_the_cli_verdicts_and_leak_nothing(client, validator, truth) -> None:
    from docscreen.policy import default_policy
    from docscreen.runner import BatchRunner, Task

    planted = sorted({p["value"] for d in truth["documents"] for p in d["planted"]})
    files = sorted(p for p in DOCS.rglob("*") if p.is_file())[::3]
    runner = BatchRunner(default_policy(), jobs=0, fingerprint_key=TEST_KEY)
    expected = {o.path: o.verdict.decision for o in runner.run([Task(i, str(p), file=str(p)) for i, p in enumerate(files)])}
    for p in files:
        r = client.post("/v1/scan", files={"file": (p.name, p.read_bytes())})
        body = check_report(r, validator)
        assert body["verdict"] == expected[str(p)], p.name
        assert leaks(r.text, planted) == []


# -- status mapping ----------------------------------------------------------------------------
def test_415_for_bodies_that_are_not_files(client) -> None:
    cases = [
        client.post("/v1/scan", json={"file": "x"}),
        client.post("/v1/scan", data={"name": "x"}),
        client.post("/v1/scan", files={"other": ("a.txt", b"abc")}),
        client.post("/v1/scan", content=b""),
        client.post("/v1/scan", files={"file": ("empty.txt", b"")}),
    ]
    for r in cases:
        assert r.status_code == 415, r.text
        assert r.json()["error"]["code"] == "no_file"


def test_400_for_a_malformed_request(client) -> None:
    r = client.post("/v1/scan", content=b"--x\r\nbroken", headers={"Content-Type": "multipart/form-data"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_request"
    r = client.post("/v1/scan", content=b"garbage without a boundary line",
                    headers={"Content-Type": "multipart/form-data; boundary=zzz"})
    assert r.status_code in (400, 415)


def test_413_by_content_length(client, server) -> None:
    r = client.post("/v1/scan", content=b"a" * (MAX_BYTES + 1), headers={"X-Filename": "big.txt"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert "X-Docscreen-Verdict" not in r.headers
    r = client.post("/v1/scan", files={"file": ("big.txt", b"a" * (MAX_BYTES + 1))})
    assert r.status_code == 413
    wait_no_spool(server)


def _raw(server: Server, head: bytes) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(head)
    return s


def test_413_while_streaming_before_the_body_ends(server) -> None:
    """Chunked (no length): the answer comes once the limit is passed, not at the end."""
    s = _raw(server, b"POST /v1/scan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                     b"Content-Type: application/octet-stream\r\n\r\n")
    chunk = b"a" * 65536
    sent = 0
    try:
        while sent <= MAX_BYTES + 65536:
            s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        # the body is not finished (no terminating chunk): the server must answer anyway
        answer = s.recv(4096)
    finally:
        s.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]
    wait_no_spool(server)


def test_client_that_disconnects_mid_upload(server, client) -> None:
    for ctype in (b"application/octet-stream", b"multipart/form-data; boundary=b0undary"):
        s = _raw(server, b"POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\nContent-Type: " + ctype + b"\r\n\r\n")
        s.sendall(b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + b"Jane " * 5000)
        time.sleep(0.2)
        s.close()
    wait_no_spool(server)
    assert client.get("/healthz").status_code == 200
    assert client.post("/v1/scan", content=CLEAN).status_code == 200


# -- hostile files and worker isolation ---------------------------------------------------------
def test_zip_bomb_docx(client, validator) -> None:
    bomb = make_docx("<w:p><w:r><w:t>Jane</w:t></w:r></w:p>", parts={"word/media/bomb.bin": b"\0" * (60 * 1024 * 1024)})
    assert len(bomb) < MAX_BYTES
    body = check_report(client.post("/v1/scan", files={"file": ("cv.docx", bomb)}), validator)
    assert body["verdict"] == "reject"
    assert "zip_bomb" in {e["code"] for e in body["errors"]}


def test_corrupt_pdf(client, validator) -> None:
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(range(256)) * 20 + b"\n%%EOF"
    body = check_report(client.post("/v1/scan", files={"file": ("cv.pdf", data)}), validator)
    assert body["verdict"] in ("reject", "error")
    assert body["errors"] and body["verdict"] != "accept"


def test_a_crashing_worker_gives_error_and_is_replaced(client, validator) -> None:
    body = check_report(client.post("/v1/scan", files={"file": ("crash-me.txt", CLEAN)}), validator)
    assert body["verdict"] == "error" and body["errors"][0]["code"] == "internal"
    for _ in range(3):
        assert check_report(client.post("/v1/scan", content=SSN), validator)["verdict"] == "reject"


def test_a_hung_worker_times_out_and_is_replaced(client, validator) -> None:
    start = time.monotonic()
    body = check_report(client.post("/v1/scan", files={"file": ("hang-me.txt", CLEAN)}), validator)
    assert body["verdict"] == "error" and body["errors"][0]["code"] == "timeout"
    assert time.monotonic() - start < 15
    assert check_report(client.post("/v1/scan", content=CLEAN), validator)["verdict"] == "accept"


def test_concurrent_uploads(server, validator) -> None:
    payloads = [(f"c{i}.txt", SSN if i % 2 else CLEAN) for i in range(16)]

    def one(item):
        name, data = item
        with httpx.Client(base_url=server.url, timeout=60) as c:
            return name, data, c.post("/v1/scan", files={"file": (name, data)})

    with concurrent.futures.ThreadPoolExecutor(8) as ex:
        results = list(ex.map(one, payloads))
    for name, data, r in results:
        body = check_report(r, validator)
        assert body["path"] == name
        assert body["verdict"] == ("reject" if data == SSN else "accept")
    wait_no_spool(server)


def test_no_document_text_in_logs_or_error_bodies(server, client, truth) -> None:
    planted = sorted({p["value"] for d in truth["documents"] for p in d["planted"]})
    secret = planted[0].encode()
    bodies = [
        client.post("/v1/scan", content=b"x" * 10 + secret + b"x" * MAX_BYTES),
        client.post("/v1/scan", json={"v": planted[0]}),
        client.post("/v1/scan", content=secret + b"--x\r\n", headers={"Content-Type": "multipart/form-data; boundary=x"}),
        client.post("/v1/scan", files={"file": ("crash-me.txt", secret)}),
    ]
    for r in bodies:
        assert leaks(r.text, planted) == []
    wait_no_spool(server)
    assert leaks(server.log.read_text(errors="replace"), planted) == []


# -- auth and a full queue ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("guarded")
    token_file = tmp / "token"
    token_file.write_text("s3cret-token\n")
    policy = tmp / "policy.toml"
    policy.write_text("[limits]\ntimeout_s = 2\n")
    srv = Server(tmp, "--token-file", str(token_file), "--queue", "1", "--policy", str(policy),
                 env={"DOCSCREEN_TEST_FAULTS": "hang=hang-me"})
    try:
        yield srv.wait_ready()
    finally:
        srv.stop()


def test_bearer_token(guarded) -> None:
    url = guarded.url
    assert httpx.get(url + "/healthz").status_code == 200
    assert httpx.get(url + "/readyz").status_code == 200
    for path in ("/v1/categories", "/openapi.json", "/docs"):
        r = httpx.get(url + path)
        assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
        assert httpx.get(url + path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert httpx.get(url + path, headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert httpx.post(url + "/v1/scan", content=CLEAN).status_code == 401
    r = httpx.post(url + "/v1/scan", content=CLEAN, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 200 and r.headers["X-Docscreen-Verdict"] == "accept"


def test_503_with_retry_after_when_the_queue_is_full(guarded) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        slow = ex.submit(httpx.post, guarded.url + "/v1/scan", content=CLEAN,
                         headers={**auth, "X-Filename": "hang-me.txt"}, timeout=30)
        time.sleep(0.5)
        r = httpx.post(guarded.url + "/v1/scan", content=CLEAN, headers=auth)
        assert r.status_code == 503, r.text
        assert int(r.headers["Retry-After"]) >= 1 and r.json()["error"]["code"] == "queue_full"
        assert slow.result().headers["X-Docscreen-Verdict"] == "error"
    deadline = time.monotonic() + 30
    while httpx.get(guarded.url + "/readyz").status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    # The cause of the two CI timeouts here (session 20): /readyz said 200 while the hung worker
    # was still being killed and replaced, so this request waited for a fresh worker to load
    # (test_check_upload checks the pool is not ready then). A fresh worker's first scan still
    # compiles the rule patterns, several seconds on two loaded cores: hence 30 s, not httpx's 5.
    assert httpx.post(guarded.url + "/v1/scan", content=CLEAN, headers=auth, timeout=30).status_code == 200
