"""A database from every released schema opens with this build: backed up first, then upgraded.

One fixture per released schema lives in tests/fixtures/db/ (made by
installer/make_schema_fixture.py with the code of that release).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from villagedesk.bootstrap import open_store
from villagedesk.config import Paths
from villagedesk.db import backup, migrate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema-*.sqlite"))


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            "revisions": sorted(r for (r,) in con.execute("SELECT version_num FROM alembic_version")),
            "residents": sorted(con.execute("SELECT id, name, id_number, household_id, relation "
                                            "FROM resident").fetchall()),
            "households": con.execute("SELECT count(*) FROM household").fetchone()[0],
            "hall": con.execute("SELECT code, name FROM hall").fetchall(),
            "audit": con.execute("SELECT count(*) FROM audit_log").fetchone()[0],
            "outbox": con.execute("SELECT count(*) FROM outbox").fetchone()[0],
        }
    finally:
        con.close()


def test_the_first_released_schema_has_a_fixture() -> None:
    assert FIXTURES / "schema-0001_foundation.sqlite" in SCHEMA_FIXTURES


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_is_backed_up_then_upgraded_with_its_data(fixture: Path, tmp_path: Path,
                                                                    clock) -> None:
    from villagedesk.services import auth, residents

    paths = Paths.default(tmp_path / "data")
    paths.ensure()
    shutil.copyfile(fixture, paths.database)
    before = _snapshot(paths.database)
    assert before["revisions"] != sorted(migrate.head_revisions()), "fixture is already current"
    assert before["residents"], "fixture has no residents"

    store = open_store(paths, clock=clock)
    try:
        saved = backup.list_backups(paths.backups, "before-upgrade")
        assert len(saved) == 1, "no copy was made before the upgrade"
        assert _snapshot(saved[0]) == before  # the copy is the untouched old database

        after = _snapshot(paths.database)
        assert after["revisions"] == sorted(migrate.head_revisions())
        for key in ("residents", "households", "hall", "audit", "outbox"):
            assert after[key] == before[key], key
        ok, detail = migrate.integrity_ok(store.engine)
        assert ok, detail
        assert migrate.drift(store.engine) == []

        # The clerk signs in with the old password and keeps working.
        actor = auth.authenticate(store, name="王管理", password="secret123")
        added = residents.add_resident(store, actor=actor, name="赵新户", id_number="420902200001010013")
        assert residents.get_resident(store, resident_id=added.id).name == "赵新户"
    finally:
        store.close()

    # A second start finds nothing to upgrade and makes no second before-upgrade copy.
    open_store(paths, clock=clock).close()
    assert len(backup.list_backups(paths.backups, "before-upgrade")) == 1
