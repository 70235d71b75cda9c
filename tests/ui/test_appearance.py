"""The app's look that every window shares: the window icon, and switching the language back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from villagedesk.ui import appearance


def test_windows_show_the_villagedesk_icon_from_the_bundled_png(qapp: QApplication) -> None:
    qapp.setWindowIcon(QIcon())  # Qt's default: a blank icon in the title and task bar
    appearance.apply_window_icon(qapp)
    try:
        image = qapp.windowIcon().pixmap(64, 64).toImage()
        assert not image.isNull() and image.width() == 64
        red = image.pixelColor(4, 32)  # the red tile behind the white house
        assert red.red() > 150 and red.green() < 90 and red.blue() < 90
    finally:
        qapp.setWindowIcon(QIcon())


def test_taking_the_catalogues_out_brings_english_and_the_locale_back(qapp: QApplication) -> None:
    before = QLocale().name()
    appearance.install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("auth", "Sign in") == "登录"
    assert QLocale().name() == "zh_CN"
    appearance.remove_translators(qapp)
    assert QCoreApplication.translate("auth", "Sign in") == "Sign in"
    assert QLocale().name() == before


def test_standard_dialog_buttons_say_queding_and_quxiao_in_chinese(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    appearance.install_translators(qapp, "zh_CN")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {box.button(b).text().replace("&", "") for b in
                 (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)}
        box.deleteLater()
    finally:
        appearance.remove_translators(qapp)
    assert {t.split("(")[0] for t in texts} == {"确定", "取消"}  # Qt's own qtbase_zh_CN catalogue


def test_the_bundled_cjk_font_is_the_app_font(qapp: QApplication) -> None:
    family = appearance.load_font()
    assert "WenQuanYi" in family or "文泉驿" in family  # the same on every PC, not the system's
    original, sheet = qapp.font(), qapp.styleSheet()
    try:
        appearance.apply_font_size(qapp, "large")
        assert qapp.font().family() == family and qapp.font().pixelSize() == appearance.FONT_PIXELS["large"]
    finally:
        qapp.setFont(original)
        qapp.setStyleSheet(sheet)
