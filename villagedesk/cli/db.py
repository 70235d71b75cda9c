"""`villagedesk db upgrade|check|backup|restore`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from villagedesk.clock import SystemClock
from villagedesk.db import backup, migrate
from villagedesk.db.engine import make_engine
from villagedesk.errors import DomainError
from villagedesk.i18n import tr


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("db", help="database maintenance")
    dsub = p.add_subparsers(dest="db_command", required=True)
    for name, fn, help_text in (
        ("upgrade", _upgrade, "back up, then upgrade the schema to the newest revision"),
        ("check", _check, "check integrity and schema revision"),
        ("backup", _backup, "write a backup copy now"),
    ):
        q = dsub.add_parser(name, help=help_text)
        common(q)
        q.set_defaults(handler=fn, needs_hall=False)
    q = dsub.add_parser("restore", help="verify a backup file, then replace the database with it")
    common(q)
    q.add_argument("file", type=Path)
    q.set_defaults(handler=_restore, needs_hall=False)


def _upgrade(ctx: Any) -> int:
    store = ctx.store  # bootstrap backs up and upgrades
    revs = sorted(migrate.current_revisions(store.engine))
    ctx.out({"revisions": revs}, tr("cli", "Database is at revision {rev}.").format(rev=", ".join(revs)))
    return 0


def _check(ctx: Any) -> int:
    db_path = ctx.paths.database
    if not db_path.exists():
        raise DomainError(tr("cli", "There is no database yet at {path}.").format(path=db_path))
    engine = make_engine(db_path)
    try:
        ok, detail = migrate.integrity_ok(engine)
        current = sorted(migrate.current_revisions(engine))
        heads = sorted(migrate.head_revisions())
    finally:
        engine.dispose()
    result = {"integrity": detail, "ok": ok and current == heads, "revisions": current, "heads": heads}
    ctx.out(result, tr("cli", "Integrity: {detail}; revision {rev}; newest {head}.").format(
        detail=detail, rev=", ".join(current), head=", ".join(heads)))
    return 0 if result["ok"] else 1


def _backup(ctx: Any) -> int:
    store = ctx.store
    dest = backup.backup_now(store.path, ctx.paths.backups, reason="manual", now=store.clock.now())
    ctx.out({"backup": str(dest)}, tr("cli", "Backup written: {path}").format(path=dest))
    return 0


def _restore(ctx: Any) -> int:
    file: Path = ctx.args.file.resolve()
    clock = ctx.clock or SystemClock()
    backup.verify_database_file(file)
    ctx.paths.ensure()
    safety = backup.restore(file, ctx.paths.database, ctx.paths.backups, now=clock.now())
    ctx.out({"restored": str(file), "previous_saved_as": str(safety)},
            tr("cli", "Restored from {file}. The previous database was saved as {saved}.").format(
                file=file, saved=safety))
    return 0
