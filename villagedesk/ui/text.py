"""`tr(context, text)` for widgets: Qt's translator with a fixed context (found by tools/i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def role_label(role: str) -> str:
    labels = {
        "admin": tr("roles", "Administrator"),
        "proxy": tr("roles", "Proxy clerk"),
        "eldercare": tr("roles", "Elder-care worker"),
        "supply": tr("roles", "Supply keeper"),
        "party": tr("roles", "Party affairs"),
    }
    return labels.get(role, role)
