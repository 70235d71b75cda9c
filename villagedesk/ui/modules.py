"""The plug-in contract: how an affair module puts its pages, home cards and actions into the main window.

How to add a module (e.g. the proxy helper, in ``villagedesk/ui/proxy/__init__.py``)::

    from villagedesk.ui.modules import (QT_TRANSLATE_NOOP, ActionSpec, HomeCard, ModuleSpec,
                                        PageSpec, UiContext, register)

    def _pages_list(ctx: UiContext) -> QWidget:          # built once, on first visit
        return ProxyListPage(store=ctx.store, actor=ctx.actor, navigate=ctx.navigate)

    def _cards(ctx: UiContext) -> list[HomeCard]:         # runs on a worker thread: no widgets
        n = proxy_service.count_due(ctx.store)
        return [HomeCard(title=tr("proxy", "Applications due"), count=n, page_key="proxy.list",
                         severity="warning" if n else "info")]

    register(ModuleSpec(
        key="proxy", affair="admin_affairs", role_affair="proxy", order=10,
        title_source=QT_TRANSLATE_NOOP("nav", "Proxy service"),
        pages=[PageSpec("proxy.list", QT_TRANSLATE_NOOP("nav", "Applications"), _pages_list,
                        shortcut="Ctrl+2")],
        home_cards=_cards,
        actions=[ActionSpec("proxy.accept", QT_TRANSLATE_NOOP("nav", "Accept an application"),
                            lambda ctx: ctx.navigate("proxy.list", new=True), shortcut="Ctrl+Shift+A")],
    ))

Rules of the contract:

- The shell imports every package in ``MODULE_PACKAGES`` (missing ones are skipped) and
  shows a module only when ``actor.may(spec.role_affair)``. Affairs: ``party`` 党务,
  ``village`` 村务, ``commerce`` 商务, ``admin_affairs`` 事务, ``services`` 服务.
- Titles are English source strings marked with ``QT_TRANSLATE_NOOP("nav", ...)``; the shell
  translates them in context ``"nav"``. Put their Chinese in your own ``<area>_zh_CN.ts``.
- Startup budget (1.5 s to a usable window on 100,000 residents): the shell imports every
  module package at start, so import services, receipts and big libraries inside page
  factories and ``home_cards``, not at the top of ``__init__.py``.
- Page keys are global, prefixed with the module key (``"proxy.list"``). A page factory
  gets the ``UiContext`` and returns a QWidget; pass on only what the widget needs.
- Optional page methods the shell calls if present: ``open_with(**kwargs)`` when
  ``ctx.navigate(key, **kwargs)`` reaches it, ``refresh()`` each time it is shown,
  ``focus_search()`` on Ctrl+F, ``new_item()`` on Ctrl+N, ``is_dirty() -> bool``.
- ``home_cards(ctx)`` runs on a worker thread (the window is usable while counts are gathered):
  read through the services only, touch no widget; ``tr``/``QCoreApplication.translate`` is fine.
- After a write, call ``ctx.notify_changed(module_key)`` so home cards and the status bar refresh.
- Screenshots: a page may define ``prepare_screenshot()`` (fill in demo input, select a row;
  it may return a dialog QWidget to render instead of the window).
- Long work: ``ctx.run_in_worker(fn, on_done=..., on_error=..., progress=..., title=...)``;
  ``fn(job)`` runs on a worker thread and may call ``job.report(done, total)`` and check
  ``job.cancelled()``. Never touch widgets inside ``fn``.
- Printing: ``ctx.print_pdf(path)`` hands a finished PDF to the hall printer (or the viewer).
- A status-bar widget (the sync indicator) comes from ``ModuleSpec.status_widget(ctx)``.
- Item models: subclass ``BaseTableModel`` (see ``villagedesk.ui.table_model``) and run
  ``qtmodeltester`` on it in your tests.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication

from villagedesk.ui.table_model import BaseTableModel, Column  # noqa: F401  (re-exported)
from villagedesk.ui.workers import Job, WorkerHandle, run_in_worker  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from villagedesk.config import Paths, Settings
    from villagedesk.db.store import Store
    from villagedesk.services.auth import Actor

log = logging.getLogger(__name__)

Affair = Literal["party", "village", "commerce", "admin_affairs", "services"]
AFFAIRS: tuple[Affair, ...] = ("party", "village", "commerce", "admin_affairs", "services")
Severity = Literal["info", "warning", "danger"]

# Imported in this order; a package that is not there yet is skipped.
MODULE_PACKAGES = (
    "villagedesk.ui.residents",
    "villagedesk.ui.proxy",
    "villagedesk.ui.eldercare",
    "villagedesk.ui.supply",
    "villagedesk.ui.sync",
    "villagedesk.ui.staff",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (Qt's own name)
    """Marks a source string for translation; the shell translates it when it shows it."""
    return text


def affair_title(affair: str) -> str:
    titles = {
        "party": QCoreApplication.translate("nav", "Party affairs"),
        "village": QCoreApplication.translate("nav", "Village affairs"),
        "commerce": QCoreApplication.translate("nav", "Commerce"),
        "admin_affairs": QCoreApplication.translate("nav", "Affairs"),
        "services": QCoreApplication.translate("nav", "Services"),
    }
    return titles.get(affair, affair)


@dataclasses.dataclass(frozen=True)
class HomeCard:
    """One card on the home page (今日工作): what needs doing, and where to do it."""

    title: str  # translated already
    count: int
    page_key: str
    severity: Severity = "info"
    detail: str = ""  # translated; one short line under the count
    nav_kwargs: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class PageSpec:
    key: str
    title_source: str  # English, translated in context "nav"
    factory: Callable[[UiContext], QWidget]
    shortcut: str = ""
    in_nav: bool = True  # False: reachable only through navigate() (e.g. a detail page)


@dataclasses.dataclass(frozen=True)
class ActionSpec:
    """A menu action of a module; it appears in the module's menu with its shortcut."""

    key: str
    text_source: str  # English, translated in context "nav"
    triggered: Callable[[UiContext], None]
    shortcut: str = ""


