"""Start the desktop app: appearance, database, setup or sign-in, then the main window.

`--screenshot OUT.png [--page KEY] [--size WxH] [--font-size large]` renders one page
offscreen and exits (used by `make screenshots`). `--demo-login` signs in as the demo
administrator, and only on a demo database.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Sequence

_STARTED = time.perf_counter()
log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="villagedesk", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--staff")
    parser.add_argument("--demo-login", action="store_true")
    parser.add_argument("--screenshot")
    parser.add_argument("--page", default="home")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--font-size", choices=("standard", "large", "xlarge"))
    parser.add_argument("--lang", choices=("zh_CN", "en"))
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def run_gui(argv: Sequence[str] | None = None) -> int:
    # Starting creates some hundred thousand long-lived objects (modules, classes, Qt wrappers)
    # and almost no garbage; the cyclic collector would walk them again and again (a tenth of
    # the start). It stays off until the window is shown, then those objects are frozen out of
    # its way for good (gc.freeze), and it runs as usual.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(argv, gc_was_enabled)
    finally:
        if gc_was_enabled:
            gc.enable()


def _run_gui(argv: Sequence[str] | None, gc_was_enabled: bool) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from villagedesk.bootstrap import open_store
    from villagedesk.config import Paths, Settings, setup_logging
    from villagedesk.ui.appearance import apply_font_size, apply_window_icon, install_translators
    from villagedesk.ui.daily_backup import DailyBackup
    from villagedesk.ui.errors import install_excepthook
    from villagedesk.ui.shell import Shell

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "villagedesk"])
    app.setApplicationName("VillageDesk")
    apply_window_icon(app)
    paths = Paths.default(args.data_dir)
    paths.ensure()
    install_excepthook(setup_logging(paths))
    settings = Settings.load(paths.settings_file)
    if args.lang:
        settings.language = args.lang
    if args.font_size:
        settings.font_size = args.font_size
    install_translators(app, settings.language)  # type: ignore[arg-type]
    apply_font_size(app, settings.font_size)  # type: ignore[arg-type]
    new_hall = not paths.database.exists()  # a database created just now needs no backup yet
    store = open_store(paths, keep=settings.backup_keep, daily_backup=False)
    shell = Shell(app, store=store, paths=paths, settings=settings)  # type: ignore[arg-type]
    daily = DailyBackup(shell, keep=settings.backup_keep, enabled=not new_hall)
    try:
        if args.screenshot:
            from villagedesk.ui.screenshot import render

            return render(shell, args)
        daily.start_soon()  # runs while the clerk signs in, or once the home cards are counted
        if not shell.start(demo_login=args.demo_login):
            return 0
        QTimer.singleShot(0, lambda: _settle_gc(gc_was_enabled))  # the window is up
        if os.environ.get("VILLAGEDESK_EXIT_WHEN_READY"):
            _report_ready(app, shell)
        return int(app.exec())
    finally:
        daily.finish()
        store.close()


def _settle_gc(enable: bool) -> None:
    gc.freeze()
    if enable:
        gc.enable()


def _report_ready(app: object, shell: object) -> None:
    """For bench/bench_startup.py: print when the window is up and when its home cards are filled."""
    from PySide6.QtCore import QTimer

    def peak_rss_mb() -> str:
        try:
            import resource  # not on Windows
        except ImportError:
            return "n/a"
        return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"

    def line(label: str) -> None:
        print(f"{label} {1000 * (time.perf_counter() - _STARTED):.0f} ms_in_process "
              f"peak_rss_mb={peak_rss_mb()} cpu_s={time.process_time():.3f}", flush=True)

    def ready() -> None:
        line("READY")
        home = shell.window.home  # type: ignore[attr-defined]
        if home.loading:
            home.cards_shown.connect(cards)
        else:
            cards()

    def cards() -> None:
        line("CARDS")
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(0, ready)
