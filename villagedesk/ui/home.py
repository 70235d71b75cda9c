"""今日工作: one card per module with what needs doing; a click (or Enter) opens that list."""

from __future__ import annotations

import logging
from collections.abc import Callable

from shiboken6 import isValid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from villagedesk.ui.forms import title_label
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, HomeCard, ModuleSpec, UiContext
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("home", "Monday"), QT_TRANSLATE_NOOP("home", "Tuesday"),
    QT_TRANSLATE_NOOP("home", "Wednesday"), QT_TRANSLATE_NOOP("home", "Thursday"),
    QT_TRANSLATE_NOOP("home", "Friday"), QT_TRANSLATE_NOOP("home", "Saturday"),
    QT_TRANSLATE_NOOP("home", "Sunday"),
)


class CardWidget(QFrame):
    activated = Signal(object)

    def __init__(self, card: HomeCard, module_title: str) -> None:
        super().__init__()
        self.card = card
        self.setObjectName("card")
        self.setProperty("severity", card.severity)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("home", "Click or press Enter to open the list"))
        layout = QVBoxLayout(self)
        module = QLabel(module_title)
        module.setObjectName("hint")
        title = QLabel(card.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        count = QLabel(f"{card.count:,}")
        count.setObjectName("cardCount")
        layout.addWidget(module)
        layout.addWidget(title)
        layout.addWidget(count)
        if card.detail:
            detail = QLabel(card.detail)
            detail.setObjectName("hint")
            detail.setWordWrap(True)
            layout.addWidget(detail)
        layout.addStretch(1)
        self.setMinimumHeight(150)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.card)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.card)
        else:
            super().keyPressEvent(event)


class HomePage(QWidget):
    cards_shown = Signal()
    def __init__(self, ctx: UiContext, modules: list[ModuleSpec],
                 open_card: Callable[[HomeCard], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.modules = modules
        self.open_card = open_card
        self.cards: list[CardWidget] = []
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(tr("home", "Today's work")))
        self.date_label = QLabel()
        self.date_label.setObjectName("hint")
        outer.addWidget(self.date_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setSpacing(14)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.loading = False
        self._again = False

    def refresh(self) -> None:
        """Counts are gathered on a worker thread; the old cards stay until the new ones arrive."""
        self._set_date()
        if self.loading:
            self._again = True
            return
        self.loading = True
        if not self.cards:
            self.date_label.setText(self.date_label.text() + "  " + tr("home", "Counting…"))
        self.ctx.run_in_worker(lambda _job: self._collect(), on_done=self._show,
                               on_error=self._failed)

    def _set_date(self) -> None:
        today = self.ctx.store.clock.today()
        self.date_label.setText(tr("home", "{date}, {weekday}. Hello, {name}.").format(
            date=tr("home", "{y}-{m}-{d}").format(y=today.year, m=today.month, d=today.day),
            weekday=tr("home", WEEKDAYS[today.weekday()]), name=self.ctx.actor.name))

    def _collect(self) -> list[tuple[HomeCard, str]]:
        items: list[tuple[HomeCard, str]] = []
        for module in self.modules:
            if module.home_cards is None:
                continue
            try:
                items.extend((c, module.title()) for c in module.home_cards(self.ctx))
            except Exception:  # one module's failure must not blank the home page
                log.exception("home cards of %s failed", module.key)
        return items

    def _failed(self, exc: BaseException) -> None:
        log.error("home cards failed", exc_info=exc)
        if isValid(self):
            self._finish()

    def _finish(self) -> None:
        self.loading = False
        self._set_date()
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, items: list[tuple[HomeCard, str]]) -> None:
        if not isValid(self):  # the window was closed while counting
            return
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        columns = 3
        for n, (card, module_title) in enumerate(items):
            widget = CardWidget(card, module_title)
            widget.activated.connect(self.open_card)
            self.grid.addWidget(widget, n // columns, n % columns)
            self.cards.append(widget)
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)
        self.grid.setRowStretch(max(1, (len(items) + columns - 1) // columns), 1)
        self._finish()
        self.cards_shown.emit()
