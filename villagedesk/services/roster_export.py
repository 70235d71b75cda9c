"""Workbooks VillageDesk writes for a clerk: the import error report and the roster export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from villagedesk.i18n import tr
from villagedesk.services.roster_fields import (
    FLAG_FIELDS,
    export_header,
    field_label,
    kind_label,
    sex_label,
)

if TYPE_CHECKING:
    from villagedesk.services.roster_xlsx import RosterReport


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
