"""Failures the clerk sees: a domain error's own message, or a calm note naming the log file."""

from __future__ import annotations

import logging
import sys
import threading
import types
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from villagedesk.errors import DomainError

log = logging.getLogger(__name__)
_log_file: Path | None = None
_showing = threading.Lock()
# Tests set this to collect messages instead of opening a modal box.
message_sink: list[tuple[str, str]] | None = None


def unexpected_message() -> str:
    text = QCoreApplication.translate(
        "errors", "Something went wrong, but your data is safe. You can keep working. "
        "If it happens again, tell the county support and give them the log file:\n{path}")
    return text.format(path=str(_log_file) if _log_file else "villagedesk.log")


def show_message(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> None:
    if message_sink is not None:
        message_sink.append((title, text))
        return
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A DomainError's message as it is; anything else: logged, and a calm general message."""
    title = QCoreApplication.translate("errors", "VillageDesk")
    if isinstance(exc, DomainError):
        show_message(parent, title, exc.message)
        return
    show_message(parent, title, unexpected_message())


def _excepthook(kind: type[BaseException], exc: BaseException, tb: types.TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, DomainError):
        log.info("domain error reached the top: %s", exc.message)
    else:
        log.error("unhandled exception", exc_info=(kind, exc, tb))
    if QApplication.instance() is None or not _showing.acquire(blocking=False):
        return
    try:
        show_error(QApplication.activeWindow(), exc)
    finally:
        _showing.release()


def install_excepthook(log_file: Path) -> None:
    """Log every unhandled exception with its traceback; the clerk sees a calm message and goes on."""
    global _log_file
    _log_file = log_file
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    # Not the UI thread: log only; widgets may not be touched from here.
    log.error("unhandled exception in thread %s", getattr(args.thread, "name", "?"),
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
