"""The background sync loop, without Qt: health check, push, pull, then wait.

A Qt thread (or any thread) calls ``run_forever(stop)``; ``wake()`` asks for a run now
(the 立即同步 button). Failures back off exponentially with full jitter. Waiting uses
``Event.wait`` with a bounded timeout, so after the PC sleeps the loop simply runs again.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
from collections.abc import Callable
from typing import Any

from villagedesk.db.store import Store
from villagedesk.sync.client import SyncClient, SyncRefused, SyncUnavailable
from villagedesk.sync.pull import PullSummary, pull
from villagedesk.sync.push import PushSummary, push
from villagedesk.sync.service import sync_status

log = logging.getLogger(__name__)


@dataclasses.dataclass
class RunResult:
    ok: bool
    online: bool
    push: PushSummary | None = None
    pull: PullSummary | None = None
    error: str = ""
    status: dict[str, Any] = dataclasses.field(default_factory=dict)


class SyncWorker:
    def __init__(
        self,
        store: Store,
        client_factory: Callable[[], SyncClient],
        *,
        interval_s: float = 120.0,
        base_delay_s: float = 5.0,
        max_delay_s: float = 900.0,
        rng: random.Random | None = None,
        on_result: Callable[[RunResult], None] | None = None,
    ) -> None:
        self.store = store
        self.client_factory = client_factory
        self.interval_s = interval_s
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.rng = rng or random.Random()
        self.on_result = on_result
        self.failures = 0
        self._wake = threading.Event()

    def next_delay(self) -> float:
        """After success: the interval. After n failures: uniform(0, min(max, base * 2^n))."""
        if self.failures == 0:
            return self.interval_s
        cap = min(self.max_delay_s, self.base_delay_s * (2 ** min(self.failures, 20)))
        return self.rng.uniform(self.base_delay_s / 2, cap)

    def run_once(self) -> RunResult:
        client = self.client_factory()
        try:
            try:
                client.health()
            except SyncUnavailable as exc:
                self.failures += 1
                return self._done(RunResult(ok=False, online=False, error=str(exc)))
            try:
                pushed = push(self.store, client)
                pulled = pull(self.store, client)
            except (SyncUnavailable, SyncRefused) as exc:
                self.failures += 1
                return self._done(RunResult(ok=False, online=isinstance(exc, SyncRefused), error=str(exc)))
            except Exception as exc:  # keep the loop alive; the log has the traceback
                log.exception("sync run failed")
                self.failures += 1
                return self._done(RunResult(ok=False, online=True, error=f"{type(exc).__name__}: {exc}"))
            self.failures = 0
            return self._done(RunResult(ok=True, online=True, push=pushed, pull=pulled))
        finally:
            client.close()

    def _done(self, result: RunResult) -> RunResult:
        result.status = sync_status(self.store)
        if self.on_result:
            self.on_result(result)
        return result

    def wake(self) -> None:
        self._wake.set()

    def run_forever(self, stop: threading.Event, *, max_wait_s: float = 60.0) -> None:
        while not stop.is_set():
            self._wake.clear()  # before the run: a wake() arriving during it asks for another
            self.run_once()
            remaining = self.next_delay()
            while remaining > 0 and not stop.is_set() and not self._wake.is_set():
                step = min(remaining, max_wait_s)
                if self._wake.wait(step):
                    break
                remaining -= step
