"""`villagedesk supply ...` as the issue spells it, with --json."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from villagedesk import cli
from villagedesk.services.idcard import build_id


def run(capsys, d: Path, *args: str, clock=None) -> tuple[int, str, str]:
    code = cli.run(["--data-dir", str(d), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hall(tmp_path, capsys, clock) -> Path:
    d = tmp_path / "hall"
    code, _, err = run(capsys, d, "setup", "--hall-name", "示范村党群服务中心", "--hall-code", "XG0203",
                       "--admin-name", "王管理", "--admin-password", "secret123", clock=clock)
    assert code == 0, err
    return d


def test_products_add_receive_sell_receipt_stock_and_ledger(hall, capsys, clock, tmp_path) -> None:
    code, out, err = run(capsys, hall, "supply", "products", "--search", "caogan", "--json", clock=clock)
    assert code == 0, err
    assert json.loads(out)[0]["code"] == "C0301"
    code, out, err = run(capsys, hall, "supply", "products", "add", "--name", "吡蚜酮", "--category", "农药",
                         "--unit", "袋", "--price", "6.80", "--spec", "25% 10g/袋", "--maker", "某农化",
                         "--reg-no", "PD20101234", "--json", clock=clock)
    assert code == 0, err
    product = json.loads(out)["code"]
    code, out, err = run(capsys, hall, "supply", "receive", "--product", product, "--qty", "20", "--supplier",
                         "县植保站", "--lot", "P1", "--expiry", "2026-03-20", "--json", clock=clock)
    assert code == 0, err
    assert json.loads(out)["stock"] == 20
    code, out, err = run(capsys, hall, "supply", "sell", "--product", product, "--qty", "25", clock=clock)
    assert code != 0 and "20" in err and out == ""
    code, out, err = run(capsys, hall, "supply", "sell", "--product", product, "--qty", "3", "--json", clock=clock)
    assert code == 0, err
    sale = json.loads(out)
    assert sale["total"] == "20.40" and sale["total_capital"] == "贰拾元肆角"
    pdf = tmp_path / "r.pdf"
    code, out, err = run(capsys, hall, "supply", "receipt", sale["sale"], "--pdf", str(pdf), "--json", clock=clock)
    assert code == 0, err
    assert pdf.stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert "贰拾元肆角" in text
    code, out, _ = run(capsys, hall, "supply", "stock", "--low", "--json", clock=clock)
    assert [x["code"] for x in json.loads(out)] == []
    code, out, _ = run(capsys, hall, "supply", "stock", "--expiring", "--json", clock=clock)
    assert [(x["code"], x["qty"]) for x in json.loads(out)] == [(product, 17)]
    xlsx, lpdf = tmp_path / "l.xlsx", tmp_path / "l.pdf"
    code, out, err = run(capsys, hall, "supply", "ledger", "--kind", "sales", "--month", "2026-03", "--pdf",
                         str(lpdf), "--xlsx", str(xlsx), "--json", clock=clock)
    assert code == 0, err
    led = json.loads(out)
    assert [(r["product"], r["qty"]) for r in led["rows"]] == [("吡蚜酮", 3)] and xlsx.exists() and lpdf.exists()


def test_order_and_run_with_pdf(hall, capsys, clock, tmp_path) -> None:
    idn = build_id("420902", dt.date(1970, 2, 3), 77)
    code, _, err = run(capsys, hall, "residents", "add", "--name", "刘老三", "--id", idn, clock=clock)
    assert code == 0, err
    run(capsys, hall, "supply", "receive", "--product", "C0202", "--qty", "10", "--supplier", "县农资公司",
        clock=clock)
    code, out, err = run(capsys, hall, "supply", "order", "add", "--farmer", idn, "--product", "C0202", "--qty",
                         "2", "--date", "2026-03-04", "--pay", "credit", "--json", clock=clock)
    assert code == 0, err
    assert json.loads(out)["status"] == "registered"
    pdf = tmp_path / "run.pdf"
    code, out, err = run(capsys, hall, "supply", "run", "--date", "2026-03-04", "--pdf", str(pdf), "--start",
                         "--json", clock=clock)
    assert code == 0, err
    sheet = json.loads(out)
    assert [s["farmer"] for s in sheet["stops"]] == ["刘老三"] and sheet["stops"][0]["status"] == "delivering"
    assert pdf.exists()
    code, out, _ = run(capsys, hall, "supply", "credit", "--json", clock=clock)
    assert json.loads(out)[0]["balance"] == "330.00"
