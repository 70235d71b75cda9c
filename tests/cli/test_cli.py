"""The command line, as a township technician would use it: set up, register, search, back up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_fixture
from villagedesk import cli


def run(capsys, *args: str, clock=None) -> tuple[int, str, str]:
    code = cli.run(list(args), clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hall(tmp_path, capsys, clock) -> Path:
    d = tmp_path / "hall"
    code, _, err = run(capsys, "--data-dir", str(d), "setup", "--hall-name", "示范村党群服务中心",
                       "--hall-code", "xg0203", "--admin-name", "王管理", "--admin-password", "secret123",
                       clock=clock)
    assert code == 0, err
    return d


def test_setup_refuses_a_second_time(hall, capsys, clock) -> None:
    code, _, err = run(capsys, "--data-dir", str(hall), "setup", "--hall-name", "x", "--hall-code",
                       "AB1234", "--admin-name", "a", "--admin-password", "secret123", clock=clock)
    assert code != 0 and "已经初始化" in err


def test_the_second_pc_of_a_hall_gets_its_own_number_in_receipt_numbers(tmp_path, capsys, clock) -> None:
    import datetime as dt

    from villagedesk.services.idcard import build_id

    numbers = []
    for pc, device in (("pc1", None), ("pc2", "2")):
        d = tmp_path / pc
        extra = ["--device-code", device] if device else []
        code, out, err = run(capsys, "--data-dir", str(d), "setup", "--hall-name", "示范村党群服务中心",
                             "--hall-code", "XG0203", "--admin-name", "王管理", "--admin-password",
                             "secret123", *extra, "--json", clock=clock)
        assert code == 0, err
        assert json.loads(out)["device_code"] == ("02" if device else "01")
        code, out, err = run(capsys, "--data-dir", str(d), "proxy", "accept", "--resident",
                             build_id("420902", dt.date(1956, 4, 12), 123), "--name", "张三明",
                             "--service", "RS001", clock=clock)
        assert code == 0, err
        numbers.append(out.strip())
    assert numbers == ["XG0203-01-2026-000001", "XG0203-02-2026-000001"]  # never the same number
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "pc3"), "setup", "--hall-name", "x",
                       "--hall-code", "XG0203", "--admin-name", "a", "--admin-password", "secret123",
                       "--device-code", "00", clock=clock)
    assert code != 0 and "01 到 99" in err


def test_add_show_search(hall, capsys, clock) -> None:
    d = str(hall)
    code, out, err = run(capsys, "--data-dir", d, "residents", "add", "--name", "张三丰",
                         "--id", "420984460522006", "--phone", "138-1234-0069", "--json", clock=clock)
    assert code == 0, err
    added = json.loads(out)
    assert added["id_number"] == "420984194605220069" and added["relation"] == "户主"
    code, out, _ = run(capsys, "--data-dir", d, "residents", "show", "420984194605220069", clock=clock)
    assert "张三丰" in out and "13812340069" in out
    code, out, _ = run(capsys, "--data-dir", d, "residents", "search", "zsf", "--json", clock=clock)
    data = json.loads(out)
    assert [h["name"] for h in data["hits"]] == ["张三丰"] and data["elapsed_ms"] >= 0


def test_bad_id_gives_chinese_error_and_nonzero_exit(hall, capsys, clock) -> None:
    code, out, err = run(capsys, "--data-dir", str(hall), "residents", "add", "--name", "李四",
                         "--id", "420984194605220068", clock=clock)
    assert code != 0 and out == "" and "逐位" in err


def test_import_dry_run_json_matches_expected(hall, capsys, clock) -> None:
    expected = json.loads(shared_fixture("roster-sample.expected.json").read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "--data-dir", str(hall), "residents", "import",
                       str(shared_fixture("roster-sample.xlsx")), "--dry-run", "--json", clock=clock)
    assert code == 0
    data = json.loads(out)
    assert data["data_rows"] == expected["data_rows"] and data["valid_rows"] == expected["valid_rows"]
    assert [{k: v for k, v in e.items() if k != "message"} for e in data["errors"]] == expected["errors"]
    assert data["normalized_ids"] == expected["normalized_ids"]


def test_export_writes_ids_as_text(hall, capsys, clock, tmp_path) -> None:
    import openpyxl

    run(capsys, "--data-dir", str(hall), "residents", "add", "--name", "王五", "--id",
        "42098219750220362x", clock=clock)
    out_file = tmp_path / "export.xlsx"
    code, _, err = run(capsys, "--data-dir", str(hall), "residents", "export", str(out_file), clock=clock)
    assert code == 0, err
    cells = [c for row in openpyxl.load_workbook(out_file).active.iter_rows() for c in row
             if c.value == "42098219750220362X"]
    assert cells and cells[0].data_type == "s" and cells[0].number_format == "@"


def test_backup_check_restore(hall, capsys, clock, tmp_path) -> None:
    d = str(hall)
    code, out, _ = run(capsys, "--data-dir", d, "db", "backup", "--json", clock=clock)
    backup_file = json.loads(out)["backup"]
    run(capsys, "--data-dir", d, "residents", "add", "--name", "后来者", "--id", "420984194605220069",
        clock=clock)
    code, out, _ = run(capsys, "--data-dir", d, "db", "check", "--json", clock=clock)
    assert code == 0 and json.loads(out)["integrity"] == "ok"
    # A damaged file is refused before anything is replaced.
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    code, _, err = run(capsys, "--data-dir", d, "db", "restore", str(bad), clock=clock)
    assert code != 0 and ("不是" in err or "损坏" in err)
    code, out, _ = run(capsys, "--data-dir", d, "residents", "search", "后来者", "--json", clock=clock)
    assert len(json.loads(out)["hits"]) == 1
    code, _, err = run(capsys, "--data-dir", d, "db", "restore", backup_file, clock=clock)
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", d, "residents", "search", "后来者", "--json", clock=clock)
    assert json.loads(out)["hits"] == []


def test_demo_seed_builds_a_hall_by_itself(tmp_path, capsys, clock) -> None:
    d = str(tmp_path / "demo")
    code, out, err = run(capsys, "--data-dir", d, "demo", "seed", "--residents", "300", "--json", clock=clock)
    assert code == 0, err
    data = json.loads(out)
    assert data["residents"] == 300 and data["created_hall"] is True
    code, out, _ = run(capsys, "--data-dir", d, "residents", "search", "张", "--json", clock=clock)
    assert json.loads(out)["hits"]


def test_staff_option_records_who_acted(hall, capsys, clock) -> None:
    from sqlalchemy import text

    from villagedesk.config import Paths
    from villagedesk.db.store import Store
    from villagedesk.services import auth

    code, _, err = run(capsys, "--data-dir", str(hall), "--staff", "无此人", "residents", "search", "x",
                       clock=clock)
    assert code != 0 and "无此人" in err
    store = Store.open(Paths.default(hall).database, clock=clock)
    try:
        clerk = auth.create_staff(store, actor=auth.actor_for(store), name="李代办", role="proxy",
                                  password="secret123")
    finally:
        store.close()
    for staff, ident in ((["--staff", "李代办"], "420984194605220069"), ([], "42098219750220362X")):
        code, out, err = run(capsys, "--data-dir", str(hall), *staff, "residents", "add", "--name", "某人",
                             "--id", ident, "--json", clock=clock)
        assert code == 0, err
    store = Store.open(Paths.default(hall).database, clock=clock)
    try:
        with store.read() as s:
            who = s.execute(text(
                "SELECT r.id_number, st.name FROM audit_log a JOIN resident r ON r.id = a.entity_id "
                "JOIN staff st ON st.id = a.staff_id WHERE a.entity = 'resident' AND a.action = 'insert' "
                "ORDER BY r.id_number")).all()
    finally:
        store.close()
    assert [tuple(w) for w in who] == [("42098219750220362X", "王管理"),
                                        ("420984194605220069", clerk.name)]  # default: the administrator


def test_a_wrong_command_line_is_explained_in_chinese(hall, capsys, clock) -> None:
    for args, detail in ((["residents", "add", "--id", "420984194605220069"], "--name"),  # missing
                         (["residents", "search", "张", "--limit", "0"], "--limit")):
        with pytest.raises(SystemExit) as exit_info:
            run(capsys, "--data-dir", str(hall), *args, clock=clock)
        err = capsys.readouterr().err
        assert exit_info.value.code == 2
        assert "命令不完整或有误" in err and "--help" in err and detail in err
