"""The main window: roles and navigation, shortcuts, staff management, settings, failures, screenshots."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from villagedesk.services import auth
from villagedesk.ui.main_window import MainWindow


def _window(qtbot, store, actor, settings, paths) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(store=store, actor=actor, settings=settings, paths=paths)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "_quiet", True))
    qtbot.waitUntil(lambda: not win.home.loading, timeout=10000)
    return win


def _nav_keys(win: MainWindow) -> set[str]:
    return set(win._nav_items)


def test_each_role_sees_only_its_affairs(qtbot, store, actor, settings, paths) -> None:  # type: ignore[no-untyped-def]
    auth.create_staff(store, actor=actor, name="李代办", role="proxy", password="clerk123")
    clerk = auth.authenticate(store, name="李代办", password="clerk123")
    admin_nav = _nav_keys(_window(qtbot, store, actor, settings, paths))
    clerk_win = _window(qtbot, store, clerk, settings, paths)
    clerk_nav = _nav_keys(clerk_win)
    assert {"home", "residents", "staff"} <= admin_nav
    assert "residents" in clerk_nav and "staff" not in clerk_nav
    assert not any(k.startswith(("eldercare", "supply")) for k in clerk_nav)
    assert clerk_nav < admin_nav
    clerk_win.navigate("staff")  # not reachable by a shortcut or a link either
    assert clerk_win.current_key == "home"


def test_no_two_actions_share_a_shortcut(qtbot, store, actor, settings, paths) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, store, actor, settings, paths)
    seen: dict[str, str] = {}
    for action in win.actions():
        key = action.shortcut().toString()
        if key:
            assert key not in seen, f"{key}: {seen[key]} and {action.text()}"
            seen[key] = action.text()
    assert {"Ctrl+F", "Ctrl+N", "Ctrl+L", "Ctrl+Q"} <= set(seen)
    search = next(a for a in win.actions() if a.shortcut() == QKeySequence("Ctrl+F"))
    assert "Ctrl+F" in search.toolTip()  # shortcuts are shown, not hidden


def test_home_card_click_opens_its_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    card = next(c for c in window.home.cards if c.card.page_key == "residents")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_key == "residents"
    assert "XG0203" in window.hall_label.text() and "王管理" in window.staff_label.text()
    assert window.db_label.text()


def test_staff_management(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.staff.staff_page import StaffDialog

    window.navigate("staff")
    page = window.current_page()
    qtmodel_rows = page.model.rowCount()
    add = StaffDialog(window.ctx, "add", parent=page)
    add.name.insert("张养老")
    add.role.setCurrentIndex(add.role.findData("eldercare"))
    add.password.insert("123")
    add.submit()
    assert add.form.error_text("password")  # too short: said beside the field
    add.password.setText("care1234")
    add.submit()
    page.refresh()
    assert page.model.rowCount() == qtmodel_rows + 1
    row = next(i for i, s in enumerate(page.model.rows()) if s.name == "张养老")
    page.table.select_row(row)
    page.toggle_active()
    assert not next(s for s in auth.list_staff(store) if s.name == "张养老").active
    assert any(s.name == "张养老" for s in auth.list_staff(store))  # disabled, never deleted
    staff = page.selected()
    role = StaffDialog(window.ctx, "role", staff, page)
    role.role.setCurrentIndex(role.role.findData("supply"))
    role.submit()
    password = StaffDialog(window.ctx, "password", staff, page)
    password.password.insert("newpass99")
    password.submit()
    info = next(s for s in auth.list_staff(store) if s.name == "张养老")
    assert info.role == "supply"


def test_staff_model_passes_the_model_tester(qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.staff.staff_page import StaffTableModel

    model = StaffTableModel()
    model.set_rows(auth.list_staff(store))
    qtmodeltester.check(model, force_py=True)


def test_an_unexpected_error_is_logged_and_told_calmly(qtbot, window, messages, paths, caplog,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from villagedesk.ui import errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthook(paths.log_file)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())
    assert "Traceback" in caplog.text or any(r.exc_info for r in caplog.records)
    title, text = messages[-1]
    assert str(paths.log_file) in text and "boom" not in text
    assert window.isVisible()  # the app goes on
    window.navigate("residents")
    assert window.current_key == "residents"


def test_font_size_setting_applies_to_the_whole_app(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.appearance import apply_font_size, font_pixels

    app = QApplication.instance()
    apply_font_size(app, "xlarge")
    try:
        assert app.font().pixelSize() == font_pixels("xlarge") > font_pixels("standard")
        assert f"font-size: {font_pixels('xlarge')}px" in app.styleSheet()
    finally:
        apply_font_size(app, "standard")
        app.setStyleSheet("")


def test_screenshot_of_a_page_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    seed = subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(data), "demo", "seed",
                           "--residents", "30"], capture_output=True, text=True, timeout=120)
    assert seed.returncode == 0, seed.stderr
    out = tmp_path / "residents.png"
    shot = subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(data), "--demo-login",
                           "--screenshot", str(out), "--page", "residents", "--size", "1366x768"],
                          capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0, shot.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_settings_are_saved_and_applied(qtbot, store, paths, settings) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from villagedesk.config import Settings
    from villagedesk.ui.shell import Shell

    app = QApplication.instance()
    shell = Shell(app, store=store, paths=paths, settings=settings)
    dialog = shell.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.font_size.setCurrentIndex(dialog.font_size.findData("large"))
    dialog.idle.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    try:
        shell.apply_settings(dialog.values())
        saved = Settings.load(paths.settings_file)
        assert (saved.font_size, saved.idle_lock_minutes, saved.language) == ("large", 3, "en")
        assert app.font().pixelSize() == 18
    finally:
        shell.apply_settings(dataclasses.replace(settings, font_size="standard", language="zh_CN"))
        app.setStyleSheet("")
        app.setQuitOnLastWindowClosed(True)


def test_export_writes_a_workbook_off_the_ui_thread(qtbot, ctx, store, actor, messages, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    import openpyxl

    from villagedesk.services import residents as svc
    from villagedesk.services.idcard import build_id
    from villagedesk.ui.residents.export import export_to

    svc.add_resident(store, actor=actor, name="张三", id_number=build_id("420902", dt.date(1960, 3, 2), 11))
    target = tmp_path / "out.xlsx"
    handle = export_to(ctx, target)
    qtbot.waitUntil(lambda: handle.finished, timeout=10000)
    assert handle.result == 1 and target.exists()
    cells = [c.value for row in openpyxl.load_workbook(target).active.iter_rows() for c in row]
    assert "张三" in cells
    assert str(target) in messages[-1][1]  # the clerk is told where it went and what it holds


def test_back_up_now_copies_the_database(qtbot, window, paths, messages) -> None:  # type: ignore[no-untyped-def]
    handle = window.back_up()
    qtbot.waitUntil(lambda: handle.finished, timeout=10000)
    assert handle.result.exists() and handle.result.parent == paths.backups
    assert str(handle.result) in messages[-1][1]


def test_about_names_version_folders_and_schema(qtbot, store, paths) -> None:  # type: ignore[no-untyped-def]
    from villagedesk import __version__
    from villagedesk.ui.settings_dialog import AboutDialog

    dialog = AboutDialog(store, paths)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    from villagedesk.db import migrate

    revisions = migrate.current_revisions(store.engine)
    assert __version__ in texts and str(paths.data_dir) in texts
    assert revisions and all(rev in texts for rev in revisions)


def test_demo_login_is_refused_on_a_real_hall(store, paths) -> None:  # type: ignore[no-untyped-def]
    store.close()
    result = subprocess.run([sys.executable, "-m", "villagedesk", "--data-dir", str(paths.data_dir),
                             "--demo-login", "--screenshot", str(paths.data_dir / "x.png")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "--demo-login" in result.stderr
    assert not (paths.data_dir / "x.png").exists()


def test_sign_out_leads_to_sign_in_and_a_fresh_window(qtbot, store, actor, paths, settings,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from villagedesk.ui import shell as shell_module

    auth.create_staff(store, actor=actor, name="李代办", role="proxy", password="clerk123")

    class SignedInAsClerk:
        def __init__(self, store) -> None:  # type: ignore[no-untyped-def]
            self.actor = auth.authenticate(store, name="李代办", password="clerk123")

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(shell_module, "SignInDialog", SignedInAsClerk)
    app = QApplication.instance()
    shell = shell_module.Shell(app, store=store, paths=paths, settings=settings)
    try:
        first = shell.open_window(actor, show=False)
        qtbot.waitUntil(lambda: not first.home.loading, timeout=10000)
        first.sign_out()
        second = shell.window
        assert second is not None and second is not first
        assert second.actor.name == "李代办" and "staff" not in second.pages
        qtbot.waitUntil(lambda: not second.home.loading, timeout=10000)
        second.close_quietly()
    finally:
        from villagedesk.ui.appearance import remove_translators

        remove_translators(app)  # sign-in installed the Chinese catalogues
        app.setQuitOnLastWindowClosed(True)
