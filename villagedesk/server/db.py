"""Engine, sessions and migrations of the county server database (PostgreSQL or SQLite)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from villagedesk.sync import signing

ENV_DB = "VILLAGEDESK_SERVER_DB"
DEFAULT_SQLITE = "villagedesk-server.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(url: str | None = None) -> str:
    """The database to use: --db, else $VILLAGEDESK_SERVER_DB, else a SQLite file here."""
    url = url or os.environ.get(ENV_DB)
    if not url:
        return f"sqlite:///{Path(DEFAULT_SQLITE).resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str | None = None, *, pool_size: int = 10) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _sqlite_pragmas(engine)
        return engine
    # Up to 30 connections per worker: the thread pool runs up to 40 requests at once.
    return sa.create_engine(url, pool_size=pool_size, max_overflow=20, pool_timeout=60, pool_pre_ping=True)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # Writers queue up front instead of failing on a lock upgrade half-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    with factory() as session, session.begin():
        yield session


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the server schema up to date and make sure epoch and signing key exist."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    ensure_meta(engine)


def ensure_meta(engine: Engine) -> None:
    """The epoch is new for every new database, so a hall can tell a different server."""
    with engine.begin() as conn:
        have = dict(conn.execute(sa.text("SELECT key, value FROM server_meta")).all())
        wanted = {
            "epoch": uuid.uuid4().hex,
            "signing_key": signing.private_to_b64(signing.new_private_key()),
        }
        for key, value in wanted.items():
            if key not in have:
                conn.execute(
                    sa.text("INSERT INTO server_meta (key, value) VALUES (:k, :v)"),
                    {"k": key, "v": value},
                )


def read_meta(session: Session) -> dict[str, str]:
    return dict(session.execute(sa.text("SELECT key, value FROM server_meta")).all())


def rotate_epoch(engine: Engine) -> str:
    """After restoring a backup: a new epoch makes every hall re-check and re-send."""
    epoch = uuid.uuid4().hex
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE server_meta SET value=:v WHERE key='epoch'"), {"v": epoch})
    return epoch
