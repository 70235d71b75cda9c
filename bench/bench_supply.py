"""Supply benchmark: stock levels of 2,000 products over 500,000 stock moves (budget ≤ 50 ms).

    .venv/bin/python bench/bench_supply.py [--products 2000] [--moves 500000] [--fresh]

The moves go in through the real schema (capture triggers write outbox and audit rows, the
balance triggers keep the derived per-product and per-lot tables). The hall is kept in
bench-data/ and reused. Figures printed:

* stock levels of all products from the derived table (what screens and the CLI use);
* the same levels computed straight from the moves (SUM over the covering index), as a check
  that the derived table equals the moves and for comparison;
* one counter sale (allocation over lots + moves + outbox), end to end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import percentiles  # noqa: E402
from villagedesk.bootstrap import open_store  # noqa: E402
from villagedesk.clock import CST, FixedClock  # noqa: E402
from villagedesk.config import Paths  # noqa: E402
from villagedesk.services import supply_ledgers, supply_sales, supply_stock  # noqa: E402
from villagedesk.services.auth import actor_for, setup_hall  # noqa: E402

BUDGET_MS = 50.0
CATEGORIES = ("seed", "fertilizer", "pesticide", "film", "feed", "tool", "other")


def build(folder: Path, products: int, moves: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    clock = FixedClock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    paths = Paths.default(folder)
    store = open_store(paths, clock=clock)
    setup_hall(store, hall_name="基准测试村党群服务中心", hall_code="BM0001", admin_name="管理员",
               admin_password="secret123")
    actor = actor_for(store)
    ident = store.identity
    rng = random.Random(7)
    started = time.perf_counter()
    with store.write(actor) as s:
        conn = s.connection()
        existing = conn.exec_driver_sql("SELECT COUNT(*) FROM supply_product").scalar_one()
        rows = []
        for n in range(existing, products):
            rows.append((str(uuid.uuid4()), ident.hall_id, ident.device_id, f"B{n:05d}", CATEGORIES[n % 7],
                         f"基准商品{n}", "1kg/袋", "袋", 100 + n, "基准厂"))
        conn.exec_driver_sql(
            "INSERT INTO supply_product (id, hall_id, device_id, version, code, category, name, spec, unit, "
            "price_fen, maker, reg_no, restricted, owner, status, note, low_stock, search_text) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, '', 0, 'hall', 'active', '', 5, '')", rows)
        ids = conn.exec_driver_sql("SELECT id FROM supply_product").scalars().all()
    per_product = max(1, moves // len(ids))
    day0 = dt.date(2024, 1, 1)
    insert = ("INSERT INTO supply_move (id, hall_id, device_id, version, product_id, kind, qty, move_date, "
              "lot_id, supplier, lot_no, expiry_date, unit_cost_fen, unit_price_fen, sale_id, reason) "
              "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')")
    written = 0
    batch: list[tuple[object, ...]] = []
    for pid in ids:
        lot = None
        for k in range(per_product):
            day = (day0 + dt.timedelta(days=k * 2)).isoformat()
            mid = str(uuid.uuid4())
            last_lot = k >= per_product - per_product % 10 - 10
            if k % 10 == 0:  # a receipt of 45 (the last lot: 100), then sales of 5 from that lot
                lot = mid
                expiry = (day0 + dt.timedelta(days=k * 2 + rng.randint(200, 900))).isoformat()
                batch.append((mid, ident.hall_id, ident.device_id, pid, "receive", 100 if last_lot else 45, day,
                              lot, "县农资公司", f"L{k}", expiry, 8000, None, None))
            else:
                batch.append((mid, ident.hall_id, ident.device_id, pid, "sale", -5, day, lot, "", "", None,
                              None, 10000, str(uuid.uuid4())))
        written += per_product
        if len(batch) >= 50_000:
            with store.write(actor) as s:
                s.connection().exec_driver_sql(insert, batch)
            batch = []
            print(f"  {written:,} moves ...", flush=True)
    if batch:
        with store.write(actor) as s:
            s.connection().exec_driver_sql(insert, batch)
    with store.write(actor) as s:
        s.connection().exec_driver_sql("ANALYZE")
    print(f"built {len(ids):,} products and {written:,} moves (with outbox + audit capture) "
          f"in {time.perf_counter() - started:.1f} s")
    store.close()
    (folder / ".built").write_text(f"{products} {moves}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--products", type=int, default=2000)
    ap.add_argument("--moves", type=int, default=500_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--fresh", action="store_true")
    a = ap.parse_args()
    folder = ROOT / "bench-data" / f"supply-{a.products}-{a.moves}"
    marker = folder / ".built"
    if a.fresh or not marker.exists():
        build(folder, a.products, a.moves)
    clock = FixedClock(dt.datetime(2026, 3, 2, 10, 0, tzinfo=CST))
    store = open_store(Paths.default(folder), clock=clock)
    actor = actor_for(store)
    with store.read() as s:
        n_moves = s.connection().exec_driver_sql("SELECT COUNT(*) FROM supply_move").scalar_one()
        n_products = s.connection().exec_driver_sql("SELECT COUNT(*) FROM supply_product").scalar_one()

    derived: list[float] = []
    for _ in range(a.runs):
        t = time.perf_counter()
        levels = supply_stock.stock_levels(store)
        derived.append((time.perf_counter() - t) * 1000)
    assert len(levels) == n_products

    direct: list[float] = []
    for _ in range(max(3, a.runs // 5)):
        t = time.perf_counter()
        with store.read() as s:
            sums = dict(s.connection().exec_driver_sql(
                "SELECT product_id, SUM(qty) FROM supply_move GROUP BY product_id").all())
        direct.append((time.perf_counter() - t) * 1000)
    assert all(sums.get(x.product_id, 0) == x.qty for x in levels), "derived stock differs from the moves"

    sale: list[float] = []
    code = max(levels, key=lambda x: x.qty - x.expired_qty).code  # the most sellable (unexpired) stock
    for _ in range(20):
        t = time.perf_counter()
        supply_sales.sell(store, actor=actor, items=[(code, 1)])
        sale.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    month = supply_ledgers.ledger(store, kind="sales", period="2024-06", category=None)
    ledger_ms = (time.perf_counter() - t) * 1000
    store.close()

    p50, p95, worst = percentiles(derived)
    print(f"stock levels of {n_products:,} products over {n_moves:,} moves (derived table): "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms  (budget {BUDGET_MS:.0f} ms)")
    d50, d95, _ = percentiles(direct)
    print(f"same levels straight from the moves (SUM over covering index): p50 {d50:.1f} ms, p95 {d95:.1f} ms; "
          f"derived == SUM(moves) for every product")
    s50, s95, _ = percentiles(sale)
    print(f"one counter sale (FEFO allocation, move, outbox, audit): p50 {s50:.1f} ms, p95 {s95:.1f} ms")
    print(f"sales ledger of one month ({len(month.rows):,} rows, all categories): {ledger_ms:.0f} ms")
    ok = p95 <= BUDGET_MS
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
