"""What the elder-care pages share: a base page that runs writes, table views, dates, printing."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from villagedesk import i18n
from villagedesk.errors import DomainError
from villagedesk.services.eldercare_roster import FLAG_TUPLES, LazyRows, flag_label
from villagedesk.ui.document_print import print_or_view
from villagedesk.ui.errors import show_error
from villagedesk.ui.forms import FormGrid
from villagedesk.ui.modules import UiContext
from villagedesk.ui.table_model import ROW_ROLE, BaseTableModel
from villagedesk.ui.text import tr

CTX = "EldercareUi"
RESIZE_ROWS = 100


def flags_text(mask: int) -> str:
    """The flag labels of a flag mask, joined for a table cell; one string per mask and language.

    Table models hold the plain service rows and call this from data() for the cells painted.
    """
    return _flags_text(mask, i18n.language())


@functools.lru_cache(maxsize=256)
def _flags_text(mask: int, _language: str) -> str:
    return "、".join(flag_label(f) for f in FLAG_TUPLES[mask])


class EldercarePage(QWidget):
    """Runs a write, shows a DomainError beside its field (or under the form), then refreshes."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.message = QLabel("")
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.note = QLabel("")
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

    def attempt(self, fn: Callable[[], object], form: FormGrid | None = None, done: str = "") -> object | None:
        self.message.setText("")
        self.note.setText("")
        if form is not None:
            form.clear_errors()
        try:
            result = fn()
        except DomainError as exc:
            if form is None or not form.show_domain_error(exc):
                self.message.setText(exc.message)
            return None
        except Exception as exc:  # noqa: BLE001 - logged by show_error's caller chain
            show_error(self, exc)
            return None
        self.note.setText(done)
        self.ctx.notify_changed("eldercare")
        self.refresh()
        return result

    def refresh(self) -> None:  # overridden
        pass


class LightTableModel(BaseTableModel):
    """A table model that keeps a service's LazyRows as they are: plain tuples, made into a
    named row (and formatted) only in data(), for the cells Qt paints. 10,000 rows due for a
    visit cost the model one list, not 10,000 objects."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = rows if isinstance(rows, LazyRows) else list(rows)  # type: ignore[assignment]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        rows = self._rows
        if not isinstance(rows, LazyRows):
            super().sort(column, order)
            return
        if not (0 <= column < len(self._columns)):
            return
        col, make = self._columns[column], rows.make
        self.layoutAboutToBeChanged.emit()
        old = list(rows.raw)
        rows.raw.sort(key=lambda t: _sort_key(col.value(make(t))),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        # Keep persistent indexes (the selection) on the same rows: the plain tuples stay put.
        position = {id(t): i for i, t in enumerate(rows.raw)}
        for persistent in self.persistentIndexList():
            if persistent.isValid() and persistent.row() < len(old):
                self.changePersistentIndex(persistent, self.index(position[id(old[persistent.row()])],
                                                                  persistent.column()))
        self.layoutChanged.emit()


def _sort_key(value: Any) -> tuple[int, float, str]:
    if value is None:
        return (2, 0.0, "")
    if isinstance(value, (int, float)):
        return (0, float(value), "")
    return (1, 0.0, str(value))


def table_view(model: BaseTableModel, *, stretch: int = 1) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # Column widths from the first rows only: the roster has 20,000, and Qt's default (1,000
    # rows) asks the model for every cell of each of them on every refresh.
    header.setResizeContentsPrecision(RESIZE_ROWS)
    # Rows come in the service's order (most overdue, oldest, newest first): show no sort arrow.
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return view


def selected(view: QTableView) -> object | None:
    index = view.currentIndex()
    return view.model().data(index, ROW_ROLE) if index.isValid() else None


def date_edit(day: dt.date, *, month_only: bool = False) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(not month_only)
    edit.setDisplayFormat("yyyy-MM" if month_only else "yyyy-MM-dd")
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def month_of(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM")


def save_and_print(ctx: UiContext, parent: QWidget, pdf: bytes, filename: str, warning: str = "") -> Path:
    """Keep the PDF in the archive folder and hand it to the printer (or the viewer)."""
    folder = Path(ctx.paths.archive) / "eldercare"  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_bytes(pdf)
    print_or_view(parent, ctx, path, title=path.stem, warning=warning,
                  warning_title=tr("EldercareUi", "Before printing"))
    return path
