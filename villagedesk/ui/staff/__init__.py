"""Staff accounts (administrator only): add, disable, reset a password, change a role."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from villagedesk.ui.modules import QT_TRANSLATE_NOOP, ModuleSpec, PageSpec, UiContext, register


def _page(ctx: UiContext) -> QWidget:
    from villagedesk.ui.staff.staff_page import StaffPage

    return StaffPage(ctx)


SPEC = register(ModuleSpec(
    key="staff", affair="admin_affairs", role_affair="staff", order=900,
    title_source=QT_TRANSLATE_NOOP("nav", "Staff accounts"),
    pages=[PageSpec("staff", QT_TRANSLATE_NOOP("nav", "Staff accounts"), _page, shortcut="Ctrl+9")],
))
