"""Today's backup of the hall database, made on a background thread once the app is up."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from villagedesk.bootstrap import make_daily_backup

if TYPE_CHECKING:
    from villagedesk.ui.shell import Shell

log = logging.getLogger(__name__)


class DailyBackup(QObject):
    """Copying a database of 100,000 residents takes seconds, so the day's backup is not made
    before the window shows (the copy before a schema upgrade still is: it protects the data).

    It starts when the event loop first runs: under the sign-in dialog, or once the home cards
    have been counted. The app waits for it when it closes, and makes it then if it never
    started, so every day the app is started still gets its backup. A failure (a full disk)
    is told to the clerk, who can keep working.
    """

    failed = Signal(object)
    CARDS_WAIT_MS = 5_000  # start anyway when the home cards take longer than this

    def __init__(self, shell: Shell, *, keep: int, enabled: bool = True) -> None:
        super().__init__()
        self.shell, self.keep, self.enabled = shell, keep, enabled
        self.thread: threading.Thread | None = None
        self.failed.connect(self._tell)

    def start_soon(self) -> None:
        QTimer.singleShot(0, self._when_idle)

    def _when_idle(self) -> None:
        home = getattr(self.shell.window, "home", None)
        if home is not None and home.loading:
            home.cards_shown.connect(self.start)
            QTimer.singleShot(self.CARDS_WAIT_MS, self.start)
        else:
            self.start()

    def start(self) -> None:
        if self.enabled and self.thread is None:
            self.thread = threading.Thread(target=self._run, name="daily-backup")
            self.thread.start()

    def _backup(self) -> Exception | None:
        try:
            make_daily_backup(self.shell.paths, clock=self.shell.store.clock, keep=self.keep)
        except Exception as exc:
            log.error("the daily backup failed", exc_info=exc)
            return exc
        return None

    def _run(self) -> None:
        failure = self._backup()
        if failure is not None:
            self.failed.emit(failure)  # shown on the UI thread

    def _tell(self, exc: BaseException) -> None:
        from villagedesk.ui.errors import show_error

        show_error(self.shell.window, exc)

    def finish(self) -> None:
        """When the app closes: wait for the backup, or make it now if it never started."""
        if not self.enabled:
            return
        if self.thread is None:  # closed before it started; the window is gone: log a failure only
            self.thread = threading.current_thread()
            self._backup()
        elif self.thread is not threading.current_thread():
            self.thread.join()
