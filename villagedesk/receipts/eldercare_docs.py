"""Elder-care documents (A4): the elder's file card, a carer's monthly visit sheet, the monthly
meal statement. Builders take plain data and return `BuildResult`; the service fills the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk

PAGE = tk.A4


@dataclasses.dataclass(frozen=True)
class CardDoc:
    hall_name: str
    printed_on: dt.date
    clerk: str
    elder: dict[str, Any]  # eldercare_roster.elder_detail()
    flag_labels: list[str]
    care_level_label: str
    carer_label: str
    allowance_label: str
    visits: list[dict[str, Any]]  # newest first; date, type_label, visitor, findings, health, follow_up
    checks: list[dict[str, Any]]  # year, date, method_label, status_label
    meals_this_month: str


@dataclasses.dataclass(frozen=True)
class VisitSheetDoc:
    hall_name: str
    month: str  # YYYY-MM
    carer_name: str
    carer_label: str  # kind and phone
    elders: list[dict[str, Any]]  # name, id_masked, age, flags, address, every, planned, done, last
    visits: list[dict[str, Any]]  # date, name, type_label, visitor, findings, health, follow_up
    printed_on: dt.date
    blank_rows: int = 6


@dataclasses.dataclass(frozen=True)
class StatementDoc:
    hall_name: str
    month: str
    lines: list[dict[str, Any]]  # name, id_masked, categories, lunches, dinners, delivered, amount, subsidy, paid
    totals: dict[str, Any]  # meals, amount, subsidy, paid, elders
    by_category: list[tuple[str, dict[str, Any]]]  # (label, {meals, amount, subsidy, paid})
    rules_note: str
    printed_on: dt.date
    clerk: str
    detail: list[dict[str, Any]] | None = None  # one elder: date, meal, mode, amount, subsidy, paid


def _title(text: str, sub: str) -> list[Flowable]:
    st = tk.styles(PAGE)
    return [tk.para(text, st.title), tk.para(sub, st.center), tk.spacer(3)]


def _signatures(labels: list[str]) -> Table:
    st = tk.styles(PAGE)
    cells = [tk.para(f"{label}：__________________", st.body) for label in labels]
    table = Table([cells], colWidths=[PAGE.frame_width / len(labels)] * len(labels))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), tk.MAIN_FONT),  # else Helvetica, never embedded
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return table


def _widths(*fractions: float) -> list[float]:
    total = sum(fractions)
    return [PAGE.frame_width * f / total for f in fractions]


# -- the elder's file card --------------------------------------------------------------------

def card_story(doc: CardDoc) -> list[Flowable]:
    st = tk.styles(PAGE)
    e = doc.elder
    story = _title(tr("EldercareDoc", "Home elder care file card"), doc.hall_name)
    w = _widths(1.1, 1.9, 1.1, 1.9)
    basic = [
        [tr("EldercareDoc", "Name"), e["name"], tr("EldercareDoc", "Sex"), tr("EldercareDoc", "Male") if e["sex"] == "M" else tr("EldercareDoc", "Female")],
        [tr("EldercareDoc", "ID number"), tk.Fixed(e["id_number"]), tr("EldercareDoc", "Date of birth"),
         e["birth_date"] + "  (" + tr("EldercareDoc", "age {age}").format(age=e["age"]) + ")"],
        [tr("EldercareDoc", "Phone"), tk.Fixed(e["phone"]) if e["phone"] else "—", tr("EldercareDoc", "Household no."),
         tk.Fixed(e["household_no"]) if e["household_no"] else "—"],
        [tr("EldercareDoc", "Village group"), " ".join(x for x in (e["village_group"], e["hamlet"]) if x) or "—",
         tr("EldercareDoc", "Address"), e["address"] or "—"],
        [tr("EldercareDoc", "Flags"), "、".join(doc.flag_labels) or "—", tr("EldercareDoc", "Care level"), doc.care_level_label],
        [tr("EldercareDoc", "Old-age allowance"), doc.allowance_label, tr("EldercareDoc", "Visits"),
         tr("EldercareDoc", "every {days} days").format(days=e["visit_every_days"])],
        [tr("EldercareDoc", "Carer"), doc.carer_label or "—", tr("EldercareDoc", "Meals this month"), doc.meals_this_month],
    ]
    if e.get("note"):
        basic.append([tr("EldercareDoc", "Note"), e["note"], "", ""])
    table = tk.data_table(None, basic, w, page=PAGE, zebra=False)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
                               ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f0f0f0"))]
                              + ([("SPAN", (1, len(basic) - 1), (3, len(basic) - 1))] if e.get("note") else [])))
    story.append(table)

    story.append(tk.para(tr("EldercareDoc", "Emergency contacts"), st.heading))
    contacts = [[c["name"], c.get("relation", "") or "—", tk.Fixed(c["phone"])]
                for c in e["emergency_contacts"]] or [[tr("EldercareDoc", "None recorded"), "", ""]]
    story.append(tk.data_table([tr("EldercareDoc", "Name"), tr("EldercareDoc", "Relation"), tr("EldercareDoc", "Phone")], contacts,
                               _widths(1.5, 1, 1.5), page=PAGE))

    story.append(tk.para(tr("EldercareDoc", "Pension eligibility checks"), st.heading))
    checks = [[str(c["year"]), c["date"] or "—", c["method_label"], c["status_label"]]
              for c in doc.checks] or [[tr("EldercareDoc", "None recorded"), "", "", ""]]
    story.append(tk.data_table([tr("EldercareDoc", "Year"), tr("EldercareDoc", "Date"), tr("EldercareDoc", "Method"), tr("EldercareDoc", "Status")], checks,
                               _widths(1, 1.4, 1.4, 1.2), page=PAGE))

    story.append(tk.para(tr("EldercareDoc", "Recent home visits"), st.heading))
    visits = [[v["date"], v["type_label"], v["visitor"], v["findings"] or "—", v["health"] or "—",
               v["follow_up"]] for v in doc.visits] or [[tr("EldercareDoc", "None recorded"), "", "", "", "", ""]]
    story.append(tk.data_table(
        [tr("EldercareDoc", "Date"), tr("EldercareDoc", "Type"), tr("EldercareDoc", "Visitor"), tr("EldercareDoc", "Findings"), tr("EldercareDoc", "Health notes"), tr("EldercareDoc", "Follow-up")],
        visits, _widths(1.25, 0.9, 1.0, 2.4, 2.0, 1.0), page=PAGE, fixed_cols=(0,)))
    story.append(tk.spacer(4))
    story.append(tk.para(tr("EldercareDoc", "Printed on {date} by {clerk}").format(date=doc.printed_on, clerk=doc.clerk),
                         st.small))
    return story


def build_elder_card(target: Any, doc: CardDoc) -> tk.BuildResult:
    return tk.build_pdf(target, card_story(doc), PAGE, title=tr("EldercareDoc", "Home elder care file card"),
                        footer=doc.hall_name)


# -- the monthly visit sheet for a carer ------------------------------------------------------

def visit_sheet_story(doc: VisitSheetDoc) -> list[Flowable]:
    st = tk.styles(PAGE)
    year, month = doc.month.split("-")
    story = _title(tr("EldercareDoc", "Home visit sheet, {year}-{month}").format(year=year, month=month), doc.hall_name)
    story.append(tk.kv_table([(tr("EldercareDoc", "Carer"), doc.carer_name or "—"), (tr("EldercareDoc", "Carer type"), doc.carer_label or "—")],
                             PAGE))
    story.append(tk.para(tr("EldercareDoc", "Elders in this carer's care"), st.heading))
    rows = [[str(i), e["name"], tk.Fixed(e["id_masked"]), str(e["age"]), e["flags"] or "—",
             e["address"] or "—", str(e["planned"]), str(e["done"]), e["last"] or "—"]
            for i, e in enumerate(doc.elders, start=1)] or [["", tr("EldercareDoc", "None recorded"), "", "", "", "", "", "", ""]]
    story.append(tk.data_table(
        [tr("EldercareDoc", "No."), tr("EldercareDoc", "Name"), tr("EldercareDoc", "ID number"), tr("EldercareDoc", "Age"), tr("EldercareDoc", "Flags"), tr("EldercareDoc", "Address"),
         tr("EldercareDoc", "Due"), tr("EldercareDoc", "Visited"), tr("EldercareDoc", "Last visit")],
        rows, _widths(0.5, 1.1, 2.0, 0.55, 1.4, 1.6, 0.6, 0.6, 1.2), page=PAGE,
        right_cols=(3, 6, 7), fixed_cols=(8,)))
    story.append(tk.para(tr("EldercareDoc", "Visits this month"), st.heading))
    vrows: list[list[Any]] = [[v["date"], v["name"], v["type_label"], v["visitor"],
                               v["findings"] or "—", v["health"] or "—", v["follow_up"], ""]
                              for v in doc.visits]
    # Blank lines for visits written by hand, tall enough for a signature.
    vrows += [[tk.spacer(7), "", "", "", "", "", "", ""] for _ in range(doc.blank_rows)]
    table = tk.data_table(
        [tr("EldercareDoc", "Date"), tr("EldercareDoc", "Elder"), tr("EldercareDoc", "Type"), tr("EldercareDoc", "Visitor"), tr("EldercareDoc", "Findings"), tr("EldercareDoc", "Health notes"),
         tr("EldercareDoc", "Follow-up"), tr("EldercareDoc", "Elder's signature")],
        vrows, _widths(1.2, 0.95, 0.75, 0.9, 2.0, 1.5, 0.75, 1.2), page=PAGE, fixed_cols=(0,))
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])]))
    story.append(table)
    story.append(KeepTogether([tk.spacer(4), _signatures([tr("EldercareDoc", "Carer"), tr("EldercareDoc", "Checked by")]),
                               tk.spacer(2),
                               tk.para(tr("EldercareDoc", "Printed on {date}").format(date=doc.printed_on), st.small)]))
    return story


def build_visit_sheet(target: Any, doc: VisitSheetDoc) -> tk.BuildResult:
    return tk.build_pdf(target, visit_sheet_story(doc), PAGE, title=tr("EldercareDoc", "Home visit sheet"),
                        footer=doc.hall_name)


# -- the monthly meal statement ---------------------------------------------------------------

def statement_story(doc: StatementDoc) -> list[Flowable]:
    st = tk.styles(PAGE)
    year, month = doc.month.split("-")
    one = doc.detail is not None and len(doc.lines) == 1
    if one:
        title = tr("EldercareDoc", "Meal statement of {name}, {year}-{month}").format(
            name=doc.lines[0]["name"], year=year, month=month)
    else:
        title = tr("EldercareDoc", "Meal service statement, {year}-{month}").format(year=year, month=month)
    story = _title(title, doc.hall_name)
    rows: list[list[Any]] = [
        [str(i), ln["name"], tk.Fixed(ln["id_masked"]), ln["categories"], str(ln["lunches"]),
         str(ln["dinners"]), str(ln["delivered"]), tk.Fixed(ln["amount"]), tk.Fixed(ln["subsidy"]),
         tk.Fixed(ln["paid"])]
        for i, ln in enumerate(doc.lines, start=1)]
    t = doc.totals
    rows.append(["", tr("EldercareDoc", "Total"), tr("EldercareDoc", "{n} elders").format(n=t["elders"]), "",
                 str(t["lunches"]), str(t["dinners"]), str(t["delivered"]),
                 tk.Fixed(t["amount"]), tk.Fixed(t["subsidy"]), tk.Fixed(t["paid"])])
    table = tk.data_table(
        [tr("EldercareDoc", "No."), tr("EldercareDoc", "Name"), tr("EldercareDoc", "ID number"), tr("EldercareDoc", "Category"), tr("EldercareDoc", "Lunch"), tr("EldercareDoc", "Dinner"),
         tr("EldercareDoc", "Delivered"), tr("EldercareDoc", "Amount"), tr("EldercareDoc", "Subsidy"), tr("EldercareDoc", "Paid by elder")],
        rows, _widths(0.55, 1.0, 2.0, 1.15, 0.6, 0.6, 0.6, 1.0, 1.0, 1.0), page=PAGE,
        right_cols=(4, 5, 6, 7, 8, 9))
    table.setStyle(TableStyle([("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#e6e6e6"))]))
    story.append(table)
    if doc.detail is not None:
        story.append(tk.para(tr("EldercareDoc", "Meals one by one"), st.heading))
        drows = [[d["date"], d["meal"], d["mode"], d["category"], tk.Fixed(d["amount"]),
                  tk.Fixed(d["subsidy"]), tk.Fixed(d["paid"])] for d in doc.detail]
        story.append(tk.data_table(
            [tr("EldercareDoc", "Date"), tr("EldercareDoc", "Meal"), tr("EldercareDoc", "How"), tr("EldercareDoc", "Category"), tr("EldercareDoc", "Amount"), tr("EldercareDoc", "Subsidy"),
             tr("EldercareDoc", "Paid by elder")], drows, _widths(1.3, 0.8, 1.0, 1.3, 1, 1, 1), page=PAGE,
            fixed_cols=(0,), right_cols=(4, 5, 6)))
    story.append(tk.para(tr("EldercareDoc", "By category"), st.heading))
    crows = [[label, str(v["meals"]), tk.Fixed(v["amount"]), tk.Fixed(v["subsidy"]), tk.Fixed(v["paid"])]
             for label, v in doc.by_category] or [[tr("EldercareDoc", "None recorded"), "", "", "", ""]]
    story.append(tk.data_table([tr("EldercareDoc", "Category"), tr("EldercareDoc", "Meals"), tr("EldercareDoc", "Amount"), tr("EldercareDoc", "Subsidy"), tr("EldercareDoc", "Paid by elder")],
                               crows, _widths(1.6, 0.8, 1.1, 1.1, 1.1), page=PAGE, right_cols=(1, 2, 3, 4)))
    story.append(tk.spacer(2))
    story.append(tk.para(doc.rules_note, st.small))
    story.append(KeepTogether([tk.spacer(4), _signatures([tr("EldercareDoc", "Prepared by"), tr("EldercareDoc", "Checked by"), tr("EldercareDoc", "Hall seal")]),
                               tk.spacer(2),
                               tk.para(tr("EldercareDoc", "Printed on {date} by {clerk}").format(date=doc.printed_on,
                                                                                   clerk=doc.clerk), st.small)]))
    return story


def build_meal_statement(target: Any, doc: StatementDoc) -> tk.BuildResult:
    return tk.build_pdf(target, statement_story(doc), PAGE, title=tr("EldercareDoc", "Meal service statement"),
                        footer=doc.hall_name)
