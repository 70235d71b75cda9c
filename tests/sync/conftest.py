"""Fixtures: a server database per test (SQLite, and PostgreSQL where parametrized), a
running in-process server, and a hall PC enrolled with it."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synchelp import HallPC, ServerDb, ServerThread, make_hall, server_database  # noqa: E402,F401


@pytest.fixture(scope="session")
def _hall_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated hall database with the hall set up, made once (argon2 and migrations are slow)."""
    import datetime as dt

    from villagedesk.bootstrap import open_store
    from villagedesk.clock import CST, FixedClock
    from villagedesk.config import Paths
    from villagedesk.services.auth import setup_hall

    paths = Paths.default(tmp_path_factory.mktemp("hall-template"))
    st = open_store(paths, clock=FixedClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST)))
    setup_hall(st, hall_name="孝南区新铺镇示范村党群服务中心", hall_code="XG0203", admin_name="王管理",
               admin_password="secret123", township="新铺镇", county="孝南区", phone="0712-2345678")
    st.close()
    raw = sqlite3.connect(paths.database)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    return paths.database


@pytest.fixture
def actor_for_template(_hall_template: Path, tmp_path: Path, clock: Any) -> Any:
    """The administrator of the template hall (the same in every copy)."""
    from villagedesk.db.store import Store
    from villagedesk.services.auth import actor_for

    path = tmp_path / "probe.sqlite3"
    shutil.copyfile(_hall_template, path)
    st = Store.open(path, clock=clock)
    try:
        return actor_for(st)
    finally:
        st.close()


@pytest.fixture
def store(_hall_template: Path, tmp_path: Path, clock: Any) -> Iterator[Any]:
    """Same as the suite-wide ``store`` (a set-up hall), copied from a template for speed."""
    from villagedesk.db.store import Store

    path = tmp_path / "hall.sqlite3"
    shutil.copyfile(_hall_template, path)
    st = Store.open(path, clock=clock)
    yield st
    st.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sdb(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDb]:
    with server_database(request.param, tmp_path) as database:
        yield database


@pytest.fixture
def sqlite_sdb(tmp_path: Path) -> Iterator[ServerDb]:
    with server_database("sqlite", tmp_path) as database:
        yield database


@pytest.fixture
def server(sdb: ServerDb) -> Iterator[ServerThread]:
    with ServerThread(sdb) as srv:
        yield srv


@pytest.fixture
def sqlite_server(sqlite_sdb: ServerDb) -> Iterator[ServerThread]:
    with ServerThread(sqlite_sdb) as srv:
        yield srv


@pytest.fixture
def hall(store: Any, actor: Any, server: ServerThread) -> Iterator[HallPC]:
    pc = make_hall(store, actor, server)
    yield pc
    pc.transport.shutdown()


@pytest.fixture
def sqlite_hall(store: Any, actor: Any, sqlite_server: ServerThread) -> Iterator[HallPC]:
    pc = make_hall(store, actor, sqlite_server)
    yield pc
    pc.transport.shutdown()
