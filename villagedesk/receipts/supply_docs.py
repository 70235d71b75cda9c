"""Supply documents on A4: the delivery run sheet (配送单) and the purchase / sales ledgers
(进货台账 / 销售台账) as PDF and as .xlsx."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING

from reportlab.lib.units import mm

from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk
from villagedesk.services.money import format_yuan

if TYPE_CHECKING:
    from villagedesk.services.supply_ledgers import Ledger
    from villagedesk.services.supply_orders import RunSheet

A4_LANDSCAPE = dataclasses.replace(tk.A4, width=tk.A4.height or 0, height=tk.A4.width,
                                   margin_left=12 * mm, margin_right=12 * mm, margin_top=12 * mm)


# -- run sheet ------------------------------------------------------------------------------------

def build_run_sheet(sheet: RunSheet, *, hall_name: str,
                    target: str | os.PathLike[str] | IO[bytes] | None = None) -> tk.BuildResult:
    page = tk.A4
    st = tk.styles(page)
    story: list[object] = [
        tk.para(hall_name, st.center),
        tk.para(tr("SupplyDocs", "Delivery run sheet"), st.title),
        tk.kv_table([
            (tr("SupplyDocs", "Run No."), tk.Fixed(sheet.run_no)),
            (tr("SupplyDocs", "Date"), sheet.run_date.isoformat()),
            (tr("SupplyDocs", "Village groups"), "、".join(sheet.groups)),
            (tr("SupplyDocs", "Driver"), sheet.driver or "________"),
            (tr("SupplyDocs", "Stops / money to collect"), tr("SupplyDocs", "{stops} stops, {money} to collect").format(
                stops=len(sheet.stops), money=format_yuan(sheet.total_to_collect))),
        ], page, label_width=36 * mm),
        tk.spacer(3),
    ]
    header = [tr("SupplyDocs", "No."), tr("SupplyDocs", "Group / address"), tr("SupplyDocs", "Farmer / phone"),
              tr("SupplyDocs", "Hand over"), tr("SupplyDocs", "Amount"), tr("SupplyDocs", "Collect"),
              tr("SupplyDocs", "Signature")]
    rows: list[list[tk.Cell]] = []
    for i, stop in enumerate(sheet.stops, 1):
        items: list[str | tk.Fixed] = [f"{line.name} {line.spec} ×{line.qty}{line.unit}" for line in stop.lines]
        collect = (tr("SupplyDocs", "Credit, nothing to collect") if stop.pay_method == "credit"
                   else f"{format_yuan(stop.to_collect)} {stop.pay_label}")
        # The address usually starts with the group already (三组刘家湾64号): say it once.
        place = stop.address if stop.address.startswith(stop.village_group) else \
            f"{stop.village_group} {stop.address}".strip()
        # One line per item; the phone and the order number are one-line cells, never wrapped.
        rows.append([str(i), place, [stop.farmer, tk.Fixed(stop.phone)] if stop.phone else stop.farmer,
                     [*items, tk.Fixed(stop.order_no)], tk.Fixed(format_yuan(stop.total)), collect, ""])
    width = page.frame_width
    widths = [10 * mm, 30 * mm, 26 * mm, width - 124 * mm, 20 * mm, 22 * mm, 16 * mm]
    table = tk.data_table(header, rows, widths, page=page, right_cols=(4,), zebra=False)
    story += [table, tk.spacer(4),
              tk.para(tr("SupplyDocs", "Total to collect: {money}. Driver's signature: ________  "
                         "Received back by: ________").format(money=format_yuan(sheet.total_to_collect)), st.body)]
    return tk.build_pdf(target, story, page, title=tr("SupplyDocs", "Delivery run sheet"))


# -- ledgers --------------------------------------------------------------------------------------

def _ledger_table(ledger: Ledger, page: tk.PageSpec) -> tuple[list[str], list[list[tk.Cell]], list[float]]:
    def d(value: object) -> str:
        return value.isoformat() if value else ""  # type: ignore[attr-defined]

    if ledger.kind == "purchase":
        header = [tr("SupplyDocs", "No."), tr("SupplyDocs", "Date"), tr("SupplyDocs", "Product name"),
                  tr("SupplyDocs", "Registration No."), tr("SupplyDocs", "Specification"),
                  tr("SupplyDocs", "Manufacturer"), tr("SupplyDocs", "Quantity"), tr("SupplyDocs", "Supplier"),
                  tr("SupplyDocs", "Lot No."), tr("SupplyDocs", "Production date"), tr("SupplyDocs", "Expiry"),
                  tr("SupplyDocs", "Unit cost"), tr("SupplyDocs", "Note")]
        rows: list[list[tk.Cell]] = [[
            str(r.no), tk.Fixed(d(r.date)), r.product, tk.Fixed(r.reg_no), r.spec, r.maker, f"{r.qty}{r.unit}",
            r.party, tk.Fixed(r.lot_no) if r.lot_no else "", tk.Fixed(d(r.production_date)),
            tk.Fixed(d(r.expiry_date)), f"{r.unit_price:.2f}" if r.unit_price is not None else "", r.note]
            for r in ledger.rows]
        mm_widths = [9, 19, 32, 21, 22, 34, 15, 24, 17, 19, 19, 15]
    else:
        header = [tr("SupplyDocs", "No."), tr("SupplyDocs", "Date"), tr("SupplyDocs", "Product name"),
                  tr("SupplyDocs", "Registration No."), tr("SupplyDocs", "Specification"),
                  tr("SupplyDocs", "Manufacturer"), tr("SupplyDocs", "Quantity"), tr("SupplyDocs", "Buyer"),
                  tr("SupplyDocs", "ID number"), tr("SupplyDocs", "Crop / use"), tr("SupplyDocs", "Lot No."),
                  tr("SupplyDocs", "Amount"), tr("SupplyDocs", "Note")]
        rows = [[
            str(r.no), tk.Fixed(d(r.date)), r.product + (tr("SupplyDocs", " (restricted)") if r.restricted else ""),
            tk.Fixed(r.reg_no), r.spec, r.maker, f"{r.qty}{r.unit}", r.party,
            tk.Fixed(r.party_id_number) if r.party_id_number else "", r.use,
            tk.Fixed(r.lot_no) if r.lot_no else "", f"{r.amount:.2f}" if r.amount is not None else "",
            (r.note + " " + r.document).strip()]
            for r in ledger.rows]
        mm_widths = [9, 19, 30, 21, 20, 30, 14, 16, 30, 20, 16, 15]
    widths = [w * mm for w in mm_widths]
    widths.append(page.frame_width - sum(widths))
    return header, rows, widths


def build_ledger_pdf(ledger: Ledger, *, target: str | os.PathLike[str] | IO[bytes] | None = None) -> tk.BuildResult:
    page = A4_LANDSCAPE
    st = tk.styles(page)
    header, rows, widths = _ledger_table(ledger, page)
    story: list[object] = [
        tk.para(f"{ledger.title}({ledger.period})", st.title),
        tk.para(tr("SupplyDocs", "Dealer: {hall}    Rows: {count}").format(hall=ledger.hall_name,
                                                                           count=len(ledger.rows)), st.body),
        tk.spacer(2),
    ]
    if rows:
        # Quantity and money right-aligned, so the figures line up down the column.
        story.append(tk.data_table(header, rows, widths, page=page, right_cols=(6, 11), font_size=8))
    else:
        story.append(tk.para(tr("SupplyDocs", "No entries in this period."), st.body))
    story += [tk.spacer(4), tk.para(tr("SupplyDocs", "Rows are never changed or removed; a correction is a new row "
                                       "that names the row it corrects. Kept for at least two years."), st.small)]
    if ledger.kind == "sales":
        story.append(tk.para(tr("SupplyDocs", "Contains buyers' ID numbers: keep it safe."), st.small))
    story.append(tk.para(tr("SupplyDocs", "Kept by: ________    Checked by: ________"), st.body))
    return tk.build_pdf(target, story, page, title=f"{ledger.title} {ledger.period}",
                        footer=f"{ledger.hall_name} {ledger.title} {ledger.period}")


def write_ledger_xlsx(ledger: Ledger, path: Path) -> Path:
    """The ledger as a workbook: numbers as numbers, dates as dates, IDs and codes as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, _, _ = _ledger_table(ledger, A4_LANDSCAPE)
    wb = Workbook()
    ws = wb.active
    ws.title = ledger.period
    ws.append([f"{ledger.title}({ledger.period})"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([tr("SupplyDocs", "Dealer: {hall}    Rows: {count}").format(hall=ledger.hall_name,
                                                                        count=len(ledger.rows))])
    if ledger.kind == "sales":
        ws.append([tr("SupplyDocs", "Contains buyers' ID numbers: keep it safe.")])
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for r in ledger.rows:
        if ledger.kind == "purchase":
            values = [r.no, r.date, r.product, r.reg_no, r.spec, r.maker, r.qty, r.party, r.lot_no,
                      r.production_date, r.expiry_date, r.unit_price, r.note]
        else:
            values = [r.no, r.date, r.product, r.reg_no, r.spec, r.maker, r.qty, r.party, r.party_id_number,
                      r.use, r.lot_no, r.amount, (r.note + " " + r.document).strip()]
        ws.append(values)
        row = ws.max_row
        for col, value in enumerate(values, 1):
            cell = ws.cell(row=row, column=col)
            if hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str):
                cell.number_format = "@"  # ID numbers and codes stay text
            elif value is not None and not isinstance(value, int):
                cell.number_format = "0.00"
    for col, width in zip("ABCDEFGHIJKLM", (6, 12, 28, 14, 18, 30, 8, 14, 22, 16, 14, 10, 30), strict=True):
        ws.column_dimensions[col].width = width
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    os.replace(tmp, path)
    return path
