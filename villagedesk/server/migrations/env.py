"""Alembic environment for the county server's database (run through server/db.py)."""

from __future__ import annotations

from alembic import context

from villagedesk.server.models import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through server.db.migrate
    raise RuntimeError("run server migrations through villagedesk.server.db.migrate()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    compare_type=True,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
