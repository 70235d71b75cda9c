"""`villagedesk sync enroll|push|pull|run|status|problems|resolve|prune`."""

from __future__ import annotations

from typing import Any

from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.sync import service
from villagedesk.sync.client import SyncRefused, SyncUnavailable
from villagedesk.sync.enroll import enroll
from villagedesk.sync.pull import pull
from villagedesk.sync.push import push
from villagedesk.sync.state import client_for


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("sync", help="county server: enroll, push, pull, status")
    ssub = p.add_subparsers(dest="sync_command", required=True)
    q = ssub.add_parser("enroll", help="enroll this PC with the county server (one-time code)")
    common(q)
    q.add_argument("--server", help="county server URL, e.g. https://county.example/")
    q.add_argument("--code", help="one-time enrollment code")
    q.add_argument("--file", help="enrollment file from the county (for a hall without a network)")
    q.add_argument("--device-name", default="")
    q.add_argument("--device-code", default="", help="this PC's number in receipt numbers (01-99), if the one from setup is taken")
    q.add_argument("--force", action="store_true", help="enroll again (only before anything was sent)")
    q.set_defaults(handler=_enroll)
    for name, fn, help_text in (
        ("push", _push, "send pending operations"),
        ("pull", _pull, "receive catalogue, prices, notices, staff and corrections"),
        ("run", _run, "push, then pull"),
        ("status", _status, "pending, rejected and conflicts; checks the server"),
        ("problems", _problems, "rejected operations and conflicts"),
    ):
        q = ssub.add_parser(name, help=help_text)
        common(q)
        q.set_defaults(handler=fn)
    q = ssub.add_parser("resolve", help="resolve a conflict: keep hall, take county, or edit")
    common(q)
    q.add_argument("conflict_id", type=int)
    q.add_argument("choice", choices=("hall", "county", "edit"))
    q.add_argument("--value", default=None)
    q.set_defaults(handler=_resolve)
    q = ssub.add_parser("prune", help="remove acknowledged operations older than the retention period")
    common(q)
    q.add_argument("--days", type=int, default=service.RETENTION_DAYS)
    q.set_defaults(handler=_prune)
    from villagedesk.cli.sync_usb import register_usb

    register_usb(ssub, common)


def _unreachable(exc: Exception) -> DomainError:
    if isinstance(exc, SyncRefused):
        return DomainError(tr("sync", "The county server refused the request: {detail}").format(detail=exc.detail))
    return DomainError(
        tr("sync", "Cannot reach the county server ({detail}). Nothing was lost: the records wait on this PC and are sent next time.").format(detail=exc)
    )


def _enroll(ctx: Any) -> int:
    a = ctx.args
    if a.file:  # without a network (issue 8)
        from villagedesk.cli.sync_usb import enroll_file

        return enroll_file(ctx)
    if not a.server or not a.code:
        raise DomainError(tr("usb", "Give --server and --code (or --file with an enrollment file)."))
    res = enroll(ctx.store, server_url=a.server, code=a.code, device_name=a.device_name, force=a.force,
                 device_code=a.device_code or "")
    ctx.out(res, tr("sync", "Enrolled as hall {code} ({name}).").format(code=res["hall_code"], name=res["hall_name"]))
    return 0


def _push(ctx: Any) -> int:
    client = client_for(ctx.store)
    try:
        summary = push(ctx.store, client)
    except (SyncUnavailable, SyncRefused) as exc:
        raise _unreachable(exc) from exc
    finally:
        client.close()
    ctx.out(summary.as_json(), tr("sync", "Sent {sent}, acknowledged {acknowledged}, rejected {rejected}.").format(**summary.as_json()))
    return 0


def _pull(ctx: Any) -> int:
    client = client_for(ctx.store)
    try:
        summary = pull(ctx.store, client)
    except (SyncUnavailable, SyncRefused) as exc:
        raise _unreachable(exc) from exc
    finally:
        client.close()
    ctx.out(summary.as_json(), tr("sync", "Received {received} changes, applied {applied}, waiting {parked}, new conflicts {conflicts}.").format(**summary.as_json()))
    return 0


def _run(ctx: Any) -> int:
    client = client_for(ctx.store)
    try:
        pushed = push(ctx.store, client)
        pulled = pull(ctx.store, client)
    except (SyncUnavailable, SyncRefused) as exc:
        raise _unreachable(exc) from exc
    finally:
        client.close()
    ctx.out({"push": pushed.as_json(), "pull": pulled.as_json()}, tr("sync", "Sync finished."))
    return 0


def _status(ctx: Any) -> int:
    status = service.sync_status(ctx.store)
    data = {k: status[k] for k in ("pending", "rejected", "conflicts", "last_seq", "last_success", "server")}
    client = client_for(ctx.store)
    try:
        client.health()
    except SyncUnavailable as exc:
        ctx.out(data, tr("sync", "Pending {pending}, rejected {rejected}, conflicts {conflicts}.").format(**data))
        raise _unreachable(exc) from exc
    finally:
        client.close()
    ctx.out(data, tr("sync", "Pending {pending}, rejected {rejected}, conflicts {conflicts}.").format(**data))
    return 0


def _problems(ctx: Any) -> int:
    items = service.list_problems(ctx.store)
    ctx.out([p.__dict__ for p in items], lambda: "\n".join(f"{p.kind} #{p.id} {p.entity} {p.entity_id}: {p.detail}" for p in items))
    return 0


def _resolve(ctx: Any) -> int:
    a = ctx.args
    res = service.resolve_conflict(ctx.store, actor=ctx.actor, conflict_id=a.conflict_id, choice=a.choice, value=a.value)
    ctx.out(res, tr("sync", "Conflict resolved."))
    return 0


def _prune(ctx: Any) -> int:
    n = service.prune_sent(ctx.store, older_than_days=ctx.args.days)
    ctx.out({"removed": n}, tr("sync", "Removed {n} acknowledged operations.").format(n=n))
    return 0
