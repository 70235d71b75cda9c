"""The background sync of one main window. A daemon thread runs the Qt-free ``SyncWorker``
(health check, push, pull, backoff with jitter) and reports to the UI thread through queued
signals; local counts are read off the UI thread as well. One controller per ``UiContext``,
shared by the status-bar indicator and the problems page.

Modes: ``unknown`` until the first local read, ``not_enrolled`` (no thread), ``usb_only``
(enrolled from a file without a server address: no thread), ``network`` (the thread runs).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

from shiboken6 import isValid

from PySide6.QtCore import QCoreApplication, QObject, Signal

from villagedesk.ui.modules import UiContext

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Emitted from the sync thread; Qt queues the calls onto the UI thread."""

    run_started = Signal()
    run_finished = Signal(object)


class SyncController(QObject):
    status_changed = Signal()
    run_started = Signal()
    run_finished = Signal(object)  # villagedesk.sync.worker.RunResult

    def __init__(self, ctx: UiContext, *, client_factory: Callable[[], Any] | None = None,
                 interval_s: float = 120.0, base_delay_s: float = 5.0, max_delay_s: float = 900.0,
                 max_wait_s: float = 60.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: dict[str, Any] = {}  # sync_status(), as last read
        self.mode = "unknown"
        self.online: bool | None = None  # None: no answer yet in this session
        self.running = False
        self.last_result: Any = None
        self.last_run_at: dt.datetime | None = None
        self.pruned = 0  # acknowledged operations removed after the retention period
        self.closed = False
        self.shell_notify: Callable[[str], None] = ctx.notify_changed
        self.worker: Any = None
        self._client_factory = client_factory
        self._timing = {"interval_s": interval_s, "base_delay_s": base_delay_s,
                        "max_delay_s": max_delay_s}
        self._max_wait_s = max_wait_s
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._requested = threading.Event()
        self._client: Any = None
        self._client_lock = threading.Lock()
        self._pruned_day: dt.date | None = None
        self._reading = False
        self._read_again = False
        self._bridge = _Bridge()
        self._bridge.run_started.connect(self._on_started)
        self._bridge.run_finished.connect(self._on_finished)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- the local figures --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the local counts again (off the UI thread); starts the thread once enrolled."""
        if self.closed:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        store = self.ctx.store

        def read(_job: Any) -> dict[str, Any]:
            from villagedesk.sync.service import sync_status
            from villagedesk.sync.worker import SyncWorker  # noqa: F401  (loaded here, not on the UI thread)

            return sync_status(store)

        self.ctx.run_in_worker(read, on_done=self._on_status, on_error=self._on_read_error)

    def _on_read_error(self, exc: BaseException) -> None:
        log.error("reading the sync status failed", exc_info=exc)
        if isValid(self):
            self._reading = False

    def _on_status(self, status: dict[str, Any]) -> None:
        if not isValid(self):
            return
        self._reading = False
        self._take_status(status)
        if self._read_again:
            self._read_again = False
            self.refresh()

    def _take_status(self, status: dict[str, Any]) -> None:
        self.status = status
        if not status.get("enrolled"):
            self.mode = "not_enrolled"
        elif not status.get("server"):
            self.mode = "usb_only"
        else:
            self.mode = "network"
        if self.mode == "network" and not self.thread_alive and not self.closed:
            self.start()
        self.status_changed.emit()

    # -- the thread ---------------------------------------------------------------------------
    @property
    def thread_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        from villagedesk.sync.worker import SyncWorker

        self._stop = threading.Event()
        self.worker = SyncWorker(self.ctx.store, self._new_client, **self._timing)
        self._thread = threading.Thread(
            target=self._loop, args=(self.worker, self._stop, self._requested, self._bridge),
            name="villagedesk-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """立即同步: run now (or right after the run in progress), whatever the backoff says."""
        if self.mode != "network" or not self.thread_alive:
            self.refresh()
            return
        self._requested.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and wait up to ``timeout`` for it. The client is closed, so a run in
        progress goes no further than the request it is in; one still waiting for an answer ends
        at its own timeout on the daemon thread and reports nothing (sending again is safe)."""
        if not isValid(self):
            return
        self.closed = True
        if _controllers.get(id(self.ctx)) is self:
            del _controllers[id(self.ctx)]
        self._stop.set()
        self._requested.set()
        with self._client_lock:
            client = self._client
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - it is being thrown away anyway
                log.debug("closing the sync client failed", exc_info=True)
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the sync thread is still busy after %.0f s; it ends with the program", timeout)

    def _new_client(self) -> Any:
        if self._client_factory is not None:
            client = self._client_factory()
        else:
            from villagedesk.sync.state import client_for

            client = client_for(self.ctx.store)
        with self._client_lock:
            self._client = client
        return client

    def _loop(self, worker: Any, stop: threading.Event, requested: threading.Event,
              bridge: _Bridge) -> None:
        """On the sync thread: run, report, wait (in bounded steps, so a sleeping PC runs again).
        As ``SyncWorker.run_forever``, except that a 立即同步 pressed during a run is kept
        (run_forever clears its wake-up after the run, so such a press would wait a full interval)."""
        from villagedesk.sync.worker import RunResult

        while not stop.is_set():
            requested.clear()  # a press during the run below asks for one more run
            bridge.run_started.emit()
            try:
                result = worker.run_once()
            except Exception as exc:  # noqa: BLE001 - the loop must live on
                if stop.is_set():
                    return
                log.exception("sync run failed")
                worker.failures += 1
                result = RunResult(ok=False, online=False, error=f"{type(exc).__name__}: {exc}")
            finally:
                with self._client_lock:
                    self._client = None
            if stop.is_set():
                return
            if result.ok:
                self._prune_once_a_day()
            bridge.run_finished.emit(result)
            remaining = worker.next_delay()
            while remaining > 0 and not stop.is_set() and not requested.is_set():
                step = min(remaining, self._max_wait_s)
                if requested.wait(step):
                    break
                remaining -= step

    def _prune_once_a_day(self) -> None:
        """Acknowledged operations past the retention period go, once a day after a success."""
        from villagedesk.sync.service import prune_sent

        store = self.ctx.store
        today = store.clock.today()
        if self._pruned_day == today:
            return
        try:
            removed = prune_sent(store)
        except Exception:  # noqa: BLE001 - pruning can wait for tomorrow
            log.exception("pruning acknowledged operations failed")
            return
        self._pruned_day = today
        self.pruned += removed
        if removed:
            log.info("pruned %d acknowledged operations", removed)

    # -- reports from the thread, on the UI thread --------------------------------------------
    def _on_started(self) -> None:
        if self.closed:
            return
        self.running = True
        self.run_started.emit()

    def _on_finished(self, result: Any) -> None:
        if self.closed:
            return
        self.running = False
        self.last_result = result
        self.last_run_at = self.ctx.store.clock.now()
        self.online = bool(result.online)
        if result.status:
            self._take_status(result.status)
        else:
            self.refresh()
        self.run_finished.emit(result)
        if _changed_anything(result):
            self.shell_notify("sync")  # home cards show the new counts


def _changed_anything(result: Any) -> bool:
    push, pull = result.push, result.pull
    return bool((push and (push.acknowledged or push.rejected or push.resent))
                or (pull and (pull.applied or pull.conflicts or pull.parked)))


_controllers: dict[int, SyncController] = {}


def controller_for(ctx: UiContext, *, parent: QObject | None = None) -> SyncController:
    """The window's controller, made on first use. It also hears ``ctx.notify_changed``, so
    the counts follow every write of every module."""
    existing = _controllers.get(id(ctx))
    if existing is not None and isValid(existing) and existing.ctx is ctx and not existing.closed:
        return existing
    controller = SyncController(ctx, parent=parent)
    _controllers[id(ctx)] = controller
    shell = ctx.notify_changed
    controller.shell_notify = shell

    def notify_changed(module_key: str) -> None:
        shell(module_key)
        if isValid(controller) and not controller.closed:
            controller.refresh()

    ctx.notify_changed = notify_changed
    controller.refresh()
    return controller
