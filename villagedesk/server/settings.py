"""Server settings, fault hooks and the JSON error type shared by the API modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from villagedesk.server.ingest import IngestHooks
from villagedesk.server.upcast import SchemaWindow


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class ServerSettings:
    max_body_bytes: int = 4 * 1024 * 1024  # on the wire, gzip included
    max_inflated_bytes: int = 32 * 1024 * 1024  # after gunzip (a gzip bomb stops here)
    signature_window_s: int = 300
    window: SchemaWindow = field(default_factory=SchemaWindow)
    hooks: IngestHooks = field(default_factory=IngestHooks)
    now: Callable[[], datetime] = utc_now


class ApiError(Exception):
    """Answered as ``ErrorBody`` JSON with the given HTTP status."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
