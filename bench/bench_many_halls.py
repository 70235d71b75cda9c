"""50 simulated halls push at once against a server with 2 workers over PostgreSQL.
Each hall is a real enrolled device (own Ed25519 key, signed gzip batches); it pushes its
batches one after another, as the hall program does. Prints errors and batch latency.

    .venv/bin/python bench/bench_many_halls.py [--halls 50] [--batches 10] [--ops 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _server import halls_create, pg_database, serve  # noqa: E402

from villagedesk.sync import signing  # noqa: E402
from villagedesk.sync.client import SyncClient  # noqa: E402
from villagedesk.sync.protocol import SCHEMA_REV, EnrollRequest  # noqa: E402


def make_ops(hall_id: str, device_id: str, start: int, n: int) -> list[dict]:
    ops = []
    for i in range(n):
        seq = start + i
        rid = str(uuid.uuid4())
        ops.append({
            "seq": seq, "txid": f"tx-{seq // 5}", "entity": "household", "entity_id": rid, "kind": "upsert",
            "fields": {"id": rid, "hall_id": hall_id, "device_id": device_id, "household_no": f"H-{seq}",
                       "address": f"示范村{seq % 12 + 1}组{seq}号", "village_group": f"{seq % 12 + 1}组",
                       "hamlet": "王家湾", "grid": "网格3", "status": "active", "version": 1},
            "base_version": None, "version": 1, "schema_rev": SCHEMA_REV,
            "created_at": "2026-03-02T01:30:00.000+00:00", "staff_id": None,
        })
    return ops


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--halls", type=int, default=50)
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--ops", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with pg_database() as db_url:
        codes = [halls_create(db_url, f"XG-{i:04d}", f"村{i}") for i in range(args.halls)]
        with serve(db_url, workers=args.workers) as url:
            devices = []
            for code in codes:
                key = signing.new_private_key()
                c = SyncClient(url)
                resp = c.enroll(EnrollRequest(code=code, public_key=signing.public_to_b64(key), device_name="bench"))
                c.close()
                devices.append((resp.hall_id, resp.device_id, signing.private_to_b64(key)))
            latencies: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            start_gate = threading.Barrier(args.halls)

            def hall(hall_id: str, device_id: str, key: str) -> None:
                client = SyncClient(url, device_id=device_id, private_key=key, timeout=120)
                try:
                    client.health()
                    start_gate.wait()
                    for b in range(args.batches):
                        ops = make_ops(hall_id, device_id, 1 + b * args.ops, args.ops)
                        t0 = time.perf_counter()
                        try:
                            resp = client.push({"hall_id": hall_id, "device_id": device_id, "ops": ops})
                            ok = resp.high_water == (b + 1) * args.ops and all(r.status == "applied" for r in resp.results)
                            if not ok:
                                raise RuntimeError(f"unexpected reply: high water {resp.high_water}")
                        except Exception as exc:  # noqa: BLE001 - counted and printed
                            with lock:
                                errors.append(f"{device_id[:8]} batch {b}: {type(exc).__name__}: {exc}")
                            return
                        with lock:
                            latencies.append(time.perf_counter() - t0)
                finally:
                    client.close()

            threads = [threading.Thread(target=hall, args=d) for d in devices]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
        eng = sa.create_engine(db_url)
        with eng.connect() as c:
            n_log = c.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one()
            dup = c.execute(sa.text("SELECT COUNT(*) FROM (SELECT 1 FROM op_log GROUP BY device_id, seq HAVING COUNT(*) > 1) d")).scalar_one()
        eng.dispose()
    expected = args.halls * args.batches * args.ops
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    print(f"{args.halls} halls x {args.batches} batches x {args.ops} ops against {args.workers} workers over PostgreSQL")
    print(f"errors: {len(errors)}" + ("".join("\n  " + e for e in errors[:10])))
    print(f"operations on the server: {n_log:,} of {expected:,} (duplicates: {dup})")
    print(f"batch latency: p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms")
    print(f"throughput: {n_log / wall:,.0f} ops/s over {wall:.1f} s")


if __name__ == "__main__":
    main()
