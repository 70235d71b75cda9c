"""Village roster workbooks (村民花名册): find the roster, validate its rows, write reports.

No database here. `read_roster` finds the sheet, header row and columns by their words,
checks every row and returns a `RosterReport` whose valid rows are ready to insert; the
residents service does the inserting. `write_error_report` and `export_rows_xlsx`
write workbooks a clerk opens in Excel.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter

from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.idcard import SEX_FEMALE, SEX_MALE, Sex, check_id_number
from villagedesk.services.phone import check_phone

# Header words per field, compared after removing spaces, punctuation and notes in
# brackets ("身份证号码(18位)" → "身份证号码").
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "household_no": ("户号", "户编号", "户口编号", "户籍编号", "家庭编号", "户序号"),
    "name": ("姓名", "村民姓名", "居民姓名", "成员姓名", "名字", "家庭成员姓名"),
    "relation": ("与户主关系", "与户主的关系", "户主关系", "家庭关系", "关系"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "出生时间", "生日"),
    "id_number": (
        "身份证号码", "公民身份号码", "身份证号", "身份证", "居民身份证号码", "公民身份证号码",
        "证件号码", "身份号码",
    ),
    "phone": ("联系电话", "联系方式", "手机号", "手机号码", "电话", "电话号码", "手机", "联系号码"),
    "village_group": ("所属组", "组别", "村民小组", "小组", "组", "所在组", "组名"),
    "hamlet": ("湾", "湾名", "所属湾", "自然湾", "自然村", "湾组"),
    "grid": ("网格", "所属网格", "网格号", "网格名称"),
    "address": ("地址", "住址", "家庭住址", "现住址", "居住地址", "户籍地址", "家庭地址"),
    "is_party_member": ("党员", "是否党员", "政治面貌"),
    "is_dibao": ("低保", "是否低保", "低保户", "是否低保户"),
    "is_tekun": ("特困", "是否特困", "特困供养", "特困人员", "五保"),
    "is_disabled": ("残疾", "是否残疾", "残疾人", "残疾类别", "残疾等级"),
    "lives_alone": ("独居", "是否独居", "独居老人"),
    "note": ("备注", "说明"),
}  # fmt: skip

REQUIRED_FIELDS = ("name", "id_number")
FLAG_FIELDS = ("is_party_member", "is_dibao", "is_tekun", "is_disabled", "lives_alone")
_HEAD_RELATIONS = {"户主", "本人", "户主本人"}
_FALSY = {"", "否", "无", "不是", "非", "N", "NO", "0", "FALSE", "-", "/", "—", "×", "X", "群众"}
_INSTRUCTION_SHEET = re.compile(r"说明|填表|须知|注意事项|示例|样表|字典|代码表")
_HEADER_SCAN_ROWS = 40
_BRACKETS = re.compile(r"[(（\[【<《].*?[)）\]】>》]")
_HEADER_JUNK = re.compile(r"[\s\u3000*＊:：#№.。、\"'“”‘’_\-]+")


def field_label(name: str) -> str:
    """The column's name as a clerk reads it (for a mapping screen and reports)."""
    labels = {
        "seq": tr("Roster", "No."),
        "household_no": tr("Roster", "Household no."),
        "name": tr("Roster", "Name"),
        "relation": tr("Roster", "Relation to head"),
        "sex": tr("Roster", "Sex"),
        "ethnicity": tr("Roster", "Ethnicity"),
        "birth_date": tr("Roster", "Birth date"),
        "id_number": tr("Roster", "ID number"),
        "phone": tr("Roster", "Phone"),
        "village_group": tr("Roster", "Village group"),
        "hamlet": tr("Roster", "Hamlet"),
        "grid": tr("Roster", "Grid"),
        "address": tr("Roster", "Address"),
        "is_party_member": tr("Roster", "Party member"),
        "is_dibao": tr("Roster", "Minimum-income support"),
        "is_tekun": tr("Roster", "Extreme poverty support"),
        "is_disabled": tr("Roster", "Disability"),
        "lives_alone": tr("Roster", "Living alone"),
        "note": tr("Roster", "Remark"),
    }
    return labels.get(name, name)


