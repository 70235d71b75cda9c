"""Find a resident: one box (name, pinyin initials, ID tail, phone), results as you type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from villagedesk.services.resident_search import search_residents
from villagedesk.ui.forms import title_label
from villagedesk.ui.modules import UiContext
from villagedesk.ui.residents.models import ResidentHitsTableModel
from villagedesk.ui.table_view import RowTableView
from villagedesk.ui.text import tr

CTX = "ResidentsUi"
DEBOUNCE_MS = 180
LIMIT = 200


def _shortcut_text(seq: str) -> str:
    return QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)


class ResidentSearchPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("ResidentsUi", "Find a resident")), 1)
        buttons = (
            (tr("ResidentsUi", "Add a resident"), "Ctrl+N", lambda: ctx.navigate("residents.new", new=True)),
            (tr("ResidentsUi", "Import from Excel"), "Ctrl+I", self._import),
            (tr("ResidentsUi", "Export"), "Ctrl+E", self._export),
        )
        for text, seq, slot in buttons:
            button = QPushButton(text)
            button.setToolTip(f"{text} ({_shortcut_text(seq)})")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(slot)
            top.addWidget(button)
        layout.addLayout(top)
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(tr("ResidentsUi", "Name, pinyin initials (e.g. zs), last digits of the ID "
                                            "number, or phone"))
        self.box.setToolTip(tr("ResidentsUi", "Search ({key}); ↓ moves into the results, Enter opens").format(
            key=_shortcut_text("Ctrl+F")))
        self.box.textChanged.connect(self._text_changed)
        self.box.installEventFilter(self)
        layout.addWidget(self.box)
        self.summary = QLabel(tr("ResidentsUi", "Type to search. Results appear as you type."))
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)
        self.model = ResidentHitsTableModel(self)
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.row_opened.connect(self.open_row)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.last_query = ""

    # -- shell hooks ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def new_item(self) -> None:
        self.ctx.navigate("residents.new", new=True)

    def refresh(self) -> None:
        if self.last_query:
            self.run_search()
        self.box.setFocus()

    def open_with(self, query: str = "", **_kw: object) -> None:
        self.box.setText(query)
        self.run_search()

    def prepare_screenshot(self) -> None:
        self.box.setText("张")
        self.run_search()
        self.table.select_row(0)

    # -- behaviour ------------------------------------------------------------------------------
    def _text_changed(self, _text: str) -> None:
        self.timer.start()

    def run_search(self) -> None:
        self.timer.stop()
        query = self.box.text().strip()
        self.last_query = query
        if not query:
            self.model.set_rows([])
            self.summary.setText(tr("ResidentsUi", "Type to search. Results appear as you type."))
            return
        result = search_residents(self.ctx.store, query=query, limit=LIMIT)
        self.model.set_rows(result.hits)
        self.table.fit_columns()
        if result.hits:
            self.table.select_row(0)
            more = len(result.hits) >= LIMIT
            text = tr("ResidentsUi", "{count} found ({ms} ms). ↓ to choose, Enter to open.") if not more else \
                tr("ResidentsUi", "The first {count} shown ({ms} ms). Type more to narrow down.")
            self.summary.setText(text.format(count=len(result.hits), ms=f"{result.elapsed_ms:.0f}"))
        else:
            self.summary.setText(tr("ResidentsUi", "Nobody found for “{query}”. Check the spelling, or add "
                                         "the resident with Ctrl+N.").format(query=query))

    def open_row(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.ctx.navigate("residents.detail", resident_id=hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is getattr(self, "table", None) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape or (
                    event.key() == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0):
                self.focus_search()  # back to the box to type again
                return True
            return False
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                if self.timer.isActive():
                    self.run_search()
                if self.model.rowCount():
                    self.table.setFocus()
                    self.table.select_row(max(0, self.table.currentIndex().row()))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive() or self.box.text().strip() != self.last_query:
                    self.run_search()
                current = self.table.currentIndex()
                if current.isValid():
                    self.open_row(current.row())
                return True
            if key == Qt.Key.Key_Escape:
                self.box.clear()
                return True
        return False

    def _import(self) -> None:
        from villagedesk.ui.residents import open_import

        open_import(self.ctx)
        self.ctx.notify_changed("residents")

    def _export(self) -> None:
        from villagedesk.ui.residents import open_export

        open_export(self.ctx)
