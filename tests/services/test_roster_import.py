"""Importing a roster workbook: all or nothing, repeatable, and safe against a killed process."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from tests.conftest import shared_fixture
from villagedesk.db.engine import make_engine
from villagedesk.errors import DomainError
from villagedesk.services import residents
from villagedesk.services.idcard import build_id
from villagedesk.services.roster_import import ImportCancelled, import_roster

SAMPLE = shared_fixture("roster-sample.xlsx")
EXPECTED = json.loads(shared_fixture("roster-sample.expected.json").read_text(encoding="utf-8"))


def _copy_sample(tmp_path: Path) -> Path:
    dest = tmp_path / "花名册.xlsx"
    dest.write_bytes(SAMPLE.read_bytes())
    return dest


def _counts(store) -> tuple[int, int]:
    with store.read() as s:
        return (s.execute(text("SELECT count(*) FROM resident")).scalar_one(),
                s.execute(text("SELECT count(*) FROM household")).scalar_one())


def test_dry_run_matches_the_expected_report_and_writes_nothing(store, actor, tmp_path) -> None:
    outcome = import_roster(store, actor=actor, path=_copy_sample(tmp_path), dry_run=True)
    report = outcome.to_dict()
    for key in ("data_rows", "valid_rows", "normalized_ids"):
        assert report[key] == EXPECTED[key]
    assert [{k: e[k] for k in ("row", "field", "kind", "first_row") if k in e} for e in report["errors"]] \
        == EXPECTED["errors"]
    assert all(e["message"] for e in report["errors"])
    assert _counts(store) == (0, 0)


def test_errors_stop_the_whole_import_by_default(store, actor, tmp_path) -> None:
    with pytest.raises(DomainError) as err:
        import_roster(store, actor=actor, path=_copy_sample(tmp_path))
    assert "4" in err.value.message
    assert _counts(store) == (0, 0)


def test_skip_invalid_imports_54_rows_and_a_second_run_changes_nothing(store, actor, tmp_path) -> None:
    path = _copy_sample(tmp_path)
    first = import_roster(store, actor=actor, path=path, skip_invalid=True)
    assert first.imported == 54
    report = openpyxl.load_workbook(first.error_report)
    rows = [r for r in report.active.iter_rows(values_only=True) if r and any(r)]
    assert any(9 in r for r in rows) and any(42 in r for r in rows)
    counts = _counts(store)
    with store.read() as s:
        outbox_before = s.execute(text("SELECT max(seq) FROM outbox")).scalar_one()
    second = import_roster(store, actor=actor, path=path, skip_invalid=True)
    assert (second.imported, second.already_present) == (0, 54)
    assert _counts(store) == counts
    with store.read() as s:
        assert s.execute(text("SELECT max(seq) FROM outbox")).scalar_one() == outbox_before
    # households come from 户号 + 与户主关系, and the converted 15-digit number is stored in 18 digits
    old = residents.get_resident(store, id_number="420984194605220069")
    assert old.name and residents.get_household(store, household_id=old.household_id).members


def test_cancel_leaves_nothing(store, actor, tmp_path) -> None:
    path = _copy_sample(tmp_path)
    with pytest.raises(ImportCancelled):
        import_roster(store, actor=actor, path=path, skip_invalid=True, cancel=lambda: True)
    assert _counts(store) == (0, 0)


def make_roster(path: Path, rows: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "填表说明"
    guide["A1"] = "请按身份证填写,身份证号码列设为文本格式。"
    ws = wb.create_sheet("花名册")
    ws.append(["某某村村民花名册"])
    ws.append(["户编号", "姓 名", "与户主关系", "公民身份号码", "联系方式", "组别"])
    used: set[str] = set()
    for i in range(rows):
        while True:
            idn = build_id("420902", dt.date(1940 + rng.randint(0, 60), rng.randint(1, 12),
                                              rng.randint(1, 28)), rng.randint(1, 999))
            if idn not in used:
                used.add(idn)
                break
        ws.append([f"G{i // 3:05d}", f"张{'伟芳明丽军'[i % 5]}{'一二三四五六七八九'[i % 9]}",
                   "户主" if i % 3 == 0 else "子女", idn, f"139{i:08d}", f"{i % 9 + 1}组"])
    wb.save(path)
    return path


def test_ten_thousand_rows_import_whole_with_households(store, actor, tmp_path) -> None:
    path = make_roster(tmp_path / "big.xlsx", 10_000)
    outcome = import_roster(store, actor=actor, path=path)
    assert outcome.imported == 10_000
    assert _counts(store) == (10_000, 3_334)
    with store.read() as s:
        heads = s.execute(text("SELECT count(*) FROM household WHERE head_id IS NOT NULL")).scalar_one()
        assert s.execute(text("SELECT count(*) FROM outbox WHERE entity = 'resident'")).scalar_one() == 10_000
    assert heads == 3_334


KILL_SCRIPT = """
import sys
from pathlib import Path
from villagedesk.config import Paths
from villagedesk.bootstrap import open_store
from villagedesk.services.auth import actor_for
from villagedesk.services.roster_import import import_roster
store = open_store(Paths.default(sys.argv[1]))
def progress(done, total):
    print("PROGRESS", done, total, flush=True)
import_roster(store, actor=actor_for(store), path=Path(sys.argv[2]), progress=progress)
print("DONE", flush=True)
"""


def test_sigkill_in_the_middle_leaves_all_or_nothing(store, actor, paths, tmp_path) -> None:
    path = make_roster(tmp_path / "big.xlsx", 10_000)
    store.close()
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(paths.data_dir), str(path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("PROGRESS"), line
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    engine = make_engine(paths.database)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            n = conn.execute(text("SELECT count(*) FROM resident")).scalar_one()
            ops = conn.execute(text("SELECT count(*) FROM outbox WHERE entity = 'resident'")).scalar_one()
    finally:
        engine.dispose()
    assert n in (0, 10_000) and ops == n
