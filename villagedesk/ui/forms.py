"""Forms whose errors appear beside the field they concern, and small shared widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from villagedesk.errors import DomainError


class FormGrid(QGridLayout):
    """label | input | message, one row per field. Tab order follows the order of add_field."""

    def __init__(self, parent: QWidget | None = None, *, messages: bool = True) -> None:
        super().__init__(parent)
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(8)
        self.setColumnStretch(1, 3)
        self.setColumnStretch(2, 2 if messages else 0)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._order: list[QWidget] = []

    def add_field(self, key: str, label: str, widget: QWidget, *, hint: str = "") -> QWidget:
        row = self.rowCount()
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        message = QLabel(hint)
        message.setObjectName("hint")
        message.setWordWrap(True)
        message.setProperty("hint_text", hint)
        self.addWidget(caption, row, 0)
        self.addWidget(widget, row, 1)
        self.addWidget(message, row, 2)
        self.widgets[key] = widget
        self.errors[key] = message
        self._order.append(widget)  # widgets are made in reading order, so Tab follows it
        return widget

    def set_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        widget = self.widgets[key]
        if text:
            label.setObjectName("fieldError")
            label.setText(text)
        else:
            label.setObjectName("hint")
            label.setText(str(label.property("hint_text") or ""))
        widget.setProperty("invalid", bool(text))
        for w in (label, widget):
            w.style().unpolish(w)
            w.style().polish(w)

    def error_text(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if label.objectName() == "fieldError" else ""

    def clear_errors(self) -> None:
        for key in self.errors:
            self.set_error(key, "")

    def show_domain_error(self, exc: DomainError) -> bool:
        """Put the error beside its field; False when it names no field of this form."""
        if exc.field and exc.field in self.widgets:
            self.set_error(exc.field, exc.message)
            self.widgets[exc.field].setFocus()
            return True
        return False

    def first_widget(self) -> QWidget | None:
        return self._order[0] if self._order else None


def line_edit(text: str = "", *, placeholder: str = "", password: bool = False,
              max_length: int = 0) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    if max_length:
        edit.setMaxLength(max_length)
    return edit


def title_label(text: str, name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label
