"""The day's backup is made after the window shows, on a background thread, and still once a day."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

from villagedesk.db import backup


def _shell(qapp, store, paths, settings):  # type: ignore[no-untyped-def]
    from villagedesk.ui.shell import Shell

    return Shell(qapp, store=store, paths=paths, settings=settings)


def test_the_window_shows_first_and_the_daily_backup_follows(qtbot, qapp, store, actor, paths,
                                                             settings, messages) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.daily_backup import DailyBackup

    shell = _shell(qapp, store, paths, settings)
    daily = DailyBackup(shell, keep=14)
    daily.start_soon()
    window = shell.open_window(actor)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_quiet", True))
    assert window.isVisible()
    assert backup.list_backups(paths.backups, "daily") == []  # nothing copied before the window
    qtbot.waitUntil(lambda: daily.thread is not None and not daily.thread.is_alive(), timeout=15000)
    assert not window.home.loading  # it waited for the home cards
    (made,) = backup.list_backups(paths.backups, "daily")
    assert made.name.startswith("villagedesk-" + store.clock.now().strftime("%Y%m%d"))
    daily.finish()
    assert backup.list_backups(paths.backups, "daily") == [made]  # once a day
    assert messages == []


def test_an_app_closed_before_the_backup_started_makes_it_as_it_closes(qapp, store, paths,
                                                                      settings) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.daily_backup import DailyBackup

    daily = DailyBackup(_shell(qapp, store, paths, settings), keep=14)
    daily.finish()
    assert len(backup.list_backups(paths.backups, "daily")) == 1
    fresh = DailyBackup(_shell(qapp, store, paths, settings), keep=14, enabled=False)
    fresh.start()
    fresh.finish()
    assert fresh.thread is None and len(backup.list_backups(paths.backups, "daily")) == 1


def test_a_failed_daily_backup_is_told_and_the_app_goes_on(qtbot, qapp, store, actor, paths,
                                                           settings, messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.daily_backup import DailyBackup

    def full(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.os, "fsync", full)
    shell = _shell(qapp, store, paths, settings)
    daily = DailyBackup(shell, keep=14)
    daily.start_soon()
    window = shell.open_window(actor)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_quiet", True))
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert "磁盘" in messages[0][1]  # "check that the disk has free space"
    assert window.isVisible() and backup.list_backups(paths.backups, "daily") == []
    daily.finish()


def test_the_app_started_on_a_hall_backs_it_up_that_day(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    seed = subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(data), "demo", "seed",
                           "--residents", "30"], capture_output=True, text=True, timeout=120)
    assert seed.returncode == 0, seed.stderr
    assert backup.list_backups(data / "backups", "daily") == []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VILLAGEDESK_EXIT_WHEN_READY": "1"}
    run = subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(data), "--demo-login"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("READY") and "CARDS" in run.stdout
    assert len(backup.list_backups(data / "backups", "daily")) == 1
