"""The sync module of the main window: the status-bar indicator (online or offline, records
waiting, problems, last success, 立即同步), the sync problems page (同步问题), a home card, and
the menu 同步 with 立即同步 and the USB sync dialog for a hall without a network.

Every staff member sees the indicator, the card and the page, because everyone's records go
through the outbox; only those allowed the ``sync`` affair (the administrator) settle problems
or use the USB dialog, the others see the page read-only and are told why.

Light at import (startup budget): the sync code loads on the worker thread that reads the
first counts, and the page modules load on first visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from villagedesk.ui.modules import (
    QT_TRANSLATE_NOOP,
    ActionSpec,
    HomeCard,
    ModuleSpec,
    PageSpec,
    UiContext,
    register,
)
from villagedesk.ui.sync.usb_wizard import USB_ACTION
from villagedesk.ui.text import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PROBLEMS_PAGE = "sync.problems"
STALE_DAYS = 3  # waiting records and no success for this long: the card turns yellow



def _problems_page(ctx: UiContext) -> QWidget:
    from villagedesk.ui.sync.problems_page import SyncProblemsPage

    return SyncProblemsPage(ctx)


def _status_widget(ctx: UiContext) -> QWidget:
    from villagedesk.ui.sync.status_widget import SyncStatusWidget

    return SyncStatusWidget(ctx)


def _sync_now(ctx: UiContext) -> None:
    """F9. Without a network link (not enrolled, or USB only) the page says what to do instead."""
    from villagedesk.ui.sync.controller import controller_for

    controller = controller_for(ctx)
    if controller.mode == "network":
        controller.wake()
    else:
        ctx.navigate(PROBLEMS_PAGE)


def _usb(ctx: UiContext) -> None:
    if not ctx.actor.may("sync"):
        from villagedesk.ui.errors import show_message

        show_message(None, tr("SyncUi", "USB sync"), tr("SyncUi", "Only the hall administrator may use USB sync."))
        return
    USB_ACTION.triggered(ctx)


def home_cards(ctx: UiContext) -> list[HomeCard]:
    """On a worker thread: problems first; otherwise what waits to be uploaded."""
    import datetime as dt

    from villagedesk.sync.service import list_problems, sync_status
    from villagedesk.ui.sync.wording import as_instant, local_time

    st = sync_status(ctx.store)
    pending, rejected, conflicts = st["pending"], st["rejected"], st["conflicts"]
    if rejected or conflicts:
        unseen = sum(1 for p in list_problems(ctx.store) if p.kind == "rejected" and not p.looked_at)
        return [HomeCard(
            title=tr("SyncUi", "Sync problems"), count=rejected + conflicts, page_key=PROBLEMS_PAGE,
            severity="danger" if conflicts or unseen else "warning",
            detail=tr("SyncUi", "{conflicts} conflicts to settle, {rejected} rejected records; {pending} "
                      "waiting to upload").format(conflicts=conflicts, rejected=rejected,
                                                  pending=f"{pending:,}"))]
    now = ctx.store.clock.now()
    last = as_instant(st["last_success"])
    if not st["enrolled"]:
        detail, severity = tr("SyncUi", "This PC is not connected to the county platform"), "info"
    elif last is None:
        detail, severity = tr("SyncUi", "never synced"), "warning" if pending else "info"
    else:
        stale = pending and now - last > dt.timedelta(days=STALE_DAYS)
        detail = tr("SyncUi", "last synced {when}").format(when=local_time(last, now=now))
        severity = "warning" if stale else "info"
    return [HomeCard(title=tr("SyncUi", "Waiting to upload to the county"), count=pending,
                     page_key=PROBLEMS_PAGE, severity=severity, detail=detail)]  # type: ignore[arg-type]


SPEC = register(ModuleSpec(
    key="sync", affair="admin_affairs", role_affair="residents", order=90,
    title_source=QT_TRANSLATE_NOOP("nav", "Sync"),
    pages=[PageSpec(PROBLEMS_PAGE, QT_TRANSLATE_NOOP("nav", "Sync problems"), _problems_page,
                    shortcut="Ctrl+8")],
    home_cards=home_cards,
    status_widget=_status_widget,
    actions=[
        ActionSpec("sync.now", QT_TRANSLATE_NOOP("nav", "Sync now"), _sync_now, shortcut="F9"),
        ActionSpec(USB_ACTION.key, USB_ACTION.text_source, _usb),
    ],
))
