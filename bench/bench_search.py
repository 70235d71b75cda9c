"""Resident search over 100,000 residents: p50/p95 per query kind. Budget: p95 <= 20 ms."""

from __future__ import annotations

import random
import time

from _common import demo_store, percentiles
from sqlalchemy import text

from villagedesk.services.pinyin_keys import name_keys
from villagedesk.services.resident_search import search_residents

N = 100_000
QUERIES_PER_KIND = 300
BUDGET_P95_MS = 20.0


def main() -> None:
    store = demo_store("search", N)
    with store.read() as s:
        rows = s.execute(text("SELECT name, id_number, phone FROM resident")).all()
    rng = random.Random(1)
    sample = rng.sample(rows, QUERIES_PER_KIND)
    phones = [r.phone for r in rows if r.phone]
    kinds = {
        "name": [r.name[: rng.choice((1, 2, len(r.name)))] for r in sample],
        "initials": [name_keys(r.name)[0][0] for r in sample],
        "full pinyin": [name_keys(r.name)[1][0][: rng.randint(3, 12)] for r in sample],
        "ID tail": [r.id_number[-rng.choice((4, 5, 6)):] for r in sample],
        "whole ID": [r.id_number for r in sample],
        "phone tail": [p[-rng.choice((4, 5, 6)):] for p in rng.sample(phones, QUERIES_PER_KIND)],
    }
    for q in ("张", "zsf", "0069"):  # warm the page cache
        search_residents(store, query=q)
    print(f"resident search over {len(rows):,} residents ({QUERIES_PER_KIND} queries per kind, limit 50)")
    worst = 0.0
    for kind, queries in kinds.items():
        times = []
        for q in queries:
            started = time.perf_counter()
            search_residents(store, query=q, limit=50)
            times.append((time.perf_counter() - started) * 1000)
        p50, p95, top = percentiles(times)
        worst = max(worst, p95)
        print(f"  {kind:12s} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   max {top:6.2f} ms")
    print(f"worst p95 {worst:.2f} ms (budget {BUDGET_P95_MS} ms): {'OK' if worst <= BUDGET_P95_MS else 'OVER BUDGET'}")
    store.close()


if __name__ == "__main__":
    main()
