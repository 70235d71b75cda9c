"""All tables. Import this package before using SQLModel.metadata (Alembic does)."""

from villagedesk.db.models import core, residents  # noqa: F401

# Modules add their table modules here.
from villagedesk.db.models import sync  # noqa: F401,E402
from villagedesk.db.models import eldercare  # noqa: F401,E402
from villagedesk.db.models import proxy  # noqa: F401,E402
from villagedesk.db.models import supply  # noqa: F401,E402
from villagedesk.db.models import usb  # noqa: F401,E402
