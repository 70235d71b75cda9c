"""The one place that wires configuration, the database and services together."""

from __future__ import annotations

import dataclasses
import logging

from villagedesk.clock import Clock, SystemClock
from villagedesk.config import Paths, Settings, setup_logging
from villagedesk.db import backup, migrate
from villagedesk.db.store import Store
from villagedesk.i18n import set_language

log = logging.getLogger(__name__)


@dataclasses.dataclass
class App:
    paths: Paths
    settings: Settings
    store: Store


def open_store(paths: Paths, *, clock: Clock | None = None, keep: int = 14) -> Store:
    """Open the hall database, copying it aside before any schema upgrade."""
    clock = clock or SystemClock()
    paths.ensure()
    db_path = paths.database
    if db_path.exists():
        if migrate.needs_upgrade(db_path):  # a read of alembic_version, without Alembic
            saved = backup.backup_now(db_path, paths.backups, reason="before-upgrade", now=clock.now())
            log.info("database copied to %s before upgrading", saved)
            migrate.upgrade(db_path)
        backup.daily_backup_if_due(db_path, paths.backups, now=clock.now(), keep=keep)
    else:
        migrate.upgrade(db_path)
    return Store.open(db_path, clock=clock)


def register_reference_appliers() -> None:
    """County reference data is applied by the services that own those tables; importing
    them registers their sync appliers (service catalogue, supply products)."""
    from villagedesk.services import proxy_catalogue, supply_catalogue  # noqa: F401


def bootstrap(paths: Paths, *, clock: Clock | None = None) -> App:
    setup_logging(paths)
    register_reference_appliers()
    settings = Settings.load(paths.settings_file)
    set_language(settings.language)
    store = open_store(paths, clock=clock, keep=settings.backup_keep)
    return App(paths, settings, store)
