"""USB bundles: export 100,000 operations at the hall (budget 10 s), import them at the
township through the shared ingest (budget 10 s, SQLite and PostgreSQL), bring the ack back,
and print the bundle size per 1,000 operations.

    .venv/bin/python bench/bench_bundles.py [--ops 100000] [--no-pg]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from contextlib import nullcontext
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from villagedesk.bootstrap import open_store  # noqa: E402
from villagedesk.config import Paths  # noqa: E402
from villagedesk.db.models.residents import Household  # noqa: E402
from villagedesk.server import db as server_db  # noqa: E402
from villagedesk.server.acks import create_hall_with_file, hall_by_code, make_ack  # noqa: E402
from villagedesk.server.bundles import import_bundle  # noqa: E402
from villagedesk.server.settings import utc_now  # noqa: E402
from villagedesk.server.upcast import SchemaWindow  # noqa: E402
from villagedesk.services.auth import actor_for, setup_hall  # noqa: E402
from villagedesk.sync.bundle_ack import apply_ack  # noqa: E402
from villagedesk.sync.bundle_export import export_bundle  # noqa: E402
from villagedesk.sync.enroll_file import enroll_from_file  # noqa: E402

BUDGET_S = 10.0


def fill_outbox(store, n: int) -> None:  # type: ignore[no-untyped-def]
    """n household inserts; the capture triggers write one outbox operation each."""
    actor = actor_for(store)
    now = store.clock.now()
    ident = store.identity
    for start in range(0, n, 10_000):
        rows = [
            {"id": str(uuid.uuid4()), "hall_id": ident.hall_id, "device_id": ident.device_id, "created_at": now,
             "updated_at": now, "version": 1, "household_no": f"B-{start + i:07d}", "head_id": None,
             "village_group": f"{(start + i) % 12 + 1}组", "hamlet": "王家湾", "grid": "网格3",
             "address": f"示范村{(start + i) % 12 + 1}组{start + i}号", "status": "active"}
            for i in range(min(10_000, n - start))
        ]
        with store.write(actor) as s:
            s.execute(sa.insert(Household), rows)


def hall_pc(folder: Path, engine: sa.Engine, n: int):  # type: ignore[no-untyped-def]
    store = open_store(Paths.default(folder / "hall"))
    setup_hall(store, hall_name="示范村党群服务中心", hall_code="XG0203", admin_name="王管理", admin_password="secret123")
    with server_db.transaction(server_db.make_sessionmaker(engine)) as s:
        _res, doc = create_hall_with_file(s, code="XG-0203", name="示范村", now=utc_now())
    (folder / "e.vdenroll").write_bytes(doc)
    enroll_from_file(store, path=folder / "e.vdenroll")
    fill_outbox(store, n)
    return store


def run(kind: str, url_ctx, n: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory(prefix="vd-bench-bundles-") as tmp, url_ctx as url:
        folder = Path(tmp)
        url = url or f"sqlite:///{folder / 'server.sqlite3'}"
        engine = server_db.make_engine(url)
        server_db.migrate(engine)
        store = hall_pc(folder, engine, n)
        stick = folder / "stick"
        stick.mkdir()
        t0, c0 = time.perf_counter(), time.process_time()
        res = export_bundle(store, out_dir=stick)
        t_export, c_export = time.perf_counter() - t0, time.process_time() - c0
        data = Path(res["file"]).read_bytes()
        sessions = server_db.make_sessionmaker(engine)
        t0, c0 = time.perf_counter(), time.process_time()
        out = import_bundle(sessions, data, name="bench", window=SchemaWindow(), now=utc_now())
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        assert out.status == "accepted" and out.accepted == res["operations"], out
        t0 = time.perf_counter()
        again = import_bundle(sessions, data, name="bench", window=SchemaWindow(), now=utc_now())
        t_replay = time.perf_counter() - t0
        assert again.status == "duplicate"
        t0 = time.perf_counter()
        with server_db.transaction(sessions) as s:
            ack, _ = make_ack(s, hall_id=hall_by_code(s, "XG-0203").id, now=utc_now())
        applied = apply_ack(store, ack)
        t_ack = time.perf_counter() - t0
        assert applied["pending"] == 0
        store.close()
        engine.dispose()
        ops = res["operations"]
        return {"ops": ops, "export": t_export, "import": t_import, "replay": t_replay, "ack": t_ack,
                "export_cpu": c_export, "import_cpu": c_import,
                "bytes": len(data), "per_1000": len(data) / ops * 1000, "kind": kind}  # type: ignore[dict-item]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--ops", type=int, default=100_000)
    p.add_argument("--no-pg", action="store_true")
    args = p.parse_args()
    targets = [("SQLite", nullcontext(None))]
    if not args.no_pg:
        from _server import pg_database

        targets.append(("PostgreSQL", pg_database("vd_bench_usb")))
    ok = True
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall clock includes waiting for a CPU; CPU does not)")
    for kind, ctx in targets:
        r = run(kind, ctx, args.ops)
        cpu_note = " in this process; PostgreSQL's own CPU not counted" if kind == "PostgreSQL" else ""
        print(f"[{kind}] {r['ops']:,} operations (household inserts incl. hall setup)")
        print(f"  export at the hall (build, sign, write, fsync, read back, verify): {r['export']:.2f} s  (budget {BUDGET_S:.0f} s; CPU {r['export_cpu']:.2f} s)")
        print(f"  import at the township (verify, ingest, record):                  {r['import']:.2f} s  (budget {BUDGET_S:.0f} s; CPU {r['import_cpu']:.2f} s{cpu_note})")
        print(f"  the same bundle again (all duplicates):                           {r['replay']:.2f} s")
        print(f"  ack: build on the server + apply at the hall:                     {r['ack']:.2f} s")
        print(f"  bundle size: {r['bytes'] / 1e6:.2f} MB = {r['per_1000'] / 1024:.1f} KiB per 1,000 operations")
        ok &= r["export"] <= BUDGET_S and r["import"] <= BUDGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
