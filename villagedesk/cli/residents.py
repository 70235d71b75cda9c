"""`villagedesk residents add|show|search|status|import|export`."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from villagedesk.cli import positive_int
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services import resident_search, residents, roster_import


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("residents", help="residents and households")
    rsub = p.add_subparsers(dest="residents_command", required=True)

    q = rsub.add_parser("add", help="register a resident")
    common(q)
    q.add_argument("--name", required=True)
    q.add_argument("--id", dest="id_number", required=True)
    q.add_argument("--phone", default="")
    q.add_argument("--household", default=None, help="household number (户号); default: a new household")
    q.add_argument("--relation", default="")
    q.set_defaults(handler=_add)

    q = rsub.add_parser("show", help="show one resident by ID number")
    common(q)
    q.add_argument("id_number")
    q.set_defaults(handler=_show)

    q = rsub.add_parser("search", help="search by name, pinyin, ID number (or tail), phone")
    common(q)
    q.add_argument("query")
    q.add_argument("--limit", type=positive_int, default=20)
    q.set_defaults(handler=_search)

    q = rsub.add_parser("status", help="mark a resident moved out (迁出), deceased (死亡) or active")
    common(q)
    q.add_argument("id_number")
    q.add_argument("status", choices=["active", "moved_out", "deceased"])
    q.add_argument("--note", default="")
    q.set_defaults(handler=_status)

    q = rsub.add_parser("import", help="import a roster workbook (.xlsx)")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--dry-run", action="store_true")
    q.add_argument("--skip-invalid", action="store_true")
    q.set_defaults(handler=_import)

    q = rsub.add_parser("export", help="export residents to .xlsx (ID numbers as text)")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--all", action="store_true", help="include moved-out and deceased residents")
    q.set_defaults(handler=_export)


def _detail_dict(d: residents.ResidentDetail) -> dict[str, Any]:
    data = dataclasses.asdict(d)
    data["birth_date"] = d.birth_date.isoformat()
    return data


def _detail_text(d: residents.ResidentDetail) -> str:
    flags = "、".join(label for key, label in (("is_party_member", "党员"), ("is_dibao", "低保"),
                                               ("is_tekun", "特困"), ("is_disabled", "残疾"),
                                               ("lives_alone", "独居")) if d.flags[key])
    return "\n".join([
        f"{d.name}  {residents.SEX_LABELS.get(d.sex, d.sex)}  {d.age}岁  {d.ethnicity}  [{d.status_label}]",
        f"身份证号: {d.id_number}",
        f"电话: {d.phone or '-'}",
        f"户号: {d.household_no}  {d.relation}  {d.village_group} {d.hamlet} {d.address}".rstrip(),
        f"标记: {flags or '-'}",
    ])


def _add(ctx: Any) -> int:
    a = ctx.args
    household_id = None
    if a.household:
        household_id = residents.get_household(ctx.store, household_no=a.household).id
    d = residents.add_resident(ctx.store, actor=ctx.actor, name=a.name, id_number=a.id_number,
                               phone=a.phone, household_id=household_id, relation=a.relation)
    ctx.out(_detail_dict(d), lambda: tr("cli", "Registered:") + "\n" + _detail_text(d))
    return 0


def _show(ctx: Any) -> int:
    d = residents.get_resident(ctx.store, id_number=ctx.args.id_number)
    ctx.out(_detail_dict(d), lambda: _detail_text(d))
    return 0


def _search(ctx: Any) -> int:
    result = resident_search.search_residents(ctx.store, query=ctx.args.query, limit=ctx.args.limit)
    data = {"query": result.query, "elapsed_ms": round(result.elapsed_ms, 3),
            "hits": [dataclasses.asdict(h) for h in result.hits]}

    def text() -> str:
        lines = [f"{h.name}\t{residents.SEX_LABELS.get(h.sex, h.sex)}\t{h.age}\t{h.id_number}\t"
                 f"{h.phone}\t{h.household_no}\t{h.village_group}" for h in result.hits]
        lines.append(tr("cli", "{count} found in {ms} ms").format(count=len(result.hits),
                                                                   ms=round(result.elapsed_ms, 1)))
        return "\n".join(lines)

    ctx.out(data, text)
    return 0


def _status(ctx: Any) -> int:
    d = residents.get_resident(ctx.store, id_number=ctx.args.id_number)
    d = residents.set_status(ctx.store, actor=ctx.actor, resident_id=d.id, status=ctx.args.status,
                             note=ctx.args.note)
    ctx.out(_detail_dict(d), lambda: _detail_text(d))
    return 0


def _import(ctx: Any) -> int:
    a = ctx.args
    try:
        outcome = roster_import.import_roster(ctx.store, actor=ctx.actor, path=a.file,
                                              dry_run=a.dry_run, skip_invalid=a.skip_invalid)
    except DomainError as exc:
        if exc.kind != "invalid_rows":
            raise
        report = roster_import.preview_roster(ctx.store, path=a.file)
        if ctx.json:
            print(json.dumps({**report.to_dict(), "imported": 0}, ensure_ascii=False, indent=1))
        else:
            _print_errors(report.to_dict())
        print(tr("cli", "Error: {message}").format(message=exc.message), file=sys.stderr)
        return 2
    data = outcome.to_dict()

    def text() -> str:
        _print_errors(data)
        if outcome.dry_run:
            return tr("cli", "Dry run: {rows} data rows, {valid} valid, {errors} with errors. "
                      "Nothing was written.").format(rows=data["data_rows"], valid=data["valid_rows"],
                                                     errors=len(data["errors"]))
        msg = tr("cli", "Imported {n} residents ({h} new households); {p} were registered already.").format(
            n=outcome.imported, h=outcome.households_created, p=outcome.already_present)
        if outcome.error_report:
            msg += "\n" + tr("cli", "Rows with errors are listed in {path}").format(path=outcome.error_report)
        return msg

    ctx.out(data, text)
    return 0


def _print_errors(data: dict[str, Any]) -> None:
    for e in data["errors"]:
        print(tr("cli", "Row {row}: {message}").format(row=e["row"], message=e["message"]))


def _export(ctx: Any) -> int:
    n = roster_import.export_residents(ctx.store, path=ctx.args.file, include_inactive=ctx.args.all)
    ctx.out({"exported": n, "file": str(ctx.args.file)},
            tr("cli", "Exported {n} residents to {path}. The file holds personal data: keep it safe.").format(
                n=n, path=ctx.args.file))
    return 0
