"""Supply documents: the sales receipt (80 mm and A5) with 大写金额, the run sheet, the ledgers."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from villagedesk.receipts.supply_docs import build_ledger_pdf, build_run_sheet, write_ledger_xlsx
from villagedesk.receipts.supply_receipt import HallHeader, build_sale_receipt
from villagedesk.services import supply_ledgers as ledgers
from villagedesk.services import supply_orders as orders
from villagedesk.services import supply_sales as sales
from villagedesk.services import supply_stock as stock
from villagedesk.services.auth import hall_info
from villagedesk.services.idcard import build_id
from villagedesk.services.residents import add_resident

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def header(store) -> HallHeader:
    hall = hall_info(store)
    return HallHeader(hall.name, hall.phone, hall.receipt_secret)


@needs_poppler
@pytest.mark.parametrize(("qty", "price", "capital"), [
    (1, "0.05", "伍分"),
    (1, "10.50", "壹拾元伍角"),
    (5, "201.00", "壹仟零伍元整"),
    (2, "840.16", "壹仟陆佰捌拾元叁角贰分"),
    (1000, "100.00", "壹拾万元整"),
])
def test_receipt_prints_the_total_in_chinese_capitals(store, actor, tmp_path, qty, price, capital) -> None:
    stock.receive(store, actor=actor, product="C0601", qty=1000, supplier="农机站")
    sale = sales.sell(store, actor=actor, items=[("C0601", qty, price)], pay="mobile")
    assert sale.total_capital == capital
    for paper in ("roll80", "a5"):
        pdf = tmp_path / f"r-{paper}.pdf"
        result = build_sale_receipt(sale, header(store), paper=paper, target=pdf)
        assert not result.missing_glyphs
        text = "".join(pdf_text(pdf).split())
        assert capital in text, text
        assert "移动支付" in text and "背负式手动喷雾器" in text and sale.sale_no in text
        assert f"{sale.total:,.2f}" in text


@needs_poppler
def test_restricted_sale_receipt_shows_masked_id_and_use_and_embeds_fonts(store, actor, tmp_path) -> None:
    stock.receive(store, actor=actor, product="C0309", qty=10, supplier="县植保站", lot_no="B1")
    buyer = build_id("420902", dt.date(1972, 8, 8), 45)
    sale = sales.sell(store, actor=actor, items=[("C0309", 2)],
                      buyer_id_number=buyer, buyer_name="陈大户", use="水稻")
    pdf = tmp_path / "r.pdf"
    build_sale_receipt(sale, header(store), paper="roll80", target=pdf)
    text = "".join(pdf_text(pdf).split())
    assert buyer not in text and buyer[:4] in text and buyer[-4:] in text
    assert "水稻" in text and "毒死蜱乳油" in text and "贰拾肆元整" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and all(" yes " in line for line in fonts.splitlines()[2:])


@needs_poppler
def test_run_sheet_lists_stops_by_group_with_money_and_signature_column(store, actor, tmp_path) -> None:
    stock.receive(store, actor=actor, product="C0202", qty=20, supplier="县农资公司")
    people = [("王二", "三组", 61, "cash"), ("郑三", "一组", 62, "credit")]
    for name, group, seq, pay in people:
        f = add_resident(store, actor=actor, name=name, id_number=build_id("420902", dt.date(1960, 1, 1), seq),
                         phone="13700001234", village_group=group, address=f"{group}{seq}号")
        orders.register_order(store, actor=actor, farmer=f.id, items=[("C0202", 2)], wanted_date="2026-03-03",
                              pay=pay)
    sheet = orders.plan_run(store, actor=actor, run_date="2026-03-03", driver="刘师傅")
    pdf = tmp_path / "run.pdf"
    build_run_sheet(sheet, hall_name=hall_info(store).name, target=pdf)
    text = pdf_text(pdf)
    assert text.index("郑三") < text.index("王二")  # 一组 before 三组
    flat = text.replace(" ", "")
    assert "签收" in flat and "赊销" in flat and "¥330.00" in flat and "刘师傅" in flat
    # The driver dials the phone and reads the order number: each stays on one line.
    lines = text.splitlines()
    assert lines.count("13700001234") == 2
    assert all(stop.order_no in lines for stop in sheet.stops)
    assert "三组三组" not in flat  # the group is not said twice when the address starts with it


@needs_poppler
def test_ledgers_print_and_export_with_ids_as_text(store, actor, tmp_path) -> None:
    stock.receive(store, actor=actor, product="C0309", qty=10, supplier="县植保站", lot_no="B1",
                  production_date="2025-10-01", expiry_date="2027-10-01", unit_cost="9.50")
    buyer = build_id("420902", dt.date(1972, 8, 8), 45)
    sales.sell(store, actor=actor, items=[("C0309", 2)], buyer_id_number=buyer, buyer_name="陈大户", use="水稻")
    for kind in ("purchase", "sales"):
        led = ledgers.ledger(store, kind=kind, period="2026-03")
        pdf = tmp_path / f"{kind}.pdf"
        build_ledger_pdf(led, target=pdf)
        text = "".join(pdf_text(pdf).split())
        assert led.title in text and "毒死蜱乳油" in text and "PD20080457" in text and "浙江新农化工股份有限公司" in text
        assert ("县植保站" if kind == "purchase" else buyer) in text
        xlsx = write_ledger_xlsx(led, tmp_path / f"{kind}.xlsx")
        ws = load_workbook(xlsx).active
        values = [c.value for row in ws.iter_rows() for c in row]
        assert "毒死蜱乳油" in values and "PD20080457" in values
        if kind == "sales":
            assert buyer in values  # stored as text, all 18 characters
