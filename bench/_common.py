"""Shared set-up for benchmarks: a demo hall of N residents kept in bench-data/ (outside git)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from villagedesk.bootstrap import open_store  # noqa: E402
from villagedesk.config import Paths  # noqa: E402
from villagedesk.db.store import Store  # noqa: E402
from villagedesk.services.demo import seed_demo  # noqa: E402


def demo_store(name: str, residents: int) -> Store:
    """A seeded demo hall, built once and reused by later runs."""
    folder = ROOT / "bench-data" / f"{name}-{residents}"
    done = folder / ".seeded"
    paths = Paths.default(folder)
    if not done.exists():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        store = open_store(paths)
        started = time.perf_counter()
        seed_demo(store, residents=residents)
        print(f"seeded {residents:,} residents in {time.perf_counter() - started:.1f} s")
        store.close()
        done.touch()
    return open_store(paths)


def percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples_ms)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return p50, p95, ordered[-1]
