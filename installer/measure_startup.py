"""Time the bundled app: `--version`, and a start to its painted main window (offscreen).

    .venv/bin/python installer/measure_startup.py [--bundle DIR] [--runs 5]

Without --bundle it takes the newest bundle under build/packaging/ (make dist builds one).
"Cold" runs first evict the bundle's files from the page cache (posix_fadvise DONTNEED on
every file, as after a reboot, for the bundle at least); "warm" runs follow straight after.
The main window is timed from process start until the window has painted (the app prints
READY and quits when VILLAGEDESK_EXIT_WHEN_READY is set), on a demo hall signed in with
--demo-login. CPU seconds are printed beside the wall-clock times: on a busy machine the
wall clock mostly measures the queue for the processor, the CPU time does not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def newest_bundle() -> Path:
    found = sorted((ROOT / "build" / "packaging").glob("*/bundle/villagedesk/villagedesk"),
                   key=lambda p: p.stat().st_mtime)
    if not found:
        raise SystemExit("no bundle under build/packaging: run make dist first")
    return found[-1].parent


def evict(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


CPU: list[float] = []  # CPU seconds (user + system) of each timed run, in order


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall-clock seconds and stdout; the CPU time goes to CPU (it does not depend on load)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"{cmd} failed: {result.stderr[-2000:]}")
    return elapsed, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle = args.bundle or newest_bundle()
    app = str(bundle / ("villagedesk.exe" if sys.platform == "win32" else "villagedesk"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": tmp}
        data = str(Path(tmp) / "demo")
        subprocess.run([app, "--data-dir", data, "demo", "seed", "--residents", "200"], env=env,
                       check=True, capture_output=True)
        gui = [app, "--data-dir", data, "--demo-login"]
        gui_env = {**env, "VILLAGEDESK_EXIT_WHEN_READY": "1"}
        names = ("version_cold", "version_warm", "window_cold", "window_warm")
        results: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.runs):
            evict(bundle)
            results["version_cold"].append(timed([app, "--version"], env)[0])
            results["version_warm"].append(timed([app, "--version"], env)[0])
            evict(bundle)
            elapsed, out = timed(gui, gui_env)
            if "READY" not in out:
                raise SystemExit(f"no READY line: {out}")
            results["window_cold"].append(elapsed)
            results["window_warm"].append(timed(gui, gui_env)[0])
            for name, seconds in zip(names, CPU[-4:], strict=True):
                cpu[name].append(seconds)
    summary = {k: {"median_s": round(statistics.median(v), 2), "min_s": round(min(v), 2),
                   "max_s": round(max(v), 2), "cpu_median_s": round(statistics.median(cpu[k]), 2)}
               for k, v in results.items()}
    summary["load_average"] = os.getloadavg()  # type: ignore[assignment]
    print(json.dumps({"bundle": str(bundle), **summary}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
