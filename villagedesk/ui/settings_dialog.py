"""Settings (language, font size, idle lock) and the About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagedesk.config import Paths, Settings
from villagedesk.db.store import Store
from villagedesk.ui.forms import FormGrid, title_label
from villagedesk.ui.text import tr


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("settings", "Settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("settings", "Settings")))
        self.form = FormGrid()
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.form.add_field("language", tr("settings", "Language"), self.language,
                            hint=tr("settings", "Takes effect at the next sign-in"))
        self.font_size = QComboBox()
        for key, label in (("standard", tr("settings", "Standard")), ("large", tr("settings", "Large")),
                           ("xlarge", tr("settings", "Extra large"))):
            self.font_size.addItem(label, key)
        self.font_size.setCurrentIndex(max(0, self.font_size.findData(settings.font_size)))
        self.form.add_field("font_size", tr("settings", "Font size"), self.font_size)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(int(settings.idle_lock_minutes))
        self.idle.setSuffix(tr("settings", " min"))
        self.idle.setSpecialValueText(tr("settings", "Never"))
        self.form.add_field("idle_lock_minutes", tr("settings", "Lock after a pause of"), self.idle,
                            hint=tr("settings", "Unlocking needs the password"))
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 0)

    def values(self) -> Settings:
        import dataclasses

        return dataclasses.replace(self.settings, language=self.language.currentData(),
                                   font_size=self.font_size.currentData(),
                                   idle_lock_minutes=self.idle.value())


class AboutDialog(QDialog):
    def __init__(self, store: Store, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from villagedesk.services.about import about

        info = about(paths, store)
        self.setWindowTitle(tr("about", "About VillageDesk"))
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("about", "VillageDesk {version}").format(version=info.version)))
        intro = QLabel(tr("about", "Counter software for village service halls: party affairs, "
                                   "village affairs, commerce, affairs and services in one."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        schema = tr("about", "{revisions} (sync format {rev})").format(
            revisions=", ".join(info.schema_revisions), rev=info.sync_schema_rev)
        if not info.schema_current:
            schema += " — " + tr("about", "not the newest: {heads}").format(heads=", ".join(info.schema_heads))
        device = store.identity.device_code if info.hall else ""  # in receipt numbers
        form = FormGrid(messages=False)
        for key, label, value in (
            ("hall", tr("about", "Hall"), info.hall),
            ("device", tr("about", "This PC's number"), device),
            ("data", tr("about", "Data folder"), info.data_dir),
            ("db", tr("about", "Database file"), info.database),
            ("schema", tr("about", "Schema revision"), schema),
            ("backups", tr("about", "Backups"), info.backups_dir),
            ("log", tr("about", "Log file"), info.log_file),
            ("runtime", tr("about", "Python / Qt"), f"{info.python} / {info.qt}"),
        ):
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.add_field(key, label, value_label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(860, 0)