def kind_label(kind: str) -> str:
    labels = {
        "checksum": tr("Roster", "check character wrong"),
        "birth_date": tr("Roster", "birth date wrong"),
        "format": tr("Roster", "wrong format"),
        "province": tr("Roster", "province code wrong"),
        "duplicate": tr("Roster", "duplicate"),
        "stored_as_number": tr("Roster", "stored as a number"),
        "missing": tr("Roster", "missing"),
        "sex_mismatch": tr("Roster", "sex differs from ID"),
        "birth_date_mismatch": tr("Roster", "birth date differs from ID"),
        "birth_date_unreadable": tr("Roster", "birth date unreadable"),
        "region_unknown": tr("Roster", "region code unknown"),
        "sex_unreadable": tr("Roster", "sex unreadable"),
    }
    return labels.get(kind, kind)


def normalize_header(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = _BRACKETS.sub("", text)
    return _HEADER_JUNK.sub("", text)


def match_header(value: object) -> str | None:
    """The field a header cell names, or None."""
    text = normalize_header(value)
    if not text or len(text) > 12:
        return None
    for name, words in FIELD_SYNONYMS.items():
        if text in words:
            return name
    if "户主" in text and ("姓名" in text or "身份" in text):
        return None  # the head's name/ID repeated on every row is not the person's own
    if "身份证" in text or "身份号码" in text:
        return "id_number"
    if "电话" in text or "手机" in text:
        return "phone"
    if text.startswith("出生"):
        return "birth_date"
    if text.startswith(("户号", "户编号")):
        return "household_no"
    if "关系" in text:
        return "relation"
    return None


def map_headers(cells: Sequence[object]) -> dict[str, int]:
    """{field: 1-based column} for a header row; the first column naming a field wins."""
    mapping: dict[str, int] = {}
    for index, value in enumerate(cells, start=1):
        name = match_header(value)
        if name and name not in mapping:
            mapping[name] = index
    return mapping


@dataclass
class RosterLayout:
    """Where the roster is: sheet, header row (Excel number) and {field: 1-based column}."""

    sheet: str
    header_row: int
    columns: dict[str, int]
    headers: dict[int, str] = field(default_factory=dict)  # every header cell's text
    sub_header_rows: int = 0  # a second header row under merged cells (地址 → 组 | 湾)

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1 + self.sub_header_rows

    @property
    def missing_required(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]

    @property
    def unmapped_headers(self) -> dict[int, str]:
        used = set(self.columns.values())
        return {c: h for c, h in self.headers.items() if c not in used and h}

    def column_letters(self) -> dict[str, str]:
        return {f: get_column_letter(c) for f, c in self.columns.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "header_row": self.header_row,
            "first_data_row": self.first_data_row,
            "columns": {
                f: {"column": get_column_letter(c), "header": self.headers.get(c, "")}
                for f, c in self.columns.items()
            },
        }


def _cell_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def find_layout(workbook: Any, *, sheet: str | None = None) -> RosterLayout:
    """Find the roster's sheet and header row by header words (any sheet, title rows above)."""
    sheets = [workbook[sheet]] if sheet else list(workbook.worksheets)
    best: tuple[int, int, RosterLayout] | None = None
    for order, ws in enumerate(sheets):
        penalty = 1 if _INSTRUCTION_SHEET.search(ws.title) and not sheet else 0
        top = list(ws.iter_rows(min_row=1, max_row=_HEADER_SCAN_ROWS + 1, values_only=True))
        for row_no, row in enumerate(top[:_HEADER_SCAN_ROWS], start=1):
            columns = map_headers(list(row))
            if "name" not in columns or "id_number" not in columns:
                continue
            headers = {i: _cell_text(v) for i, v in enumerate(row, start=1) if _cell_text(v)}
            layout = RosterLayout(ws.title, row_no, columns, headers)
            for extra in top[row_no : row_no + 2]:
                if not _merge_sub_header(layout, extra):
                    break
            score = len(layout.columns) - penalty * 100
            if best is None or (score, -order) > (best[0], -best[1]):
                best = (score, order, layout)
            break  # the first header-like row of a sheet is its header
    if best is None:
        raise DomainError(
            tr(
                "Roster",
                "No roster found: no sheet has a header row with both a name column (姓名) "
                "and an ID number column (身份证号码).",
            ),
            field="file",
        )
    return best[2]


def _merge_sub_header(layout: RosterLayout, row: Sequence[object]) -> bool:
    """Take a row under the header that is still header (merged-cell sub-headers, column
    numbers 1 2 3 …) into the layout; False when the row is data."""
    cells = {i: _cell_text(v) for i, v in enumerate(row, start=1) if _cell_text(v)}
    if not cells:
        return False
    numbers = [int(t) for t in cells.values() if t.isdigit() and len(t) <= 3]
    if len(numbers) >= 3 and len(numbers) == len(cells):
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            layout.sub_header_rows += 1
            return True
    if any(c in cells for c in (layout.columns["name"], layout.columns["id_number"])):
        return False
    named = {i: match_header(t) for i, t in cells.items()}
    if any(f is None for f in named.values()):
        return False  # a cell that is no header word: this is data, not a header
    for column, name in named.items():
        assert name is not None
        layout.columns = {f: c for f, c in layout.columns.items() if c != column}
        layout.columns[name] = column
        layout.headers[column] = cells[column]
    layout.sub_header_rows += 1
    return True


def _layout_at(ws: Any, header_row: int) -> RosterLayout:
    cells = next(ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True), ())
    headers = {i: _cell_text(v) for i, v in enumerate(cells, start=1) if _cell_text(v)}
    return RosterLayout(ws.title, header_row, map_headers(list(cells)), headers)


