"""Small widgets the supply pages share: a product picker that works from the keyboard, table views."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.services import supply_catalogue
from villagedesk.services.supply_catalogue import ProductInfo
from villagedesk.ui.modules import QT_TRANSLATE_NOOP
from villagedesk.ui.table_model import ROW_ROLE, BaseTableModel, Column

CTX = "SupplyUi"


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
    return view


def selected_row(view: QTableView) -> object | None:
    index = view.currentIndex()
    return view.model().data(index, ROW_ROLE) if index.isValid() else None


def product_columns() -> list[Column]:
    return [
        Column("code", QT_TRANSLATE_NOOP("SupplyUi", "Code")),
        Column("name", QT_TRANSLATE_NOOP("SupplyUi", "Product")),
        Column("spec", QT_TRANSLATE_NOOP("SupplyUi", "Specification")),
        Column("category_label", QT_TRANSLATE_NOOP("SupplyUi", "Category")),
        Column("price", QT_TRANSLATE_NOOP("SupplyUi", "Price"), getter=lambda p: f"{p.price:.2f}/{p.unit}", align="right"),
        Column("stock", QT_TRANSLATE_NOOP("SupplyUi", "Stock"), getter=lambda p: f"{p.stock}{p.unit}", align="right",
               color=lambda p: "#a33" if p.stock <= 0 else None),
        Column("restricted", QT_TRANSLATE_NOOP("SupplyUi", "Restricted")),
    ]


class ProductPicker(QWidget):
    """A search box over the catalogue and the matches under it.

    Type a code, pinyin initials or part of the name; Up/Down moves in the list; Enter picks.
    """

    picked = Signal(object)  # ProductInfo

    def __init__(self, store: object, *, placeholder: str = "", rows: int = 6) -> None:
        super().__init__()
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.model: BaseTableModel[ProductInfo] = BaseTableModel(product_columns(), context=CTX)
        self.view = table_view(self.model)
        self.view.setMinimumHeight(rows * 26)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _i: self._pick())
        self.view.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        results = supply_catalogue.search_products(self.store, query=self.search.text(), limit=60)  # type: ignore[arg-type]
        self.model.set_rows(results)
        if results:
            self.view.selectRow(0)

    def current(self) -> ProductInfo | None:
        row = selected_row(self.view)
        return row if isinstance(row, ProductInfo) else None

    def _pick(self) -> None:
        product = self.current()
        if product is not None:
            self.picked.emit(product)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = max(0, self.view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1))
                if row < self.model.rowCount():
                    self.view.selectRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick()
                return True
        return super().eventFilter(obj, event)


def archive_path(paths: object, *parts: str) -> Path:
    folder = Path(paths.archive) / "supply"  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    return folder.joinpath(*parts)


Callback = Callable[[], None]
