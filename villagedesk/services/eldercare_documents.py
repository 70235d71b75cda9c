"""Elder-care documents from the records: file card, carer's visit sheet, meal statement.

Each function returns a `Document` with the PDF bytes; the UI previews or prints it, the
CLI writes it to a file.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import text

from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.receipts import eldercare_docs as docs
from villagedesk.services.auth import Actor, hall_info
from villagedesk.services.eldercare_meals import (
    category_label,
    meal_label,
    meal_statement,
    mode_label,
)
from villagedesk.services.eldercare_pension import method_label
from villagedesk.services.eldercare_roster import (
    care_level_label,
    carer_kind_label,
    elder_detail,
    flag_label,
    roster,
)
from villagedesk.services.eldercare_rules import fen_to_yuan, fmt_yuan, get_rules, month_bounds
from villagedesk.services.eldercare_visits import visit_type_label, visits_in_month
from villagedesk.services.idcard import mask_id


@dataclasses.dataclass(frozen=True)
class Document:
    kind: str  # card | visit_sheet | meal_statement
    pdf: bytes
    pages: int
    filename: str
    warning: str = ""  # characters no font could print: tell the clerk before printing


def _warning(result: Any) -> str:
    return result.missing_glyphs.message() if result.missing_glyphs else ""


def _yes_no(flag: bool) -> str:
    return tr("EldercareDoc", "Yes") if flag else tr("EldercareDoc", "No")


def elder_card(store: Store, *, actor: Actor, resident_id: str | None = None,
               id_number: str | None = None) -> Document:
    """The elder's A4 file card: register data, care flags, carer, contacts, checks, visits."""
    e = elder_detail(store, resident_id=resident_id, id_number=id_number, timeline_limit=400)
    today = store.clock.today()
    month = f"{today:%Y-%m}"
    visits = [v for v in e["timeline"] if v["kind"] == "visit" and v["status"] == "recorded"][:12]
    meals = [m for m in e["timeline"] if m["kind"] == "meal" and m["status"] == "served"
             and m["date"].startswith(month)]
    carer = ""
    if e["carer_name"]:
        carer = f"{e['carer_name']}（{carer_kind_label(e['carer_kind'])}）"
        if e["carer_phone"]:
            carer += f" {e['carer_phone']}"
    allowance = (tr("EldercareDoc", "{age}+ tier, {amount} a month").format(
        age=e["allowance_age"], amount=fmt_yuan(e["allowance_monthly_fen"]))
        if e["allowance_age"] else tr("EldercareDoc", "Not yet eligible"))
    doc = docs.CardDoc(
        hall_name=hall_info(store).name, printed_on=today, clerk=actor.name, elder=e,
        flag_labels=[flag_label(f) for f in e["flags"]],
        care_level_label=care_level_label(e["care_level"]), carer_label=carer,
        allowance_label=allowance,
        visits=[{"date": v["date"], "type_label": visit_type_label(v["visit_type"]),
                 "visitor": v["visitor_name"], "findings": v["findings"], "health": v["health_notes"],
                 "follow_up": (tr("EldercareDoc", "Open") if v["follow_up_open"]
                               else tr("EldercareDoc", "Closed") if v["follow_up_needed"] else "—")}
                for v in visits],
        checks=[{"year": c["year"], "date": str(c["check_date"] or ""), "method_label": method_label(c["method"]),
                 "status_label": tr("EldercareDoc", "Done") if c["status"] == "done"
                 else tr("EldercareDoc", "Started")} for c in e["pension_checks"]],
        meals_this_month=tr("EldercareDoc", "{n} meals").format(n=len(meals)),
    )
    result = docs.build_elder_card(None, doc)
    return Document("card", result.pdf_bytes, result.pages, f"elder-card-{e['id_number']}.pdf",
                    _warning(result))


def carers(store: Store) -> list[str]:
    """Names of carers with elders assigned, for choosing a visit sheet."""
    with store.read() as s:
        return [r[0] for r in s.execute(text(
            "SELECT DISTINCT carer_name FROM elder_profile WHERE carer_name != '' ORDER BY carer_name"))]


