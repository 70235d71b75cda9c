"""`villagedesk proxy ...` as a clerk or technician types it, with --json shapes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from villagedesk import cli
from villagedesk.services.idcard import build_id

ID = build_id("420902", dt.date(1956, 4, 12), 123)


def run(capsys, hall: Path, *args: str, clock=None) -> tuple[int, str, str]:
    code = cli.run(["--data-dir", str(hall), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hall(tmp_path, capsys, clock) -> Path:
    d = tmp_path / "hall"
    code, _, err = run(capsys, d, "setup", "--hall-name", "示范村党群服务中心", "--hall-code", "XG0203",
                       "--admin-name", "王管理", "--admin-password", "secret123", clock=clock)
    assert code == 0, err
    return d


def test_catalogue_json_and_pinyin_search(hall, capsys, clock) -> None:
    code, out, _ = run(capsys, hall, "proxy", "catalogue", "--json", clock=clock)
    items = json.loads(out)
    assert code == 0 and len(items) >= 40
    assert {"code", "name", "category"} <= set(items[0])
    code, out, _ = run(capsys, hall, "proxy", "catalogue", "--search", "sfz", "--json", clock=clock)
    assert "GA001" in [i["code"] for i in json.loads(out)]


def test_accept_with_quick_add_then_every_step_by_number_only(hall, capsys, clock, tmp_path) -> None:
    code, out, err = run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", "RS001",
                         "--json", clock=clock)
    assert code != 0 and "--name" in err  # not registered yet: says how to register
    code, out, err = run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", "RS001",
                         "--name", "张三明", "--missing", "户口簿", "--json", clock=clock)
    assert code == 0, err
    accepted = json.loads(out)
    assert set(accepted) == {"receipt_number", "due_date"}
    number = accepted["receipt_number"]
    assert number == "XG0203-01-2026-000001" and accepted["due_date"] == "2026-03-09"
    code, out, _ = run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", "GA001", clock=clock)
    assert out.strip() == "XG0203-01-2026-000002"  # plain output: just the number

    code, _, err = run(capsys, hall, "proxy", "complete", number, clock=clock)
    assert code != 0 and number in err and "报送" in err  # refused, and says why
    for step, status in (("forward", "forwarded"), ("return", "returned"), ("forward", "forwarded"),
                         ("complete", "completed"), ("collect", "collected")):
        code, out, err = run(capsys, hall, "proxy", step, number, "--json", clock=clock)
        assert code == 0, err
        assert json.loads(out)["status"] == status
    code, out, _ = run(capsys, hall, "proxy", "show", number, "--json", clock=clock)
    shown = json.loads(out)
    assert shown["status"] == "collected" and shown["applicant_name"] == "张三明"
    assert [t["kind"] for t in shown["timeline"]] == [
        "accepted", "forwarded", "returned", "resubmitted", "completed", "collected"]
    assert all(t["staff_name"] == "王管理" for t in shown["timeline"])
    code, out, _ = run(capsys, hall, "proxy", "show", number, clock=clock)
    assert "新铺镇" not in out and "乡镇便民服务中心" in out  # default office (hall without township)


def test_list_filters_and_overdue(hall, capsys, clock) -> None:
    run(capsys, hall, "residents", "add", "--name", "李小红", "--id", ID, clock=clock)
    for code_ in ("YB001", "MZ001"):
        assert run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", code_, clock=clock)[0] == 0
    clock.advance(days=10)
    code, out, _ = run(capsys, hall, "proxy", "list", "--overdue", "--json", clock=clock)
    rows = json.loads(out)
    assert [r["service_code"] for r in rows] == ["YB001"] and rows[0]["overdue"] is True
    code, out, _ = run(capsys, hall, "proxy", "list", "--status", "accepted", "--json", clock=clock)
    assert len(json.loads(out)) == 2
    code, out, _ = run(capsys, hall, "proxy", "list", "--service", "MZ001", clock=clock)
    assert "最低生活保障申请" in out and "医保" not in out
    code, _, err = run(capsys, hall, "proxy", "list", "--status", "lost", clock=clock)
    assert code != 0 and "lost" in err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_receipt_and_notice_pdfs(hall, capsys, clock, tmp_path) -> None:
    run(capsys, hall, "residents", "add", "--name", "张三明", "--id", ID, clock=clock)
    _, out, _ = run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", "GA001", "--json", clock=clock)
    number = json.loads(out)["receipt_number"]
    pdf = tmp_path / "r.pdf"
    code, out, err = run(capsys, hall, "proxy", "receipt", number, "--pdf", str(pdf), "--paper", "roll80",
                         "--json", clock=clock)
    assert code == 0, err
    info = json.loads(out)
    assert Path(info["archived"]).is_file() and info["reprint"] is False
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert number in text and "居民身份证换领" in text and "4209**********1237" in text
    _, out, _ = run(capsys, hall, "proxy", "receipt", number, "--pdf", str(pdf), "--json", clock=clock)
    assert json.loads(out)["reprint"] is True
    assert "补打" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for step in ("forward", "complete"):
        run(capsys, hall, "proxy", step, number, clock=clock)
    notice = tmp_path / "n.pdf"
    code, _, err = run(capsys, hall, "proxy", "notice", "--month", "2026-03", "--pdf", str(notice), clock=clock)
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(notice), "-"], capture_output=True, text=True).stdout
    assert "张*明" in text and number in text
    code, _, err = run(capsys, hall, "proxy", "notice", "--month", "2026/3", "--pdf", str(notice), clock=clock)
    assert code != 0 and "2026-03" in err


def test_verify_a_receipt_code(hall, capsys, clock) -> None:
    from villagedesk.receipts import toolkit as tk
    from villagedesk.services.auth import hall_info

    run(capsys, hall, "residents", "add", "--name", "张三明", "--id", ID, clock=clock)
    _, out, _ = run(capsys, hall, "proxy", "accept", "--resident", ID, "--service", "GA001", clock=clock)
    number = out.strip()
    from villagedesk.bootstrap import open_store
    from villagedesk.config import Paths

    store = open_store(Paths.default(hall), clock=clock)
    try:
        payload = tk.qr_payload(number, bytes.fromhex(hall_info(store).receipt_secret))
    finally:
        store.close()
    code, out, _ = run(capsys, hall, "proxy", "verify", payload, "--json", clock=clock)
    assert code == 0 and json.loads(out) == {"receipt_number": number, "valid": True}
    forged = payload[:-1] + ("0" if payload[-1] != "0" else "1")
    code, out, _ = run(capsys, hall, "proxy", "verify", forged, clock=clock)
    assert code == 1 and number in out
