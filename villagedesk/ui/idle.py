"""Lock the window after a pause: any key or mouse event counts as activity."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `idle_reached` once after `minutes` without activity (0 = never)."""

    idle_reached = Signal()

    def __init__(self, minutes: float, *, monotonic: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self.minutes = minutes
        self.last_activity = monotonic()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(5_000)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self.last_activity = self._monotonic()
        self._timer.start()

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.last_activity = self._monotonic()

    def touch(self) -> None:
        self.last_activity = self._monotonic()

    def check(self) -> bool:
        if self.paused or self.minutes <= 0:
            return False
        if self._monotonic() - self.last_activity >= self.minutes * 60:
            self.paused = True  # until the window is unlocked
            self.idle_reached.emit()
            return True
        return False

    def resume(self) -> None:
        self.paused = False
        self.touch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self.paused:
            self.last_activity = self._monotonic()
        return False
