"""Backups of the hall database: before upgrades, once a day (keeping 14), and a verified restore."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from villagedesk.errors import DomainError
from villagedesk.i18n import tr

BACKUP_PREFIX = "villagedesk-"


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, dest: Path) -> Path:
    """A consistent copy through SQLite's backup API, written to a temp name then renamed."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(
            tr("backup", "The backup could not be written ({error}). Check that the disk has "
               "free space, then try again.").format(error=exc.strerror or exc)
        ) from exc
    return dest


def backup_now(db_path: Path, folder: Path, *, reason: str, now: dt.datetime, keep: int = 14) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{BACKUP_PREFIX}{stamp}-{reason}.sqlite"
    copy_database(db_path, dest)
    if reason == "daily":
        rotate(folder, keep=keep)
    return dest


def list_backups(folder: Path, reason: str | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    pattern = f"{BACKUP_PREFIX}*-{reason}.sqlite" if reason else f"{BACKUP_PREFIX}*.sqlite"
    return sorted(folder.glob(pattern))


def rotate(folder: Path, *, keep: int) -> None:
    daily = list_backups(folder, "daily")
    for old in daily[: max(0, len(daily) - keep)]:
        old.unlink(missing_ok=True)


def daily_backup_if_due(db_path: Path, folder: Path, *, now: dt.datetime, keep: int = 14) -> Path | None:
    """Make today's backup unless one exists already."""
    if not db_path.exists():
        return None
    today = now.strftime("%Y%m%d")
    if any(p.name.startswith(f"{BACKUP_PREFIX}{today}") and p.name.endswith("-daily.sqlite")
           for p in list_backups(folder, "daily")):
        return None
    return backup_now(db_path, folder, reason="daily", now=now, keep=keep)


def verify_database_file(path: Path) -> str:
    """Check that `path` is an intact VillageDesk database; return its schema revision(s)."""
    if not path.is_file():
        raise DomainError(tr("backup", "The file {path} does not exist.").format(path=path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise DomainError(tr("backup", "The file is damaged and cannot be restored."))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "hall", "resident", "outbox"} <= tables:
                raise DomainError(tr("backup", "The file is not a VillageDesk database."))
            revs = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            if conn.execute("SELECT count(*) FROM hall").fetchone()[0] != 1:
                raise DomainError(tr("backup", "The file holds no hall; it cannot be restored."))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DomainError(tr("backup", "The file is not a VillageDesk database.")) from exc
    return ",".join(sorted(revs))


def restore(backup_file: Path, db_path: Path, folder: Path, *, now: dt.datetime) -> Path:
    """Verify `backup_file`, keep a copy of the current database, then replace it atomically.

    The caller must have closed every connection to `db_path`.
    """
    verify_database_file(backup_file)
    safety = None
    if db_path.exists():
        safety = backup_now(db_path, folder, reason="before-restore", now=now)
    tmp = db_path.with_name(db_path.name + ".restore")
    shutil.copyfile(backup_file, tmp)
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    verify_database_file(tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_path)
    _fsync_dir(db_path.parent)
    return safety or db_path
