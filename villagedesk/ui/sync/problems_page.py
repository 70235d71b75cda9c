"""同步问题: the link to the county platform (state, server, last attempt and error, counts),
conflicts the hall administrator settles (keep hall, take county, or edit) and records the county
platform rejected (kept on this PC; marked as looked at). Other staff see it all read-only."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, UiContext
from villagedesk.ui.sync.controller import controller_for
from villagedesk.ui.sync.status_widget import state_text
from villagedesk.ui.sync.wording import (
    entity_label,
    field_label,
    local_time,
    plain_error,
    value_text,
)
from villagedesk.ui.table_model import BaseTableModel, Column
from villagedesk.ui.table_view import RowTableView
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)
NAME_LOOKUPS = 100  # records named per refresh; beyond that the id is shown



@dataclasses.dataclass(frozen=True)
class ConflictRow:
    problem: Any  # villagedesk.sync.service.Problem
    record: str
    field: str
    hall: str
    county: str
    at: str


@dataclasses.dataclass(frozen=True)
class RejectedRow:
    problem: Any
    kind: str
    record: str
    reason: str
    at: str
    seen: bool


class ConflictTableModel(BaseTableModel[ConflictRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("record", QT_TRANSLATE_NOOP("SyncUi", "Record")),
            Column("field", QT_TRANSLATE_NOOP("SyncUi", "Item")),
            Column("hall", QT_TRANSLATE_NOOP("SyncUi", "Value here")),
            Column("county", QT_TRANSLATE_NOOP("SyncUi", "County's value")),
            Column("at", QT_TRANSLATE_NOOP("SyncUi", "Since")),
        ], context="SyncUi", parent=parent)


class RejectedTableModel(BaseTableModel[RejectedRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("kind", QT_TRANSLATE_NOOP("SyncUi", "Kind")),
            Column("record", QT_TRANSLATE_NOOP("SyncUi", "Record")),
            Column("at", QT_TRANSLATE_NOOP("SyncUi", "Rejected")),
            Column("seen", QT_TRANSLATE_NOOP("SyncUi", "Looked at"),
                   getter=lambda r: tr("SyncUi", "Looked at") if r.seen else tr("SyncUi", "Not yet"),
                   color=lambda r: None if r.seen else "#b3261e"),
            Column("reason", QT_TRANSLATE_NOOP("SyncUi", "Reason"), tooltip=lambda r: r.reason),
        ], context="SyncUi", parent=parent)


def record_names(store: Any, problems: list[Any]) -> dict[tuple[str, str], str]:
    """Residents by name and households by number, for the first NAME_LOOKUPS records."""
    from villagedesk.services.residents import get_household, get_resident

    names: dict[tuple[str, str], str] = {}
    for p in problems:
        key = (p.entity, p.entity_id)
        if key in names or p.entity not in ("resident", "household"):
            continue
        if len(names) >= NAME_LOOKUPS:
            break
        try:
            if p.entity == "resident":
                names[key] = get_resident(store, resident_id=p.entity_id).name
            else:
                h = get_household(store, household_id=p.entity_id)
                names[key] = tr("SyncUi", "{no} (head: {head})").format(no=h.household_no, head=h.head_name) \
                    if h.head_name else h.household_no
        except DomainError:
            names[key] = ""
    return names


def record_text(p: Any, names: dict[tuple[str, str], str], *, kind: bool = True) -> str:
    name = names.get((p.entity, p.entity_id)) or p.entity_id[:8]
    return f"{entity_label(p.entity)} {name}" if kind else name


def _section(title: str, hint: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    heading = title_label(title, "sectionTitle")
    layout.addWidget(heading)
    note = QLabel(hint)
    note.setObjectName("hint")
    note.setWordWrap(True)
    layout.addWidget(note)
    return box, layout, heading


class SyncProblemsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.controller = controller_for(ctx)
        self.may_resolve = ctx.actor.may("sync")
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(tr("SyncUi", "Sync problems")))
        intro = QLabel(tr("SyncUi", "Records are saved on this PC first and then go to the county platform by "
                          "themselves. Here are the records it rejected and the conflicts you decide."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        outer.addWidget(intro)
        outer.addWidget(self._build_status())
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        bl = QHBoxLayout(self.banner)
        self.banner_label = QLabel(tr("SyncUi", "Only the hall administrator may resolve sync problems. You "
                                      "can look at them here."))
        self.banner_label.setWordWrap(True)
        bl.addWidget(self.banner_label)
        self.banner.setVisible(not self.may_resolve)
        outer.addWidget(self.banner)
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        outer.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_conflicts())
        splitter.addWidget(self._build_rejected())
        outer.addWidget(splitter, 1)

        self.controller.status_changed.connect(self.update_status)
        self.controller.run_started.connect(self.update_status)
        self.controller.run_finished.connect(self._run_finished)
        self.refresh()

    # -- layout -------------------------------------------------------------------------------
    def _build_status(self) -> QGroupBox:
        box = QGroupBox(tr("SyncUi", "Link to the county platform"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.status_values: dict[str, QLabel] = {}
        rows = [
            (("state", tr("SyncUi", "Connection")), ("server", tr("SyncUi", "Server"))),
            (("attempt", tr("SyncUi", "Last attempt")), ("success", tr("SyncUi", "Last success"))),
            (("counts", tr("SyncUi", "Waiting")), ("error", tr("SyncUi", "Last error"))),
        ]
        for r, pair in enumerate(rows):
            for c, (key, caption) in enumerate(pair):
                label = QLabel(caption)
                label.setObjectName("hint")
                value = QLabel()
                value.setObjectName(f"sync_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, r, 2 * c + 1, Qt.AlignmentFlag.AlignTop)
                self.status_values[key] = value
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(tr("SyncUi", "Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        buttons.addWidget(self.sync_button)
        if self.may_resolve:
            usb = QPushButton(tr("SyncUi", "USB sync…"))
            usb.clicked.connect(self.open_usb)
            buttons.addWidget(usb)
        buttons.addStretch(1)
        grid.addLayout(buttons, len(rows), 0, 1, 4)
        return box

    def _build_conflicts(self) -> QWidget:
        box, layout, self.conflict_heading = _section(
            tr("SyncUi", "Conflicts"),
            tr("SyncUi", "The county corrected a record that was also changed here. Choose which value is "
               "right; your choice goes to the county too."))
        self.conflict_model = ConflictTableModel(self)
        self.conflict_table = RowTableView()
        self.conflict_table.setObjectName("syncConflicts")
        self.conflict_table.setModel(self.conflict_model)
        self.conflict_table.row_opened.connect(lambda _row: self.edit_conflict())
        self.no_conflicts = QLabel(tr("SyncUi", "No conflicts to settle."))
        self.no_conflicts.setObjectName("hint")
        layout.addWidget(self.conflict_table, 1)
        layout.addWidget(self.no_conflicts)
        row = QHBoxLayout()
        self.keep_button = QPushButton(tr("SyncUi", "Keep the value here"))
        self.keep_button.clicked.connect(lambda: self.resolve("hall"))
        self.take_button = QPushButton(tr("SyncUi", "Take the county's value"))
        self.take_button.clicked.connect(lambda: self.resolve("county"))
        self.edit_button = QPushButton(tr("SyncUi", "Enter another value…"))
        self.edit_button.clicked.connect(self.edit_conflict)
        for b in (self.keep_button, self.take_button, self.edit_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _build_rejected(self) -> QWidget:
        box, layout, self.rejected_heading = _section(
            tr("SyncUi", "Rejected by the county platform"),
            tr("SyncUi", "The county platform could not take these records. They stay on this PC and are "
               "never deleted. Read the reason, tell the county if needed, then mark them as "
               "looked at."))
        self.rejected_model = RejectedTableModel(self)
        self.rejected_table = RowTableView()
        self.rejected_table.setObjectName("syncRejected")
        self.rejected_table.setModel(self.rejected_model)
        self.rejected_table.row_opened.connect(lambda _row: self.mark_seen())
        self.no_rejected = QLabel(tr("SyncUi", "No rejected records."))
        self.no_rejected.setObjectName("hint")
        layout.addWidget(self.rejected_table, 1)
        layout.addWidget(self.no_rejected)
        row = QHBoxLayout()
        self.seen_button = QPushButton(tr("SyncUi", "Mark as looked at…"))
        self.seen_button.clicked.connect(self.mark_seen)
        row.addWidget(self.seen_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Shown again: the problems now, and the counts (read off the UI thread)."""
        self.reload()
        self.controller.refresh()
        self.update_status()

    def _run_finished(self, _result: Any) -> None:
        if self.isVisible():  # a pull may have brought conflicts; a hidden page reloads when shown
            self.reload()

    def reload(self) -> None:
        from villagedesk.sync.service import list_problems

        problems = list_problems(self.ctx.store)
        names = record_names(self.ctx.store, problems)
        now = self.ctx.store.clock.now()
        conflicts, rejected = [], []
        for p in problems:
            if p.kind == "conflict":
                conflicts.append(ConflictRow(
                    p, record_text(p, names), field_label(p.entity, p.field or ""),
                    value_text(p.hall_value), value_text(p.county_value), local_time(p.at, now=now)))
            else:
                rejected.append(RejectedRow(
                    p, entity_label(p.entity), record_text(p, names, kind=False), p.detail,
                    local_time(p.at, now=now), p.looked_at))
        self._fill(self.conflict_table, self.conflict_model, conflicts)
        self._fill(self.rejected_table, self.rejected_model, rejected)
        self.conflict_heading.setText(tr("SyncUi", "Conflicts ({n})").format(n=len(conflicts)))
        self.rejected_heading.setText(tr("SyncUi", "Rejected by the county platform ({n})").format(n=len(rejected)))
        self.no_conflicts.setVisible(not conflicts)
        self.no_rejected.setVisible(not rejected)
        for b in (self.keep_button, self.take_button, self.edit_button):
            b.setEnabled(self.may_resolve and bool(conflicts))
            b.setToolTip("" if self.may_resolve else self.banner_label.text())
        self.seen_button.setEnabled(self.may_resolve and bool(rejected))
        self.seen_button.setToolTip("" if self.may_resolve else self.banner_label.text())

    @staticmethod
    def _fill(table: RowTableView, model: BaseTableModel[Any], rows: list[Any]) -> None:
        current = max(table.currentIndex().row(), 0)
        model.set_rows(rows)
        table.fit_columns()
        table.select_row(min(current, len(rows) - 1))

    def update_status(self) -> None:
        c, st = self.controller, self.controller.status
        now = self.ctx.store.clock.now()
        v = self.status_values
        if c.mode == "not_enrolled":
            state = tr("SyncUi", "Not connected to the county platform. Ask the county for an enrollment "
                       "code, or enroll with a file through USB sync.")
        elif c.mode == "usb_only":
            state = tr("SyncUi", "Enrolled; records go to the township on a USB stick (this PC has no network).")
        else:
            state = state_text(c)[0]
        v["state"].setText(state)
        v["server"].setText(st.get("server") or "—")
        attempt = c.last_run_at or st.get("last_attempt")  # the worker's offline tries count too
        v["attempt"].setText(local_time(attempt, now=now) or tr("SyncUi", "never"))
        v["success"].setText(local_time(st.get("last_success"), now=now) or tr("SyncUi", "never"))
        counts = tr("SyncUi", "{pending} waiting to upload, {rejected} rejected, {conflicts} conflicts").format(
            pending=f"{int(st.get('pending') or 0):,}", rejected=int(st.get("rejected") or 0),
            conflicts=int(st.get("conflicts") or 0))
        extra = []
        if st.get("waiting_for_server_upgrade"):
            extra.append(tr("SyncUi", "{n} wait until the county platform is upgraded").format(
                n=st["waiting_for_server_upgrade"]))
        if st.get("parked_reference_changes"):
            extra.append(tr("SyncUi", "{n} county updates not applied yet").format(n=st["parked_reference_changes"]))
        v["counts"].setText("；".join([counts, *extra]) if extra else counts)
        raw = c.last_result.error if c.last_result is not None else (st.get("last_error") or "")
        v["error"].setText(plain_error(raw) or tr("SyncUi", "none"))
        v["error"].setToolTip(raw)
        v["error"].setStyleSheet("color: #b3261e;" if raw else "")
        self.sync_button.setVisible(c.mode == "network")
        self.sync_button.setEnabled(not c.running)
        self.sync_button.setText(tr("SyncUi", "Syncing…") if c.running else tr("SyncUi", "Sync now"))

    # -- actions ------------------------------------------------------------------------------
    def selected_conflict(self) -> ConflictRow | None:
        return self.conflict_model.row_at(self.conflict_table.currentIndex())

    def selected_rejected(self) -> RejectedRow | None:
        return self.rejected_model.row_at(self.rejected_table.currentIndex())

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _changed(self, text: str) -> None:
        self._say(text)
        self.reload()
        self.ctx.notify_changed("sync")

    def resolve(self, choice: str) -> None:
        from villagedesk.sync.service import resolve_conflict

        row = self.selected_conflict()
        if row is None or not self.may_resolve:
            return
        try:
            resolve_conflict(self.ctx.store, actor=self.ctx.actor, conflict_id=row.problem.id,
                             choice=choice)
        except DomainError as exc:
            show_error(self, exc)
            self.reload()
            return
        text = (tr("SyncUi", "Kept the value here for {record}, {field}.") if choice == "hall"
                else tr("SyncUi", "Took the county's value for {record}, {field}."))
        self._changed(text.format(record=row.record, field=row.field))

    def edit_conflict(self) -> None:
        from villagedesk.ui.sync.dialogs import EditConflictDialog

        row = self.selected_conflict()
        if row is None or not self.may_resolve:
            return
        dialog = EditConflictDialog(self.ctx, row.problem, record=row.record, field=row.field, parent=self)
        if dialog.exec():
            self._changed(tr("SyncUi", "Saved the value you entered for {record}, {field}.").format(
                record=row.record, field=row.field))

    def mark_seen(self) -> None:
        from villagedesk.ui.sync.dialogs import NoteProblemDialog

        row = self.selected_rejected()
        if row is None or not self.may_resolve:
            return
        if NoteProblemDialog(self.ctx, row.problem, record=row.record, parent=self).exec():
            self._changed(tr("SyncUi", "Marked as looked at: {record}.").format(record=row.record))

    def sync_now(self) -> None:
        self.controller.wake()
        self.update_status()

    def open_usb(self) -> None:
        from villagedesk.ui.sync.usb_wizard import open_usb_wizard

        open_usb_wizard(self.ctx)
        self.refresh()

    def prepare_screenshot(self) -> None:
        """A demo hall gets one rejected record and one conflict to show (see sync/demo.py)."""
        from villagedesk.ui.sync.demo import add_demo_problems

        if add_demo_problems(self.ctx.store):
            self.ctx.notify_changed("sync")
        self.reload()
        self.conflict_table.select_row(0)
        self.rejected_table.select_row(0)
