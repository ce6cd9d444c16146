"""Property-based API tests from the service's own OpenAPI document (schemathesis), against a
real server on a loopback port. Few examples per operation, so this runs in seconds."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from _service import Server

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("schemathesis")
    policy = tmp / "policy.toml"
    policy.write_text("[limits]\nmax_bytes = 100000\ntimeout_s = 5\n")
    srv = Server(tmp, "--policy", str(policy), "--queue", "64")
    try:
        yield srv.wait_ready()
    finally:
        srv.stop()
        assert srv.spool_files() == []


def test_api_conforms_to_its_openapi_document(api_server) -> None:
    # (schemathesis.pytest.from_fixture does not work with this pytest: the operations are
    # walked here, one hypothesis run each.)
    schema = schemathesis.openapi.from_url(api_server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/scan", "/v1/categories", "/healthz", "/readyz"}
    seen: dict[str, set[int]] = {}
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:
            response = case.call_and_validate(checks=CHECKS)
            seen.setdefault(op.path, set()).add(response.status_code)

        run()
    assert 200 in seen["/v1/scan"], seen