def detect_layout(path: str | Path, *, sheet: str | None = None) -> RosterLayout:
    """The layout `read_roster` would use, for a screen that lets the clerk correct it."""
    workbook = _open(path)
    try:
        return find_layout(workbook, sheet=sheet)
    finally:
        workbook.close()


def _open(path: str | Path) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise DomainError(
            tr("Roster", "File not found: {path}").format(path=path), field="file"
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        if Path(path).suffix.lower() in (".xls", ".et", ".csv"):
            raise DomainError(
                tr(
                    "Roster",
                    "{path} is not an .xlsx workbook. Open it in Excel or WPS, "
                    "choose Save As, pick the .xlsx type, then import that file.",
                ).format(path=path),
                field="file",
            ) from exc
        raise DomainError(
            tr("Roster", "{path} is not an Excel workbook (.xlsx) that can be read.").format(
                path=path
            ),
            field="file",
        ) from exc


@dataclass
class RosterRow:
    """One valid row, ready to insert. sex is "M"/"F" and birth_date come from the ID number."""

    row: int
    name: str
    id_number: str
    sex: Sex
    birth_date: dt.date
    phone: str | None = None
    household_no: str | None = None
    relation: str | None = None
    village_group: str | None = None
    hamlet: str | None = None
    grid: str | None = None
    ethnicity: str | None = None
    address: str | None = None
    note: str | None = None
    flags: dict[str, bool] = field(default_factory=dict)

    @property
    def is_head(self) -> bool:
        return (self.relation or "") in _HEAD_RELATIONS

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "flags"}
        data["birth_date"] = self.birth_date.isoformat()
        data.update({f: bool(self.flags.get(f, False)) for f in FLAG_FIELDS})
        return data


@dataclass
class RowIssue:
    """An error (row refused) or a warning (row imports) about one row."""

    row: int
    field: str
    kind: str
    message: str
    first_row: int | None = None
    name: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"row": self.row, "field": self.field, "kind": self.kind}
        if self.first_row is not None:
            data["first_row"] = self.first_row
        data["message"] = self.message
        return data


