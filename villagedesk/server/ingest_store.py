"""Storage side of the ingest: bulk inserts, key probes and the record cache of one batch.

On PostgreSQL every lookup is a primary-key probe per key (``LATERAL ... LIMIT 1``), and
inserts use COPY inside the ingest transaction, so a push costs the same however large the
tables have grown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.server.models import OpLog, Record

CHUNK = 900  # stays under SQLite's bound-parameter limit


@dataclass
class Rec:
    version: int
    data: dict[str, Any]
    deleted: bool
    exists: bool
    dirty: bool = False
    last_seq: int = 0


@dataclass
class Batch:
    hall_id: str
    device_id: str
    now: datetime
    cache: dict[tuple[str, str], Rec] = field(default_factory=dict)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def insert_many(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Bulk insert inside the ingest transaction: COPY on PostgreSQL (several times faster
    than INSERT), executemany elsewhere."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    cols = list(rows[0])
    raw = conn.connection.driver_connection  # same connection, same transaction
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[c] for c in cols])


def stored_ops(session: Session, device_id: str, seqs: list[int]) -> dict[int, tuple[str, str, str | None]]:
    stored: dict[int, tuple[str, str, str | None]] = {}
    pg = session.get_bind().dialect.name == "postgresql"
    for part in _chunks(seqs):
        if pg:
            rows = session.execute(
                sa.text(
                    "SELECT o.seq, o.payload_hash, o.status, o.reason FROM unnest(CAST(:seqs AS bigint[])) AS u(seq) "
                    "CROSS JOIN LATERAL (SELECT * FROM op_log WHERE device_id = :dev AND seq = u.seq LIMIT 1) AS o"
                ),
                {"seqs": part, "dev": device_id},
            ).all()
        else:
            rows = session.execute(
                sa.select(OpLog.seq, OpLog.payload_hash, OpLog.status, OpLog.reason).where(
                    OpLog.device_id == device_id, OpLog.seq.in_(part)
                )
            ).all()
        stored.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    return stored


def high_water(session: Session, device_id: str, start: int) -> int:
    hw = start
    seqs = session.execute(
        sa.select(OpLog.seq).where(OpLog.device_id == device_id, OpLog.seq > start).order_by(OpLog.seq)
    ).scalars()
    for seq in seqs:
        if seq != hw + 1:
            break
        hw = seq
    return hw


def load_records(session: Session, batch: Batch, ops: list[dict[str, Any]]) -> None:
    by_entity: dict[str, set[str]] = {}
    for o in ops:
        by_entity.setdefault(str(o["entity"]), set()).add(str(o["entity_id"]))
    pg = session.get_bind().dialect.name == "postgresql"
    for entity, id_set in by_entity.items():
        for part in _chunks(sorted(id_set)):
            if pg:
                # One primary-key probe per id, whatever the size of the table: a plain
                # IN/ANY list or join lets the planner drift into scanning the whole hall;
                # LIMIT 1 keeps the lateral subquery from being flattened into such a join.
                rows = session.execute(
                    sa.text(
                        "SELECT r.entity_id, r.version, r.data, r.deleted, r.last_seq "
                        "FROM unnest(CAST(:ids AS varchar[])) AS u(id) CROSS JOIN LATERAL ("
                        " SELECT * FROM record WHERE hall_id = :hall AND entity = :entity AND entity_id = u.id LIMIT 1"
                        ") AS r"
                    ),
                    {"ids": part, "hall": batch.hall_id, "entity": entity},
                ).all()
            else:
                rows = session.execute(
                    sa.select(Record.entity_id, Record.version, Record.data, Record.deleted, Record.last_seq).where(
                        Record.hall_id == batch.hall_id, Record.entity == entity, Record.entity_id.in_(part)
                    )
                ).all()
            for entity_id, version, data, deleted, last_seq in rows:
                batch.cache[(entity, entity_id)] = Rec(version, json.loads(data), deleted, True, last_seq=last_seq)



def flush_records(session: Session, batch: Batch) -> None:
    inserts, updates = [], []
    for (entity, entity_id), rec in batch.cache.items():
        if not rec.dirty:
            continue
        row = {
            "hall_id": batch.hall_id, "entity": entity, "entity_id": entity_id,
            "version": rec.version, "data": json.dumps(rec.data, ensure_ascii=False),
            "deleted": rec.deleted, "updated_at": batch.now,
            "last_device_id": batch.device_id, "last_seq": rec.last_seq,
        }
        (updates if rec.exists else inserts).append(row)
    insert_many(session, Record.__table__, inserts)
    if updates:
        t = Record.__table__
        stmt = (
            sa.update(t)
            .where(t.c.hall_id == sa.bindparam("b_hall"), t.c.entity == sa.bindparam("b_entity"), t.c.entity_id == sa.bindparam("b_id"))
            .values(version=sa.bindparam("version"), data=sa.bindparam("data"), deleted=sa.bindparam("deleted"), updated_at=sa.bindparam("updated_at"), last_device_id=sa.bindparam("last_device_id"), last_seq=sa.bindparam("last_seq"))
        )
        session.connection().execute(
            stmt,
            [{**u, "b_hall": u["hall_id"], "b_entity": u["entity"], "b_id": u["entity_id"]} for u in updates],
        )
