"""`villagedesk eldercare ...` as a clerk types it; --json shapes; errors in Chinese on stderr."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from villagedesk import cli
from villagedesk.services.idcard import build_id

OLD = build_id("420902", dt.date(1944, 5, 6), 211)  # 81, 低保 below
ALONE = build_id("420902", dt.date(1958, 1, 9), 212)  # 68
TOMORROW = build_id("420902", dt.date(1966, 3, 3), 213)  # turns 60 on 3 March 2026
YOUNG = build_id("420902", dt.date(1990, 1, 1), 214)


def run(capsys, hall: Path, *args: str, clock=None) -> tuple[int, str, str]:
    code = cli.run(["--data-dir", str(hall), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(capsys, hall, clock, *args: str):
    code, out, err = run(capsys, hall, *args, "--json", clock=clock)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def hall(tmp_path, capsys, clock) -> Path:
    d = tmp_path / "hall"
    code, _, err = run(capsys, d, "setup", "--hall-name", "示范村党群服务中心", "--hall-code", "XG0203",
                       "--admin-name", "王管理", "--admin-password", "secret123", clock=clock)
    assert code == 0, err
    for name, id_number in (("李奶奶", OLD), ("赵爷爷", ALONE), ("钱明天", TOMORROW), ("孙年轻", YOUNG)):
        code, _, err = run(capsys, d, "residents", "add", "--name", name, "--id", id_number, clock=clock)
        assert code == 0, err
    return d


def test_roster_rows_and_flag_filter(hall, capsys, clock) -> None:
    ok_json(capsys, hall, clock, "eldercare", "profile", "--elder", ALONE, "--lives-alone", "yes",
            "--carer", "李春华", "--carer-kind", "明灯户", "--contact", "赵小,儿子,13900001111")
    rows = ok_json(capsys, hall, clock, "eldercare", "roster")
    assert [(r["name"], r["id_number"], r["age"]) for r in rows] == [("李奶奶", OLD, 81), ("赵爷爷", ALONE, 68)]
    assert {"name", "id_number", "age", "flags"} <= set(rows[0]) and "age80" in rows[0]["flags"]
    assert [r["name"] for r in ok_json(capsys, hall, clock, "eldercare", "roster", "--flag", "独居")] == ["赵爷爷"]
    code, out, _ = run(capsys, hall, "eldercare", "roster", "--flag", "高龄", clock=clock)
    assert code == 0 and "李奶奶" in out and "高龄" in out and "赵爷爷" not in out
    clock.advance(days=1)
    assert "钱明天" in [r["name"] for r in ok_json(capsys, hall, clock, "eldercare", "roster")]


def test_visit_due_and_follow_up(hall, capsys, clock) -> None:
    due = ok_json(capsys, hall, clock, "eldercare", "due")
    assert {d["name"] for d in due} == {"李奶奶", "赵爷爷"}
    v = ok_json(capsys, hall, clock, "eldercare", "visit", "--elder", OLD, "--type", "助医",
                "--findings", "咳嗽", "--follow-up")
    assert v["visit_type"] == "medical" and v["visitor_name"] == "王管理" and v["follow_up_open"]
    assert [d["name"] for d in ok_json(capsys, hall, clock, "eldercare", "due")] == ["赵爷爷"]
    [f] = ok_json(capsys, hall, clock, "eldercare", "follow-ups")
    ok_json(capsys, hall, clock, "eldercare", "close", f["id"], "--result", "已陪同就医")
    assert ok_json(capsys, hall, clock, "eldercare", "follow-ups") == []
    code, _, err = run(capsys, hall, "eldercare", "visit", "--elder", YOUNG, "--type", "探访", clock=clock)
    assert code != 0 and "尚未进入老人名册" in err
    code, _, err = run(capsys, hall, "eldercare", "visit", "--elder", OLD, "--type", "聊天", clock=clock)
    assert code != 0 and "探访类型" in err


def test_meals_statement_and_pdf(hall, capsys, clock, tmp_path) -> None:
    r = ok_json(capsys, hall, clock, "eldercare", "meals", "--date", "2026-03-02", "--elder", OLD, ALONE,
                "--delivered", OLD)
    assert [(m["name"], m["mode"], m["paid"]) for m in r["added"]] == [
        ("李奶奶", "delivered", "7.00"), ("赵爷爷", "served", "10.00")]  # 80+: 12-5, others: 12-2
    again = ok_json(capsys, hall, clock, "eldercare", "meals", "--date", "2026-03-02", "--elder", OLD)
    assert again["added"] == [] and again["already"][0]["name"] == "李奶奶"
    ok_json(capsys, hall, clock, "eldercare", "meals", "--date", "2026-03-02", "--meal", "晚餐", "--elder", OLD)
    pdf = tmp_path / "st.pdf"
    st = ok_json(capsys, hall, clock, "eldercare", "statement", "--month", "2026-03", "--pdf", str(pdf))
    assert st["totals"] == {"elders": 2, "meals": 3, "amount": "34.00", "subsidy": "12.00", "paid": "22.00"}
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "助餐服务月度结算表" in text and "34.00" in text
    code, _, err = run(capsys, hall, "eldercare", "statement", "--month", "3/2026", clock=clock)
    assert code != 0 and "YYYY-MM" in err


def test_certify_unchecked_and_allowance(hall, capsys, clock) -> None:
    r = ok_json(capsys, hall, clock, "eldercare", "certify", "--elder", OLD, "--method", "上门")
    assert r["method"] == "home" and r["year"] == 2026
    assert [e["name"] for e in ok_json(capsys, hall, clock, "eldercare", "unchecked")] == ["赵爷爷"]
    code, _, err = run(capsys, hall, "eldercare", "certify", "--elder", OLD, "--method", "现场", clock=clock)
    assert code != 0 and "已于" in err
    started = ok_json(capsys, hall, clock, "eldercare", "certify", "--elder", ALONE, "--method", "代办",
                      "--start-proxy")
    assert started["receipt_number"].startswith("XG0203-01-2026-")
    new = ok_json(capsys, hall, clock, "eldercare", "allowance", "--month", "2024-05")
    assert [(i["name"], i["threshold"], i["monthly"]) for i in new] == [("李奶奶", 80, "50.00")]
    rules = ok_json(capsys, hall, clock, "eldercare", "rules", "--set", "visit_default_days=21")
    assert rules["visit_default_days"] == 21 and rules["overridden"] == ["visit_default_days"]
