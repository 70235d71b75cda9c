"""All tables. Import this package before using SQLModel.metadata (Alembic does)."""

from villagedesk.db.models import core, residents  # noqa: F401

# Modules add their table modules here.
