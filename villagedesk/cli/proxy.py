"""`villagedesk proxy catalogue|accept|forward|return|complete|collect|show|list|receipt|notice`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from villagedesk.errors import DomainError, NotFoundError
from villagedesk.i18n import tr
from villagedesk.receipts.pages import write_atomic
from villagedesk.services import proxy, proxy_catalogue, proxy_documents, proxy_lists


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("proxy", help="proxy services (代办): catalogue, applications, receipts")
    psub = p.add_subparsers(dest="proxy_command", required=True)

    q = psub.add_parser("catalogue", help="list the service catalogue (name, code or pinyin search)")
    common(q)
    q.add_argument("--search", default=None)
    q.add_argument("--category", default=None)
    q.add_argument("--all", action="store_true", help="include items no longer offered")
    q.set_defaults(handler=_catalogue)

    q = psub.add_parser("accept", help="accept an application and print its receipt number")
    common(q)
    q.add_argument("--resident", required=True, help="the applicant's ID number (or resident id)")
    q.add_argument("--service", required=True, help="catalogue code, e.g. RS001")
    q.add_argument("--missing", action="append", default=[],
                   help="a required material not brought (name, part of it, or its number); repeatable")
    q.add_argument("--agent-name", default="")
    q.add_argument("--agent-id", default="")
    q.add_argument("--agent-relation", default="")
    q.add_argument("--notes", default="")
    q.add_argument("--name", default="", help="register the applicant with this name if not yet registered")
    q.add_argument("--phone", default="", help="phone for a newly registered applicant")
    q.set_defaults(handler=_accept)

    q = psub.add_parser("forward", help="record that the application went to the office (已报送)")
    common(q)
    q.add_argument("number")
    q.add_argument("--office", default="", help="default: the township convenience service centre")
    q.add_argument("--arrived", action="append", default=[],
                   help="after a return: material that arrived (default: all of it)")
    q.set_defaults(handler=_forward)

    q = psub.add_parser("return", help="record that the office returned it for correction (退回补正)")
    common(q)
    q.add_argument("number")
    q.add_argument("--reason", default="")
    q.add_argument("--missing", action="append", default=[])
    q.set_defaults(handler=_return)

    q = psub.add_parser("complete", help="record that the office completed it (已办结)")
    common(q)
    q.add_argument("number")
    q.add_argument("--result", default="")
    q.set_defaults(handler=_complete)

    q = psub.add_parser("collect", help="record that the result was collected (已领取)")
    common(q)
    q.add_argument("number")
    q.add_argument("--collector", default="", help="who collected it (default: the applicant)")
    q.add_argument("--rating", default="", help="满意 | 基本满意 | 不满意")
    q.set_defaults(handler=_collect)

    q = psub.add_parser("show", help="one application with its history")
    common(q)
    q.add_argument("number")
    q.set_defaults(handler=_show)

    q = psub.add_parser("list", help="list applications")
    common(q)
    q.add_argument("--status", default=None,
                   help="accepted | forwarded | returned | completed | collected")
    q.add_argument("--overdue", action="store_true")
    q.add_argument("--due-soon", action="store_true")
    q.add_argument("--service", default=None)
    q.add_argument("--from", dest="date_from", default=None, help="accepted on or after YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", default=None, help="accepted on or before YYYY-MM-DD")
    q.add_argument("--limit", type=int, default=200)
    q.set_defaults(handler=_list)

    q = psub.add_parser("receipt", help="write the acceptance receipt as PDF (archived; a reprint says 补打)")
    common(q)
    q.add_argument("number")
    q.add_argument("--pdf", required=True, type=Path)
    q.add_argument("--paper", choices=["a5", "roll80"], default="a5")
    q.set_defaults(handler=_receipt)

    q = psub.add_parser("completion-notice", help="write the completion notice (办结通知) as PDF")
    common(q)
    q.add_argument("number")
    q.add_argument("--pdf", required=True, type=Path)
    q.set_defaults(handler=_completion)

    q = psub.add_parser("verify", help="check a receipt's QR code text (VD1:NUMBER:SIGNATURE)")
    common(q)
    q.add_argument("code", help="the scanned text, or NUMBER:SIGNATURE")
    q.set_defaults(handler=_verify)

    q = psub.add_parser("notice", help="write the monthly public notice (公示) as PDF")
    common(q)
    q.add_argument("--month", required=True, help="YYYY-MM")
    q.add_argument("--pdf", required=True, type=Path)
    q.set_defaults(handler=_notice)


def _jsonable(data: Any) -> Any:
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        data = data.as_json() if hasattr(data, "as_json") else dataclasses.asdict(data)
    if isinstance(data, dict):
        return {k: _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


def _date_arg(text: str | None, field: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(tr("ProxyCli", "Write dates as YYYY-MM-DD, for example 2026-03-02."),
                          field=field) from None


def _catalogue(ctx: Any) -> int:
    items = proxy_catalogue.list_catalogue(ctx.store, search=ctx.args.search,
                                           category=ctx.args.category, include_inactive=ctx.args.all)
    ctx.out([_jsonable(i) for i in items], lambda: "\n".join(
        f"{i.code:<6} {i.name}  [{i.category}·{i.department}] "
        + tr("ProxyCli", "{days} working days").format(days=i.promised_days)
        + ("" if i.active else " " + tr("ProxyCli", "(no longer offered)"))
        for i in items) or tr("ProxyCli", "No service item matches."))
    return 0


def _resident_id(ctx: Any) -> str:
    from villagedesk.services.residents import add_resident, get_resident

    key = ctx.args.resident.strip()
    try:
        if len(key) == 36 and key.count("-") == 4:
            return str(get_resident(ctx.store, resident_id=key).id)
        return str(get_resident(ctx.store, id_number=key).id)
    except NotFoundError:
        if not ctx.args.name:
            raise DomainError(tr("ProxyCli", "No resident with this ID number is registered. Add "
                                 "--name NAME (and --phone) to register them now.")) from None
    return str(add_resident(ctx.store, actor=ctx.actor, name=ctx.args.name, id_number=key,
                            phone=ctx.args.phone).id)


def _accept(ctx: Any) -> int:
    a = ctx.args
    result = proxy.accept_application(
        ctx.store, actor=ctx.actor, resident_id=_resident_id(ctx), service_code=a.service,
        missing=a.missing, agent_name=a.agent_name, agent_id_number=a.agent_id,
        agent_relation=a.agent_relation, notes=a.notes)
    ctx.out({"receipt_number": result.receipt_number, "due_date": result.due_date.isoformat()},
            lambda: result.receipt_number)
    return 0


def _step_out(ctx: Any, result: proxy.TransitionResult) -> int:
    ctx.out({"receipt_number": result.receipt_number, "status": result.status,
             "at": result.at.isoformat()},
            lambda: f"{result.receipt_number} {result.status_label}")
    return 0


def _forward(ctx: Any) -> int:
    return _step_out(ctx, proxy.forward_application(
        ctx.store, actor=ctx.actor, number=ctx.args.number, office=ctx.args.office,
        arrived=ctx.args.arrived))


def _return(ctx: Any) -> int:
    return _step_out(ctx, proxy.return_application(
        ctx.store, actor=ctx.actor, number=ctx.args.number, reason=ctx.args.reason,
        missing=ctx.args.missing))


def _complete(ctx: Any) -> int:
    return _step_out(ctx, proxy.complete_application(
        ctx.store, actor=ctx.actor, number=ctx.args.number, result=ctx.args.result))


def _collect(ctx: Any) -> int:
    return _step_out(ctx, proxy.collect_application(
        ctx.store, actor=ctx.actor, number=ctx.args.number, collector_name=ctx.args.collector,
        satisfaction=ctx.args.rating))


def _show_text(d: proxy.ApplicationDetail) -> str:
    lines = [
        f"{d.receipt_number}  [{d.status_label}]" + ("  " + tr("ProxyCli", "OVERDUE") if d.overdue else ""),
        f"{tr('ProxyCli', 'Applicant')}: {d.applicant_name}  {d.applicant_id_masked}",
        f"{tr('ProxyCli', 'Service')}: {d.service_code} {d.service_name} ({d.department})",
        f"{tr('ProxyCli', 'Accepted')}: {d.accepted_on}  {tr('ProxyCli', 'Due')}: {d.due_date}",
    ]
    if d.agent_name:
        lines.append(f"{tr('ProxyCli', 'Agent')}: {d.agent_name} {d.agent_relation}")
    if d.missing_materials:
        lines.append(f"{tr('ProxyCli', 'Missing')}: {'、'.join(d.missing_materials)}")
    for t in d.timeline:
        when = t.at.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
        extra = " ".join(str(v) for k, v in t.detail.items() if v and k in ("office", "reason", "result",
                                                                              "collector", "document"))
        lines.append(f"  {when}  {t.label}  {t.staff_name}  {extra}".rstrip())
    return "\n".join(lines)


def _show(ctx: Any) -> int:
    d = proxy.get_application(ctx.store, number=ctx.args.number)
    ctx.out(_jsonable(d), lambda: _show_text(d))
    return 0


def _list(ctx: Any) -> int:
    a = ctx.args
    rows = proxy_lists.list_applications(
        ctx.store, status=a.status, overdue=a.overdue, due_soon=a.due_soon, service_code=a.service,
        date_from=_date_arg(a.date_from, "from"), date_to=_date_arg(a.date_to, "to"), limit=a.limit)
    ctx.out([_jsonable(r) for r in rows], lambda: "\n".join(
        f"{r.receipt_number}  {r.status_label:<6} {r.applicant_name:<5} {r.service_name}  "
        f"{tr('ProxyCli', 'Due')} {r.due_date}" + ("  " + tr("ProxyCli", "OVERDUE") if r.overdue else "")
        for r in rows) or tr("ProxyCli", "No applications."))
    return 0


def _write(ctx: Any, document: proxy_documents.Document, target: Path) -> int:
    if document.warning:
        print(document.warning, file=sys.stderr)
    write_atomic(target, document.pdf)
    archived = proxy_documents.archive_printed(ctx.store, actor=ctx.actor,
                                               archive_dir=ctx.paths.archive, document=document)
    ctx.out({"pdf": str(target), "archived": str(archived), "reprint": document.reprint,
             "pages": document.pages, "warning": document.warning}, lambda: str(target))
    return 0


def _receipt(ctx: Any) -> int:
    doc = proxy_documents.receipt_document(ctx.store, number=ctx.args.number, paper=ctx.args.paper)
    return _write(ctx, doc, ctx.args.pdf)


def _completion(ctx: Any) -> int:
    return _write(ctx, proxy_documents.completion_document(ctx.store, number=ctx.args.number), ctx.args.pdf)


def _notice(ctx: Any) -> int:
    return _write(ctx, proxy_documents.notice_document(ctx.store, month=ctx.args.month), ctx.args.pdf)


def _verify(ctx: Any) -> int:
    from villagedesk.receipts import toolkit as tk
    from villagedesk.services.auth import hall_info

    code = ctx.args.code.strip()
    if not code.upper().startswith("VD1:"):
        code = "VD1:" + code
    try:
        number, signature = tk.parse_qr_payload(code)
    except ValueError:
        raise DomainError(tr("ProxyCli", "This is not a VillageDesk receipt code.")) from None
    valid = tk.verify_receipt(number, signature, bytes.fromhex(hall_info(ctx.store).receipt_secret))
    ctx.out({"receipt_number": number, "valid": valid}, lambda: (
        tr("ProxyCli", "Genuine receipt of this hall: {number}") if valid
        else tr("ProxyCli", "NOT a receipt of this hall: {number}")).format(number=number))
    return 0 if valid else 1
