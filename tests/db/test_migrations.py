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


def test_packaged_heads_read_from_the_scripts_match_alembic() -> None:
    # The start-up check reads revision / down_revision without Alembic; it must agree with it.
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revisions() == set(scripts.get_heads())
    graph = migrate.script_revisions()
    for script in scripts.walk_revisions():
        down = script.down_revision
        assert graph[script.revision] == (() if down is None else (down,) if isinstance(down, str)
                                          else tuple(down))


def test_revision_lines_are_read_in_every_form_alembic_accepts(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('"""Base."""\nrevision = "a"\ndown_revision = None\n\n'
                                   'def upgrade() -> None:\n    pass\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('revision: str = "b"  # annotated, with a comment\n'
                                   "down_revision: str | None = 'a'\n", encoding="utf-8")
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n', encoding="utf-8")
    (tmp_path / "d.py").write_text('"""Merge.\n\ndef looks like code but is prose\n"""\n'
                                   'revision = "d"\ndown_revision = (\n    "b",\n    "c",\n)\n',
                                   encoding="utf-8")
    (tmp_path / "helpers.py").write_text("X = 1\n", encoding="utf-8")
    assert migrate.script_revisions(tmp_path) == {"a": (), "b": ("a",), "c": ("a",), "d": ("b", "c")}
    assert migrate.head_revisions(tmp_path) == {"d"}


def test_an_old_database_is_seen_as_needing_an_upgrade_without_importing_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "h.sqlite"
    migrate.upgrade(db, "0001_foundation")
    current = tmp_path / "current.sqlite"
    migrate.upgrade(current)
    code = ("import sys; from pathlib import Path; from villagedesk.db import migrate; "
            f"print(migrate.needs_upgrade(Path({str(db)!r})), migrate.needs_upgrade(Path({str(current)!r})), "
            "migrate.file_revisions(Path(sys.argv[1])), 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True,
                         timeout=60, check=True).stdout.split(maxsplit=2)
    assert out[:2] == ["True", "False"]
    assert out[2].rsplit(maxsplit=1) == ["{'0001_foundation'}", "False"]
    engine = make_engine(db)
    try:
        assert migrate.needs_upgrade(engine) and migrate.current_revisions(engine) == {"0001_foundation"}
    finally:
        engine.dispose()
    assert migrate.file_revisions(tmp_path / "empty.sqlite") == set()
