"""Sales receipt (农资销售小票 / 销售单) on an 80 mm roll or on A5.

Items, quantities, unit prices, the total in figures and in Chinese capitals (大写金额),
the payment method, and a QR code carrying the signed sale number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from villagedesk.i18n import tr
from villagedesk.receipts import toolkit as tk
from villagedesk.receipts.fonts import MAIN_FONT
from villagedesk.services.money import format_yuan

if TYPE_CHECKING:
    from villagedesk.services.supply_sales import SaleDetail


@dataclass(frozen=True)
class HallHeader:
    name: str
    phone: str = ""
    receipt_secret: str = ""


def _money(value: object) -> str:
    return format_yuan(value)  # type: ignore[arg-type]


def sale_receipt_story(sale: SaleDetail, hall: HallHeader, page: tk.PageSpec) -> list[object]:
    st = tk.styles(page)
    roll = page.is_roll
    story: list[object] = [
        tk.para(hall.name, st.center),
        tk.para(tr("SupplyReceipt", "Agricultural supplies sales receipt"), st.title),
    ]
    pairs: list[tuple[str, tk.Cell]] = [
        (tr("SupplyReceipt", "Sale No."), tk.Fixed(sale.sale_no)),
        (tr("SupplyReceipt", "Date"), sale.sale_date.isoformat()),
    ]
    if sale.buyer_name:
        pairs.append((tr("SupplyReceipt", "Buyer"), sale.buyer_name))
    if sale.buyer_id_masked:
        pairs.append((tr("SupplyReceipt", "ID number"), tk.Fixed(sale.buyer_id_masked)))
    if sale.buyer_use:
        pairs.append((tr("SupplyReceipt", "Crop / use"), sale.buyer_use))
    story += [tk.kv_table(pairs, page, grid=not roll), tk.spacer(2)]

    width = page.frame_width
    if roll:
        header = [tr("SupplyReceipt", "Item"), tr("SupplyReceipt", "Qty"), tr("SupplyReceipt", "Price"),
                  tr("SupplyReceipt", "Amount")]
        rows = [[f"{line.name} {line.spec}".strip(), f"{line.qty}{line.unit}", f"{line.unit_price:.2f}",
                 tk.Fixed(f"{line.amount:.2f}")] for line in sale.lines]
        widths = [width - 46 * mm, 12 * mm, 15 * mm, 19 * mm]
        story.append(tk.data_table(header, rows, widths, page=page, right_cols=(1, 2, 3), zebra=False))
    else:
        header = [tr("SupplyReceipt", "No."), tr("SupplyReceipt", "Item"), tr("SupplyReceipt", "Specification"),
                  tr("SupplyReceipt", "Registration No."), tr("SupplyReceipt", "Qty"),
                  tr("SupplyReceipt", "Price"), tr("SupplyReceipt", "Amount")]
        rows = [[str(i), line.name, line.spec, tk.Fixed(line.reg_no) if line.reg_no else "",
                 f"{line.qty}{line.unit}", f"{line.unit_price:.2f}", tk.Fixed(f"{line.amount:.2f}")]
                for i, line in enumerate(sale.lines, 1)]
        widths = [9 * mm, width - 97 * mm, 22 * mm, 20 * mm, 13 * mm, 15 * mm, 18 * mm]
        story.append(tk.data_table(header, rows, widths, page=page, right_cols=(4, 5, 6)))
    story.append(tk.spacer(2))
    totals = [
        (tr("SupplyReceipt", "Total"), tk.Fixed(_money(sale.total))),
        (tr("SupplyReceipt", "In words"), tr("SupplyReceipt", "RMB {capital}").format(capital=sale.total_capital)),
        (tr("SupplyReceipt", "Payment"), sale.pay_label),
    ]
    if sale.staff_name:
        totals.append((tr("SupplyReceipt", "Cashier"), sale.staff_name))
    story.append(tk.kv_table(totals, page, grid=not roll))
    if any(line.restricted or line.reg_no for line in sale.lines):
        story += [tk.spacer(1.5), tk.para(tr("SupplyReceipt", "Use pesticides only as the label says; keep them "
                                             "away from children and food."), st.small)]
    if sale.pay_method == "credit":
        story += [tk.spacer(1.5), tk.para(tr("SupplyReceipt", "Bought on credit. Buyer's signature:"), st.body),
                  tk.spacer(6 if roll else 8)]
    tail: list[object] = [tk.para(tr("SupplyReceipt", "Keep this receipt. Hall phone: {phone}").format(
        phone=hall.phone or "-"), st.small)]
    if hall.receipt_secret:
        qr = tk.qr_flowable(sale.sale_no, bytes.fromhex(hall.receipt_secret), size_mm=20 if roll else 22)
        t = Table([[qr, tail[0]]], colWidths=[24 * mm, width - 24 * mm])
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), MAIN_FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TEXTCOLOR", (0, 0), (-1, -1), colors.black)]))
        tail = [t]
    story += [tk.spacer(2), *tail]
    return story


def build_sale_receipt(sale: SaleDetail, hall: HallHeader, *, paper: str = "roll80",
                       target: str | os.PathLike[str] | IO[bytes] | None = None,
                       reprint: str | None = None) -> tk.BuildResult:
    page = tk.page_spec(paper)
    return tk.build_pdf(target, sale_receipt_story(sale, hall, page), page,
                        title=tr("SupplyReceipt", "Sales receipt {no}").format(no=sale.sale_no), reprint=reprint)
