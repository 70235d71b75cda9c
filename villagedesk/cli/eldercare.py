"""`villagedesk eldercare roster|show|profile|visit|due|follow-ups|close|meals|statement|certify|...`.

`--elder` takes the resident's ID number everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.receipts.pages import write_atomic
from villagedesk.services import (
    eldercare_documents,
    eldercare_meals,
    eldercare_pension,
    eldercare_roster,
    eldercare_rules,
    eldercare_visits,
)


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("eldercare", help="home elder care (居家养老): roster, visits, meals, checks")
    esub = p.add_subparsers(dest="eldercare_command", required=True)

    q = esub.add_parser("roster", help="elders aged 60+ today (name, ID number, age, flags)")
    common(q)
    q.add_argument("--flag", default=None, help="独居 | 空巢 | 失能 | 半失能 | 高龄 | 低保")
    q.add_argument("--search", default="", help="part of the name, or the end of the ID number")
    q.add_argument("--carer", default=None, help="only elders with this assigned carer")
    q.add_argument("--all", action="store_true", help="also those moved out or deceased")
    q.set_defaults(handler=_roster)

    q = esub.add_parser("show", help="one elder with the timeline of visits and meals")
    common(q)
    q.add_argument("--elder", required=True, help="the elder's ID number")
    q.set_defaults(handler=_show)

    q = esub.add_parser("profile", help="set an elder's flags, care level, carer, contacts")
    common(q)
    q.add_argument("--elder", required=True)
    for flag in ("lives-alone", "empty-nest", "disabled", "semi-disabled", "meal-regular"):
        q.add_argument(f"--{flag}", choices=["yes", "no"], default=None)
    q.add_argument("--care-level", type=int, choices=[0, 1, 2, 3], default=None)
    q.add_argument("--carer", default=None, help="the assigned carer's name")
    q.add_argument("--carer-kind", default=None, help="staff | volunteer | beacon (明灯户)")
    q.add_argument("--carer-phone", default=None)
    q.add_argument("--contact", action="append", default=None,
                   help="emergency contact NAME,RELATION,PHONE (repeatable; replaces the list)")
    q.add_argument("--note", default=None)
    q.set_defaults(handler=_profile)

    q = esub.add_parser("visit", help="record a home visit")
    common(q)
    q.add_argument("--elder", required=True)
    q.add_argument("--type", required=True, dest="visit_type", help="探访 | 助洁 | 助医 | 代购 | 其他")
    q.add_argument("--date", default=None, help="YYYY-MM-DD (default today)")
    q.add_argument("--visitor", default=None, help="default: the acting staff member")
    q.add_argument("--findings", default="")
    q.add_argument("--health", default="", help="health notes")
    q.add_argument("--follow-up", action="store_true", help="follow-up needed")
    q.set_defaults(handler=_visit)

    q = esub.add_parser("due", help="elders due for a visit, most overdue first")
    common(q)
    q.add_argument("--ahead", type=int, default=0, help="also those due within N days")
    q.add_argument("--carer", default=None)
    q.set_defaults(handler=_due)

    q = esub.add_parser("follow-ups", help="follow-ups not closed yet")
    common(q)
    q.set_defaults(handler=_follow_ups)

    q = esub.add_parser("close", help="close a follow-up with what was done")
    common(q)
    q.add_argument("visit_id")
    q.add_argument("--result", required=True)
    q.set_defaults(handler=_close)

    q = esub.add_parser("meals", help="register one meal for several elders")
    common(q)
    q.add_argument("--date", default=None, help="YYYY-MM-DD (default today)")
    q.add_argument("--elder", nargs="+", required=True, help="ID numbers")
    q.add_argument("--meal", default="lunch", help="lunch (午餐) | dinner (晚餐)")
    q.add_argument("--delivered", nargs="*", default=[], help="ID numbers whose meal was delivered")
    q.set_defaults(handler=_meals)

    q = esub.add_parser("statement", help="monthly meal statement for the hall (or one elder)")
    common(q)
    q.add_argument("--month", required=True, help="YYYY-MM")
    q.add_argument("--elder", default=None)
    q.add_argument("--pdf", type=Path, default=None)
    q.set_defaults(handler=_statement)

    q = esub.add_parser("certify", help="record this year's pension eligibility check")
    common(q)
    q.add_argument("--elder", required=True)
    q.add_argument("--method", required=True, help="现场 | 上门 | 代办")
    q.add_argument("--date", default=None)
    q.add_argument("--start-proxy", action="store_true",
                   help="with 代办: start a proxy application now instead of recording the check as done")
    q.set_defaults(handler=_certify)

    q = esub.add_parser("unchecked", help="elders without a pension check this year")
    common(q)
    q.add_argument("--year", type=int, default=None)
    q.set_defaults(handler=_unchecked)

    q = esub.add_parser("allowance", help="who newly qualifies for the old-age allowance in a month")
    common(q)
    q.add_argument("--month", required=True)
    q.add_argument("--all", action="store_true", help="everyone entitled, not only the new ones")
    q.set_defaults(handler=_allowance)

    q = esub.add_parser("card", help="write an elder's file card (A4) as PDF")
    common(q)
    q.add_argument("--elder", required=True)
    q.add_argument("--pdf", type=Path, required=True)
    q.set_defaults(handler=_card)

    q = esub.add_parser("visit-sheet", help="write a carer's monthly visit sheet (A4) as PDF")
    common(q)
    q.add_argument("--carer", required=True)
    q.add_argument("--month", required=True)
    q.add_argument("--pdf", type=Path, required=True)
    q.set_defaults(handler=_visit_sheet)

    q = esub.add_parser("demo", help="add demo elder-care records (elders, visits, meals, checks)")
    common(q)
    q.set_defaults(handler=_demo)

    q = esub.add_parser("rules", help="show the elder-care rules; --set KEY=JSON overrides one for this hall")
    common(q)
    q.add_argument("--set", dest="set_rule", default=None, help='e.g. visit_default_days=21 or meal_prices=\'{"lunch":"12","dinner":"10"}\'')
    q.add_argument("--reset", default=None, help="go back to the default for this key")
    q.set_defaults(handler=_rules)


def _date(text: str | None, field: str = "date") -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(tr("EldercareCli", "Write dates as YYYY-MM-DD, for example 2026-03-02."), field=field) from None


def _flags_text(labels: list[str]) -> str:
    return "、".join(labels) or "—"


def _roster(ctx: Any) -> int:
    a = ctx.args
    rows = eldercare_roster.roster(ctx.store, flag=a.flag, query=a.search, carer=a.carer,
                                   include_inactive=a.all)
    data = [{"name": e.name, "id_number": e.id_number, "age": e.age, "flags": list(e.flags),
             "flag_labels": e.flag_labels, "carer": e.carer_name, "phone": e.phone,
             "status": e.status} for e in rows]
    ctx.out(data, lambda: "\n".join(
        f"{e.name}\t{e.id_number}\t{e.age}\t{_flags_text(e.flag_labels)}" for e in rows)
        + "\n" + tr("EldercareCli", "{n} elders").format(n=len(rows)))
    return 0


def _show(ctx: Any) -> int:
    d = eldercare_roster.elder_detail(ctx.store, id_number=ctx.args.elder)

    def text() -> str:
        age = tr("EldercareCli", "age {age}").format(age=d["age"])
        lines = [f"{d['name']}  {d['id_number']}  {age}  {_flags_text(d['flag_labels'])}"]
        if not d["on_roster"]:
            lines.append(tr("EldercareCli", "Not on the active roster."))
        if d["carer_name"]:
            lines.append(tr("EldercareCli", "Carer: {name}").format(name=d["carer_name"]))
        for item in d["timeline"][:30]:
            if item["kind"] == "visit":
                lines.append(f"{item['date']}  {eldercare_visits.visit_type_label(item['visit_type'])}  "
                             f"{item['visitor_name']}  {item['findings']}")
            else:
                lines.append(f"{item['date']}  {eldercare_meals.meal_label(item['meal'])}  "
                             f"{eldercare_rules.fmt_yuan(item['paid_fen'])}")
        return "\n".join(lines)

    ctx.out(d, text)
    return 0


def _profile(ctx: Any) -> int:
    a = ctx.args
    changes: dict[str, Any] = {}
    for name in ("lives_alone", "empty_nest", "disabled", "semi_disabled", "meal_regular"):
        value = getattr(a, name)
        if value is not None:
            changes[name] = value == "yes"
    for arg, key in (("care_level", "care_level"), ("carer", "carer_name"), ("carer_kind", "carer_kind"),
                     ("carer_phone", "carer_phone"), ("note", "note")):
        if getattr(a, arg) is not None:
            changes[key] = getattr(a, arg)
    if "carer_kind" in changes:
        changes["carer_kind"] = {"明灯户": "beacon", "志愿者": "volunteer", "工作人员": "staff"}.get(
            changes["carer_kind"], changes["carer_kind"])
    if a.contact is not None:
        contacts = []
        for raw in a.contact:
            parts = [p.strip() for p in raw.replace("，", ",").split(",")]
            if len(parts) != 3:
                raise DomainError(tr("EldercareCli", "Write a contact as NAME,RELATION,PHONE."), field="contact")
            contacts.append({"name": parts[0], "relation": parts[1], "phone": parts[2]})
        changes["emergency_contacts"] = contacts
    d = eldercare_roster.set_profile(ctx.store, actor=ctx.actor, id_number=a.elder, **changes)
    ctx.out(d, lambda: f"{d['name']}  {_flags_text(d['flag_labels'])}")
    return 0


def _visit(ctx: Any) -> int:
    a = ctx.args
    v = eldercare_visits.record_visit(
        ctx.store, actor=ctx.actor, id_number=a.elder, visit_type=a.visit_type, visit_date=_date(a.date),
        visitor_name=a.visitor, findings=a.findings, health_notes=a.health, follow_up_needed=a.follow_up)
    ctx.out(v.as_json(), lambda: tr("EldercareCli", "Visit recorded: {name} {date} {type}").format(
        name=v.name, date=v.visit_date, type=eldercare_visits.visit_type_label(v.visit_type)))
    return 0


def _due(ctx: Any) -> int:
    items = eldercare_visits.due_list(ctx.store, ahead_days=ctx.args.ahead, carer=ctx.args.carer)

    def line(i: eldercare_visits.DueItem) -> str:
        if i.last_visit is None:
            when = tr("EldercareCli", "never visited, every {days} days, {overdue} days overdue").format(
                days=i.every_days, overdue=i.days_overdue)
        else:
            when = tr("EldercareCli", "last {last}, every {days} days, {overdue} days overdue").format(
                last=i.last_visit.isoformat(), days=i.every_days, overdue=i.days_overdue)
        return f"{i.elder.name}\t{i.elder.id_number}\t{_flags_text(i.elder.flag_labels)}\t{when}"

    ctx.out([i.as_json() for i in items], lambda: "\n".join(line(i) for i in items)
            + "\n" + tr("EldercareCli", "{n} elders due for a visit").format(n=len(items)))
    return 0


def _follow_ups(ctx: Any) -> int:
    rows = eldercare_visits.open_follow_ups(ctx.store)
    ctx.out(rows, lambda: "\n".join(
        f"{r['id']}  {r['visit_date']}  {r['name']}  {r['findings']}  "
        + tr("EldercareCli", "open {days} days").format(days=r["days_open"]) for r in rows)
        or tr("EldercareCli", "No open follow-ups."))
    return 0


def _close(ctx: Any) -> int:
    eldercare_visits.close_follow_up(ctx.store, actor=ctx.actor, visit_id=ctx.args.visit_id,
                                     result=ctx.args.result)
    ctx.out({"visit_id": ctx.args.visit_id, "closed": True}, lambda: tr("EldercareCli", "Follow-up closed."))
    return 0


def _meals(ctx: Any) -> int:
    a = ctx.args
    delivered = {x.strip().upper() for x in a.delivered}
    from villagedesk.services.eldercare_roster import resolve_resident

    modes = {}
    if delivered:
        with ctx.store.read() as s:
            for id_number in delivered:
                modes[resolve_resident(s, today=ctx.store.clock.today(), id_number=id_number).id] = "delivered"
    result = eldercare_meals.register_meals(ctx.store, actor=ctx.actor, meal_date=_date(a.date), meal=a.meal,
                                            id_numbers=a.elder, modes=modes)
    ctx.out(result.as_json(), lambda: "\n".join(
        [f"+ {m['name']}  {m['paid']}" for m in result.added]
        + [f"= {m['name']}  " + tr("EldercareCli", "already registered") for m in result.already])
        + "\n" + tr("EldercareCli", "{n} meals registered").format(n=len(result.added)))
    return 0


def _statement(ctx: Any) -> int:
    a = ctx.args
    st = eldercare_meals.meal_statement(ctx.store, month=a.month, id_number=a.elder)
    data = st.as_json()
    if a.pdf:
        doc = eldercare_documents.meal_statement_document(ctx.store, actor=ctx.actor, month=a.month,
                                                          id_number=a.elder)
        write_atomic(a.pdf, doc.pdf)
        data["pdf"] = str(a.pdf)
        data["warning"] = doc.warning

    def text() -> str:
        lines = [f"{ln.name}\t{ln.meals}\t{eldercare_rules.fmt_yuan(ln.price_fen)}\t"
                 f"{eldercare_rules.fmt_yuan(ln.subsidy_fen)}\t{eldercare_rules.fmt_yuan(ln.paid_fen)}"
                 for ln in st.lines]
        lines.append(tr("EldercareCli", "Total: {meals} meals, amount {amount}, subsidy {subsidy}, paid {paid}").format(
            meals=st.meals, amount=st.price, subsidy=st.subsidy, paid=st.paid))
        if a.pdf:
            lines.append(str(a.pdf))
        return "\n".join(lines)

    ctx.out(data, text)
    return 0


def _certify(ctx: Any) -> int:
    a = ctx.args
    if a.start_proxy:
        if eldercare_pension.parse_method(a.method) != "proxy":
            raise DomainError(tr("EldercareCli", "--start-proxy goes with the method 代办."), field="method")
        r = eldercare_pension.start_pension_proxy(ctx.store, actor=ctx.actor, id_number=a.elder)
        ctx.out(r, lambda: tr("EldercareCli", "Proxy application {number} started for {name}.").format(
            number=r["receipt_number"], name=r["name"]))
        return 0
    r = eldercare_pension.certify(ctx.store, actor=ctx.actor, id_number=a.elder, method=a.method,
                                  check_date=_date(a.date))
    ctx.out(r, lambda: tr("EldercareCli", "Pension check recorded: {name} {date} {method}").format(
        name=r["name"], date=r["check_date"], method=r["method_label"]))
    return 0


def _unchecked(ctx: Any) -> int:
    rows = eldercare_pension.unchecked(ctx.store, year=ctx.args.year)
    ctx.out([e.as_json() for e in rows], lambda: "\n".join(
        f"{e.name}\t{e.id_number}\t{e.age}\t{_flags_text(e.flag_labels)}" for e in rows)
        + "\n" + tr("EldercareCli", "{n} elders not checked yet").format(n=len(rows)))
    return 0


def _allowance(ctx: Any) -> int:
    fn = eldercare_pension.allowance_roster if ctx.args.all else eldercare_pension.newly_qualifying
    items = fn(ctx.store, month=ctx.args.month)
    ctx.out([i.as_json() for i in items], lambda: "\n".join(
        f"{i.elder.name}\t{i.elder.id_number}\t{i.threshold}\t{i.qualifies_on}\t"
        f"{eldercare_rules.fmt_yuan(i.monthly_fen)}" for i in items)
        + "\n" + tr("EldercareCli", "{n} elders").format(n=len(items)))
    return 0


def _write_doc(ctx: Any, doc: eldercare_documents.Document, path: Path) -> int:
    write_atomic(path, doc.pdf)
    data = {**eldercare_documents.as_json(doc), "pdf": str(path)}
    ctx.out(data, lambda: str(path) + (f"\n{doc.warning}" if doc.warning else ""))
    return 0


def _card(ctx: Any) -> int:
    return _write_doc(ctx, eldercare_documents.elder_card(ctx.store, actor=ctx.actor, id_number=ctx.args.elder),
                      ctx.args.pdf)


def _visit_sheet(ctx: Any) -> int:
    return _write_doc(ctx, eldercare_documents.visit_sheet(ctx.store, carer=ctx.args.carer,
                                                           month=ctx.args.month), ctx.args.pdf)


def _rules(ctx: Any) -> int:
    a = ctx.args
    if a.set_rule:
        key, _, raw = a.set_rule.partition("=")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            raise DomainError(tr("EldercareCli", "Write the value as JSON, e.g. visit_default_days=21."), field="set") from None
        rules = eldercare_rules.set_rule(ctx.store, actor=ctx.actor, key=key.strip(), value=value)
    elif a.reset:
        rules = eldercare_rules.set_rule(ctx.store, actor=ctx.actor, key=a.reset.strip(), value=None)
    else:
        rules = eldercare_rules.get_rules(ctx.store)
    data = rules.as_json()
    ctx.out(data, lambda: json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def _demo(ctx: Any) -> int:
    from villagedesk.services.eldercare_demo import seed_eldercare_demo

    n = seed_eldercare_demo(ctx.store, actor=ctx.actor)
    ctx.out({"elders": n}, lambda: tr("EldercareCli", "Demo records added for {n} elders.").format(n=n))
    return 0
