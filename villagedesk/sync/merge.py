"""County corrections of hall records, merged field by field against the hall's own edits.

A correction says: starting from version ``base_version`` of this record, the county set
these fields. A field the hall has not touched since then takes the county's value. A field
the hall changed too, to a different value, becomes a ``sync_conflict`` for a person.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session
from sqlmodel.sql.sqltypes import UTCDateTime

from villagedesk.db.models.residents import LOCAL_ONLY_COLUMNS
from villagedesk.db.models.sync import SyncConflict
from villagedesk.sync.appliers import ApplyContext
from villagedesk.sync.protocol import Change

IDENTITY_COLUMNS = {"id", "hall_id", "device_id", "created_at", "updated_at", "version"}


class CorrectionError(Exception):
    """The correction cannot apply here (unknown table, record or field); it is parked."""


def _norm(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _columns(session: Session, table: str) -> list[str]:
    return [r[1] for r in session.execute(sa.text(f'PRAGMA table_info("{table}")'))]


def locally_changed_fields(session: Session, entity: str, entity_id: str, base: int, current: int) -> set[str] | None:
    """Fields the hall changed after version ``base``; None if the outbox no longer shows it all."""
    rows = session.execute(
        sa.text("SELECT base_version, fields FROM outbox WHERE entity = :e AND entity_id = :id AND base_version >= :b"),
        {"e": entity, "id": entity_id, "b": base},
    ).all()
    seen = {r[0] for r in rows}
    if not set(range(base, current)) <= seen:
        return None
    changed: set[str] = set()
    for _, fields in rows:
        changed.update(json.loads(fields or "{}"))
    return changed


def update_fields(session: Session, table: str, entity_id: str, values: dict[str, Any], now: Any) -> None:
    """Write fields the way a hall edit would: new version, captured into the outbox."""
    sets = ", ".join(f'"{col}" = :v{i}' for i, col in enumerate(values))
    params = {f"v{i}": _norm(v) for i, v in enumerate(values.values())}
    stmt = sa.text(f'UPDATE "{table}" SET {sets}, version = version + 1, updated_at = :now WHERE id = :id')
    stmt = stmt.bindparams(sa.bindparam("now", type_=UTCDateTime()))
    session.connection().execute(stmt, {**params, "now": now, "id": entity_id})


def apply_correction(session: Session, change: Change, ctx: ApplyContext, *, synced: list[str], hook: Any = None) -> int:
    """Merge one correction; returns the number of conflicts it opened."""
    table = change.entity
    if table not in synced:
        raise CorrectionError(f"unknown hall table {table!r}")
    cols = set(_columns(session, table)) - IDENTITY_COLUMNS - set(LOCAL_ONLY_COLUMNS.get(table, ()))
    unknown = set(change.data) - cols
    if unknown:
        raise CorrectionError(f"unknown fields {sorted(unknown)}")
    names = sorted(change.data)
    if not names:
        return 0
    select_cols = ", ".join(f'"{c}"' for c in names)
    row = session.execute(sa.text(f'SELECT version, {select_cols} FROM "{table}" WHERE id = :id'), {"id": change.entity_id}).first()
    if row is None:
        raise CorrectionError("the record is not on this PC")
    current_version, local = int(row[0]), dict(zip(names, row[1:], strict=True))
    base = change.base_version if change.base_version is not None else current_version
    if current_version == base:
        touched: set[str] = set()
    else:
        found = locally_changed_fields(session, table, change.entity_id, base, current_version)
        touched = set(names) if found is None else found
    to_apply: dict[str, Any] = {}
    conflicts = 0
    for name in names:
        county, hall = _norm(change.data[name]), _norm(local[name])
        if county == hall:
            continue
        if name not in touched:
            to_apply[name] = county
            continue
        exists = session.execute(
            sa.text("SELECT 1 FROM sync_conflict WHERE entity = :e AND entity_id = :id AND field = :f AND cursor = :c"),
            {"e": table, "id": change.entity_id, "f": name, "c": change.cursor},
        ).first()
        if exists is None:
            session.add(
                SyncConflict(
                    entity=table, entity_id=change.entity_id, field=name,
                    hall_value=json.dumps(hall, ensure_ascii=False, default=str),
                    county_value=json.dumps(county, ensure_ascii=False, default=str),
                    base_version=change.base_version, cursor=change.cursor, created_at=ctx.now,
                )
            )
            conflicts += 1
    if to_apply:
        update_fields(session, table, change.entity_id, to_apply, ctx.now)
        if hook is not None:
            hook(session, change.entity_id, to_apply)
    session.flush()
    return conflicts
