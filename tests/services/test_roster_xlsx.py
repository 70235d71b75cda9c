"""Reading a village roster workbook: the dry-run report a clerk sees before importing."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest

from villagedesk.errors import DomainError
from villagedesk.services.idcard import build_id
from villagedesk.services.roster_xlsx import (
    detect_layout,
    export_rows_xlsx,
    match_header,
    read_roster,
    write_error_report,
)

TODAY = dt.date(2026, 12, 5)
HERE = Path(__file__).resolve()
REPO_ROOT = HERE.parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def fixture_file(name: str) -> Path:
    """The shared fixture beside the repository, else the copy kept in tests/fixtures."""
    shared = REPO_ROOT.parent / "shared" / "fixtures" / name
    return shared if shared.exists() else REPO_ROOT / "tests" / "fixtures" / name


def test_sample_dry_run_matches_the_expected_report() -> None:
    expected = json.loads(fixture_file("roster-sample.expected.json").read_text("utf-8"))
    report = read_roster(fixture_file("roster-sample.xlsx"), today=TODAY).to_dict()
    assert report["data_rows"] == expected["data_rows"]
    assert report["valid_rows"] == expected["valid_rows"]
    errors = [{k: v for k, v in e.items() if k != "message"} for e in report["errors"]]
    assert errors == expected["errors"]
    assert report["normalized_ids"] == expected["normalized_ids"]
    for error in report["errors"]:
        assert CJK.search(error["message"]), error
    duplicate = next(e for e in report["errors"] if e["kind"] == "duplicate")
    assert "13" in duplicate["message"] and "武凤娜" in duplicate["message"]


def test_tests_keep_their_own_copy_of_the_sample() -> None:
    copy = REPO_ROOT / "tests" / "fixtures" / "roster-sample.xlsx"
    assert copy.exists()
    assert read_roster(copy, today=TODAY).valid_rows == 54


def test_sample_rows_are_ready_to_insert() -> None:
    report = read_roster(fixture_file("roster-sample.xlsx"), today=TODAY)
    by_row = {r.row: r for r in report.rows}
    assert report.layout.sheet == "花名册" and report.layout.header_row == 3
    first = by_row[4]
    assert (first.name, first.id_number, first.sex, first.birth_date) == (
        "张静华",
        "420982196312085058",
        "M",
        dt.date(1963, 12, 8),
    )
    assert (first.household_no, first.relation, first.village_group, first.address) == (
        "HH0001",
        "户主",
        "1组",
        "1组31号",
    )
    assert first.is_head and first.ethnicity == "汉族" and first.phone == "19230172036"
    assert by_row[48].name == "乔金"  # " 乔金  " with stray spaces
    assert by_row[39].phone == "16109223832"
    assert by_row[51].phone == "0712-5302059"
    assert by_row[22].id_number == "420984194605220069"
    assert 13 in by_row and 16 not in by_row and 44 not in by_row
    rows = [r.row for r in report.rows]
    assert rows == sorted(rows)


def _write(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


ID_A = build_id("420902", dt.date(1980, 3, 4), 11)  # man
ID_B = build_id("420981", dt.date(1982, 7, 9), 22)  # woman
ID_C = build_id("420922", dt.date(2010, 1, 2), 33)


@pytest.fixture
def varied_workbook(tmp_path: Path) -> Path:
    """A workbook like another village's: instructions first, other header words."""
    instructions = [
        ["填表说明"],
        ["1. 姓名:填写身份证上的姓名"],
        ["姓名", "身份证号码", "联系电话"],  # a sample header inside the instructions
        ["2. 身份证号码请设置为文本格式"],
    ]
    roster = [
        ["某某村2026年村民信息登记表"],
        [],
        [
            "户编号",
            "姓 名",
            "性别",
            "公民身份号码(18位)",
            "手机号",
            "出生年月",
            "村民小组",
            "湾",
            "网格",
            "是否党员",
            "低保户",
        ],
        ["H01", "𠮷祥", "男", ID_A, "138 0013 8000", "1980.03", "二组", "张家湾", "3", "是", "否"],
        ["H01", "王 丽", "男", ID_B, None, "1982年7月9日", "二组", "张家湾", "3", None, "是"],
        [None, None, None, None, None, None, None, None, None, None, None],
        [
            "H02",
            "李强",
            "女",
            ID_C,
            "0712-2345678",
            dt.datetime(2010, 1, 3),
            "三组",
            "李家湾",
            4,
            "否",
            None,
        ],
    ]
    return _write(tmp_path / "other.xlsx", {"填表说明": instructions, "村民信息": roster})


