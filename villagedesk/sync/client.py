"""HTTP client of the county server: signs every request, and accepts only well-formed
VillageDesk answers (a captive portal's ``200 OK`` page is a failure, not a success)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import orjson
from pydantic import BaseModel, ValidationError

from villagedesk.sync import signing
from villagedesk.sync.protocol import (
    API_PREFIX,
    HDR_DEVICE,
    HDR_SIGNATURE,
    HDR_TIMESTAMP,
    ChangesResponse,
    DeviceState,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    Health,
    PushRequest,
    PushResponse,
    no_floats,
)

M = TypeVar("M", bound=BaseModel)
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
GZIP_LEVEL = 5


class SyncUnavailable(Exception):
    """The server could not be reached or did not answer like a VillageDesk server.
    Nothing was marked as sent; trying again later is safe."""


class SyncRefused(Exception):
    """The server answered with a clear 4xx refusal (``code`` and ``detail`` from it)."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail


def encode_push(req: PushRequest | dict[str, Any]) -> bytes:
    """The gzip JSON body of a push. Made apart from sending, so that the hall can prepare
    the next batch while the server works on the current one."""
    if isinstance(req, PushRequest):
        raw = req.model_dump_json().encode()
    elif no_floats(req):  # orjson would write NaN as null
        raw = orjson.dumps(req)
    else:
        raw = json.dumps(req, ensure_ascii=False, separators=(",", ":")).encode()
    return gzip.compress(raw, compresslevel=GZIP_LEVEL)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class SyncClient:
    def __init__(
        self,
        base_url: str,
        *,
        device_id: str = "",
        private_key: str = "",
        http: httpx.Client | None = None,
        now: Callable[[], dt.datetime] = _utc_now,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._key = signing.private_from_b64(private_key) if private_key else None
        self._http = http or httpx.Client(timeout=timeout, trust_env=False)
        self._own_http = http is None
        self._now = now
        self.clock_offset = 0.0  # server time minus our clock, learnt from /health
        self._offset_known = False

    def close(self) -> None:
        if self._own_http:
            self._http.close()

    # -- transport ----------------------------------------------------------------------------
    def _request(self, method: str, path: str, model: type[M], *, body: bytes = b"", gzipped: bool = False, params: dict[str, Any] | None = None, sign: bool = True) -> M:
        """``gzipped``: ``body`` is already gzip-compressed JSON."""
        url = httpx.URL(self.base_url + API_PREFIX + path, params=params)
        headers = {"Accept": "application/json"}
        if body:
            headers["Content-Type"] = "application/json"
            if gzipped:
                headers["Content-Encoding"] = "gzip"
        if sign and self._key is not None:
            if not self._offset_known:
                self.health()
            ts = int(self._now().timestamp() + self.clock_offset)
            signed_path = url.path + (f"?{url.query.decode()}" if url.query else "")
            headers[HDR_DEVICE] = self.device_id
            headers[HDR_TIMESTAMP] = str(ts)
            headers[HDR_SIGNATURE] = signing.sign_request(self._key, method, signed_path, ts, body)
        try:
            resp = self._http.request(method, url, content=body or None, headers=headers)
        except httpx.HTTPError as exc:
            raise SyncUnavailable(f"{type(exc).__name__}: {exc}") from exc
        return self._parse(resp, model)

    @staticmethod
    def _parse(resp: httpx.Response, model: type[M]) -> M:
        ctype = resp.headers.get("content-type", "")
        is_json = ctype.startswith("application/json")
        if 400 <= resp.status_code < 500 and is_json:
            try:
                err = ErrorBody.model_validate_json(resp.content)
            except ValidationError:
                pass
            else:
                raise SyncRefused(resp.status_code, err.code, err.detail)
        if not 200 <= resp.status_code < 300:
            raise SyncUnavailable(f"HTTP {resp.status_code}")
        if not is_json:
            raise SyncUnavailable(f"not a VillageDesk answer (content-type {ctype or 'none'})")
        try:
            return model.model_validate_json(resp.content)
        except ValidationError as exc:
            raise SyncUnavailable("not a VillageDesk answer (unexpected body)") from exc

    # -- calls ---------------------------------------------------------------------------------
    def health(self) -> Health:
        h = self._request("GET", "/health", Health, sign=False)
        try:
            server_now = dt.datetime.fromisoformat(h.server_time)
            self.clock_offset = (server_now - self._now()).total_seconds()
            self._offset_known = True
        except ValueError as exc:
            raise SyncUnavailable("not a VillageDesk answer (server time)") from exc
        return h

    def enroll(self, req: EnrollRequest) -> EnrollResponse:
        return self._request("POST", "/enroll", EnrollResponse, body=req.model_dump_json().encode(), sign=False)

    def device_state(self) -> DeviceState:
        return self._request("GET", "/device/state", DeviceState)

    def push(self, req: PushRequest | dict[str, Any]) -> PushResponse:
        return self.push_encoded(encode_push(req))

    def push_encoded(self, body: bytes) -> PushResponse:
        """Send a push body made by ``encode_push`` (signed now, with the server's time)."""
        return self._request("POST", "/push", PushResponse, body=body, gzipped=True)

    def changes(self, cursor: int, limit: int = 500) -> ChangesResponse:
        return self._request("GET", "/changes", ChangesResponse, params={"cursor": cursor, "limit": limit})
