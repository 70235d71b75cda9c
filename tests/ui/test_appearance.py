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