@dataclasses.dataclass
class ModuleSpec:
    key: str
    affair: Affair
    title_source: str  # English, translated in context "nav"
    role_affair: str  # as in services.auth.ROLE_AFFAIRS
    pages: list[PageSpec] = dataclasses.field(default_factory=list)
    home_cards: Callable[[UiContext], list[HomeCard]] | None = None
    actions: list[ActionSpec] = dataclasses.field(default_factory=list)
    status_widget: Callable[[UiContext], QWidget] | None = None
    order: int = 100  # position within its affair group

    def title(self) -> str:
        return QCoreApplication.translate("nav", self.title_source)


@dataclasses.dataclass
class UiContext:
    """What a page factory may use. The shell fills the callbacks; tests can fake them."""

    store: Store
    actor: Actor
    settings: Settings
    paths: Paths
    navigate: Callable[..., None] = lambda key, **kw: None
    notify_changed: Callable[[str], None] = lambda key: None
    print_pdf: Callable[[Path], None] = lambda path: None
    run_in_worker: Callable[..., WorkerHandle] = run_in_worker


_registry: dict[str, ModuleSpec] = {}


def register(spec: ModuleSpec) -> ModuleSpec:
    """Add (or replace) a module. Called by each module package when it is imported."""
    if spec.affair not in AFFAIRS:
        raise ValueError(f"unknown affair {spec.affair!r} for module {spec.key}")
    _registry[spec.key] = spec
    return spec


load_errors: dict[str, str] = {}


def load_modules(packages: tuple[str, ...] = MODULE_PACKAGES) -> None:
    """Import the module packages. One that fails is logged and left out, so the hall keeps working."""
    for name in packages:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and name.startswith(exc.name):
                continue  # not built yet
            log.exception("module %s failed to load", name)
            load_errors[name] = repr(exc)
        except Exception as exc:
            log.exception("module %s failed to load", name)
            load_errors[name] = repr(exc)


def all_modules() -> list[ModuleSpec]:
    """Every registered module, in affair order and then by `order`."""
    load_modules()
    return sorted(_registry.values(), key=lambda m: (AFFAIRS.index(m.affair), m.order, m.key))


def modules_for(actor: Actor) -> list[ModuleSpec]:
    return [m for m in all_modules() if actor.may(m.role_affair)]


def find_page(key: str) -> tuple[ModuleSpec, PageSpec] | None:
    for module in all_modules():
        for page in module.pages:
            if page.key == key:
                return module, page
    return None
