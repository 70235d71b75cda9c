"""Reference data published by the county (catalogue, products and prices, notices, staff,
resident corrections) as an append-only change feed that halls read with a cursor."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.i18n import tr
from villagedesk.server.ingest import ENTITY_RE
from villagedesk.server.models import Hall, Record, RefChange
from villagedesk.sync.protocol import Change

MAX_PAGE = 1000


class PublishError(ValueError):
    pass


def _hall_id(session: Session, code: str | None, cache: dict[str, str]) -> str | None:
    if not code:
        return None
    if code not in cache:
        hid = session.execute(sa.select(Hall.id).where(Hall.code == code)).scalar_one_or_none()
        if hid is None:
            raise PublishError(tr("SyncServer", "Unknown hall code: {code}").format(code=code))
        cache[code] = hid
    return cache[code]


def publish(session: Session, document: dict[str, Any], *, now: datetime) -> dict[str, int]:
    """Append the changes of a reference file to the feed, all or nothing.

    Each entry: ``{"entity", "id"?, "hall"?, "data": {...}}`` (upsert), ``"deleted": true``
    (tombstone), or ``"correction": {...}`` (county correction of a hall record; its
    base_version is the server's current version of that record).
    """
    entries = document.get("changes")
    if not isinstance(entries, list):
        raise PublishError(tr("SyncServer", "The reference file needs a list named \"changes\"."))
    if session.get_bind().dialect.name == "postgresql":
        # One publisher at a time keeps cursors in commit order, so no reader skips one.
        session.execute(sa.text("LOCK TABLE ref_change IN EXCLUSIVE MODE"))
    halls: dict[str, str] = {}
    counts = {"upsert": 0, "delete": 0, "correction": 0}
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not ENTITY_RE.match(str(entry.get("entity", ""))):
            raise PublishError(tr("SyncServer", "Entry {n}: \"entity\" is missing or invalid.").format(n=n))
        entity = entry["entity"]
        entity_id = str(entry.get("id") or uuid.uuid4())
        hall_id = _hall_id(session, entry.get("hall"), halls)
        base_version = None
        if "correction" in entry:
            kind, data = "correction", entry["correction"]
            if hall_id is None:
                raise PublishError(tr("SyncServer", "Entry {n}: a correction names its hall.").format(n=n))
            rec = session.get(Record, (hall_id, entity, entity_id))
            if rec is None:
                raise PublishError(tr("SyncServer", "Entry {n}: the hall record to correct is not on the server.").format(n=n))
            base_version = rec.version
        elif entry.get("deleted"):
            kind, data = "delete", {}
        else:
            kind, data = "upsert", entry.get("data")
        if not isinstance(data, dict):
            raise PublishError(tr("SyncServer", "Entry {n}: \"data\" must be an object.").format(n=n))
        prev = session.execute(
            sa.select(sa.func.max(RefChange.version)).where(
                RefChange.entity == entity, RefChange.entity_id == entity_id,
                RefChange.kind != "correction",
            )
        ).scalar_one()
        version = base_version if kind == "correction" else (prev or 0) + 1
        session.add(
            RefChange(
                hall_id=hall_id, entity=entity, entity_id=entity_id, kind=kind,
                data=json.dumps(data, ensure_ascii=False), version=version or 0,
                base_version=base_version, created_at=now,
            )
        )
        session.flush()
        counts[kind] += 1
    return counts


def changes_since(session: Session, *, hall_id: str, cursor: int, limit: int) -> tuple[list[Change], int, bool]:
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.execute(
        sa.select(RefChange)
        .where(RefChange.cursor > cursor, sa.or_(RefChange.hall_id.is_(None), RefChange.hall_id == hall_id))
        .order_by(RefChange.cursor)
        .limit(limit)
    ).scalars().all()
    out = [
        Change(
            cursor=int(r.cursor or 0), entity=r.entity, entity_id=r.entity_id, kind=r.kind,  # type: ignore[arg-type]
            data=json.loads(r.data), version=r.version, base_version=r.base_version,
            created_at=r.created_at.isoformat(),
        )
        for r in rows
    ]
    new_cursor = out[-1].cursor if out else cursor
    return out, new_cursor, len(out) == limit


def feed_head(session: Session) -> int:
    return int(session.execute(sa.select(sa.func.max(RefChange.cursor))).scalar_one() or 0)
