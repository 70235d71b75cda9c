"""The schema exists only through migrations, and they match the models."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from villagedesk.db import migrate
from villagedesk.db.engine import make_engine


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    migrate.upgrade(db)
    engine = make_engine(db)
    try:
        assert migrate.drift(engine) == []
        assert migrate.current_revisions(engine) == migrate.head_revisions()
    finally:
        engine.dispose()


def test_empty_to_head_down_one_and_back(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    migrate.upgrade(db)
    engine = make_engine(db)
    tables_at_head = set(inspect(engine).get_table_names())
    engine.dispose()
    heads = migrate.head_revisions()
    migrate.downgrade(db, "-1" if len(heads) == 1 else f"{sorted(heads)[0]}@-1")
    engine = make_engine(db)
    assert migrate.current_revisions(engine) != heads
    engine.dispose()
    migrate.upgrade(db)
    engine = make_engine(db)
    try:
        assert set(inspect(engine).get_table_names()) == tables_at_head
        assert migrate.current_revisions(engine) == heads
        assert migrate.drift(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    finally:
        engine.dispose()


def test_upgrade_from_empty_to_base_then_head_keeps_pragmas(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    migrate.upgrade(db)
    engine = make_engine(db)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    engine.dispose()
