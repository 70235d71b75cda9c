"""Table views set up for the keyboard: arrows move, Enter opens the current row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class RowTableView(QTableView):
    row_opened = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setWordWrap(False)
        self.doubleClicked.connect(lambda index: self.row_opened.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.row_opened.emit(index.row())
                return
        super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is not None and 0 <= row < model.rowCount(QModelIndex()):
            self.setCurrentIndex(model.index(row, 0))
            self.selectRow(row)

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(max(header.sectionSize(column) + 24, 70), 320))