@dataclass
class RosterReport:
    path: str
    layout: RosterLayout
    data_rows: int = 0
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    normalized_ids: list[dict[str, Any]] = field(default_factory=list)

    @property
    def valid_rows(self) -> int:
        return len(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """The dry-run report: the keys of roster-sample.expected.json plus warnings and layout."""
        return {
            "data_rows": self.data_rows,
            "valid_rows": self.valid_rows,
            "errors": [e.to_dict() for e in self.errors],
            "normalized_ids": list(self.normalized_ids),
            "warnings": [w.to_dict() for w in self.warnings],
            "layout": self.layout.to_dict(),
        }


MappingArg = RosterLayout | Mapping[str, int | str | None] | None


def _resolve_mapping(layout: RosterLayout, mapping: MappingArg) -> RosterLayout:
    if mapping is None:
        return layout
    if isinstance(mapping, RosterLayout):
        return mapping
    columns: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in FIELD_SYNONYMS:
            raise DomainError(
                tr("Roster", "Unknown roster field: {name}").format(name=name), field="mapping"
            )
        if column is None or column == "":
            continue
        columns[name] = column if isinstance(column, int) else column_index_from_string(column)
    return RosterLayout(
        layout.sheet, layout.header_row, columns, layout.headers, layout.sub_header_rows
    )


def read_roster(
    path: str | Path,
    mapping: MappingArg = None,
    *,
    today: dt.date,
    sheet: str | None = None,
    header_row: int | None = None,
    region_known: Callable[[str, int], bool | None] | None = None,
) -> RosterReport:
    """Read and check a roster workbook; nothing is written anywhere.

    `mapping` overrides the detected columns: a RosterLayout, or {field: column} with a
    1-based index or a letter ("H"). `sheet`/`header_row` override where the header is.
    Each non-blank row under the header gets at most one error, the first it fails in
    the order ID number, name, phone, duplicate. A duplicate is the second appearance
    of an ID number among the rows that import.
    """
    workbook = _open(path)
    try:
        if header_row is None:
            layout = find_layout(workbook, sheet=sheet)
        else:
            layout = _layout_at(workbook[sheet] if sheet else workbook.worksheets[0], header_row)
        layout = _resolve_mapping(layout, mapping)
        if layout.missing_required:
            raise DomainError(
                tr(
                    "Roster", "The roster has no column for: {fields}. Choose the columns by hand."
                ).format(fields="、".join(field_label(f) for f in layout.missing_required)),
                field="mapping",
            )
        report = RosterReport(str(path), layout)
        ws = workbook[layout.sheet]
        checker = _RowChecker(report, today=today, region_known=region_known)
        content_fields = [f for f in layout.columns if f not in ("seq", "note")]
        for row_no, cells in enumerate(
            ws.iter_rows(min_row=layout.first_data_row, values_only=True),
            start=layout.first_data_row,
        ):
            values = {
                f: cells[c - 1] if c - 1 < len(cells) else None for f, c in layout.columns.items()
            }
            if all(_is_blank(values[f]) for f in content_fields):
                continue
            if _is_footer(values, cells):
                continue
            report.data_rows += 1
            checker.check(row_no, values)
        return report
    finally:
        workbook.close()


_FOOTER = re.compile(r"合计|总计|小计|共计|制表|填表人|填报人|审核人|负责人|签字|盖章|填报日期")


def _is_footer(values: dict[str, object], cells: Sequence[object]) -> bool:
    """A line under the roster such as 制表人: … 审核人: …, with no ID number."""
    if not _is_blank(values.get("id_number")):
        return False
    name = values.get("name")
    if not _is_blank(name) and not (isinstance(name, str) and _FOOTER.search(name)):
        return False  # a person without an ID number: an error to report, not a footer
    return any(isinstance(v, str) and _FOOTER.search(v) for v in cells)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_DOTS = re.compile(r"[•・･‧∙⋅.]")


def clean_name(value: object) -> str:
    """Strip stray spaces (also between Chinese characters) and unify the middle dot."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\u3000", " ").strip()
    text = _CJK_GAP.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return _DOTS.sub("·", text) if re.search(r"[^\x00-\x7f]", text) else text


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()
    return text or None


def parse_sex(value: object) -> Sex | None:
    text = (_text(value) or "").upper()
    if text in ("男", "男性", "M", "MALE", "1"):
        return SEX_MALE
    if text in ("女", "女性", "F", "FEMALE", "2"):
        return SEX_FEMALE
    return None


_DATE_PARTS = re.compile(
    r"^(\d{4})\s*[年.\-/]?\s*(\d{1,2})(?:\s*[月.\-/]?\s*(\d{1,2})\s*日?)?\s*月?$"
)


def parse_birth(value: object) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) from a 出生日期/出生年月 cell, or None when unreadable."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    text = _text(value)
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit() and len(text) in (6, 8):
        text = text[:4] + "." + text[4:6] + ("." + text[6:] if len(text) == 8 else "")
    match = _DATE_PARTS.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return year, month, day


def parse_flag(field_name: str, value: object) -> bool:
    text = (_text(value) or "").upper()
    if field_name == "is_party_member" and text and "党员" in text:
        return not text.startswith("非")
    return text not in _FALSY


class _RowChecker:
    def __init__(
        self,
        report: RosterReport,
        *,
        today: dt.date,
        region_known: Callable[[str, int], bool | None] | None,
    ) -> None:
        self.report = report
        self.today = today
        self.region_known = region_known
        self.seen: dict[str, RosterRow] = {}

    def _error(self, row: int, field_name: str, kind: str, message: str, **extra: Any) -> None:
        self.report.errors.append(RowIssue(row, field_name, kind, message, **extra))

    def _warn(self, row: int, field_name: str, kind: str, message: str, name: str) -> None:
        self.report.warnings.append(RowIssue(row, field_name, kind, message, name=name))

    def check(self, row: int, values: dict[str, object]) -> None:
        name = clean_name(values.get("name"))
        raw_id = values.get("id_number")
        shown_id = _text(raw_id)
        idc = check_id_number(raw_id, today=self.today, region_known=self.region_known)
        if not idc.ok:
            assert idc.error and idc.message
            self._error(row, "id_number", idc.error, idc.message, name=name, value=shown_id)
            return
        if not name:
            self._error(
                row, "name", "missing", tr("Roster", "Enter the name."), value=name, name=name
            )
            return
        if len(name) > 40 or any(c.isdigit() for c in name):
            self._error(
                row,
                "name",
                "format",
                tr("Roster", "This does not look like a name: {name}").format(name=name),
                name=name,
                value=name,
            )
            return
        phone = check_phone(values.get("phone"))
        if not phone.ok:
            assert phone.message
            self._error(
                row, "phone", "format", phone.message, name=name, value=_text(values.get("phone"))
            )
            return
        assert idc.normalized and idc.birth_date and idc.sex
        first = self.seen.get(idc.normalized)
        if first is not None:
            self._error(
                row,
                "id_number",
                "duplicate",
                tr(
                    "Roster",
                    "This ID number is already on row {row} ({name}); one ID number belongs to one person.",
                ).format(row=first.row, name=first.name),
                first_row=first.row,
                name=name,
                value=shown_id,
            )
            return

        resident = RosterRow(
            row=row,
            name=name,
            id_number=idc.normalized,
            sex=idc.sex,
            birth_date=idc.birth_date,
            phone=phone.normalized,
            household_no=_text(values.get("household_no")),
            relation=_text(values.get("relation")),
            village_group=_text(values.get("village_group")),
            hamlet=_text(values.get("hamlet")),
            grid=_text(values.get("grid")),
            ethnicity=_text(values.get("ethnicity")),
            address=_text(values.get("address")),
            note=_text(values.get("note")),
            flags={f: parse_flag(f, values[f]) for f in FLAG_FIELDS if f in values},
        )
        self.seen[idc.normalized] = resident
        self.report.rows.append(resident)
        if idc.changed:
            self.report.normalized_ids.append({"row": row, "from": shown_id, "to": idc.normalized})
        for warning in idc.warnings:
            self._warn(row, "id_number", "region_unknown", warning, name)
        self._cross_check(row, values, resident)

    def _cross_check(self, row: int, values: dict[str, object], resident: RosterRow) -> None:
        if "sex" in values and not _is_blank(values["sex"]):
            stated = parse_sex(values["sex"])
            if stated is None:
                self._warn(
                    row,
                    "sex",
                    "sex_unreadable",
                    tr(
                        "Roster", 'Sex "{value}" is not understood; the ID number\'s sex is used.'
                    ).format(value=_text(values["sex"])),
                    resident.name,
                )
            elif stated != resident.sex:
                self._warn(
                    row,
                    "sex",
                    "sex_mismatch",
                    tr(
                        "Roster",
                        "The sex column says {stated} but the ID number says {derived}; the ID number is used.",
                    ).format(stated=sex_label(stated), derived=sex_label(resident.sex)),
                    resident.name,
                )
        if "birth_date" in values and not _is_blank(values["birth_date"]):
            parsed = parse_birth(values["birth_date"])
            birth = resident.birth_date
            if parsed is None:
                self._warn(
                    row,
                    "birth_date",
                    "birth_date_unreadable",
                    tr(
                        "Roster",
                        'Birth date "{value}" is not understood; the ID number\'s date is used.',
                    ).format(value=_text(values["birth_date"])),
                    resident.name,
                )
            elif parsed[:2] != (birth.year, birth.month) or parsed[2] not in (None, birth.day):
                self._warn(
                    row,
                    "birth_date",
                    "birth_date_mismatch",
                    tr(
                        "Roster",
                        "The birth date column says {stated} but the ID number says {derived}; "
                        "the ID number is used.",
                    ).format(stated=_text(values["birth_date"]), derived=birth.isoformat()),
                    resident.name,
                )


def sex_label(sex: str | None) -> str:
    if sex == SEX_MALE:
        return tr("Roster", "male")
    if sex == SEX_FEMALE:
        return tr("Roster", "female")
    return ""


def _text_cell(ws: Any, row: int, column: int, value: object) -> None:
    cell = ws.cell(row=row, column=column, value=None if value is None else str(value))
    cell.number_format = "@"


def write_error_report(report: RosterReport, path: str | Path) -> Path:
    """An .xlsx listing every refused row (and, on a second sheet, the warnings)."""
    path = Path(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = tr("Roster", "Errors")
    headers = [
        tr("Roster", "Row"),
        tr("Roster", "Name"),
        tr("Roster", "Field"),
        tr("Roster", "Value"),
        tr("Roster", "Problem"),
        tr("Roster", "What to do"),
    ]
    sheets = [(ws, report.errors)]
    if report.warnings:
        sheets.append((wb.create_sheet(tr("Roster", "Warnings")), report.warnings))
    for sheet, issues in sheets:
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line, issue in enumerate(issues, start=2):
            sheet.cell(row=line, column=1, value=issue.row)
            _text_cell(sheet, line, 2, issue.name)
            sheet.cell(row=line, column=3, value=field_label(issue.field))
            _text_cell(sheet, line, 4, issue.value)
            sheet.cell(row=line, column=5, value=kind_label(issue.kind))
            note = sheet.cell(row=line, column=6, value=issue.message)
            note.alignment = Alignment(wrap_text=True, vertical="top")
        for letter, width in zip("ABCDEF", (8, 12, 14, 24, 16, 60), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


EXPORT_COLUMNS: tuple[str, ...] = (
    "household_no", "name", "relation", "sex", "ethnicity", "birth_date", "id_number",
    "phone", "village_group", "hamlet", "grid", "address", *FLAG_FIELDS, "note",
)  # fmt: skip
_TEXT_FIELDS = {"household_no", "id_number", "phone", "village_group", "grid"}


def _get(row: object, key: str) -> object:
    if isinstance(row, Mapping):
        return row.get(key)
    if hasattr(row, key):
        return getattr(row, key)
    flags = getattr(row, "flags", None)  # a RosterRow keeps its flags in a dict
    return flags.get(key) if isinstance(flags, Mapping) else None


def export_rows_xlsx(
    rows: Iterable[object],
    path: str | Path,
    *,
    columns: Sequence[str] = EXPORT_COLUMNS,
    title: str | None = None,
) -> Path:
    """Write residents (mappings or objects) to an .xlsx; ID numbers and phones as text.

    A title row says what the file holds, as exports of personal data must. The header
    uses the words `read_roster` recognises, so an export imports again unchanged.
    """
    path = Path(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = tr("Roster", "Roster")
    ws.cell(
        row=1,
        column=1,
        value=title
        or tr(
            "Roster",
            "Village roster: names, ID numbers and phone numbers of residents. Keep it safe.",
        ),
    )
    ws.cell(row=1, column=1).font = Font(bold=True)
    for index, name in enumerate(columns, start=1):
        cell = ws.cell(row=2, column=index, value=export_header(name))
        cell.font = Font(bold=True)
    for line, resident in enumerate(rows, start=3):
        for index, name in enumerate(columns, start=1):
            value = _get(resident, name)
            if name in _TEXT_FIELDS:
                _text_cell(ws, line, index, value)
            elif name == "sex":
                ws.cell(row=line, column=index, value=sex_label(value) or value)  # type: ignore[arg-type]
            elif isinstance(value, bool):
                ws.cell(row=line, column=index, value=tr("Roster", "yes") if value else "")
            elif isinstance(value, dt.date):
                cell = ws.cell(row=line, column=index, value=value)
                cell.number_format = "yyyy-mm-dd"
            else:
                ws.cell(row=line, column=index, value=None if value is None else str(value))
    for index, name in enumerate(columns, start=1):
        width = {"id_number": 22, "address": 24, "phone": 15, "birth_date": 12}.get(name, 10)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A3"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def export_header(name: str) -> str:
    """The Chinese header word written for a field (one that match_header maps back)."""
    words = {
        "household_no": "户号", "name": "姓名", "relation": "与户主关系", "sex": "性别",
        "ethnicity": "民族", "birth_date": "出生日期", "id_number": "身份证号码",
        "phone": "联系电话", "village_group": "所属组", "hamlet": "湾", "grid": "网格",
        "address": "住址", "is_party_member": "党员", "is_dibao": "低保", "is_tekun": "特困",
        "is_disabled": "残疾", "lives_alone": "独居", "note": "备注", "seq": "序号",
    }  # fmt: skip
    return words.get(name, name)
