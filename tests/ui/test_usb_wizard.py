"""The hall's USB sync dialog: it finds the stick, writes the bundle onto it, and imports the
acknowledgement the township saved there. Ends with the invariant: every hall operation is on
the server exactly once. Renders docs/usb/usb_wizard.png."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from bundlehelp import UsbHall, enrollment_file  # noqa: E402
from synchelp import add_household, assert_exactly_once, server_database  # noqa: E402

from villagedesk.ui.sync.usb_wizard import UsbSyncDialog, list_drives  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "docs" / "usb"


def test_list_drives_finds_mounted_sticks(tmp_path: Path) -> None:
    (tmp_path / "media" / "KINGSTON").mkdir(parents=True)
    (tmp_path / "media" / "file.txt").write_text("x")
    drives = list_drives([tmp_path / "media", tmp_path / "missing"])
    assert [d.label for d in drives] == ["KINGSTON"] and drives[0].free_bytes > 0


@pytest.fixture
def chinese(qapp: Any) -> Any:
    """The hall's language: our .qm catalogues (built by `make translations`)."""
    from villagedesk.ui.appearance import install_translators, remove_translators

    install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp)  # as the other UI tests do: catalogues out, default locale back


def test_usb_dialog_enrolls_exports_and_imports_the_ack(qtbot: Any, ctx: Any, tmp_path: Path, chinese: Any) -> None:
    with server_database("sqlite", tmp_path) as sdb:
        add_household(ctx.store, ctx.actor, 3)
        media = tmp_path / "media"
        stick = media / "U盘"
        stick.mkdir(parents=True)
        empty = UsbSyncDialog(ctx, roots=[tmp_path / "nothing"])
        qtbot.addWidget(empty)
        assert not empty.export_button.isEnabled() and not empty.no_drive.isHidden()
        # Not enrolled yet: the first-time step shows, and nothing can be exported before it.
        dlg = UsbSyncDialog(ctx, roots=[media])
        qtbot.addWidget(dlg)
        assert dlg.drive_list.count() == 1 and "等待上传" in dlg.status.text()
        assert not dlg.enroll_box.isHidden() and "登记" in dlg.enroll_box.title()
        assert not dlg.export_button.isEnabled() and not dlg.enroll_button.isEnabled()
        # The county's enrollment file, copied onto the stick, is found there.
        (stick / "XG-0203.vdenroll").write_bytes(enrollment_file(sdb, tmp_path).read_bytes())
        dlg.refresh()
        assert dlg.enroll_list.count() == 1 and dlg.enroll_button.isEnabled()
        dlg.enroll_button.click()
        assert "已登记为服务中心 XG-0203" in dlg.result.text(), dlg.result.text()
        assert dlg.enroll_box.isHidden() and dlg.export_button.isEnabled()
        dlg.export_button.click()
        [bundle] = list(stick.glob("*.vdbundle"))
        assert "乡镇" in dlg.result.text()
        hall = UsbHall(ctx.store, sdb, stick)
        [out] = hall.upload(bundle)
        assert out.status == "accepted" and out.hall_code == "XG-0203"
        (stick / "XG-0203-ack.vdack").write_bytes(hall.ack())
        dlg.refresh()
        assert dlg.ack_list.count() == 1 and dlg.ack_button.isEnabled()
        dlg.ack_button.click()
        assert "县里已确认" in dlg.result.text(), dlg.result.text()
        dlg.ack_button.click()
        assert "已经导入过" in dlg.result.text()
        dlg.resize(760, 640)
        dlg.show()
        qtbot.waitExposed(dlg)
        image = dlg.grab()
        assert not image.isNull() and image.width() >= 700
        if os.environ.get("VD_RENDER_DOCS") or not (DOCS / "usb_wizard.png").exists():
            DOCS.mkdir(parents=True, exist_ok=True)
            image.save(str(DOCS / "usb_wizard.png"))
        assert_exactly_once(ctx.store, sdb.engine)


def test_a_damaged_enrollment_file_is_refused_in_words_and_nothing_changes(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    with server_database("sqlite", tmp_path) as sdb:
        stick = tmp_path / "media" / "KINGSTON"
        stick.mkdir(parents=True)
        good = enrollment_file(sdb, tmp_path).read_bytes()
        (stick / "XG-0203.vdenroll").write_bytes(good.replace("示范村".encode(), "别的村".encode()))
        dlg = UsbSyncDialog(ctx, roots=[tmp_path / "media"])
        qtbot.addWidget(dlg)
        dlg.enroll_button.click()
        assert "不是有效的登记文件" in dlg.result.text(), dlg.result.text()
        assert not dlg.enroll_box.isHidden() and not dlg.export_button.isEnabled()


def test_the_main_window_has_the_usb_sync_menu_for_the_admin(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from villagedesk.ui.sync import usb_wizard

    opened: list[Any] = []
    monkeypatch.setattr(usb_wizard.UsbSyncDialog, "exec", lambda self: opened.append(self) or 0)
    [action] = [a for a in window.actions() if a.text() == "USB sync (no network)…"]
    action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "USB sync (no network)"
