"""Storage side of the ingest: one read of everything a batch needs, bulk writes, and the
device's high-water mark.

On PostgreSQL the reads of a batch (the device row, locked; the keys already stored; the
records the operations touch; the epoch) go out together as one pipeline, so one round trip.
Every lookup is a primary-key probe per key (``LATERAL ... LIMIT 1``), so a push costs the
same however large the tables have grown. New records and op log rows go in by binary COPY
inside the ingest transaction; changed records, the device's high-water mark and the hall's
contact time are pipelined. SQLite, where a statement costs no round trip, runs plain
statements one after another.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from villagedesk.server.models import Device, Hall, OpLog, Record, ServerMeta
from villagedesk.sync.protocol import ClientState, compact_json

CHUNK = 900  # stays under SQLite's bound-parameter limit
HW_PAGE = 2000  # op log rows read per step when the high-water mark moves
HALL_CONTACT_STEP = timedelta(seconds=30)  # the county page shows minutes

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


@dataclass
class Loaded:
    """What the ingest of one batch reads before it applies anything."""

    hall_id: str
    high_water: int
    epoch: str
    stored: dict[int, tuple[str, str, str | None]]  # seq -> (payload hash, status, reason)
    records: dict[tuple[str, str], Rec]


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _driver(session: Session) -> Any:
    """The psycopg connection under the session: same connection, same transaction."""
    return session.connection().connection.driver_connection


def _aware(now: datetime) -> datetime:
    return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)


# -- reading ------------------------------------------------------------------------------------

_PG_DEVICE = "SELECT hall_id, high_water FROM device WHERE id = %(dev)s FOR UPDATE"
_PG_EPOCH = "SELECT value FROM server_meta WHERE key = 'epoch'"
_PG_STORED = (
    "SELECT o.seq, o.payload_hash, o.status, o.reason FROM unnest(%(seqs)s::bigint[]) AS u(seq) "
    "CROSS JOIN LATERAL (SELECT * FROM op_log WHERE device_id = %(dev)s AND seq = u.seq LIMIT 1) AS o"
)
# A batch's seqs are usually one unbroken run: one range scan of the key index instead.
_PG_STORED_RUN = (
    "SELECT seq, payload_hash, status, reason FROM op_log WHERE device_id = %(dev)s AND seq BETWEEN %(lo)s AND %(hi)s"
)
# One primary-key probe per id, whatever the size of the table: a plain IN/ANY list or join
# lets the planner drift into scanning the whole hall; LIMIT 1 keeps the lateral subquery
# from being flattened into such a join.
_PG_RECORDS = (
    "SELECT r.entity_id, r.version, r.data, r.deleted, r.last_seq "
    "FROM unnest(%(ids)s::varchar[]) AS u(id) CROSS JOIN LATERAL ("
    " SELECT * FROM record WHERE hall_id = (SELECT hall_id FROM device WHERE id = %(dev)s)"
    " AND entity = %(entity)s AND entity_id = u.id LIMIT 1"
    ") AS r"
)


@contextmanager
def load(session: Session, *, device_id: str, seqs: list[int], keys: dict[str, list[str]]) -> Iterator[Callable[[], Loaded]]:
    """Lock the device row and read the stored keys among ``seqs`` and the current records
    for ``keys`` (entity -> ids), all in the caller's transaction. The queries leave on entry;
    calling the function it yields (inside the block) waits for the answers. On PostgreSQL
    the caller's work in between runs while the database works."""
    session.flush()  # a device the caller has just added must be in the table
    if not _is_pg(session):
        yield lambda: _load_generic(session, device_id, seqs, keys)
        return
    conn = _driver(session)
    with conn.pipeline() as pipe:
        yield _load_pg(conn, pipe, device_id, seqs, keys)


def _rec(version: int, data: str, deleted: bool, last_seq: int) -> Rec:
    return Rec(version, json.loads(data), bool(deleted), True, last_seq=last_seq)


