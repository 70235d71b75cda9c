"""What the About dialog and `villagedesk about` show: version, folders, database schema.

Qt-free: the PySide6 version is read from the installed package metadata, not by importing it.
"""

from __future__ import annotations

import dataclasses
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from villagedesk import __version__
from villagedesk.config import Paths
from villagedesk.db import migrate
from villagedesk.db.store import Store, _schema_rev


@dataclasses.dataclass(frozen=True)
class AboutInfo:
    version: str
    data_dir: str
    database: str
    database_exists: bool
    config_dir: str
    log_file: str
    backups_dir: str
    schema_revisions: list[str]  # what the database is at
    schema_heads: list[str]  # what this build upgrades it to
    schema_current: bool
    sync_schema_rev: int  # the sync format this build speaks
    hall: str  # "name (code)", "" before setup
    python: str
    qt: str  # PySide6 version, "" where it is not installed (county server)
    frozen: bool  # running from the installed bundle (PyInstaller), not from Python
    install_dir: str
    system: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def qt_version() -> str:
    return _package_version("PySide6-Essentials") or _package_version("PySide6")


def install_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def about(paths: Paths, store: Store | None = None) -> AboutInfo:
    """Gather the facts; with no store, reads the schema revision from the file if there is one."""
    exists = paths.database.exists()
    own = store is None and exists  # never create the file just to look at it
    if own:
        store = Store.open(paths.database)
    try:
        current: list[str] = []
        hall = ""
        if store is not None:
            current = sorted(migrate.current_revisions(store.engine))
            try:
                identity = store.load_identity()
            except Exception:  # a database from an older schema: no hall shown
                identity = None
            if identity is not None:
                hall = f"{identity.name} ({identity.code})"
    finally:
        if own and store is not None:
            store.close()
    heads = sorted(migrate.head_revisions())
    return AboutInfo(
        version=__version__,
        data_dir=str(paths.data_dir),
        database=str(paths.database),
        database_exists=exists,
        config_dir=str(paths.config_dir),
        log_file=str(paths.log_file),
        backups_dir=str(paths.backups),
        schema_revisions=current,
        schema_heads=heads,
        schema_current=current == heads,
        sync_schema_rev=_schema_rev(),
        hall=hall,
        python=platform.python_version(),
        qt=qt_version(),
        frozen=bool(getattr(sys, "frozen", False)),
        install_dir=str(install_dir()),
        system=f"{platform.system()} {platform.release()} {platform.machine()}",
    )
