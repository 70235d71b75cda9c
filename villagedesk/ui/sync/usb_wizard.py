"""USB sync at a hall without a network: enroll the PC once from the county's enrollment file,
write the unsent records to a USB stick for the township, and import the acknowledgement the
township hands back. Every step is explained in plain Chinese; removable drives are listed
(Linux /media/$USER/*, /run/media/*/*, /mnt/*; Windows drive letters of type removable).

The sync module (``villagedesk/ui/sync/__init__.py``) puts ``USB_ACTION`` into its menu.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import string
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.errors import DomainError
from villagedesk.ui.modules import QT_TRANSLATE_NOOP, ActionSpec, UiContext


@dataclasses.dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free_bytes: int


def _linux_roots() -> list[Path]:
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    roots = [Path("/media") / user] if user else []
    roots.append(Path("/media"))
    roots += sorted(Path("/run/media").glob("*")) if Path("/run/media").is_dir() else []
    roots.append(Path("/mnt"))
    return roots


def _windows_drives() -> list[Path]:
    import ctypes

    drive_removable = 2
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    out = []
    for i, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << i) and kernel32.GetDriveTypeW(f"{letter}:\\") == drive_removable:
            out.append(Path(f"{letter}:\\"))
    return out


def list_drives(roots: list[Path] | None = None) -> list[Drive]:
    """Mounted removable drives: the folders under the usual mount roots (or ``roots``)."""
    if roots is None and sys.platform == "win32":
        candidates = _windows_drives()
    else:
        candidates = []
        for root in roots if roots is not None else _linux_roots():
            try:
                candidates += [p for p in sorted(root.iterdir()) if p.is_dir() and os.access(p, os.W_OK)]
            except OSError:
                continue
    drives, seen = [], set()
    for path in candidates:
        if path in seen:
            continue
        seen.add(path)
        try:
            free = shutil.disk_usage(path).free
        except OSError:
            continue
        drives.append(Drive(path, path.name or str(path), free))
    return drives


def _local(iso: str | None) -> str:
    """An ISO UTC time as the hall's local time (China Standard Time)."""
    if not iso:
        return ""
    import datetime as dt

    from villagedesk.clock import CST

    return dt.datetime.fromisoformat(iso).astimezone(CST).strftime("%Y-%m-%d %H:%M")


