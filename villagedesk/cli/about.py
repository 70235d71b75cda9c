"""`villagedesk about`: version, folders and database schema (what the About dialog shows)."""

from __future__ import annotations

from typing import Any

from villagedesk.i18n import tr
from villagedesk.services.about import about


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("about", help="version, data folder and database schema revision")
    common(p)
    p.set_defaults(handler=_about, needs_hall=False)


def _about(ctx: Any) -> int:
    info = about(ctx.paths)  # reads the database as it is: no upgrade, no backup

    def text() -> str:
        if not info.database_exists:
            schema = tr("about_cli", "no database yet")
        elif info.schema_current:
            schema = tr("about_cli", "{revisions} (up to date)").format(
                revisions=", ".join(info.schema_revisions))
        else:
            schema = tr("about_cli", "{revisions}; this version upgrades it to {heads} at the next "
                                 "start, after a backup").format(
                revisions=", ".join(info.schema_revisions) or "-", heads=", ".join(info.schema_heads))
        lines = [
            tr("about_cli", "VillageDesk {version}").format(version=info.version),
            tr("about_cli", "Hall: {hall}").format(hall=info.hall or "-"),
            tr("about_cli", "Data folder: {path}").format(path=info.data_dir),
            tr("about_cli", "Database: {path}").format(path=info.database),
            tr("about_cli", "Schema revision: {schema}").format(schema=schema),
            tr("about_cli", "Backups: {path}").format(path=info.backups_dir),
            tr("about_cli", "Log file: {path}").format(path=info.log_file),
            tr("about_cli", "Installed in: {path}").format(path=info.install_dir),
            f"Python {info.python}, Qt for Python {info.qt or '-'}, {info.system}",
        ]
        return "\n".join(lines)

    ctx.out(info.as_dict(), text)
    return 0
