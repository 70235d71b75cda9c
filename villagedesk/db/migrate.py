"""Schema upgrades through Alembic, and the drift check between models and migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

import villagedesk.db.models  # noqa: F401
from villagedesk.db.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def needs_upgrade(engine: Engine) -> bool:
    return current_revisions(engine) != head_revisions()


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
    _run(db_path, lambda cfg: command.upgrade(cfg, target))


def downgrade(db_path: Path, target: str) -> None:
    _run(db_path, lambda cfg: command.downgrade(cfg, target))


def drift(engine: Engine) -> list[Any]:
    """Differences between the models and the migrated schema; empty means no drift."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(ctx, SQLModel.metadata))


def integrity_ok(engine: Engine) -> tuple[bool, str]:
    with engine.connect() as conn:
        result = conn.execute(text("PRAGMA integrity_check")).scalar_one()
    return result == "ok", str(result)
