"""Run slow work on a worker thread and hear back on the UI thread, with progress and cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Job:
    """Handed to the worker function: report progress, check whether the clerk cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._job, self._signals = fn, job, signals

    def run(self) -> None:
        try:
            result = self._fn(self._job)
        except BaseException as exc:  # reported on the UI thread, never lost
            if not _is_expected(exc):
                log.error("background work failed", exc_info=exc)
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


def _is_expected(exc: BaseException) -> bool:
    from villagedesk.errors import DomainError

    return isinstance(exc, DomainError)


_running: set[WorkerHandle] = set()


class WorkerHandle:
    """A running job. `finished` turns True after on_done/on_error ran on the UI thread."""

    def __init__(self, job: Job, signals: _Signals) -> None:
        self.job = job
        self.signals = signals
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self.job.cancel()


def run_in_worker(
    fn: Callable[[Job], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    parent: QWidget | None = None,
    title: str | None = None,
    pool: QThreadPool | None = None,
) -> WorkerHandle:
    """Run `fn(job)` off the UI thread. With `parent` and `title` a progress dialog with a
    cancel button is shown until the work ends. Without `on_error`, errors go to the
    shell's calm error message (DomainError text, or "see the log file")."""
    signals = _Signals()
    job = Job(signals)
    handle = WorkerHandle(job, signals)
    _running.add(handle)

    if parent is not None and title:
        dialog = QProgressDialog(title, QCoreApplication.translate("common", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        handle.dialog = dialog

    def _progressed(done: int, total: int) -> None:
        if handle.dialog is not None:
            handle.dialog.setMaximum(max(total, 1))
            handle.dialog.setValue(min(done, max(total, 1)))
        if progress is not None:
            progress(done, total)

    def _finish() -> None:
        handle.finished = True
        if handle.dialog is not None:
            handle.dialog.canceled.disconnect(job.cancel)
            handle.dialog.close()
            handle.dialog.deleteLater()
            handle.dialog = None
        _running.discard(handle)

    def _done(result: Any) -> None:
        handle.result = result
        _finish()
        if on_done is not None:
            on_done(result)

    def _failed(exc: BaseException) -> None:
        handle.error = exc
        _finish()
        if on_error is not None:
            on_error(exc)
        else:
            from villagedesk.ui.errors import show_error

            show_error(parent, exc)

    signals.progressed.connect(_progressed)
    signals.done.connect(_done)
    signals.failed.connect(_failed)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, job, signals))
    return handle
