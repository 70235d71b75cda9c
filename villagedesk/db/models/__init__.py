"""All tables. Import this package before using SQLModel.metadata (Alembic does)."""

# Modules add their table modules here.
from villagedesk.db.models import (  # noqa: F401
    core,
    eldercare,  # noqa: F401,E402
    proxy,  # noqa: F401,E402
    residents,
    supply,  # noqa: F401,E402
    sync,  # noqa: F401,E402
    usb,  # noqa: F401,E402
)
