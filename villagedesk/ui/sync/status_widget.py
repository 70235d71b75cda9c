"""The sync indicator in the status bar: online or offline, records waiting to be uploaded,
sync problems, the last success, and 立即同步. A click on it opens the sync problems page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from villagedesk.ui.modules import UiContext
from villagedesk.ui.sync.controller import SyncController, controller_for
from villagedesk.ui.sync.wording import local_time, plain_error
from villagedesk.ui.text import tr

PROBLEMS_PAGE = "sync.problems"
FIT_SLACK = 40  # the status bar's spacing and margins, in pixels
COLORS = {"ok": "#2e7d32", "off": "#b3261e", "warn": "#b26a00", "idle": "#8a8f98"}



def state_text(c: SyncController) -> tuple[str, str]:
    """(what the indicator says about the connection, its colour key)."""
    if c.mode == "unknown":
        return tr("SyncUi", "Sync: reading…"), "idle"
    if c.mode == "not_enrolled":
        return tr("SyncUi", "Not connected to the county platform"), "idle"
    if c.mode == "usb_only":
        return tr("SyncUi", "USB sync (no network)"), "idle"
    result = c.last_result
    if result is None:
        return tr("SyncUi", "Connecting to the county…"), "idle"
    if result.ok:
        return tr("SyncUi", "Online"), "ok"
    if result.online:
        return tr("SyncUi", "Sync error"), "warn"
    return tr("SyncUi", "Offline"), "off"


class SyncStatusWidget(QWidget):
    def __init__(self, ctx: UiContext, controller: SyncController | None = None) -> None:
        super().__init__()
        self.setObjectName("syncStatus")
        self.ctx = ctx
        self.controller = controller or controller_for(ctx)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.dot = QLabel("●")
        self.state_label = QLabel()
        self.pending_label = QLabel()
        self.problems_label = QLabel()
        self.problems_label.setStyleSheet(f"padding: 0 5px; color: {COLORS['off']}; font-weight: bold;")
        self.last_label = QLabel()
        self.sync_button = QPushButton(tr("SyncUi", "Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the status bar is not in the Tab order
        self.sync_button.clicked.connect(self.sync_now)
        for w in (self.dot, self.state_label, self.pending_label, self.problems_label,
                  self.last_label, self.sync_button):
            layout.addWidget(w)
        # Tighter than the status bar's own labels: the bar is full at 1366 pixels.
        self.setStyleSheet("QLabel { padding: 0 5px; } QPushButton { padding: 1px 10px; }")
        self.state_label.setStyleSheet("padding: 0 5px 0 2px;")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_button.setCursor(Qt.CursorShape.ArrowCursor)
        self._watched: QWidget | None = None
        self._last_wanted = False
        c = self.controller
        c.status_changed.connect(self.update_view)
        c.run_started.connect(self.update_view)
        c.run_finished.connect(lambda _result: self.update_view())
        self.destroyed.connect(lambda _obj=None, ctl=c: ctl.stop())
        self.update_view()

    # -- what it says -------------------------------------------------------------------------
    def update_view(self) -> None:
        c = self.controller
        st = c.status
        text, color = state_text(c)
        self.state_label.setText(text)
        self.dot.setStyleSheet(f"padding: 0 0 0 6px; color: {COLORS[color]};")
        known = c.mode != "unknown"
        pending = int(st.get("pending") or 0)
        if pending or c.mode != "network":
            self.pending_label.setText(tr("SyncUi", "{n} waiting to upload").format(n=f"{pending:,}"))
        else:
            self.pending_label.setText(tr("SyncUi", "All uploaded"))
        self.pending_label.setVisible(known)
        problems = int(st.get("rejected") or 0) + int(st.get("conflicts") or 0)
        self.problems_label.setText(tr("SyncUi", "{n} sync problems").format(n=problems))
        self.problems_label.setVisible(problems > 0)
        enrolled = c.mode in ("network", "usb_only")
        now = self.ctx.store.clock.now()
        when = local_time(st.get("last_success"), now=now)
        self.last_label.setText(tr("SyncUi", "Last synced {when}").format(when=when) if when
                                else tr("SyncUi", "Never synced"))
        self._last_wanted = enrolled
        self.sync_button.setVisible(c.mode == "network")
        self.sync_button.setEnabled(not c.running)
        self.sync_button.setText(tr("SyncUi", "Syncing…") if c.running else tr("SyncUi", "Sync now"))
        self.setToolTip(self._tooltip())
        self.fit()

    def fit(self) -> None:
        """On a narrow window the time of the last success goes (it stays in the tooltip), so
        the rest is not cut off."""
        self.last_label.setVisible(self._last_wanted)
        bar = self.parentWidget()
        if bar is None or not self._last_wanted:
            return
        others = sum(w.sizeHint().width() for w in bar.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w is not self and w.isVisible())
        width = self.window().width() if self.window() is not self else bar.width()
        if others + self.sizeHint().width() + FIT_SLACK > width:
            self.last_label.setVisible(False)

    def _tooltip(self) -> str:
        c, st = self.controller, self.controller.status
        lines = []
        if c.mode == "not_enrolled":
            lines.append(tr("SyncUi", "This PC is not connected to the county platform yet. Records wait "
                            "on this PC; they can also go to the township on a USB stick."))
        if st.get("server"):
            lines.append(tr("SyncUi", "Server: {url}").format(url=st["server"]))
        if self._last_wanted:
            lines.append(self.last_label.text())
        error = c.last_result.error if c.last_result is not None else st.get("last_error", "")
        if error:
            lines.append(plain_error(error))
        lines.append(tr("SyncUi", "Click to open the sync problems page."))
        return "\n".join(lines)

    # -- what it does -------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.controller.wake()
        self.update_view()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.ctx.navigate(PROBLEMS_PAGE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            self._watched = window
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The window closing (not minimised: that hide is spontaneous) ends the sync thread.
        if watched is self._watched:
            if event.type() == QEvent.Type.Hide and not event.spontaneous():
                self.controller.stop()
            elif event.type() == QEvent.Type.Resize:
                self.fit()
        return False


def make_status_widget(ctx: UiContext) -> Any:
    return SyncStatusWidget(ctx)