def _load_pg(conn: Any, pipe: Any, device_id: str, seqs: list[int], keys: dict[str, list[str]]) -> Callable[[], Loaded]:
    """Send the reads (psycopg sends each query of a pipeline as it is queued); the function
    returned syncs the pipeline and collects the answers."""
    dev_cur = conn.execute(_PG_DEVICE, {"dev": device_id})
    epoch_cur = conn.execute(_PG_EPOCH)
    if seqs and max(seqs) - min(seqs) + 1 == len(seqs):  # distinct seqs without a gap
        stored_curs = [conn.execute(_PG_STORED_RUN, {"dev": device_id, "lo": min(seqs), "hi": max(seqs)})]
    else:
        stored_curs = [conn.execute(_PG_STORED, {"seqs": part, "dev": device_id}) for part in _chunks(seqs)]
    record_curs = [
        (entity, conn.execute(_PG_RECORDS, {"ids": part, "dev": device_id, "entity": entity}))
        for entity, ids in keys.items()
        for part in _chunks(ids)
    ]

    def collect() -> Loaded:
        pipe.sync()
        hall_id, high_water = dev_cur.fetchone()
        epoch = epoch_cur.fetchone()[0]
        stored = {seq: (digest, status, reason) for cur in stored_curs for seq, digest, status, reason in cur.fetchall()}
        records = {
            (entity, entity_id): _rec(version, data, deleted, last_seq)
            for entity, cur in record_curs
            for entity_id, version, data, deleted, last_seq in cur.fetchall()
        }
        return Loaded(hall_id=hall_id, high_water=int(high_water), epoch=epoch, stored=stored, records=records)

    return collect


def _load_generic(session: Session, device_id: str, seqs: list[int], keys: dict[str, list[str]]) -> Loaded:
    hall_id, high_water = session.execute(
        sa.select(Device.hall_id, Device.high_water).where(Device.id == device_id).with_for_update()
    ).one()
    epoch = session.execute(sa.select(ServerMeta.value).where(ServerMeta.key == "epoch")).scalar_one()
    stored: dict[int, tuple[str, str, str | None]] = {}
    for part in _chunks(seqs):
        rows = session.execute(
            sa.select(OpLog.seq, OpLog.payload_hash, OpLog.status, OpLog.reason).where(
                OpLog.device_id == device_id, OpLog.seq.in_(part)
            )
        ).all()
        stored.update({r[0]: (r[1], r[2], r[3]) for r in rows})
    records: dict[tuple[str, str], Rec] = {}
    for entity, ids in keys.items():
        for part in _chunks(ids):
            rows = session.execute(
                sa.select(Record.entity_id, Record.version, Record.data, Record.deleted, Record.last_seq).where(
                    Record.hall_id == hall_id, Record.entity == entity, Record.entity_id.in_(part)
                )
            ).all()
            for entity_id, version, data, deleted, last_seq in rows:
                records[(entity, entity_id)] = _rec(version, data, deleted, last_seq)
    return Loaded(hall_id=hall_id, high_water=int(high_water), epoch=epoch, stored=stored, records=records)


# -- writing ------------------------------------------------------------------------------------

_PG_RECORD_UPDATE = (
    "UPDATE record SET version = %(version)s, data = %(data)s, deleted = %(deleted)s, updated_at = %(now)s, "
    "last_device_id = %(dev)s, last_seq = %(last_seq)s "
    "WHERE hall_id = %(hall)s AND entity = %(entity)s AND entity_id = %(entity_id)s"
)
OP_FIELDS = ("seq", "txid", "entity", "entity_id", "kind", "schema_rev", "payload_hash", "payload", "status", "reason")
_RECORD_FIELDS = ("entity", "entity_id", "version", "data", "deleted", "last_seq")


