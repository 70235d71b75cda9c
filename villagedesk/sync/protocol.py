"""Wire format shared by the hall client and the county server (push, pull, enrollment).

Every reply carries ``service == "villagedesk"`` and a ``kind`` so that a client can tell a
real answer from a captive portal's ``200 OK``. Bump ``SCHEMA_REV`` whenever the meaning of
an operation's fields changes; the server upcasts older revisions (see server/upcast.py).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

SCHEMA_REV = 1
"""Current operation schema revision written by the hall's change capture."""

SERVICE = "villagedesk"
API_PREFIX = "/api/v1"

# Request signing headers (see sync/signing.py).
HDR_DEVICE = "X-VD-Device"
HDR_TIMESTAMP = "X-VD-Timestamp"
HDR_SIGNATURE = "X-VD-Signature"

MAX_BATCH_OPS = 500
MAX_BATCH_BYTES = 1_000_000

OpKind = Literal["upsert", "delete"]
OpStatus = Literal["applied", "rejected", "later"]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Operation(_Wire):
    """One captured change, as it leaves the hall's outbox.

    Only what the key and ordering need is checked strictly here; everything else is
    checked per operation by the server, so that one odd operation is parked as rejected
    instead of refusing the whole batch (which would block everything behind it).
    """

    seq: int = Field(ge=1)
    txid: str = ""
    entity: str = ""
    entity_id: str = ""
    kind: str = ""  # "upsert" | "delete"; anything else is rejected per op
    fields: Any = None  # a JSON object for a good op; anything else is rejected per op
    base_version: int | None = None
    version: int = 0
    schema_rev: int
    created_at: str = ""
    staff_id: str | None = None

    def payload_hash(self) -> str:
        """Stable hash of the whole operation: the same key must carry the same payload."""
        return payload_hash(self.model_dump(mode="json"))


def payload_hash(op: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(op).encode("utf-8")).hexdigest()


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_COMPACT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def no_floats(value: Any) -> bool:
    """True when no float sits anywhere in ``value`` (JSON data: dicts, lists, scalars)."""
    t = type(value)
    if t is dict:
        items = value.values()
    elif t is list:
        items = value
    else:
        return t is not float
    for v in items:
        t = type(v)
        if t is float or ((t is dict or t is list) and not no_floats(v)):
            return False
    return True


def canonical_json(op: dict[str, Any]) -> str:
    """The text an operation is stored and hashed as: exactly what ``json.dumps(op,
    sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` writes, so hashes never change.

    orjson writes the same bytes for strings, integers, booleans, null, lists and objects with
    sorted keys, several times faster. It spells some floats differently (``1e-7``, NaN as
    null) and refuses integers beyond 64 bits, so such values go through ``json``.
    """
    if no_floats(op):
        try:
            return orjson.dumps(op, option=orjson.OPT_SORT_KEYS).decode()
        except TypeError:  # an integer beyond 64 bits
            pass
    return _CANONICAL.encode(op)


def compact_json(value: Any) -> str:
    """JSON without spaces, UTF-8 as is (keys in their order); fast where it is safe, as
    ``canonical_json``."""
    if no_floats(value):
        try:
            return orjson.dumps(value).decode()
        except TypeError:
            pass
    return _COMPACT.encode(value)


class ClientState(_Wire):
    """What the hall reports about itself on each push, shown on the county pages."""

    pending: int = 0
    rejected: int = 0
    conflicts: int = 0
    last_seq: int = 0
    app_version: str | None = Field(default=None, max_length=40)


class PushRequest(_Wire):
    hall_id: str
    device_id: str
    ops: list[Operation] = Field(max_length=5000)
    client_state: ClientState | None = None


class OpResult(_Wire):
    seq: int
    status: OpStatus
    reason: str | None = None
    duplicate: bool = False


class PushResponse(_Wire):
    service: Literal["villagedesk"] = SERVICE
    kind: Literal["push-result"] = "push-result"
    epoch: str
    high_water: int
    results: list[OpResult]
    schema_rev_max: int


class DeviceState(_Wire):
    """GET /device/state: where the server stands for this device."""

    service: Literal["villagedesk"] = SERVICE
    kind: Literal["device-state"] = "device-state"
    epoch: str
    hall_id: str
    device_id: str
    high_water: int
    server_time: str


class Health(_Wire):
    service: Literal["villagedesk"] = SERVICE
    kind: Literal["health"] = "health"
    status: Literal["ok"] = "ok"
    epoch: str
    server_time: str
    schema_rev_min: int
    schema_rev_max: int


class EnrollRequest(_Wire):
    code: str = Field(min_length=4, max_length=64)
    public_key: str = Field(min_length=40, max_length=64)  # base64 raw Ed25519 key
    device_name: str = Field(default="", max_length=100)
    device_code: str = Field(default="", max_length=4)  # this PC's number in receipt numbers


class EnrollResponse(_Wire):
    service: Literal["villagedesk"] = SERVICE
    kind: Literal["enrolled"] = "enrolled"
    hall_id: str
    hall_code: str
    hall_name: str
    device_id: str
    server_public_key: str
    epoch: str


ChangeKind = Literal["upsert", "delete", "correction"]


class Change(_Wire):
    """One entry of the reference-data change feed (catalogue, prices, notices, staff,
    county corrections). ``delete`` is a tombstone; ``correction`` carries only the fields
    the county changed and the ``base_version`` of the hall record it started from."""

    cursor: int
    entity: str
    entity_id: str
    kind: ChangeKind
    data: dict[str, Any] = Field(default_factory=dict)
    version: int = 1
    base_version: int | None = None
    created_at: str


class ChangesResponse(_Wire):
    service: Literal["villagedesk"] = SERVICE
    kind: Literal["changes"] = "changes"
    epoch: str
    cursor: int
    has_more: bool
    changes: list[Change]
    head: int = 0  # the newest cursor on the server; below the hall's cursor = restored server


class ErrorBody(_Wire):
    service: Literal["villagedesk"] = SERVICE
    kind: Literal["error"] = "error"
    code: str
    detail: str
