"""Schema upgrades through Alembic, and the drift check between models and migrations.

Whether a database needs an upgrade is checked without Alembic (importing it costs a few
hundred milliseconds at every start): the applied revisions come from `alembic_version`, the
packaged heads from the `revision` / `down_revision` lines of the scripts in
migrations/versions. Alembic itself is imported only to run an upgrade, a downgrade or the
drift check.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text

from villagedesk.db.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"

# The identifiers stand before the first function of a script; parsing only that part is quick.
_BODY = re.compile(r"^(?:def|async def|class|@)\b", re.M)


def alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _script_ids(source: str) -> dict[str, Any]:
    """`revision` and `down_revision` as a migration script assigns them at module level."""
    found: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = ast.literal_eval(value)
    return found


def script_revisions(versions: Path = VERSIONS_DIR) -> dict[str, tuple[str, ...]]:
    """Each packaged revision with its parent revisions, read from the scripts without running them."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(versions.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        try:
            ids = _script_ids(_BODY.split(source, maxsplit=1)[0])
        except SyntaxError:  # the quick cut fell inside a string: read the whole script
            ids = {}
        if "revision" not in ids or "down_revision" not in ids:
            ids = _script_ids(source)
        if "revision" not in ids:
            continue  # not a migration script (Alembic skips it too)
        down = ids.get("down_revision")
        parents = () if down is None else (down,) if isinstance(down, str) else tuple(down)
        graph[str(ids["revision"])] = parents
    return graph


def head_revisions(versions: Path = VERSIONS_DIR) -> set[str]:
    """The revisions no other packaged revision builds on: what a current database is at."""
    graph = script_revisions(versions)
    below = {parent for parents in graph.values() for parent in parents}
    return set(graph) - below


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return set()
        return {row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))}


def file_revisions(db_path: Path) -> set[str]:
    """The revisions applied to the database file, read with plain sqlite3 (no engine needed)."""
    conn = sqlite3.connect(db_path)
    try:
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (VERSION_TABLE,)).fetchone()
        if not has_table:
            return set()
        return {row[0] for row in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")}
    finally:
        conn.close()


def needs_upgrade(target: Engine | Path) -> bool:
    """True when the database (an engine, or the path of a SQLite file) is not at the packaged heads."""
    current = file_revisions(target) if isinstance(target, Path) else current_revisions(target)
    return current != head_revisions()


def _run(db_path: Path, fn: Any) -> None:
    """Run an Alembic command in one transaction, with foreign keys off for batch table copies."""
    engine = make_engine(db_path)
    try:
        with engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn.begin():
                fn(alembic_config(conn))
                bad = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if bad:
                    raise RuntimeError(f"migration left broken foreign keys: {bad[:5]}")
    finally:
        engine.dispose()


def upgrade(db_path: Path, target: str = "heads") -> None:
    from alembic import command

    _run(db_path, lambda cfg: command.upgrade(cfg, target))


def downgrade(db_path: Path, target: str) -> None:
    from alembic import command

    _run(db_path, lambda cfg: command.downgrade(cfg, target))


def drift(engine: Engine) -> list[Any]:
    """Differences between the models and the migrated schema; empty means no drift."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import villagedesk.db.models  # noqa: F401  (registers every table)

    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(ctx, SQLModel.metadata))


def integrity_ok(engine: Engine) -> tuple[bool, str]:
    with engine.connect() as conn:
        result = conn.execute(text("PRAGMA integrity_check")).scalar_one()
    return result == "ok", str(result)
