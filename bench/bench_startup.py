"""App start to a usable main window on a hall of 100,000 residents (budget 1.5 s, 300 MB).

Seeds bench-data/startup-100000 once with `villagedesk demo seed --residents 100000`, then
starts the real app (offscreen, demo sign-in) several times and measures from process
spawn until the main window has been shown and the event loop is running.

The app runs from compiled bytecode, as an installed app does (the bundle holds .pyc files,
a source checkout writes __pycache__): the caches go to bench-data/pycache, also when
PYTHONDONTWRITEBYTECODE is set in the environment, which would otherwise make every start
compile VillageDesk's own modules again. One more start is made with the day's backup due
(today's daily copy removed first), as on the first start of a day.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESIDENTS = int(os.environ.get("BENCH_RESIDENTS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
BUDGET_S, BUDGET_MB = 1.5, 300


def seeded(folder: Path) -> Path:
    done = folder / ".seeded"
    if not done.exists():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(folder), "demo", "seed",
                        "--residents", str(RESIDENTS)], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        print(f"seeded {RESIDENTS:,} residents in {time.perf_counter() - started:.1f} s")
        done.touch()
    return folder


def start_once(folder: Path) -> tuple[float, float, float, float, float]:
    """(wall s to the window, in-process s, peak RSS MB, CPU s, wall s until home cards show)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VILLAGEDESK_EXIT_WHEN_READY": "1",
           "PYTHONPYCACHEPREFIX": str(ROOT / "bench-data" / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "villagedesk", "--data-dir", str(folder),
                             "--demo-login"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    ready: tuple[float, float, float] | None = None
    for line in proc.stdout:
        fields = dict(part.split("=") for part in line.split() if "=" in part)
        if line.startswith("READY"):
            ready = (time.perf_counter() - started, float(line.split()[1]) / 1000,
                     float(fields["cpu_s"]))
        elif line.startswith("CARDS") and ready is not None:
            cards = time.perf_counter() - started
            proc.wait(timeout=60)
            return ready[0], ready[1], float(fields["peak_rss_mb"]), ready[2], cards
    proc.wait(timeout=60)
    raise SystemExit(f"the app did not report ready (exit code {proc.returncode})")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def first_start_of_the_day(folder: Path) -> tuple[float, float, float]:
    """(wall s to the window, wall s to the home cards, wall s until the process ended) with
    the day's backup due: it runs on a background thread after the window, and the app waits
    for it on closing."""
    today = f"villagedesk-{datetime.now(timezone.utc):%Y%m%d}*-daily.sqlite"  # as SystemClock stamps it
    for old in (folder / "backups").glob(today):
        old.unlink()
    started = time.perf_counter()
    ready, _in_process, _rss, _cpu, cards = start_once(folder)
    ended = time.perf_counter() - started
    if not any((folder / "backups").glob(today)):
        raise SystemExit("the app did not make the day's backup")
    return ready, cards, ended


def main() -> int:
    folder = seeded(ROOT / "bench-data" / f"startup-{RESIDENTS}")
    start_once(folder)  # warm the OS file cache, as on a PC that has run the app before
    runs = [start_once(folder) for _ in range(RUNS)]
    wall = [r[0] for r in runs]
    cpu = [r[3] for r in runs]
    rss = max(r[2] for r in runs)
    median = statistics.median(wall)
    print(f"startup to usable main window, {RESIDENTS:,} residents: median {median:.2f} s, "
          f"p90 {percentile(wall, 0.9):.2f} s, best {min(wall):.2f} s, worst {max(wall):.2f} s "
          f"over {RUNS} runs (budget {BUDGET_S} s); of which after interpreter start: "
          f"{statistics.median(r[1] for r in runs):.2f} s")
    print(f"CPU time of the process to the window: median {statistics.median(cpu):.2f} s, "
          f"p90 {percentile(cpu, 0.9):.2f} s (less sensitive to other load on the machine)")
    print(f"home cards of all modules filled in: median {statistics.median(r[4] for r in runs):.2f} s")
    print(f"peak RSS with the home cards shown: {rss:.0f} MB (budget {BUDGET_MB} MB)")
    ready, cards, ended = first_start_of_the_day(folder)
    print(f"first start of the day (daily backup due): window {ready:.2f} s, home cards {cards:.2f} s, "
          f"backup done and process ended {ended:.2f} s")
    ok = median <= BUDGET_S and rss <= BUDGET_MB
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