def write(
    session: Session, batch: Batch, ops: list[tuple[Any, ...]], *, high_water: int,
    client_state: ClientState | None, after_records: Callable[[Session], None] | None = None,
) -> int:
    """Write what the batch changed: its records, its op log rows (tuples in ``OP_FIELDS``
    order), the device's contiguous high-water mark moved on from ``high_water`` (returned),
    the contact time. ``after_records`` runs between the records and the op log rows (a
    fault-injection point for tests)."""
    new: list[tuple[Any, ...]] = []
    changed: list[tuple[Any, ...]] = []
    for (entity, entity_id), rec in batch.cache.items():
        if rec.dirty:
            row = (entity, entity_id, rec.version, compact_json(rec.data), rec.deleted, rec.last_seq)
            (changed if rec.exists else new).append(row)
    if _is_pg(session):
        return _write_pg(session, batch, new, changed, ops, high_water, client_state, after_records)
    now = batch.now
    common = {"hall_id": batch.hall_id, "updated_at": now, "last_device_id": batch.device_id}
    conn = session.connection()
    if new:
        conn.execute(Record.__table__.insert(), [dict(zip(_RECORD_FIELDS, row, strict=True)) | common for row in new])
    if changed:
        t = Record.__table__
        stmt = (
            sa.update(t)
            .where(t.c.hall_id == sa.bindparam("b_hall"), t.c.entity == sa.bindparam("b_entity"), t.c.entity_id == sa.bindparam("b_id"))
            .values(version=sa.bindparam("version"), data=sa.bindparam("data"), deleted=sa.bindparam("deleted"), updated_at=now, last_device_id=batch.device_id, last_seq=sa.bindparam("last_seq"))
        )
        conn.execute(stmt, [
            {"b_hall": batch.hall_id, "b_entity": e, "b_id": i, "version": v, "data": d, "deleted": x, "last_seq": q}
            for e, i, v, d, x, q in changed
        ])
    if after_records:
        after_records(session)
    if ops:
        conn.execute(OpLog.__table__.insert(), [
            dict(zip(OP_FIELDS, row, strict=True)) | {"device_id": batch.device_id, "hall_id": batch.hall_id, "received_at": now}
            for row in ops
        ])
    return _finish_generic(session, batch, high_water, client_state)


# New rows go in by binary COPY: of the ways tried (COPY, arrays unnested by INSERT, JSON
# record sets) the one that costs the server and PostgreSQL the least CPU.
_OP_COPY = (("device_id", "text"), ("seq", "int8"), ("hall_id", "text"), ("txid", "text"), ("entity", "text"),
            ("entity_id", "text"), ("kind", "text"), ("schema_rev", "int4"), ("payload_hash", "text"), ("payload", "text"),
            ("status", "text"), ("reason", "text"), ("received_at", "timestamptz"))
_RECORD_COPY = (("hall_id", "text"), ("entity", "text"), ("entity_id", "text"), ("version", "int4"), ("data", "text"),
                ("deleted", "bool"), ("updated_at", "timestamptz"), ("last_device_id", "text"), ("last_seq", "int8"))


