"""Backups: before an upgrade, once a day with rotation, and a restore that checks the file first."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from villagedesk.bootstrap import open_store
from villagedesk.clock import FixedClock
from villagedesk.db import backup, migrate
from villagedesk.errors import DomainError
from villagedesk.services import residents
from villagedesk.services.idcard import build_id


def test_start_copies_the_database_aside_before_upgrading(paths, clock) -> None:
    store = open_store(paths, clock=clock)
    store.close()
    heads = migrate.head_revisions()
    if heads == {"0001_foundation"}:
        pytest.skip("only one revision exists")
    migrate.downgrade(paths.database, "0001_foundation")
    store = open_store(paths, clock=clock)
    try:
        saved = backup.list_backups(paths.backups, "before-upgrade")
        assert len(saved) == 1
        conn = sqlite3.connect(saved[0])
        assert [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")] == ["0001_foundation"]
        conn.close()
        assert migrate.current_revisions(store.engine) == heads
    finally:
        store.close()


def test_daily_backup_once_a_day_keeping_fourteen(store, actor, paths, clock) -> None:
    residents.add_resident(store, actor=actor, name="备份人", id_number=build_id("420902", dt.date(1970, 1, 1), 11))
    day = clock.now()
    for n in range(20):
        when = day + dt.timedelta(days=n)
        assert backup.daily_backup_if_due(paths.database, paths.backups, now=when, keep=14) is not None
        assert backup.daily_backup_if_due(paths.database, paths.backups, now=when, keep=14) is None
    daily = backup.list_backups(paths.backups, "daily")
    assert len(daily) == 14
    assert daily[-1].name.startswith("villagedesk-" + (day + dt.timedelta(days=19)).strftime("%Y%m%d"))
    conn = sqlite3.connect(daily[-1])
    assert conn.execute("SELECT name FROM resident").fetchall() == [("备份人",)]
    conn.close()


def test_restore_refuses_a_foreign_file_and_keeps_the_current_database(store, actor, paths, tmp_path) -> None:
    residents.add_resident(store, actor=actor, name="在库人", id_number=build_id("420902", dt.date(1971, 1, 1), 11))
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    store.close()
    with pytest.raises(DomainError, match="不是"):
        backup.restore(foreign, paths.database, paths.backups, now=FixedClock(dt.date(2026, 3, 3)).now())
    reopened = open_store(paths)
    try:
        assert residents.count_residents(reopened) == 1
    finally:
        reopened.close()


def test_backup_to_a_full_disk_says_so(store, paths, monkeypatch) -> None:
    import errno
    import os

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.os, "fsync", full)
    with pytest.raises(DomainError, match="磁盘"):
        backup.backup_now(paths.database, paths.backups, reason="manual", now=store.clock.now())
    assert not list(paths.backups.glob("*.part"))
    assert backup.list_backups(paths.backups, "manual") == []
