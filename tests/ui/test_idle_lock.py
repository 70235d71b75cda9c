"""The window locks after the idle time; unlocking needs the password; typed text survives."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_idle_lock_keeps_the_form_and_needs_the_password(qtbot, window, monotonic) -> None:  # type: ignore[no-untyped-def]
    window.navigate("residents.new", new=True)
    form = window.current_page()
    form.name.insert("王小红")
    qtbot.keyClicks(form.phone, "13800001234")

    monotonic.now += 9 * 60  # 9 minutes: not yet (default is 10)
    assert not window.idle.check() and not window.is_locked
    qtbot.keyClick(form.phone, Qt.Key.Key_End)  # activity restarts the count
    monotonic.now += 9 * 60
    assert not window.idle.check()
    monotonic.now += 61
    assert window.idle.check() and window.is_locked
    assert not form.isVisible()  # nothing of the form shows behind the lock
    assert not any(a.isEnabled() for a in window.actions())  # no shortcut gets past it

    lock = window.lock_screen
    qtbot.keyClicks(lock.password, "not-it")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert window.is_locked and lock.form.error_text("password") == "姓名或密码不正确。"

    lock.password.clear()
    qtbot.keyClicks(lock.password, "secret123")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not window.is_locked
    assert form.isVisible() and form.name.text() == "王小红" and form.phone.text() == "13800001234"
    assert all(a.isEnabled() for a in window.actions())


def test_the_idle_time_comes_from_the_settings(qtbot, window, monotonic) -> None:  # type: ignore[no-untyped-def]
    window.idle.set_minutes(2)
    monotonic.now += 121
    assert window.idle.check() and window.is_locked
    window.lock_screen.password.insert("secret123")
    window.lock_screen.submit()
    window.idle.set_minutes(0)  # 0 = never
    monotonic.now += 10 * 3600
    assert not window.idle.check() and not window.is_locked
