"""The session around the main window: setup on a new database, sign-in, sign-out, settings."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from villagedesk.config import Paths, Settings
from villagedesk.db.store import Store
from villagedesk.services.auth import Actor, actor_for
from villagedesk.ui.appearance import apply_font_size, install_translators
from villagedesk.ui.auth_dialogs import SetupDialog, SignInDialog
from villagedesk.ui.errors import show_message
from villagedesk.ui.main_window import MainWindow
from villagedesk.ui.settings_dialog import AboutDialog, SettingsDialog
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)


class Shell(QObject):
    def __init__(self, app: QApplication, *, store: Store, paths: Paths, settings: Settings) -> None:
        super().__init__()
        self.app, self.store, self.paths, self.settings = app, store, paths, settings
        self.window: MainWindow | None = None
        app.setQuitOnLastWindowClosed(False)

    def start(self, *, demo_login: bool = False) -> bool:
        """Setup (new database) and sign-in; False when the clerk cancelled."""
        if not self.store.is_set_up:
            setup = SetupDialog(self.store)
            if setup.exec() != QDialog.DialogCode.Accepted:
                return False
        actor = self.sign_in(demo_login=demo_login)
        if actor is None:
            return False
        self.open_window(actor)
        return True

    def sign_in(self, *, demo_login: bool = False) -> Actor | None:
        if demo_login:
            if not self.store.identity.is_demo:
                show_message(None, tr("auth", "Sign in"),
                             tr("auth", "--demo-login works only on a demo database. Sign in with "
                                        "your name and password."))
            else:
                return actor_for(self.store)
        dialog = SignInDialog(self.store)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    def open_window(self, actor: Actor, *, show: bool = True) -> MainWindow:
        window = MainWindow(store=self.store, actor=actor, settings=self.settings, paths=self.paths)
        window.signed_out.connect(self._signed_out)
        window.closed.connect(self.app.quit)
        window.settings_requested.connect(self.open_settings)
        window.about_requested.connect(self.open_about)
        self.window = window
        if show:
            screen = self.app.primaryScreen()
            available = screen.availableGeometry() if screen else None
            if available is not None and (available.width() <= 1400 or available.height() <= 800):
                window.showMaximized()
            else:
                window.resize(1366, 768)
                window.show()
        return window

    def _signed_out(self) -> None:
        old, self.window = self.window, None
        if old is not None:
            old.deleteLater()
        install_translators(self.app, self.settings.language)
        actor = self.sign_in()
        if actor is None:
            self.app.quit()
            return
        self.open_window(actor)

    def settings_dialog(self) -> SettingsDialog:
        return SettingsDialog(self.settings, self.window)

    def open_settings(self) -> None:
        dialog = self.settings_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.values())

    def apply_settings(self, new: Settings) -> None:
        old_font = self.settings.font_size
        for f in dataclasses.fields(Settings):
            setattr(self.settings, f.name, getattr(new, f.name))
        self.settings.save(self.paths.settings_file)
        if new.font_size != old_font:
            apply_font_size(self.app, self.settings.font_size)
        if self.window is not None:
            self.window.idle.set_minutes(self.settings.idle_lock_minutes)

    def open_about(self) -> None:
        AboutDialog(self.store, self.paths, self.window).exec()
