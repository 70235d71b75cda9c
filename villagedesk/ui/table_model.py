"""A read-only Qt table model over a list of dataclass rows, reused by every module's lists."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # data(index, ROW_ROLE) is the row object itself


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: a dataclass attribute (or a getter) shown under a translated header."""

    key: str
    title_source: str  # English; translated in the model's context
    getter: Callable[[Any], Any] | None = None  # default: getattr(row, key)
    align: str = "left"  # left | right | center
    tooltip: Callable[[Any], str] | None = None
    color: Callable[[Any], str | None] | None = None  # e.g. "#a33" for a warning row

    def value(self, row: Any) -> Any:
        return self.getter(row) if self.getter else getattr(row, self.key)


_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
}


class BaseTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are replaced wholesale with `set_rows`; sorting by a column is built in."""

    def __init__(self, columns: Sequence[Column], *, context: str = "columns",
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._context = context
        self._rows: list[Row] = []

    # -- our API ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, index: AnyIndex | int) -> Row | None:
        row = index if isinstance(index, int) else index.row()
        if isinstance(index, int) or index.isValid():
            if 0 <= row < len(self._rows):
                return self._rows[row]
        return None

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    @staticmethod
    def display(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return QCoreApplication.translate("common", "Yes") if value else ""
        return str(value)

    # -- Qt overrides -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._columns)):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_ALIGN.get(column.align, _ALIGN["left"]).value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return QCoreApplication.translate(self._context, self._columns[section].title_source)
            return None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            return
        col = self._columns[column]
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows.sort(key=lambda r: _sort_key(col.value(r)),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        # Keep persistent indexes (the selection) on the same rows.
        position = {id(r): i for i, r in enumerate(self._rows)}
        for persistent in self.persistentIndexList():
            if persistent.isValid() and persistent.row() < len(old):
                new_row = position[id(old[persistent.row()])]
                self.changePersistentIndex(persistent, self.index(new_row, persistent.column()))
        self.layoutChanged.emit()


def _sort_key(value: Any) -> tuple[int, float, str]:
    if value is None:
        return (2, 0.0, "")
    if isinstance(value, (int, float)):
        return (0, float(value), "")
    return (1, 0.0, str(value))
