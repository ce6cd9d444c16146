"""An upload that arrives while the worker is still loading waits for it (bounded by
``ServiceConfig.ready_wait``) instead of being turned away at once."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from docscreen.service import ServiceConfig, create_app  # noqa: E402

CLEAN = b"Jane Doe\nSoftware engineer, ten years of Python.\n"


def test_an_upload_during_start_up_waits_for_the_worker() -> None:
    with TestClient(create_app(ServiceConfig(workers=1, ready_wait=120))) as client:
        r = client.post("/v1/scan", files={"file": ("cv.txt", CLEAN)})  # the worker is still loading
        assert r.status_code == 200, r.text
        assert r.json()["verdict"] == "accept"


def test_the_wait_is_bounded() -> None:
    with TestClient(create_app(ServiceConfig(workers=1, ready_wait=0.3))) as client:
        start = time.monotonic()
        r = client.post("/v1/scan", files={"file": ("cv.txt", CLEAN)})
        if r.status_code == 503:  # the worker had not loaded within 0.3 s
            assert r.json()["error"]["code"] == "not_ready"
            assert 0.25 <= time.monotonic() - start < 10
        else:  # a very fast machine: the worker was ready in time
            assert r.status_code == 200
