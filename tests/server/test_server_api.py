"""OpenAPI, structured JSON logs, and replies a hall can tell from a captive portal's."""

from __future__ import annotations

import json
import logging

import httpx

from villagedesk.server.logs import JsonFormatter


def test_openapi_lists_the_hall_endpoints(sqlite_server) -> None:
    server = sqlite_server
    spec = httpx.get(server.url + "/openapi.json", timeout=10).json()
    assert {"/api/v1/health", "/api/v1/enroll", "/api/v1/device/state", "/api/v1/push", "/api/v1/changes"} <= set(spec["paths"])
    health = httpx.get(server.url + "/api/v1/health", timeout=10).json()
    assert health["service"] == "villagedesk" and health["kind"] == "health" and health["epoch"]


def test_log_lines_are_json_with_request_fields() -> None:
    record = logging.LogRecord("villagedesk.server.http", logging.INFO, __file__, 1, "request", None, None)
    record.method, record.path, record.status, record.ms, record.device = "POST", "/api/v1/push", 200, 12.5, "dev"
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "request" and line["status"] == 200 and line["path"] == "/api/v1/push" and line["level"] == "info"
    assert line["ts"].endswith("+00:00")
