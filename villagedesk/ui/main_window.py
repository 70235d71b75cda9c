"""The main window: navigation by the five affairs, pages, menus with shortcuts, status bar, idle lock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from villagedesk.config import Paths, Settings
from villagedesk.db.store import Store
from villagedesk.services.auth import Actor
from villagedesk.ui.auth_dialogs import LockScreen
from villagedesk.ui.home import HomePage
from villagedesk.ui.idle import IdleWatcher
from villagedesk.ui.modules import (
    AFFAIRS,
    HomeCard,
    ModuleSpec,
    PageSpec,
    UiContext,
    affair_title,
    modules_for,
)
from villagedesk.ui.text import role_label, tr
from villagedesk.ui.workers import run_in_worker

log = logging.getLogger(__name__)
HOME = "home"
PAGE_ROLE = Qt.ItemDataRole.UserRole


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


class MainWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()
    settings_requested = Signal()
    about_requested = Signal()

    def __init__(self, *, store: Store, actor: Actor, settings: Settings, paths: Paths,
                 monotonic: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.store, self.actor, self.settings, self.paths = store, actor, settings, paths
        self.ctx = UiContext(store=store, actor=actor, settings=settings, paths=paths,
                             navigate=self.navigate, notify_changed=self.notify_changed,
                             print_pdf=self.print_pdf,
                             run_in_worker=self._run_in_worker)
        self.modules: list[ModuleSpec] = modules_for(actor)
        self.pages: dict[str, tuple[ModuleSpec | None, PageSpec | None]] = {HOME: (None, None)}
        for module in self.modules:
            for page in module.pages:
                self.pages[page.key] = (module, page)
        self.page_widgets: dict[str, QWidget] = {}
        self.current_key = HOME
        self._lock_disabled: list[QAction] = []
        self.setWindowTitle(tr("main", "VillageDesk — {hall}").format(hall=store.identity.name))
        self.setMinimumSize(1024, 640)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        kw: dict[str, Any] = {"monotonic": monotonic} if monotonic else {}
        self.idle = IdleWatcher(settings.idle_lock_minutes, parent=self, **kw)
        self.idle.idle_reached.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.start()
        self.navigate(HOME)

    # -- layout ---------------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.root = QStackedWidget()
        splitter = QSplitter()
        self.nav = QTreeWidget()
        self.nav.setObjectName("nav")
        self.nav.setHeaderHidden(True)
        self.nav.setRootIsDecorated(False)
        self.nav.setIndentation(14)
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(280)
        self.nav.itemActivated.connect(self._nav_activated)
        self.nav.itemClicked.connect(self._nav_activated)
        self._nav_items: dict[str, QTreeWidgetItem] = {}
        home = QTreeWidgetItem([tr("main", "Today's work")])
        home.setData(0, PAGE_ROLE, HOME)
        self.nav.addTopLevelItem(home)
        self._nav_items[HOME] = home
        for affair in AFFAIRS:
            members = [m for m in self.modules if m.affair == affair and any(p.in_nav for p in m.pages)]
            if not members:
                continue  # no empty groups
            group = QTreeWidgetItem([affair_title(affair)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, Qt.GlobalColor.lightGray)
            self.nav.addTopLevelItem(group)
            for module in members:
                for page in module.pages:
                    if not page.in_nav:
                        continue
                    item = QTreeWidgetItem([QCoreApplication.translate("nav", page.title_source)])
                    item.setData(0, PAGE_ROLE, page.key)
                    if page.shortcut:
                        item.setToolTip(0, QKeySequence(page.shortcut).toString(
                            QKeySequence.SequenceFormat.NativeText))
                    group.addChild(item)
                    self._nav_items[page.key] = item
            group.setExpanded(True)
        self.stack = QStackedWidget()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1100])
        self.home = HomePage(self.ctx, self.modules, self._open_card)
        self.stack.addWidget(self.home)
        self.page_widgets[HOME] = self.home
        self.lock_screen = LockScreen(self.store, lambda: self.actor.name)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        self.root.addWidget(splitter)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)

    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence = "",
                *, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text} ({native})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("main", "&File"))
        file_menu.addAction(self._action(tr("main", "Settings…"), self.settings_requested.emit,
                                         "Ctrl+,"))
        file_menu.addAction(self._action(tr("main", "Open the data folder"),
                                         lambda: self._open_folder(self.paths.data_dir)))
        file_menu.addAction(self._action(tr("main", "Back up now"), self.back_up, "Ctrl+B"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("main", "Lock"), self.lock, "Ctrl+L"))
        file_menu.addAction(self._action(tr("main", "Sign out"), self.sign_out, "Ctrl+Shift+L"))
        file_menu.addAction(self._action(tr("main", "Quit"), self.close, "Ctrl+Q"))
        edit = bar.addMenu(tr("main", "&Edit"))
        edit.addAction(self._action(tr("main", "Search"), self.focus_search, "Ctrl+F"))
        edit.addAction(self._action(tr("main", "New"), self.new_item, "Ctrl+N"))
        edit.addAction(self._action(tr("main", "Refresh"), self.refresh_current, "F5"))
        go = bar.addMenu(tr("main", "&Go"))
        go.addAction(self._action(tr("main", "Today's work"), lambda: self.navigate(HOME), "Ctrl+H"))
        for module in self.modules:
            for page in module.pages:
                if page.in_nav:
                    go.addAction(self._action(QCoreApplication.translate("nav", page.title_source),
                                              lambda k=page.key: self.navigate(k), page.shortcut))
        for module in self.modules:
            if not module.actions:
                continue
            menu = bar.addMenu(module.title())
            for spec in module.actions:
                menu.addAction(self._action(QCoreApplication.translate("nav", spec.text_source),
                                            lambda s=spec: s.triggered(self.ctx), spec.shortcut))
        help_menu = bar.addMenu(tr("main", "&Help"))
        help_menu.addAction(self._action(tr("main", "Open the log folder"),
                                         lambda: self._open_folder(self.paths.log_dir)))
        help_menu.addAction(self._action(tr("main", "About VillageDesk"), self.about_requested.emit,
                                         "F1"))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        identity = self.store.identity
        self.staff_label = QLabel(tr("main", "Staff: {name} ({role})").format(
            name=self.actor.name, role=role_label(self.actor.role)))
        self.hall_label = QLabel(tr("main", "Hall: {name} ({code})").format(
            name=identity.name, code=identity.code))
        self.db_label = QLabel()
        bar.addWidget(self.staff_label)
        bar.addWidget(self.hall_label, 1)
        if identity.is_demo:
            demo = QLabel(tr("main", "Demo data"))
            demo.setStyleSheet("color: #b3261e; font-weight: bold;")
            bar.addPermanentWidget(demo)
        self.sync_slot: list[QWidget] = []
        for module in self.modules:
            if module.status_widget is not None:
                try:
                    widget = module.status_widget(self.ctx)
                except Exception:
                    log.exception("status widget of %s failed", module.key)
                    continue
                self.sync_slot.append(widget)
                bar.addPermanentWidget(widget)
        bar.addPermanentWidget(self.db_label)
        self.update_db_size()
        self._size_timer = QTimer(self)
        self._size_timer.setInterval(60_000)
        self._size_timer.timeout.connect(self.update_db_size)
        self._size_timer.start()

    # -- navigation -----------------------------------------------------------------------------
    def _nav_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, PAGE_ROLE)
        if key:
            self.navigate(key)

    def _open_card(self, card: HomeCard) -> None:
        self.navigate(card.page_key, **card.nav_kwargs)

    def page_widget(self, key: str) -> QWidget:
        widget = self.page_widgets.get(key)
        if widget is None:
            module, page = self.pages[key]
            assert page is not None
            widget = page.factory(self.ctx)
            self.stack.addWidget(widget)
            self.page_widgets[key] = widget
        return widget

    def navigate(self, key: str, **kwargs: Any) -> None:
        if key not in self.pages:
            log.warning("no page %s for role %s", key, self.actor.role)
            return
        widget = self.page_widget(key)
        self.current_key = key
        self.stack.setCurrentWidget(widget)
        if kwargs and hasattr(widget, "open_with"):
            widget.open_with(**kwargs)
        elif hasattr(widget, "refresh"):
            widget.refresh()
        item = self._nav_items.get(key)
        module = self.pages[key][0]
        if item is None and module is not None:  # a detail page: mark its module's first page
            first = next((p.key for p in module.pages if p.in_nav), None)
            item = self._nav_items.get(first or "")
        if item is not None:
            self.nav.blockSignals(True)
            self.nav.setCurrentItem(item)
            self.nav.blockSignals(False)

    def current_page(self) -> QWidget:
        return self.page_widgets[self.current_key]

    def focus_search(self) -> None:
        page = self.current_page()
        if not hasattr(page, "focus_search") and "residents" in self.pages:
            self.navigate("residents")
            page = self.current_page()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def new_item(self) -> None:
        page = self.current_page()
        if hasattr(page, "new_item"):
            page.new_item()
        elif "residents.new" in self.pages:
            self.navigate("residents.new", new=True)

    def refresh_current(self) -> None:
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()
        self.update_db_size()

    def notify_changed(self, _module_key: str) -> None:
        self.home.refresh()
        self.update_db_size()

    def update_db_size(self) -> None:
        path = self.store.path
        size = path.stat().st_size if path and path.exists() else 0
        wal = Path(f"{path}-wal") if path else None
        if wal is not None and wal.exists():
            size += wal.stat().st_size
        self.db_label.setText(tr("main", "Database: {size}").format(size=human_size(size)))

    # -- lock, sign-out, close ------------------------------------------------------------------
    def lock(self) -> None:
        if self.root.currentWidget() is self.lock_screen:
            return
        self.idle.paused = True
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and w.isWindow()
                                and w.window() is not self]
        for w in self._hidden_dialogs:
            w.hide()
        self._lock_disabled = [a for a in self.actions() if a.isEnabled()]
        for action in self._lock_disabled:
            action.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.root.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()

    @property
    def is_locked(self) -> bool:
        return self.root.currentWidget() is self.lock_screen

    def unlock(self) -> None:
        self.root.setCurrentIndex(0)
        for action in self._lock_disabled:
            action.setEnabled(True)
        self.menuBar().setEnabled(True)
        for w in getattr(self, "_hidden_dialogs", []):
            w.show()
        self._hidden_dialogs = []
        self.idle.resume()

    def dirty_pages(self) -> list[str]:
        return [k for k, w in self.page_widgets.items()
                if hasattr(w, "is_dirty") and w.is_dirty()]

    def sign_out(self) -> None:
        if self.is_locked or self.confirm_discard():
            self._signing_out = True
            self.close()

    def confirm_discard(self) -> bool:
        if not self.dirty_pages():
            return True
        answer = QMessageBox.question(
            self, tr("main", "Unsaved changes"),
            tr("main", "A form has changes that are not saved. Leave anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def close_quietly(self) -> None:
        """Close without questions or signals (screenshots, tests)."""
        self._quiet = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if getattr(self, "_quiet", False):
            QApplication.instance().removeEventFilter(self.idle)  # type: ignore[union-attr]
            event.accept()
            return
        if not getattr(self, "_signing_out", False) and not self.is_locked \
                and not self.confirm_discard():
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        event.accept()
        if getattr(self, "_signing_out", False):
            self.signed_out.emit()
        else:
            self.closed.emit()

    # -- hooks for modules ----------------------------------------------------------------------
    def _run_in_worker(self, fn: Callable[..., Any], **kwargs: Any) -> Any:
        kwargs.setdefault("parent", self)
        return run_in_worker(fn, **kwargs)

    def back_up(self) -> Any:
        """Copy the database aside now (off the UI thread), and say where it went."""
        from villagedesk.db.backup import backup_now
        from villagedesk.ui.errors import show_message

        db, folder, now = self.paths.database, self.paths.backups, self.store.clock.now()

        def done(path: Path) -> None:
            show_message(self, tr("main", "Back up now"),
                         tr("main", "The database was copied to {path}.").format(path=str(path)),
                         warning=False)

        return self._run_in_worker(lambda _job: backup_now(db, folder, reason="manual", now=now),
                                   on_done=done, title=tr("main", "Backing up…"))

    def print_pdf(self, path: Path) -> None:
        """Hand a finished PDF to the system viewer, which prints it on the hall printer."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _open_folder(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

