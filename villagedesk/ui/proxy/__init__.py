"""Proxy services (代办) in the desktop app: the counter flow, the list, one application."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from villagedesk.services import proxy_lists
from villagedesk.ui.modules import (
    QT_TRANSLATE_NOOP,
    ActionSpec,
    HomeCard,
    ModuleSpec,
    PageSpec,
    UiContext,
    register,
)
from villagedesk.ui.text import tr


def _counter(ctx: UiContext) -> QWidget:
    from villagedesk.ui.proxy.counter import CounterPage

    return CounterPage(ctx)


def _list(ctx: UiContext) -> QWidget:
    from villagedesk.ui.proxy.lists import ProxyListPage

    return ProxyListPage(ctx)


def _detail(ctx: UiContext) -> QWidget:
    from villagedesk.ui.proxy.detail import ProxyDetailPage

    return ProxyDetailPage(ctx)


def home_cards(ctx: UiContext) -> list[HomeCard]:
    counts = proxy_lists.counts(ctx.store)
    return [
        HomeCard(title=tr("ProxyUi", "Proxy applications overdue"), count=counts.overdue,
                 page_key="proxy.list", severity="danger" if counts.overdue else "info",
                 detail=tr("ProxyUi", "past the promised date, not completed"),
                 nav_kwargs={"view": "overdue"}),
        HomeCard(title=tr("ProxyUi", "Proxy applications due soon"), count=counts.due_soon,
                 page_key="proxy.list", severity="warning" if counts.due_soon else "info",
                 detail=tr("ProxyUi", "due within 2 working days"), nav_kwargs={"view": "due_soon"}),
    ]


SPEC = register(ModuleSpec(
    key="proxy", affair="admin_affairs", role_affair="proxy", order=10,
    title_source=QT_TRANSLATE_NOOP("nav", "Proxy service"),
    pages=[
        PageSpec("proxy.counter", QT_TRANSLATE_NOOP("nav", "Accept an application"), _counter,
                 shortcut="Ctrl+2"),
        PageSpec("proxy.list", QT_TRANSLATE_NOOP("nav", "Proxy applications"), _list, shortcut="Ctrl+3"),
        PageSpec("proxy.detail", QT_TRANSLATE_NOOP("nav", "Application"), _detail, in_nav=False),
    ],
    home_cards=home_cards,
    actions=[ActionSpec("proxy.accept", QT_TRANSLATE_NOOP("nav", "Accept an application"),
                        lambda ctx: ctx.navigate("proxy.counter"), shortcut="Ctrl+Shift+A")],
))