def test_header_found_by_words_on_a_later_sheet(varied_workbook: Path) -> None:
    layout = detect_layout(varied_workbook)
    assert layout.sheet == "村民信息"
    assert layout.header_row == 3
    assert layout.column_letters() == {
        "household_no": "A",
        "name": "B",
        "sex": "C",
        "id_number": "D",
        "phone": "E",
        "birth_date": "F",
        "village_group": "G",
        "hamlet": "H",
        "grid": "I",
        "is_party_member": "J",
        "is_dibao": "K",
    }
    described = layout.to_dict()
    assert described["columns"]["id_number"] == {"column": "D", "header": "公民身份号码(18位)"}


def test_varied_workbook_rows_and_warnings(varied_workbook: Path) -> None:
    report = read_roster(varied_workbook, today=TODAY)
    assert report.data_rows == 3 and report.valid_rows == 3 and report.errors == []
    ji, wang, li = report.rows
    assert ji.name == "𠮷祥" and ji.row == 4
    assert ji.phone == "13800138000" and ji.hamlet == "张家湾" and ji.grid == "3"
    assert ji.flags == {"is_party_member": True, "is_dibao": False}
    assert wang.name == "王丽" and wang.phone is None and wang.flags["is_dibao"] is True
    assert li.row == 7 and li.grid == "4" and li.village_group == "三组"
    warnings = {(w.row, w.kind) for w in report.warnings}
    # 王丽's 性别 says 男 but her ID says woman; 李强's 性别 and 出生年月 disagree with his ID.
    assert warnings == {(5, "sex_mismatch"), (7, "sex_mismatch"), (7, "birth_date_mismatch")}
    for warning in report.warnings:
        assert CJK.search(warning.message)


def test_explicit_mapping_overrides_detection(varied_workbook: Path) -> None:
    # The clerk says phones are not in E: the mapping drops them.
    mapping = detect_layout(varied_workbook).column_letters()
    del mapping["phone"]
    mapping["note"] = "E"
    report = read_roster(varied_workbook, mapping, today=TODAY)
    assert [r.phone for r in report.rows] == [None, None, None]
    assert report.rows[0].note == "138 0013 8000"
    by_index = read_roster(varied_workbook, {"name": 2, "id_number": 4}, today=TODAY)
    assert by_index.valid_rows == 3 and by_index.warnings == []
    with pytest.raises(DomainError) as missing:
        read_roster(varied_workbook, {"name": "B"}, today=TODAY)
    assert "身份证号码" in missing.value.message


def test_one_error_per_row_in_the_order_id_name_phone_duplicate(tmp_path: Path) -> None:
    header = ["序号", "姓名", "身份证号码", "联系电话"]
    rows = [
        ["花名册"],
        header,
        [1, "", ID_A[:17] + "0" if ID_A[17] != "0" else ID_A[:17] + "1", "123"],  # ID first
        [2, "", ID_A, "123"],  # then name
        [3, "赵一", ID_A, "123"],  # then phone
        [4, "赵一", ID_A, "13800138000"],  # imports
        [5, "赵二", ID_A, "13800138000"],  # duplicate of row 6
        [6],  # only a 序号: blank template row
        [7, "赵三", None, None],
        [8, "赵四", "11010519491231002x", None],
        [9, "赵5", ID_B, None],
    ]
    report = read_roster(_write(tmp_path / "order.xlsx", {"Sheet1": rows}), today=TODAY)
    got = [(e.row, e.field, e.kind, e.first_row) for e in report.errors]
    assert got == [
        (3, "id_number", "checksum", None),
        (4, "name", "missing", None),
        (5, "phone", "format", None),
        (7, "id_number", "duplicate", 6),
        (9, "id_number", "missing", None),
        (11, "name", "format", None),
    ]
    assert report.data_rows == 8  # the row with only 序号 is blank
    assert [r.row for r in report.rows] == [6, 10]
    assert report.normalized_ids == [
        {"row": 10, "from": "11010519491231002x", "to": "11010519491231002X"}
    ]