class UsbSyncDialog(QDialog):
    def __init__(self, ctx: UiContext, *, roots: list[Path] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.roots = ctx, roots
        self.enrolled = False
        self.setWindowTitle(QCoreApplication.translate("usb", "USB sync (no network)"))
        self.setMinimumWidth(640)
        lay = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate("usb", "This hall has no network. Once a week or once a month, carry the records to the township on a USB stick, and bring back the acknowledgement and the county's latest catalogue and prices."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.status = QLabel(objectName="usbStatus")
        lay.addWidget(self.status)

        drives = QGroupBox(QCoreApplication.translate("usb", "Step 1: plug in the USB stick and choose it"))
        dl = QVBoxLayout(drives)
        self.drive_list = QListWidget(objectName="usbDrives")
        self.drive_list.currentRowChanged.connect(lambda _row: self._list_files())
        refresh = QPushButton(QCoreApplication.translate("usb", "Look for USB sticks again"), objectName="usbRefresh")
        refresh.clicked.connect(self.refresh)
        self.no_drive = QLabel(QCoreApplication.translate("usb", "No USB stick found. Plug one in, wait a few seconds, then click \"Look for USB sticks again\"."))
        self.no_drive.setWordWrap(True)
        dl.addWidget(self.drive_list)
        dl.addWidget(self.no_drive)
        dl.addWidget(refresh, alignment=Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(drives)

        self.enroll_box = QGroupBox(QCoreApplication.translate("usb", "First time only: enroll this PC with the county"), objectName="usbEnrollBox")
        nl = QVBoxLayout(self.enroll_box)
        hint = QLabel(QCoreApplication.translate("usb", "This PC is not enrolled with the county yet. The county gives you an enrollment file ending in .vdenroll: copy it onto the USB stick, choose the stick above, then click \"Enroll this PC\". This is done once."))
        hint.setWordWrap(True)
        self.enroll_list = QListWidget(objectName="usbEnrollFiles")
        self.enroll_button = QPushButton(QCoreApplication.translate("usb", "Enroll this PC"), objectName="usbEnroll")
        self.enroll_button.clicked.connect(self.enroll)
        nl.addWidget(hint)
        nl.addWidget(self.enroll_list)
        nl.addWidget(self.enroll_button, alignment=Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.enroll_box)

        export = QGroupBox(QCoreApplication.translate("usb", "Step 2: write the records to the stick and take it to the township"))
        el = QVBoxLayout(export)
        hint = QLabel(QCoreApplication.translate("usb", "Everything not yet confirmed by the county is written, also what an earlier stick already carried. Nothing on this PC changes."))
        hint.setWordWrap(True)
        self.export_button = QPushButton(QCoreApplication.translate("usb", "Write records to the USB stick"), objectName="usbExport")
        self.export_button.clicked.connect(self.export)
        el.addWidget(hint)
        el.addWidget(self.export_button, alignment=Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(export)

        ack = QGroupBox(QCoreApplication.translate("usb", "Step 3: back from the township, import the acknowledgement"))
        al = QVBoxLayout(ack)
        hint = QLabel(QCoreApplication.translate("usb", "The township saves a file ending in .vdack on the stick. Importing it marks the records as received by the county and brings the county's updates."))
        hint.setWordWrap(True)
        self.ack_list = QListWidget(objectName="usbAcks")
        self.ack_button = QPushButton(QCoreApplication.translate("usb", "Import the acknowledgement"), objectName="usbImportAck")
        self.ack_button.clicked.connect(self.import_ack)
        al.addWidget(hint)
        al.addWidget(self.ack_list)
        al.addWidget(self.ack_button, alignment=Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(ack)

        self.result = QLabel(objectName="usbResult")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(QCoreApplication.translate("usb", "Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.refresh()

    # -- state ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from villagedesk.sync.service import sync_status

        st = sync_status(self.ctx.store)
        self.enrolled = bool(st["enrolled"])
        self.status.setText(QCoreApplication.translate("usb", "Waiting to be sent: {pending} records. Last confirmed by the county: {when}.").format(
            pending=st["pending"], when=_local(st["last_success"]) or QCoreApplication.translate("usb", "never")))
        self.enroll_box.setVisible(not self.enrolled)
        current = self.selected_drive()
        self.drive_list.clear()
        for drive in list_drives(self.roots):
            item = QListWidgetItem(QCoreApplication.translate("usb", "{label} ({path}), {free} MB free").format(label=drive.label, path=drive.path, free=drive.free_bytes // 1_000_000))
            item.setData(Qt.ItemDataRole.UserRole, str(drive.path))
            self.drive_list.addItem(item)
            if current and drive.path == current:
                self.drive_list.setCurrentItem(item)
        if self.drive_list.count() and self.drive_list.currentRow() < 0:
            self.drive_list.setCurrentRow(0)
        has = self.drive_list.count() > 0
        self.no_drive.setVisible(not has)
        self.export_button.setEnabled(has and self.enrolled)
        self._list_files()

    def selected_drive(self) -> Path | None:
        item = self.drive_list.currentItem() if hasattr(self, "drive_list") else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _list_files(self) -> None:
        drive = self.selected_drive()
        acks = self._fill(self.ack_list, drive, "*.vdack")
        self.ack_button.setEnabled(bool(acks) and self.enrolled)
        enrollments = self._fill(self.enroll_list, drive, "*.vdenroll") if not self.enrolled else []
        self.enroll_button.setEnabled(bool(enrollments))

    @staticmethod
    def _fill(widget: QListWidget, drive: Path | None, pattern: str) -> list[Path]:
        """The stick's files matching ``pattern``, newest first and preselected."""
        widget.clear()
        try:
            files = sorted(drive.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True) if drive else []
        except OSError:  # the stick was pulled out while we looked
            files = []
        for path in files:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            widget.addItem(item)
        if files:
            widget.setCurrentRow(0)
        return files

    def _show(self, text: str, *, ok: bool) -> None:
        self.result.setStyleSheet("" if ok else "color: #b00; font-weight: bold;")
        self.result.setText(text)

    # -- actions -----------------------------------------------------------------------------------
    def enroll(self) -> None:
        from villagedesk.sync.enroll_file import enroll_from_file

        item = self.enroll_list.currentItem()
        if item is None:
            return
        try:
            res = enroll_from_file(self.ctx.store, path=Path(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as exc:
            self._show(exc.message, ok=False)
        else:
            self._show(QCoreApplication.translate("usb", "This PC is now enrolled as hall {code} ({name}). Next: write the records to the USB stick (step 2).").format(
                code=res["hall_code"], name=res["hall_name"]), ok=True)
            self.ctx.notify_changed("sync")
        self.refresh()

    def export(self) -> None:
        from villagedesk.sync.bundle_export import export_bundle

        drive = self.selected_drive()
        if drive is None:
            return
        try:
            res: dict[str, Any] = export_bundle(self.ctx.store, out_dir=drive)
        except DomainError as exc:
            self._show(exc.message, ok=False)
        else:
            self._show(QCoreApplication.translate("usb", "Done: {operations} records were written to {file} and checked. Take the USB stick to the township; do not delete the file before the acknowledgement is back.").format(
                operations=res["operations"], file=Path(res["file"]).name), ok=True)
        self.refresh()

    def import_ack(self) -> None:
        from villagedesk.sync.bundle_ack import import_ack

        item = self.ack_list.currentItem()
        if item is None:
            return
        try:
            res = import_ack(self.ctx.store, path=Path(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as exc:
            self._show(exc.message, ok=False)
        else:
            if res["already_applied"]:
                self._show(QCoreApplication.translate("usb", "This acknowledgement was already imported; nothing changed."), ok=True)
            else:
                self._show(QCoreApplication.translate("usb", "The county confirmed {acknowledged} records and sent {reference_changes} updates. Still waiting: {pending}.").format(**res), ok=True)
            self.ctx.notify_changed("sync")
        self.refresh()


def open_usb_wizard(ctx: UiContext) -> None:
    UsbSyncDialog(ctx).exec()


USB_ACTION = ActionSpec("sync.usb", QT_TRANSLATE_NOOP("nav", "USB sync (no network)…"), open_usb_wizard)
