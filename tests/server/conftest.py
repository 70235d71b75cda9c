"""Server tests share the sync test helpers (databases, in-process server)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from synchelp import ServerDb, ServerThread, make_hall, server_database  # noqa: E402,F401 (make_hall: for `from conftest import make_hall`)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sdb(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDb]:
    with server_database(request.param, tmp_path) as database:
        yield database


@pytest.fixture
def server(sdb: ServerDb) -> Iterator[ServerThread]:
    with ServerThread(sdb) as srv:
        yield srv


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerThread]:
    with server_database("sqlite", tmp_path) as database, ServerThread(database) as srv:
        yield srv
