"""Qt table models over what the residents services return."""

from __future__ import annotations

from typing import Any

from villagedesk.ui.modules import QT_TRANSLATE_NOOP
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.text import tr

CTX = "ResidentsUi"


def sex_label(sex: str) -> str:
    return {"M": tr("ResidentsUi", "Male"), "F": tr("ResidentsUi", "Female")}.get(sex, sex)


def status_label(status: str) -> str:
    return {"active": tr("ResidentsUi", "Registered"), "moved_out": tr("ResidentsUi", "Moved out"),
            "deceased": tr("ResidentsUi", "Deceased")}.get(status, status)


def _status_color(row: Any) -> str | None:
    return None if row.status == "active" else "#8a8f98"


class ResidentHitsTableModel(BaseTableModel[Any]):
    """Search hits (ResidentHit) or household members (ResidentDetail)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("name", QT_TRANSLATE_NOOP("ResidentsUi", "Name"), color=_status_color),
            Column("sex", QT_TRANSLATE_NOOP("ResidentsUi", "Sex"), getter=lambda r: sex_label(r.sex),
                   align="center"),
            Column("age", QT_TRANSLATE_NOOP("ResidentsUi", "Age"), align="right"),
            Column("id_masked", QT_TRANSLATE_NOOP("ResidentsUi", "ID number"),
                   tooltip=lambda r: tr("ResidentsUi", "Open the resident to see the full number")),
            Column("phone", QT_TRANSLATE_NOOP("ResidentsUi", "Phone")),
            Column("household_no", QT_TRANSLATE_NOOP("ResidentsUi", "Household no.")),
            Column("village_group", QT_TRANSLATE_NOOP("ResidentsUi", "Village group")),
            Column("status", QT_TRANSLATE_NOOP("ResidentsUi", "Status"),
                   getter=lambda r: status_label(r.status), color=_status_color),
        ], context=CTX, parent=parent)


class MembersTableModel(BaseTableModel[Any]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("name", QT_TRANSLATE_NOOP("ResidentsUi", "Name"), color=_status_color),
            Column("relation", QT_TRANSLATE_NOOP("ResidentsUi", "Relation to head")),
            Column("sex", QT_TRANSLATE_NOOP("ResidentsUi", "Sex"), getter=lambda r: sex_label(r.sex),
                   align="center"),
            Column("age", QT_TRANSLATE_NOOP("ResidentsUi", "Age"), align="right"),
            Column("id_masked", QT_TRANSLATE_NOOP("ResidentsUi", "ID number")),
            Column("phone", QT_TRANSLATE_NOOP("ResidentsUi", "Phone")),
            Column("status", QT_TRANSLATE_NOOP("ResidentsUi", "Status"),
                   getter=lambda r: status_label(r.status), color=_status_color),
        ], context=CTX, parent=parent)


class HouseholdsTableModel(BaseTableModel[dict[str, Any]]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("household_no", QT_TRANSLATE_NOOP("ResidentsUi", "Household no."),
                   getter=lambda r: r["household_no"]),
            Column("head_name", QT_TRANSLATE_NOOP("ResidentsUi", "Head of household"),
                   getter=lambda r: r["head_name"] or ""),
            Column("members", QT_TRANSLATE_NOOP("ResidentsUi", "Members"), getter=lambda r: r["members"],
                   align="right"),
            Column("village_group", QT_TRANSLATE_NOOP("ResidentsUi", "Village group"),
                   getter=lambda r: r["village_group"]),
            Column("hamlet", QT_TRANSLATE_NOOP("ResidentsUi", "Hamlet"), getter=lambda r: r["hamlet"]),
            Column("address", QT_TRANSLATE_NOOP("ResidentsUi", "Address"), getter=lambda r: r["address"]),
        ], context=CTX, parent=parent)
