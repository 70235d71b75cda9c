"""All tables. Import this package before using SQLModel.metadata (Alembic does)."""

from villagedesk.db.models import core, eldercare, proxy, residents, supply, sync, usb  # noqa: F401
