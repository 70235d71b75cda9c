"""First start and sign-in, driven from the keyboard; wrong passwords and throttling."""

from __future__ import annotations

from PySide6.QtCore import Qt

from villagedesk.services import auth
from villagedesk.ui.auth_dialogs import SetupDialog, SignInDialog


def _fill(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest cannot type CJK characters; an input method would put them in whole
        widget.insert(text)


def test_setup_asks_for_the_hall_and_the_administrator(qtbot, bare_store) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(bare_store)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog.hall_name, "孝南区新铺镇示范村党群服务中心")
    _fill(qtbot, dialog.hall_code, "XG02")
    _fill(qtbot, dialog.admin, "王管理")
    _fill(qtbot, dialog.password, "secret123")
    _fill(qtbot, dialog.password2, "secret124")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)  # Enter submits
    assert dialog.form.error_text("password2")  # the mismatch is named beside the second field
    assert not bare_store.is_set_up

    _fill(qtbot, dialog.password2, "secret123")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
    assert "6" in dialog.form.error_text("hall_code")  # beside the code field, in Chinese
    assert not bare_store.is_set_up

    _fill(qtbot, dialog.hall_code, "xg0203")
    assert dialog.device_code.text() == "01"  # the first PC of a hall keeps the suggested number
    _fill(qtbot, dialog.device_code, "0")
    qtbot.keyClick(dialog.device_code, Qt.Key.Key_Return)
    assert "01" in dialog.form.error_text("device_code")  # beside the field: 01 to 99
    assert not bare_store.is_set_up

    _fill(qtbot, dialog.device_code, "2")  # this is the hall's second PC
    qtbot.keyClick(dialog.device_code, Qt.Key.Key_Return)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert bare_store.identity.code == "XG0203"
    assert bare_store.identity.device_code == "02"
    assert [s.name for s in auth.list_staff(bare_store)] == ["王管理"]


def test_sign_in_wrong_password_then_throttled_then_in(qtbot, store, clock) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.currentText() == "王管理"  # the only account is chosen already
    for _attempt in range(5):
        _fill(qtbot, dialog.password, "wrong-one")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.actor is None
    assert "秒" in dialog.form.error_text("password")  # 5th wrong try: must wait

    _fill(qtbot, dialog.password, "secret123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and "秒" in dialog.form.error_text("password")  # even the right one

    clock.advance(seconds=31)
    _fill(qtbot, dialog.password, "secret123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role == "admin"
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_a_wrong_password_says_so_beside_the_field(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog.password, "nope-nope")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.form.error_text("password") == "姓名或密码不正确。"
    assert dialog.password.selectedText() == "nope-nope"  # ready to be typed over
