"""Look and language of the whole app: bundled CJK font, font size, stylesheet, Qt translators."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from villagedesk import i18n
from villagedesk.resources import resource_path, resources_root

log = logging.getLogger(__name__)

# Base text size in pixels per setting; headings scale with it.
FONT_PIXELS = {"standard": 15, "large": 18, "xlarge": 22}
FONT_FILE = "fonts/wqy-microhei.ttc"
ICON_FILE = "icons/villagedesk.png"
_state: dict[str, object] = {"family": None, "translators": []}


def load_font() -> str:
    """Register the bundled CJK font once; return its family name (system default if missing)."""
    if _state["family"]:
        return str(_state["family"])
    family = QApplication.font().family()
    try:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
        else:
            log.warning("could not load the bundled font %s", FONT_FILE)
    except FileNotFoundError:
        log.warning("bundled font %s is missing", FONT_FILE)
    _state["family"] = family
    return family


def app_icon() -> QIcon:
    """The VillageDesk icon (a red house with a star) from the bundled PNG; empty if missing."""
    try:
        return QIcon(str(resource_path(ICON_FILE)))
    except FileNotFoundError:
        log.warning("bundled icon %s is missing", ICON_FILE)
        return QIcon()


def apply_window_icon(app: QApplication) -> None:
    """Every window and dialog of the app shows the VillageDesk icon in its title bar and the
    task bar (instead of the platform's blank window icon)."""
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def font_pixels(size: str) -> int:
    return FONT_PIXELS.get(size, FONT_PIXELS["standard"])


def apply_font_size(app: QApplication, size: str) -> None:
    """Font and stylesheet for the whole app at 标准 / 大 / 特大."""
    family = load_font()
    base = font_pixels(size)
    font = QFont(family)
    font.setPixelSize(base)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(stylesheet(base, family))


def stylesheet(base: int, family: str) -> str:
    template = (resources_root() / "style" / "app.qss").read_text(encoding="utf-8")
    values = {"BASE": base, "SMALL": max(12, base - 2), "H1": round(base * 1.6),
              "H2": round(base * 1.25), "BIG": round(base * 2.4), "PAD": max(4, base // 3),
              "ROW": round(base * 2.0), "NAVROW": round(base * 1.55), "FAMILY": family}
    for key, value in values.items():
        template = template.replace(f"@{key}@", str(value))
    return template


def install_translators(app: QApplication, language: str) -> None:
    """Chinese: our .qm files and Qt's own qtbase (确定/取消). English: source strings."""
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    _state.setdefault("locale", QLocale())  # the default before the first switch
    installed: list[QTranslator] = []
    i18n.set_language(language)
    if language != "en":
        files: list[Path] = sorted((resources_root() / "translations").glob(f"*_{language}.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in [Path(qt_dir) / f"qtbase_{language}.qm", *files]:
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                installed.append(translator)
            else:
                log.warning("translation %s could not be loaded", path)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _state["translators"] = installed


def remove_translators(app: QApplication) -> None:
    """Take our translators out again and restore the default locale (tests); the services'
    language is left as it is."""
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    _state["translators"] = []
    if "locale" in _state:
        QLocale.setDefault(_state.pop("locale"))  # type: ignore[arg-type]
