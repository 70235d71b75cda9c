"""SQLite engine for the hall database: WAL, foreign keys, FULL sync, explicit write transactions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path | str, *, echo: bool = False) -> Engine:
    """An engine whose write transactions start with BEGIN IMMEDIATE.

    pysqlite's own transaction handling is switched off so that we emit BEGIN ourselves:
    a write takes the lock at its start instead of failing half-way when it upgrades.
    """
    url = f"sqlite:///{Path(path)}" if str(path) != ":memory:" else "sqlite://"
    engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("vd_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine, with transactions that take the write lock at once."""
    return engine.execution_options(vd_write=True)
