"""Village roster workbooks (村民花名册): find the roster and validate its rows.

No database here. `read_roster` finds the sheet, header row and columns by their words,
checks every row and returns a `RosterReport` whose valid rows are ready to insert; the
residents service does the inserting. `write_error_report` and `export_rows_xlsx`
(from `roster_export`) write workbooks a clerk opens in Excel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.idcard import Sex, check_id_number
from villagedesk.services.phone import check_phone
from villagedesk.services.roster_fields import (
    FIELD_SYNONYMS,
    FLAG_FIELDS,
    HEAD_RELATIONS,
    REQUIRED_FIELDS,
    clean_name,
    field_label,
    map_headers,
    match_header,
    parse_birth,
    parse_flag,
    parse_sex,
    sex_label,
)
from villagedesk.services.roster_fields import text_value as _text

_INSTRUCTION_SHEET = re.compile(r"说明|填表|须知|注意事项|示例|样表|字典|代码表")
_HEADER_SCAN_ROWS = 40


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
        return (self.relation or "") in HEAD_RELATIONS

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


# The writers live in their own module; they are part of this module's interface.
from villagedesk.services.roster_export import (  # noqa: E402
    EXPORT_COLUMNS,
    export_rows_xlsx,
    write_error_report,
)

__all__ = [
    "EXPORT_COLUMNS", "FIELD_SYNONYMS", "FLAG_FIELDS", "REQUIRED_FIELDS", "MappingArg",
    "RosterLayout", "RosterReport", "RosterRow", "RowIssue", "detect_layout", "export_rows_xlsx",
    "field_label", "find_layout", "map_headers", "match_header", "read_roster",
    "write_error_report",
]  # fmt: skip
