"""The one place that wires configuration, the database and services together."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

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


def open_store(paths: Paths, *, clock: Clock | None = None, keep: int = 14,
               daily_backup: bool = True) -> Store:
    """Open the hall database, copying it aside before any schema upgrade.

    The copy before an upgrade is always made here, before anything changes. The day's backup
    is made here too unless `daily_backup` is False: the desktop app makes it on a background
    thread once its window is up (`make_daily_backup`), so that copying a large database does
    not hold up the start.
    """
    clock = clock or SystemClock()
    paths.ensure()
    db_path = paths.database
    if db_path.exists():
        if migrate.needs_upgrade(db_path):
            saved = backup.backup_now(db_path, paths.backups, reason="before-upgrade", now=clock.now())
            log.info("database copied to %s before upgrading", saved)
            migrate.upgrade(db_path)
        if daily_backup:
            make_daily_backup(paths, clock=clock, keep=keep)
    else:
        migrate.upgrade(db_path)
    return Store.open(db_path, clock=clock)


def make_daily_backup(paths: Paths, *, clock: Clock, keep: int = 14) -> Path | None:
    """Today's backup of the hall database unless there is one already; the path, or None."""
    saved = backup.daily_backup_if_due(paths.database, paths.backups, now=clock.now(), keep=keep)
    if saved is not None:
        log.info("daily backup written to %s", saved)
    return saved


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
