"""Property-based fuzzing of every operation in /openapi.json: no input may cause a server error.

schemathesis generates requests from the OpenAPI document (valid and invalid query strings, bodies, path
parameters) and sends them through the ASGI app in-process, with the write token so POST is fuzzed too.
schemathesis' own pytest plugin does not run under pytest 9, so each operation's strategy is driven with
hypothesis directly.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis==4.32.5 is a test dependency")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402

TOKEN = "test-write-token-0123456789"  # the token conftest's fuzz_app accepts
EXAMPLES = 25


def _operations(app):  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_schema_lists_every_api_operation(fuzz_app) -> None:  # type: ignore[no-untyped-def]
    names = {f"{op.method.upper()} {op.path}" for op in _operations(fuzz_app)}
    assert {"GET /api/events", "GET /api/events/{event_id}", "GET /api/stats", "GET /api/timeline",
            "GET /api/events.geojson", "GET /api/events.csv", "GET /api/articles/{article_id}",
            "POST /api/articles"} <= names


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_causes_a_server_error(fuzz_app, mode) -> None:  # type: ignore[no-untyped-def]
    failures: list[str] = []
    for operation in _operations(fuzz_app):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                                f"{response.text[:200]}")

        run()
    assert failures == []
