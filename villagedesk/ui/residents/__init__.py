"""Residents and households (村务): search, detail and editing, households, Excel import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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


def _search(ctx: UiContext) -> QWidget:
    from villagedesk.ui.residents.search_page import ResidentSearchPage

    return ResidentSearchPage(ctx)


def _resident(ctx: UiContext) -> QWidget:
    from villagedesk.ui.residents.resident_page import ResidentPage

    return ResidentPage(ctx)


def _new_resident(ctx: UiContext) -> QWidget:
    from villagedesk.ui.residents.resident_page import ResidentPage

    page = ResidentPage(ctx)
    page.is_new_page = True  # type: ignore[attr-defined]
    page.start_new()
    return page


def _household(ctx: UiContext) -> QWidget:
    from villagedesk.ui.residents.household_page import HouseholdPage

    return HouseholdPage(ctx)


def _households(ctx: UiContext) -> QWidget:
    from villagedesk.ui.residents.household_page import HouseholdListPage

    return HouseholdListPage(ctx)


def open_import(ctx: UiContext) -> None:
    from villagedesk.ui.residents.import_wizard import ImportWizard

    ImportWizard(ctx).exec()


def open_export(ctx: UiContext) -> None:
    from villagedesk.ui.residents.export import export_residents_dialog

    export_residents_dialog(ctx)


def open_new_household(ctx: UiContext) -> None:
    from villagedesk.ui.residents.household_page import NewHouseholdDialog

    dialog = NewHouseholdDialog(ctx)
    if dialog.exec() and dialog.household_id:
        ctx.navigate("residents.household", household_id=dialog.household_id)


def home_cards(ctx: UiContext) -> list[HomeCard]:
    from villagedesk.services import residents as residents_service

    count = residents_service.count_residents(ctx.store)
    return [HomeCard(title=tr("ResidentsUi", "Registered residents"), count=count,
                     page_key="residents", detail=tr("ResidentsUi", "Ctrl+F to find a resident"))]


SPEC = register(ModuleSpec(
    key="residents", affair="village", role_affair="residents", order=10,
    title_source=QT_TRANSLATE_NOOP("nav", "Residents"),
    pages=[
        PageSpec("residents", QT_TRANSLATE_NOOP("nav", "Find a resident"), _search, shortcut="Ctrl+1"),
        PageSpec("residents.households", QT_TRANSLATE_NOOP("nav", "Households"), _households),
        PageSpec("residents.new", QT_TRANSLATE_NOOP("nav", "Add a resident"), _new_resident,
                 in_nav=False),
        PageSpec("residents.detail", QT_TRANSLATE_NOOP("nav", "Resident"), _resident, in_nav=False),
        PageSpec("residents.household", QT_TRANSLATE_NOOP("nav", "Household"), _household,
                 in_nav=False),
    ],
    home_cards=home_cards,
    actions=[
        ActionSpec("residents.new", QT_TRANSLATE_NOOP("nav", "Add a resident"),
                   lambda ctx: ctx.navigate("residents.new", new=True)),  # Ctrl+N: Edit ▸ New
        ActionSpec("residents.new_household", QT_TRANSLATE_NOOP("nav", "Add a household"),
                   open_new_household, shortcut="Ctrl+Shift+N"),
        ActionSpec("residents.import", QT_TRANSLATE_NOOP("nav", "Import a roster from Excel…"),
                   open_import, shortcut="Ctrl+I"),
        ActionSpec("residents.export", QT_TRANSLATE_NOOP("nav", "Export residents to Excel…"),
                   open_export, shortcut="Ctrl+E"),
    ],
))
