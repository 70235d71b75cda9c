"""Import a village roster workbook into residents and households, all or nothing; and export."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from villagedesk.db.models.base import new_id, row_defaults
from villagedesk.db.models.residents import Household, Resident
from villagedesk.db.store import Store
from villagedesk.errors import DomainError
from villagedesk.i18n import tr
from villagedesk.services.auth import Actor, require
from villagedesk.services.residents import derived_columns, next_household_no
from villagedesk.services.roster_xlsx import (
    MappingArg,
    RosterReport,
    RosterRow,
    export_rows_xlsx,
    read_roster,
    write_error_report,
)

CHUNK = 500
_FLAG_COLUMNS = ("is_party_member", "is_dibao", "is_tekun", "is_disabled", "lives_alone")


class ImportCancelled(DomainError):
    """The clerk cancelled; the transaction was rolled back, so nothing was imported."""


@dataclasses.dataclass
class ImportOutcome:
    report: RosterReport
    dry_run: bool
    imported: int = 0
    already_present: int = 0
    households_created: int = 0
    error_report: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self.report.to_dict()
        data.update(dry_run=self.dry_run, imported=self.imported, already_present=self.already_present,
                    households_created=self.households_created,
                    error_report=str(self.error_report) if self.error_report else None)
        return data


def preview_roster(store: Store, *, path: Path, mapping: MappingArg = None) -> RosterReport:
    """The dry-run report; nothing is written."""
    return read_roster(path, mapping, today=store.clock.today())


def error_report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.错误报告.xlsx")


def import_roster(
    store: Store, *, actor: Actor, path: Path, mapping: MappingArg = None, dry_run: bool = False,
    skip_invalid: bool = False, progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None, report: RosterReport | None = None,
) -> ImportOutcome:
    """Import every valid row in one transaction. With errors, nothing is imported unless
    `skip_invalid`, which imports the valid rows and writes an error report beside the file.
    Rows whose ID number is registered already are left as they are, so a second run adds nothing.
    """
    require(actor, "residents")
    path = Path(path)
    report = report or read_roster(path, mapping, today=store.clock.today())
    outcome = ImportOutcome(report, dry_run)
    if dry_run:
        with store.read() as s:
            outcome.already_present = len(_existing_ids(s, [r.id_number for r in report.rows]))
        return outcome
    if report.errors and not skip_invalid:
        raise DomainError(
            tr("residents", "{count} rows have errors, so nothing was imported. Correct them in the "
               "workbook, or import only the valid rows.").format(count=len(report.errors)),
            field="file", kind="invalid_rows",
        )
    with store.write(actor) as s:
        _write_rows(s, report.rows, outcome, progress, cancel)
    if report.errors:
        outcome.error_report = write_error_report(report, error_report_path(path))
    return outcome


def _existing_ids(s: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found.update(s.execute(select(Resident.id_number).where(Resident.id_number.in_(chunk))).scalars())
    return found


def _write_rows(s: Any, rows: list[RosterRow], outcome: ImportOutcome,
                progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> None:
    base = row_defaults(s)
    existing = _existing_ids(s, [r.id_number for r in rows])
    todo = [r for r in rows if r.id_number not in existing]
    outcome.already_present = len(rows) - len(todo)
    households: dict[str, dict[str, Any]] = {}
    known = {no: (hid, head) for hid, no, head in s.execute(
        text("SELECT id, household_no, head_id FROM household")).all()}
    fresh_no = next_household_no(s)
    counter = int(fresh_no[1:])
    residents: list[dict[str, Any]] = []
    heads: dict[str, str] = {}
    for row in todo:
        no = (row.household_no or "").strip()
        if not no:
            no = f"H{counter:06d}"
            counter += 1
        if no in known:
            hid = known[no][0]
        elif no in households:
            hid = households[no]["id"]
        else:
            hid = new_id()
            households[no] = {**base, "id": hid, "household_no": no, "head_id": None,
                              "village_group": row.village_group or "", "hamlet": row.hamlet or "",
                              "grid": row.grid or "", "address": row.address or "", "status": "active"}
        rid = new_id()
        relation = row.relation or ("户主" if not row.household_no else "")
        if row.is_head or relation == "户主":
            heads.setdefault(hid, rid)
        phone = row.phone or ""
        residents.append({
            **base, "id": rid, "household_id": hid, "name": row.name, "sex": row.sex,
            "ethnicity": row.ethnicity or "汉族", "id_number": row.id_number, "birth_date": row.birth_date,
            "phone": phone, "relation": relation, "status": "active", "status_changed_at": None,
            "status_note": "", "note": row.note or "",
            **{col: bool(row.flags.get(col, False)) for col in _FLAG_COLUMNS},
            **derived_columns(row.name, row.id_number, phone),
        })
    for h in households.values():
        h["head_id"] = heads.get(h["id"])
    if households:
        s.execute(insert(Household.__table__), list(households.values()))
    total = len(residents)
    for start in range(0, total, CHUNK):
        if cancel is not None and cancel():
            raise ImportCancelled(tr("residents", "Import cancelled. Nothing was imported."))
        s.execute(insert(Resident.__table__), residents[start:start + CHUNK])
        if progress:
            progress(min(start + CHUNK, total), total)
    # Households that existed already get a head if they had none.
    for hid, head in known.values():
        if head is None and hid in heads:
            s.execute(text("UPDATE household SET head_id = :r, version = version + 1, updated_at = :at "
                           "WHERE id = :h"), {"r": heads[hid], "h": hid, "at": base["updated_at"]})
    outcome.imported = total
    outcome.households_created = len(households)


def export_residents(store: Store, *, path: Path, include_inactive: bool = False) -> int:
    """Write residents to .xlsx with ID numbers as text; returns the number of rows."""
    with store.read() as s:
        sql = ("SELECT r.name, r.sex, r.ethnicity, r.id_number, r.birth_date, r.phone, r.relation, "
               "h.household_no, h.village_group, h.hamlet, h.grid, h.address, "
               "r.is_party_member, r.is_dibao, r.is_tekun, r.is_disabled, r.lives_alone "
               "FROM resident r JOIN household h ON h.id = r.household_id "
               + ("" if include_inactive else "WHERE r.status = 'active' ")
               + "ORDER BY h.household_no, r.relation != '户主', r.birth_date")
        rows = [dict(r) for r in s.execute(text(sql)).mappings()]
    for r in rows:
        r["birth_date"] = dt.date.fromisoformat(str(r["birth_date"]))
        for key in _FLAG_COLUMNS:
            r[key] = bool(r[key])
    export_rows_xlsx(rows, path)
    return len(rows)