def test_15_digit_number_stored_as_number_still_imports(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号"], ["万丽艳", 420984460522006], ["范秀静", 4.209811955021651e17]]
    report = read_roster(_write(tmp_path / "n.xlsx", {"S": rows}), today=TODAY)
    assert [r.id_number for r in report.rows] == ["420984194605220069"]
    assert [(e.row, e.kind) for e in report.errors] == [(3, "stored_as_number")]


def test_region_unknown_is_a_warning_not_an_error(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号码"], ["张三", ID_A]]
    path = _write(tmp_path / "r.xlsx", {"S": rows})
    report = read_roster(path, today=TODAY, region_known=lambda region, year: False)
    assert report.valid_rows == 1
    assert [(w.row, w.kind) for w in report.warnings] == [(2, "region_unknown")]


def test_no_roster_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "none.xlsx", {"填表说明": [["请按说明填写"]], "Sheet2": [["a", "b"]]})
    with pytest.raises(DomainError) as err:
        read_roster(path, today=TODAY)
    assert "姓名" in err.value.message
    with pytest.raises(DomainError):
        read_roster(tmp_path / "missing.xlsx", today=TODAY)
    not_xlsx = tmp_path / "x.xlsx"
    not_xlsx.write_text("not a workbook")
    with pytest.raises(DomainError):
        read_roster(not_xlsx, today=TODAY)


def test_header_words() -> None:
    assert match_header("姓 名") == "name"
    assert match_header("身份证号码*") == "id_number"
    assert match_header("户主身份证号码") is None
    assert match_header("户主姓名") is None
    assert match_header("联系方式") == "phone"
    assert match_header("所属组") == "village_group" and match_header("组别") == "village_group"
    assert match_header("出生年月") == "birth_date"
    assert match_header("说明:本表姓名一栏请填写身份证上的姓名") is None


def test_error_report_lists_refused_rows_in_chinese(tmp_path: Path) -> None:
    report = read_roster(fixture_file("roster-sample.xlsx"), today=TODAY)
    out = write_error_report(report, tmp_path / "errors.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == ["行号", "姓名", "字段", "填写内容", "问题", "处理办法"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [9, 16, 35, 42]
    assert rows[0][1] == "龙丽娟" and rows[0][2] == "身份证号码"
    assert rows[0][3] == "420923198901060359" and ws["D2"].data_type == "s"
    assert rows[3][2] == "联系电话" and rows[3][3] == "1873394"
    assert all(CJK.search(r[5]) for r in rows)


def test_export_writes_ids_as_text_and_imports_back(tmp_path: Path) -> None:
    source = read_roster(fixture_file("roster-sample.xlsx"), today=TODAY)
    out = export_rows_xlsx(source.rows, tmp_path / "export.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert "身份证号码" in str(ws["A1"].value)  # the file says what it holds
    header = [c.value for c in ws[2]]
    id_col = header.index("身份证号码") + 1
    for row in range(3, ws.max_row + 1):
        cell = ws.cell(row=row, column=id_col)
        assert isinstance(cell.value, str) and len(cell.value) == 18
        assert cell.number_format == "@"
    header_words = set(header)
    assert {"党员", "低保", "特困", "残疾", "独居"} <= header_words
    again = read_roster(out, today=TODAY)
    assert again.errors == [] and again.warnings == []
    assert [r.to_dict() | {"row": 0} for r in again.rows] == [
        r.to_dict() | {"row": 0} for r in source.rows
    ]


def test_export_accepts_mappings(tmp_path: Path) -> None:
    residents = [
        {"name": "张三", "id_number": ID_A, "sex": "M", "birth_date": dt.date(1980, 3, 4)},
        {"name": "𠮷祥", "id_number": ID_B, "sex": "F", "phone": "0712-2345678"},
    ]
    out = export_rows_xlsx(
        residents, tmp_path / "e.xlsx", columns=("name", "id_number", "sex", "birth_date", "phone")
    )
    ws = openpyxl.load_workbook(out).active
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [
        ["姓名", "身份证号码", "性别", "出生日期", "联系电话"],
        ["张三", ID_A, "男", dt.datetime(1980, 3, 4), None],
        ["𠮷祥", ID_B, "女", None, "0712-2345678"],
    ]


def test_flags_survive_export_and_import(tmp_path: Path) -> None:
    residents = [
        {"name": "张三", "id_number": ID_A, "sex": "M", "is_party_member": True, "is_dibao": False},
        {"name": "李四", "id_number": ID_B, "sex": "F", "is_dibao": True, "lives_alone": True},
    ]
    again = read_roster(export_rows_xlsx(residents, tmp_path / "f.xlsx"), today=TODAY)
    assert [r.flags for r in again.rows] == [
        {
            "is_party_member": True,
            "is_dibao": False,
            "is_tekun": False,
            "is_disabled": False,
            "lives_alone": False,
        },
        {
            "is_party_member": False,
            "is_dibao": True,
            "is_tekun": False,
            "is_disabled": False,
            "lives_alone": True,
        },
    ]
    # Other words a village uses for yes and no in a flag column.
    rows = [["姓名", "身份证号码", "政治面貌", "是否低保", "残疾类别"]]
    rows += [["王五", ID_C, "中共党员", "√", "肢体三级"], ["赵六", ID_A, "群众", "否", "无"]]
    report = read_roster(_write(tmp_path / "w.xlsx", {"S": rows}), today=TODAY)
    assert [
        (r.flags["is_party_member"], r.flags["is_dibao"], r.flags["is_disabled"])
        for r in report.rows
    ] == [
        (True, True, True),
        (False, False, False),
    ]


def test_two_row_header_column_numbers_and_footer(tmp_path: Path) -> None:
    rows = [
        ["村民花名册"],
        ["序号", "姓名", "身份证号码", "家庭住址", None, "联系电话"],
        [None, None, None, "组", "湾", None],  # sub-header under the merged 家庭住址
        [1, 2, 3, 4, 5, 6],  # some templates number their columns
        [1, "张三", ID_A, "一组", "张家湾", None],
        [2, "李四", ID_B, "二组", "李家湾", "13800138000"],
        [None, "制表人:王会计", None, "审核人:李书记", None, None],
        [None, None, None, None, None, "合计:2人"],
    ]
    path = _write(tmp_path / "two.xlsx", {"S": rows})
    layout = detect_layout(path)
    assert layout.header_row == 2 and layout.first_data_row == 5
    assert layout.column_letters() == {
        "seq": "A",
        "name": "B",
        "id_number": "C",
        "village_group": "D",
        "hamlet": "E",
        "phone": "F",
    }
    report = read_roster(path, today=TODAY)
    assert [(r.row, r.name, r.village_group, r.hamlet) for r in report.rows] == [
        (5, "张三", "一组", "张家湾"),
        (6, "李四", "二组", "李家湾"),
    ]
    assert report.data_rows == 2 and report.errors == []
    # A person without an ID number is still reported, whatever their remark says.
    rows.insert(6, [3, "王五", None, "三组", None, "签字确认"])
    report = read_roster(_write(tmp_path / "three.xlsx", {"S": rows}), today=TODAY)
    assert [(e.row, e.field, e.kind) for e in report.errors] == [(7, "id_number", "missing")]
