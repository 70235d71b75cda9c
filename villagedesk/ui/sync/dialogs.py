"""Small dialogs of the sync problems page: type the value that settles a conflict, and note
that a rejected record has been looked at."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid, line_edit, title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.sync.wording import value_text
from villagedesk.ui.text import tr

CHECKED_RESIDENT_FIELDS = ("name", "id_number", "phone")



class EditConflictDialog(QDialog):
    """Keep neither value as it is: the administrator types the right one (prefilled with the
    hall's). Resident names, ID numbers and phones are checked like in the resident form."""

    def __init__(self, ctx: UiContext, problem: Any, *, record: str, field: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.problem = ctx, problem
        self.setWindowTitle(tr("SyncUi", "Settle a conflict"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("SyncUi", "Enter the right value"), "sectionTitle"))
        self.form = FormGrid()
        self.form.add_field("record", tr("SyncUi", "Record"), QLabel(record))
        self.form.add_field("field", tr("SyncUi", "Item"), QLabel(field))
        self.form.add_field("hall", tr("SyncUi", "Value here"), QLabel(value_text(problem.hall_value)))
        self.form.add_field("county", tr("SyncUi", "County's value"), QLabel(value_text(problem.county_value)))
        self.is_flag = isinstance(problem.hall_value, bool) or isinstance(problem.county_value, bool)
        if self.is_flag:
            self.flag = QCheckBox(tr("SyncUi", "yes"))
            self.flag.setChecked(bool(problem.hall_value))
            self.form.add_field("value", tr("SyncUi", "New value"), self.flag)
        else:
            current = "" if problem.hall_value is None else str(problem.hall_value)
            self.edit = line_edit(current)
            self.edit.selectAll()
            self.form.add_field("value", tr("SyncUi", "New value"), self.edit)
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 0)

    def value(self) -> Any:
        if self.is_flag:
            return self.flag.isChecked()
        text = self.edit.text().strip()
        sample = self.problem.hall_value if self.problem.hall_value is not None else self.problem.county_value
        if isinstance(sample, int) and not isinstance(sample, bool):
            try:
                return int(text)
            except ValueError:
                raise DomainError(tr("SyncUi", "Enter a whole number."), field="value") from None
        return text

    def submit(self) -> None:
        from villagedesk.sync.service import resolve_conflict

        self.form.clear_errors()
        p = self.problem
        try:
            value = self.value()
            if p.entity == "resident" and p.field in CHECKED_RESIDENT_FIELDS:
                from villagedesk.services.residents import check_fields

                problems = check_fields(self.ctx.store, exclude_id=p.entity_id, **{p.field: value})
                if problems:
                    raise DomainError(problems[p.field], field="value")
            resolve_conflict(self.ctx.store, actor=self.ctx.actor, conflict_id=p.id,
                             choice="edit", value=value)
        except DomainError as exc:
            if not self.form.show_domain_error(exc):
                show_error(self, exc)
            return
        self.accept()


class NoteProblemDialog(QDialog):
    """Mark a rejected record as looked at, with an optional note (who was told, what next)."""

    def __init__(self, ctx: UiContext, problem: Any, *, record: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.problem = ctx, problem
        self.setWindowTitle(tr("SyncUi", "Mark as looked at"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("SyncUi", "Mark as looked at"), "sectionTitle"))
        hint = QLabel(tr("SyncUi", "The record stays on this PC and in this list; it is never deleted. The "
                         "mark only says that someone has read the reason."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        reason = QLabel(tr("SyncUi", "{record}: {reason}").format(record=record, reason=problem.detail))
        reason.setWordWrap(True)
        layout.addWidget(reason)
        self.form = FormGrid(messages=False)
        self.note = line_edit(placeholder=tr("SyncUi", "e.g. told the county by phone"), max_length=200)
        self.form.add_field("note", tr("SyncUi", "Note (optional)"), self.note)
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 0)

    def submit(self) -> None:
        from villagedesk.sync.service import note_problem

        try:
            note_problem(self.ctx.store, actor=self.ctx.actor, seq=self.problem.id,
                         note=self.note.text().strip())
        except DomainError as exc:
            show_error(self, exc)
            return
        self.accept()
