"""Push 100,000 operations from a hall's outbox over loopback into PostgreSQL, through the
real client (SQLite outbox, batches, gzip, signatures, acks) and a real server process.
Printed beside a bare bulk insert of the same rows into the same PostgreSQL (the floor), with
the ratio; then 50 simulated halls pushing at once against 2 workers (bench_many_halls.py):
errors and p99 batch latency.

    .venv/bin/python bench/bench_push.py [--ops 100000] [--workers 1] [--no-halls]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import halls_create, pg_database, serve  # noqa: E402

from villagedesk.bootstrap import open_store  # noqa: E402
from villagedesk.config import Paths  # noqa: E402
from villagedesk.services.auth import actor_for, setup_hall  # noqa: E402
from villagedesk.sync.enroll import enroll  # noqa: E402
from villagedesk.sync.push import push  # noqa: E402
from villagedesk.sync.state import client_for  # noqa: E402


def fill_outbox(store, n: int) -> None:
    """n household inserts; the capture triggers write one outbox operation each."""
    actor = actor_for(store)
    now = store.clock.now()
    ident = store.identity
    chunk = 10_000
    for start in range(0, n, chunk):  # bulk transactions: each is split into full batches
        rows = [
            {"id": str(uuid.uuid4()), "hall_id": ident.hall_id, "device_id": ident.device_id, "created_at": now,
             "updated_at": now, "version": 1, "household_no": f"B-{start + i:07d}", "head_id": None,
             "village_group": f"{(start + i) % 12 + 1}组", "hamlet": "王家湾", "grid": "网格3",
             "address": f"示范村{(start + i) % 12 + 1}组{start + i}号", "status": "active"}
            for i in range(min(chunk, n - start))
        ]
        from villagedesk.db.models.residents import Household

        with store.write(actor) as s:
            s.execute(sa.insert(Household), rows)


def bare_insert(db_url: str) -> tuple[float, float, int]:
    """The floor: copy the op log rows the server stored into a plain table, two ways."""
    eng = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with eng.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.text(
            "SELECT device_id, seq, hall_id, txid, entity, entity_id, kind, schema_rev, payload_hash, payload, status, reason, received_at FROM op_log"))]
        conn.execute(sa.text("CREATE TABLE bare_ops (LIKE op_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"))
        conn.execute(sa.text("CREATE TABLE bare_copy (LIKE op_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"))
        conn.execute(sa.text("CREATE SEQUENCE bare_seq; ALTER TABLE bare_ops ALTER COLUMN id SET DEFAULT nextval('bare_seq'); ALTER TABLE bare_copy ALTER COLUMN id SET DEFAULT nextval('bare_seq')"))
    table = sa.Table("bare_ops", sa.MetaData(), autoload_with=eng)
    t0 = time.perf_counter()
    with eng.begin() as conn:
        for i in range(0, len(rows), 500):  # the same batch size the hall sends
            conn.execute(sa.insert(table), rows[i : i + 500])
    t_insert = time.perf_counter() - t0
    cols = list(rows[0])
    raw = eng.raw_connection()
    t0 = time.perf_counter()
    with raw.cursor() as cur, cur.copy(f"COPY bare_copy ({', '.join(cols)}) FROM STDIN") as cp:  # type: ignore[attr-defined]
        for r in rows:
            cp.write_row([r[c] for c in cols])
    raw.commit()
    t_copy = time.perf_counter() - t0
    raw.close()
    eng.dispose()
    return t_insert, t_copy, len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ops", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-halls", action="store_true", help="skip the 50 halls x 2 workers run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="vd-bench-push-"))
    with pg_database() as db_url:
        code = halls_create(db_url, "XG-0203", "示范村")
        paths = Paths.default(tmp / "hall")
        store = open_store(paths)
        setup_hall(store, hall_name="示范村", hall_code="XG0203", admin_name="王管理", admin_password="secret123")
        with serve(db_url, workers=args.workers) as url:
            enroll(store, server_url=url, code=code)
            t0 = time.perf_counter()
            fill_outbox(store, args.ops)
            t_fill = time.perf_counter() - t0
            client = client_for(store)
            t0 = time.perf_counter()
            summary = push(store, client)
            t_push = time.perf_counter() - t0
            client.close()
        store.close()
        assert summary.acknowledged == summary.sent == args.ops + 1, summary
        eng = sa.create_engine(db_url)
        with eng.connect() as c:
            n_log = c.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one()
            n_rec = c.execute(sa.text("SELECT COUNT(*) FROM record")).scalar_one()
        eng.dispose()
        t_insert, t_copy, n_rows = bare_insert(db_url)
    rate = summary.sent / t_push
    floor = n_rows / t_insert
    print(f"hall outbox filled by capture triggers: {args.ops:,} ops in {t_fill:.1f} s")
    print(f"push over loopback into PostgreSQL ({args.workers} worker): {summary.sent:,} ops in {t_push:.2f} s "
          f"= {rate:,.0f} ops/s  (budget >= 5,000 ops/s: {'OK' if rate >= 5000 else 'MISSED'})")
    print(f"  server now holds {n_log:,} op log rows and {n_rec:,} records; hall outbox fully acknowledged")
    print(f"floor, bare INSERT of the same {n_rows:,} rows in 500-row batches: {t_insert:.2f} s = {floor:,.0f} rows/s")
    print(f"  push {rate:,.0f} ops/s beside the floor {floor:,.0f} rows/s: ratio {floor / rate:.2f}x (push at {rate / floor:.0%} of the floor)")
    print(f"floor, COPY of the same rows: {t_copy:.2f} s = {n_rows / t_copy:,.0f} rows/s; ratio {t_push / t_copy:.2f}x")
    if not args.no_halls:
        many_halls()
    print(f"(run at {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC)")


def many_halls() -> None:
    """The 50 halls x 2 workers figure: its own server and database (bench_many_halls.py)."""
    script = Path(__file__).with_name("bench_many_halls.py")
    out = subprocess.run([sys.executable, str(script), "--halls", "50", "--workers", "2"],
                         capture_output=True, text=True, check=False)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    for line in lines:
        print(("  " if line.startswith(("errors", "operations", "batch latency", "throughput", " ")) else "") + line)
    if out.returncode != 0:
        print(f"50 halls run failed (exit {out.returncode}): {out.stderr.strip()[-500:]}")


if __name__ == "__main__":
    main()
