"""The schema exists only through migrations, and they match the models."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from villagedesk.db import migrate
from villagedesk.db.engine import make_engine


def test_history_has_one_head() -> None:
    # Module migrations branched off the foundation; a merge revision joins them. A new migration
    # that revises a branch instead of the head forks the history again, and this fails.
    heads = migrate.head_revisions()
    assert len(heads) == 1, f"several Alembic heads {sorted(heads)}: revise the head, or merge"


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
    (head,) = migrate.head_revisions()
    # "Down one": to the head's parent (or, for a merge revision, to one of its parents, which
    # unapplies the merge alone; Alembic calls a relative "-1" from a merge point ambiguous).
    parents = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(head).down_revision
    parent = parents if isinstance(parents, str) else sorted(parents)[0]
    migrate.downgrade(db, parent)
    engine = make_engine(db)
    below = migrate.current_revisions(engine)
    assert head not in below and parent in below
    engine.dispose()
    migrate.upgrade(db)
    engine = make_engine(db)
    try:
        assert set(inspect(engine).get_table_names()) == tables_at_head
        assert migrate.current_revisions(engine) == {head}
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
