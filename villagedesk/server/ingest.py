"""Idempotent ingest of hall operations: one transaction applies them to the current records
and records their (device_id, seq) keys. Shared by the HTTPS push and the USB bundle upload.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.i18n import tr
from villagedesk.server.ingest_store import (
    Batch,
    Rec,
    flush_records,
    high_water,
    insert_many,
    load_records,
    stored_ops,
)
from villagedesk.server.models import Device, Hall, OpLog
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync.protocol import ClientState, OpResult

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


def canonical(op: dict[str, Any]) -> str:
    return json.dumps(op, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
    dev = session.execute(
        sa.select(Device).where(Device.id == device_id).with_for_update()
    ).scalar_one()
    for op in ops:
        fields = op.get("fields")
        if isinstance(fields, dict) and "hall_id" in fields and fields["hall_id"] != dev.hall_id:
            raise IngestForbidden(tr("SyncServer", "This device may only write its own hall's data."))

    payloads: dict[int, tuple[str, str]] = {}
    unique_ops: list[dict[str, Any]] = []
    for op in ops:
        text = canonical(op)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        seq = int(op["seq"])
        if seq in payloads:
            if payloads[seq][1] != digest:
                raise IngestConflict(seq)
            continue
        payloads[seq] = (text, digest)
        unique_ops.append(op)
    unique_ops.sort(key=lambda o: int(o["seq"]))

    stored = stored_ops(session, device_id, list(payloads))

    batch = Batch(hall_id=dev.hall_id, device_id=device_id, now=now)
    load_records(session, batch, [o for o in unique_ops if int(o["seq"]) not in stored])
    out = IngestResult(results=[], high_water=dev.high_water)
    results: dict[int, OpResult] = {}
    new_rows: list[dict[str, Any]] = []
    for op in unique_ops:
        seq = int(op["seq"])
        if seq in stored:
            digest, status, reason = stored[seq]
            if digest != payloads[seq][1]:
                raise IngestConflict(seq)
            results[seq] = OpResult(seq=seq, status=status, reason=reason, duplicate=True)  # type: ignore[arg-type]
            out.duplicates += 1
            continue
        verdict = window.classify(int(op["schema_rev"]))
        if verdict == "later":
            results[seq] = OpResult(
                seq=seq,
                status="later",
                reason=tr("SyncServer", "The county server is older than this hall's program; the operation waits on the hall until the server is upgraded."),
            )
            out.later += 1
            continue
        if verdict == "too_old":
            reason: str | None = tr("SyncServer", "Schema revision {rev} is too old for this server.").format(rev=op["schema_rev"])
        else:
            reason = _apply(batch, window, op, seq)
        status = "rejected" if reason else "applied"
        out.rejected += status == "rejected"
        out.applied += status == "applied"
        results[seq] = OpResult(seq=seq, status=status, reason=reason)  # type: ignore[arg-type]
        text, digest = payloads[seq]
        new_rows.append(
            {
                "device_id": device_id, "seq": seq, "hall_id": dev.hall_id,
                "txid": str(op.get("txid", ""))[:64], "entity": str(op["entity"])[:64],
                "entity_id": str(op["entity_id"])[:64], "kind": op["kind"],
                "schema_rev": int(op["schema_rev"]), "payload_hash": digest, "payload": text,
                "status": status, "reason": reason, "received_at": now,
            }
        )

    flush_records(session, batch)
    if hooks.after_apply:
        hooks.after_apply(session)
    insert_many(session, OpLog.__table__, new_rows)
    dev.high_water = high_water(session, device_id, dev.high_water)
    dev.last_contact = now
    if client_state is not None:
        dev.reported_pending = client_state.pending
        dev.reported_rejected = client_state.rejected
        dev.reported_conflicts = client_state.conflicts
        dev.reported_last_seq = client_state.last_seq
    # The county page shows minutes; skipping fresh updates spares a row write per batch.
    session.execute(
        sa.update(Hall)
        .where(Hall.id == dev.hall_id, sa.or_(Hall.last_contact.is_(None), Hall.last_contact < now - timedelta(seconds=30)))
        .values(last_contact=now)
    )
    if hooks.before_commit:
        hooks.before_commit(session)
    session.flush()
    out.high_water = dev.high_water
    out.results = [results[int(o["seq"])] for o in unique_ops]
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