def _copy(conn: Any, table: str, columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> None:
    with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(c for c, _ in columns)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types([t for _, t in columns])
        for row in rows:
            copy.write_row(row)


def _write_pg(
    session: Session, batch: Batch, new: list[tuple[Any, ...]], changed: list[tuple[Any, ...]],
    ops: list[tuple[Any, ...]], high_water: int, cs: ClientState | None, after_records: Callable[[Session], None] | None,
) -> int:
    conn = _driver(session)
    now = _aware(batch.now)
    same = {"hall": batch.hall_id, "dev": batch.device_id, "now": now}
    finish = {
        "dev": batch.device_id, "hw": high_water, "page": HW_PAGE, "now": now,
        "pending": cs.pending if cs else None, "rejected": cs.rejected if cs else None,
        "conflicts": cs.conflicts if cs else None, "last_seq": cs.last_seq if cs else None,
    }

    if new:
        _copy(conn, "record", _RECORD_COPY, [(batch.hall_id, e, i, v, d, x, now, batch.device_id, q) for e, i, v, d, x, q in new])
    if changed:
        with conn.cursor() as cur:  # psycopg pipelines an executemany: one round trip
            cur.executemany(_PG_RECORD_UPDATE, [same | dict(zip(_RECORD_FIELDS, row, strict=True)) for row in changed])
    if after_records is not None:
        after_records(session)
    if ops:
        _copy(conn, "op_log", _OP_COPY, [(batch.device_id, r[0], batch.hall_id, *r[1:], now) for r in ops])
    with conn.pipeline():
        dev_cur = conn.execute(_PG_DEVICE_UPDATE, finish)
        conn.execute(_PG_HALL_UPDATE, {"now": now, "hall": batch.hall_id, "since": now - HALL_CONTACT_STEP})
    hw = int(dev_cur.fetchone()[0])
    while hw - high_water == HW_PAGE:  # the run filled a whole page: it may go on
        high_water = hw
        hw = int(conn.execute(_PG_DEVICE_UPDATE, {**finish, "hw": hw}).fetchone()[0])
    return hw


# The contiguous run of op log seqs after the old mark, one page at a time: in a gap-free run
# seq minus its row number stays equal to the old mark; past the first gap it grows.
_PG_DEVICE_UPDATE = (
    "UPDATE device SET high_water = COALESCE(("
    " SELECT MAX(seq) FROM (SELECT seq, seq - ROW_NUMBER() OVER (ORDER BY seq) AS k FROM ("
    "  SELECT seq FROM op_log WHERE device_id = %(dev)s AND seq > %(hw)s ORDER BY seq LIMIT %(page)s) AS p) AS t"
    " WHERE k = %(hw)s), %(hw)s),"
    " last_contact = %(now)s,"
    " reported_pending = COALESCE(%(pending)s::integer, reported_pending),"
    " reported_rejected = COALESCE(%(rejected)s::integer, reported_rejected),"
    " reported_conflicts = COALESCE(%(conflicts)s::integer, reported_conflicts),"
    " reported_last_seq = COALESCE(%(last_seq)s::bigint, reported_last_seq)"
    " WHERE id = %(dev)s RETURNING high_water"
)
_PG_HALL_UPDATE = (
    "UPDATE hall SET last_contact = %(now)s WHERE id = %(hall)s AND (last_contact IS NULL OR last_contact < %(since)s)"
)


def _finish_generic(session: Session, batch: Batch, high_water: int, client_state: ClientState | None) -> int:
    hw = _contiguous(session, batch.device_id, high_water)
    values: dict[str, Any] = {"high_water": hw, "last_contact": batch.now}
    if client_state is not None:
        values.update(reported_pending=client_state.pending, reported_rejected=client_state.rejected,
                      reported_conflicts=client_state.conflicts, reported_last_seq=client_state.last_seq)
    session.execute(sa.update(Device.__table__).where(Device.__table__.c.id == batch.device_id).values(**values))
    h = Hall.__table__
    session.execute(
        sa.update(h)
        .where(h.c.id == batch.hall_id, sa.or_(h.c.last_contact.is_(None), h.c.last_contact < batch.now - HALL_CONTACT_STEP))
        .values(last_contact=batch.now)
    )
    return hw


def _contiguous(session: Session, device_id: str, start: int) -> int:
    hw = start
    while True:
        seqs = session.execute(
            sa.select(OpLog.seq).where(OpLog.device_id == device_id, OpLog.seq > hw).order_by(OpLog.seq).limit(HW_PAGE)
        ).scalars().all()
        page_start = hw
        for seq in seqs:
            if seq != hw + 1:
                return hw
            hw = seq
        if hw - page_start < HW_PAGE:
            return hw