def visit_sheet(store: Store, *, carer: str, month: str) -> Document:
    """A carer's monthly sheet: their elders with visits due and done, and the month's visits."""
    first, last = month_bounds(month)
    if not carer.strip():
        raise DomainError(tr("eldercare", "Choose the carer."), field="carer")
    rules = get_rules(store)
    today = store.clock.today()
    on = last if today < first or today > last else today  # the roster as it stands in that month
    elders = roster(store, carer=carer, today=on)
    visits = visits_in_month(store, first=first, last=last, carer=carer)
    done: dict[str, int] = {}
    for v in visits:
        done[v["resident_id"]] = done.get(v["resident_id"], 0) + 1
    with store.read() as s:
        last_visits = dict(s.execute(text("SELECT resident_id, max(visit_date) FROM elder_visit "
                                          "WHERE status = 'recorded' AND visit_date <= :b "
                                          "GROUP BY resident_id"), {"b": last.isoformat()}).all())
        addresses = dict(s.execute(text(
            "SELECT r.id, trim(h.village_group || ' ' || h.hamlet || ' ' || h.address) FROM resident r "
            "JOIN household h ON h.id = r.household_id JOIN elder_profile p ON p.resident_id = r.id "
            "WHERE p.carer_name = :c"), {"c": carer}).all())
    days = (last - first).days + 1
    rows = []
    for e in elders:
        every = rules.visit_days(set(e.flags))
        rows.append({"name": e.name, "id_masked": mask_id(e.id_number), "age": e.age,
                     "flags": "、".join(e.flag_labels), "address": addresses.get(e.resident_id, ""),
                     "planned": max(1, days // every), "done": done.get(e.resident_id, 0),
                     "last": str(last_visits.get(e.resident_id) or "")})
    kind = elders[0].carer_kind if elders else ""
    doc = docs.VisitSheetDoc(
        hall_name=hall_info(store).name, month=f"{first:%Y-%m}", carer_name=carer,
        carer_label=carer_kind_label(kind),
        elders=rows,
        visits=[{"date": v["visit_date"], "name": v["name"], "type_label": v["visit_type_label"],
                 "visitor": v["visitor_name"], "findings": v["findings"], "health": v["health_notes"],
                 "follow_up": _yes_no(bool(v["follow_up_needed"]))} for v in visits],
        printed_on=today,
    )
    result = docs.build_visit_sheet(None, doc)
    return Document("visit_sheet", result.pdf_bytes, result.pages,
                    f"visit-sheet-{first:%Y-%m}-{carer}.pdf", _warning(result))


def meal_statement_document(store: Store, *, actor: Actor, month: str, resident_id: str | None = None,
                            id_number: str | None = None) -> Document:
    """The monthly meal statement for the hall, or for one elder with every meal listed."""
    st = meal_statement(store, month=month, resident_id=resident_id, id_number=id_number)
    one = bool(resident_id or id_number)
    rules = get_rules(store)
    lines = [{"name": ln.name, "id_masked": mask_id(ln.id_number),
              "categories": "、".join(category_label(c) for c in ln.categories),
              "lunches": ln.lunches, "dinners": ln.dinners, "delivered": ln.delivered,
              "amount": fmt_yuan(ln.price_fen), "subsidy": fmt_yuan(ln.subsidy_fen),
              "paid": fmt_yuan(ln.paid_fen)} for ln in st.lines]
    totals = {"elders": len(st.lines), "lunches": sum(ln.lunches for ln in st.lines),
              "dinners": sum(ln.dinners for ln in st.lines),
              "delivered": sum(ln.delivered for ln in st.lines),
              "amount": f"{st.price:,.2f}", "subsidy": f"{st.subsidy:,.2f}", "paid": f"{st.paid:,.2f}"}
    by_category = [(category_label(c), {"meals": v["meals"], "amount": fmt_yuan(v["price_fen"]),
                                        "subsidy": fmt_yuan(v["subsidy_fen"]), "paid": fmt_yuan(v["paid_fen"])})
                   for c, v in sorted(st.by_category.items(),
                                      key=lambda kv: ("dibao_tekun", "age80", "other").index(kv[0]))]
    note = tr("EldercareDoc", "Current prices: lunch {lunch}, dinner {dinner} yuan. Subsidy per meal: "
              "dibao/tekun {dibao}, aged 80+ {age80}, other elders {other} yuan. Amounts in yuan; each "
              "meal is charged at the price of its day.").format(
        lunch=fen_to_yuan(rules.meal_price_fen["lunch"]), dinner=fen_to_yuan(rules.meal_price_fen["dinner"]),
        dibao=fen_to_yuan(rules.meal_subsidy_fen["dibao_tekun"]),
        age80=fen_to_yuan(rules.meal_subsidy_fen["age80"]), other=fen_to_yuan(rules.meal_subsidy_fen["other"]))
    detail = None
    if one:
        if not st.lines:
            raise DomainError(tr("eldercare", "This elder had no meals in {month}.").format(month=month))
        with store.read() as s:
            rows = s.execute(text(
                "SELECT meal_date, meal, mode, category, price_fen, subsidy_fen, paid_fen FROM elder_meal "
                "WHERE resident_id = :r AND meal_date BETWEEN :a AND :b AND status = 'served' "
                "ORDER BY meal_date, meal DESC"),
                {"r": st.lines[0].resident_id, "a": st.first.isoformat(), "b": st.last.isoformat()}).all()
        detail = [{"date": str(r[0]), "meal": meal_label(r[1]), "mode": mode_label(r[2]),
                   "category": category_label(r[3]), "amount": fmt_yuan(r[4]),
                   "subsidy": fmt_yuan(r[5]), "paid": fmt_yuan(r[6])} for r in rows]
    doc = docs.StatementDoc(hall_name=hall_info(store).name, month=st.month, lines=lines, totals=totals,
                            by_category=by_category, rules_note=note, printed_on=store.clock.today(),
                            clerk=actor.name, detail=detail)
    result = docs.build_meal_statement(None, doc)
    suffix = f"-{st.lines[0].id_number}" if one else ""
    return Document("meal_statement", result.pdf_bytes, result.pages,
                    f"meal-statement-{st.month}{suffix}.pdf", _warning(result))


def as_json(doc: Document) -> dict[str, Any]:
    return {"kind": doc.kind, "pages": doc.pages, "filename": doc.filename, "warning": doc.warning}

