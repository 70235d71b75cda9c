"""Render one page or dialog offscreen to a PNG (for docs/screenshots and visual checks)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from villagedesk.services.auth import actor_for
from villagedesk.ui.errors import show_message
from villagedesk.ui.text import tr

log = logging.getLogger(__name__)
DIALOG_PAGES = ("setup", "signin", "settings", "about", "lock")


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def _size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def _save(widget: QWidget, out: Path) -> int:
    _settle()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        log.error("could not write %s", out)
        return 1
    print(out)
    return 0


def render(shell, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    out = Path(args.screenshot)
    width, height = _size(args.size)
    page = args.page or "home"
    store = shell.store
    if page == "setup" or not store.is_set_up:
        from villagedesk.ui.auth_dialogs import SetupDialog

        dialog = SetupDialog(store)
        dialog.show()
        return _save(dialog, out)
    if page == "signin":
        from villagedesk.ui.auth_dialogs import SignInDialog

        dialog = SignInDialog(store)
        dialog.show()
        return _save(dialog, out)
    if not args.demo_login or not store.identity.is_demo:
        show_message(None, "", tr("auth", "--demo-login works only on a demo database. Sign in with "
                                          "your name and password."))
        return 2
    window = shell.open_window(actor_for(store), show=False)
    window.resize(width, height)
    window.show()
    _settle()
    if page in ("settings", "about"):
        dialog = shell.settings_dialog() if page == "settings" else None
        if dialog is None:
            from villagedesk.ui.settings_dialog import AboutDialog

            dialog = AboutDialog(store, shell.paths, window)
        dialog.show()
        return _save(dialog, out)
    if page == "lock":
        window.lock()
        return _save(window, out)
    if page not in window.pages:
        print(f"unknown page {page}; pages: {', '.join(sorted(window.pages))}")
        return 2
    window.navigate(page)
    widget = window.current_page()
    if hasattr(widget, "prepare_screenshot"):
        extra = widget.prepare_screenshot()
        _settle()
        if isinstance(extra, QWidget):  # a page may show a dialog of its own
            return _save(extra, out)
    code = _save(window, out)
    window.close_quietly()
    QApplication.processEvents()
    return code
