"""Idempotent ingest of hall operations: one transaction applies them to the current records
and records their (device_id, seq) keys. Shared by the HTTPS push and the USB bundle upload.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from villagedesk.i18n import tr
from villagedesk.server.ingest_store import (
    Batch,
    Rec,
    load,
    write,
)
from villagedesk.server.models import Device, Hall
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync.protocol import ClientState, OpResult, canonical_json

ENTITY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class IngestConflict(Exception):
    """The same (device, seq) arrived with a different payload: HTTP 409, nothing written."""

    def __init__(self, seq: int) -> None:
        super().__init__(f"operation {seq} was already received with a different payload")
        self.seq = seq


class IngestForbidden(Exception):
    """An operation aims at another hall's data: HTTP 403, nothing written."""


@dataclass
class IngestHooks:
    """Fault-injection points for tests; each gets the open session."""

    after_apply: Callable[[Session], None] | None = None
    before_commit: Callable[[Session], None] | None = None


@dataclass
class IngestResult:
    results: list[OpResult]
    high_water: int
    applied: int = 0
    rejected: int = 0
    duplicates: int = 0
    later: int = 0
    epoch: str = ""


def canonical(op: dict[str, Any]) -> str:
    """The text stored and hashed for an operation (see ``protocol.canonical_json``)."""
    return canonical_json(op)


def ingest(
    session: Session,
    *,
    device_id: str,
    ops: list[dict[str, Any]],
    window: SchemaWindow,
    now: datetime,
    client_state: ClientState | None = None,
    hooks: IngestHooks | None = None,
) -> IngestResult:
    """Apply ``ops`` (Operation dicts) from one device inside the caller's transaction."""
    hooks = hooks or IngestHooks()
    seqs: set[int] = set()
    keys: dict[str, set[str]] = {}
    for op in ops:
        seqs.add(int(op["seq"]))
        keys.setdefault(str(op["entity"]), set()).add(str(op["entity_id"]))
    # One read: the device row (locked, so pushes of one device take turns), the keys already
    # stored, the records the operations touch (for duplicates too, which costs nothing extra
    # and saves a second round trip). The texts and hashes are made while it runs.
    with load(session, device_id=device_id, seqs=sorted(seqs), keys={e: sorted(ids) for e, ids in keys.items()}) as loaded:
        payloads: dict[int, tuple[str, str]] = {}
        unique_ops: list[dict[str, Any]] = []
        changed: int | None = None  # a seq sent twice in this batch with different payloads
        for op in ops:
            text = canonical(op)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            seq = int(op["seq"])
            if seq in payloads:
                if payloads[seq][1] != digest and changed is None:
                    changed = seq
                continue
            payloads[seq] = (text, digest)
            unique_ops.append(op)
        unique_ops.sort(key=lambda o: int(o["seq"]))
        got = loaded()
    for op in ops:
        fields = op.get("fields")
        if isinstance(fields, dict) and "hall_id" in fields and fields["hall_id"] != got.hall_id:
            raise IngestForbidden(tr("SyncServer", "This device may only write its own hall's data."))
    if changed is not None:
        raise IngestConflict(changed)
    stored = got.stored

    batch = Batch(hall_id=got.hall_id, device_id=device_id, now=now, cache=got.records)
    out = IngestResult(results=[], high_water=got.high_water, epoch=got.epoch)
    results: list[OpResult] = []
    new_rows: list[tuple[Any, ...]] = []
    for op in unique_ops:
        seq = int(op["seq"])
        if seq in stored:
            digest, status, reason = stored[seq]
            if digest != payloads[seq][1]:
                raise IngestConflict(seq)
            results.append(OpResult(seq=seq, status=status, reason=reason, duplicate=True))
            out.duplicates += 1
            continue
        verdict = window.classify(int(op["schema_rev"]))
        if verdict == "later":
            results.append(OpResult(
                seq=seq,
                status="later",
                reason=tr("SyncServer", "The county server is older than this hall's program; the operation waits on the hall until the server is upgraded."),
                duplicate=False,
            ))
            out.later += 1
            continue
        if verdict == "too_old":
            reason: str | None = tr("SyncServer", "Schema revision {rev} is too old for this server.").format(rev=op["schema_rev"])
        else:
            reason = _apply(batch, window, op, seq)
        status = "rejected" if reason else "applied"
        out.rejected += status == "rejected"
        out.applied += status == "applied"
        results.append(OpResult(seq=seq, status=status, reason=reason, duplicate=False))
        text, digest = payloads[seq]
        new_rows.append((
            seq, str(op.get("txid", ""))[:64], str(op["entity"])[:64], str(op["entity_id"])[:64],
            str(op["kind"])[:10], int(op["schema_rev"]), digest, text, status, reason,
        ))

    out.high_water = write(
        session, batch, new_rows, high_water=got.high_water, client_state=client_state, after_records=hooks.after_apply
    )
    # The device and hall rows changed behind the ORM: objects of them that the caller holds
    # read them again.
    for model, ident in ((Device, device_id), (Hall, got.hall_id)):
        obj = session.identity_map.get(identity_key(model, ident))
        if obj is not None:
            session.expire(obj)
    if hooks.before_commit:
        hooks.before_commit(session)
    out.results = results
    return out


def _apply(batch: Batch, window: SchemaWindow, op: dict[str, Any], seq: int) -> str | None:
    """Apply one op to the cached records; return a rejection reason or None."""
    try:
        op = window.upcast(op)
    except ValueError as exc:
        return str(exc)
    entity, entity_id, fields = op["entity"], str(op["entity_id"]), op.get("fields")
    if not isinstance(entity, str) or not ENTITY_RE.match(entity):
        return tr("SyncServer", "Unknown kind of record: {entity}").format(entity=str(entity)[:64])
    if op["kind"] not in ("upsert", "delete") or not 0 < len(entity_id) <= 64:
        return tr("SyncServer", "The operation is malformed (kind or record id).")
    if op["kind"] == "upsert" and not isinstance(fields, dict):
        return tr("SyncServer", "The operation's fields are not a JSON object.")
    rec = batch.cache.get((entity, entity_id))
    if rec is None or (not rec.exists and not rec.dirty):
        if op["kind"] == "delete" or op.get("base_version") is not None:
            return tr("SyncServer", "The server does not have this record (its creation was never received or was rejected).")
        rec = Rec(version=0, data={}, deleted=False, exists=False)
        batch.cache[(entity, entity_id)] = rec
    if op["kind"] == "delete":
        rec.deleted = True
    else:
        rec.data.update(fields)  # type: ignore[arg-type]
    rec.version = int(op["version"])
    rec.last_seq = seq
    rec.dirty = True
    return None


