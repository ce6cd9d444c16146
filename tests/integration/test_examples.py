"""The README's FastAPI and Django examples (examples/*.py), run as written."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

CLEAN = b"Jane Doe\nData engineer at Example Corp, 2019-2024.\nPython, SQL, Spark.\n"
SSN = b"Jane Doe\nSSN: 431-26-0181\n"


@pytest.fixture(autouse=True)
def _env(cli_env, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "examples"))
    return cli_env


def test_fastapi_example() -> None:
    from fastapi.testclient import TestClient

    import fastapi_app

    with TestClient(fastapi_app.app) as client:
        r = client.post("/resumes", files={"file": ("cv.txt", CLEAN, "text/plain")})
        assert r.status_code == 200 and r.json() == {"stored": "cv.txt", "verdict": "accept"}
        assert fastapi_app.STORED["cv.txt"] == CLEAN
        r = client.post("/resumes", files={"file": ("ssn.txt", SSN, "text/plain")})
        assert r.status_code == 422 and r.json()["detail"]["verdict"] == "reject"
        assert "431-26-0181" not in r.text and "ssn.txt" not in fastapi_app.STORED


def test_django_example() -> None:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False, SECRET_KEY="test", ROOT_URLCONF="django_view", ALLOWED_HOSTS=["testserver"],
            MIDDLEWARE=[], INSTALLED_APPS=[], DATABASES={},
        )
        django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    import django_view

    client = Client()
    r = client.post("/resumes/", {"file": SimpleUploadedFile("cv.txt", CLEAN, "text/plain")})
    assert r.status_code == 200 and r.json() == {"stored": "cv.txt", "verdict": "accept"}
    assert django_view.STORED["cv.txt"] == CLEAN
    r = client.post("/resumes/", {"file": SimpleUploadedFile("ssn.txt", SSN, "text/plain")})
    assert r.status_code == 422 and r.json()["verdict"] == "reject" and "431-26-0181" not in r.content.decode()
    assert client.post("/resumes/", {}).status_code == 400
    assert client.get("/resumes/").status_code == 405
