"""Home elder care (居家养老) in the main window: roster, elder page, visits due, meals,
statements, pension check and allowance; home cards for visits due and open follow-ups."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from villagedesk.services import eldercare_pension, eldercare_visits
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


def _roster(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.roster import RosterPage

    return RosterPage(ctx)


def _detail(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.roster import ElderDetailPage

    return ElderDetailPage(ctx)


def _due(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.visits import DuePage

    return DuePage(ctx)


def _meals(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.meals import MealRegisterPage

    return MealRegisterPage(ctx)


def _statements(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.meals import StatementsPage

    return StatementsPage(ctx)


def _pension(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.pension import PensionPage

    return PensionPage(ctx)


def _rules(ctx: UiContext) -> QWidget:
    from villagedesk.ui.eldercare.rules import RulesPage

    return RulesPage(ctx)


def home_cards(ctx: UiContext) -> list[HomeCard]:
    # A count and the three most overdue, not the whole list: the card is painted on every refresh.
    n_due = eldercare_visits.due_count(ctx.store)
    due = eldercare_visits.due_list(ctx.store, limit=3)
    follow = eldercare_visits.open_follow_ups(ctx.store)
    worst = due[0].days_overdue if due else 0
    cards = [
        HomeCard(title=tr("EldercareUi", "Elders due for a visit"), count=n_due, page_key="eldercare.due",
                 severity="danger" if worst >= 14 else ("warning" if due else "info"),
                 detail="、".join(i.name for i in due)),
        HomeCard(title=tr("EldercareUi", "Open follow-ups"), count=len(follow), page_key="eldercare.due",
                 severity="warning" if follow else "info",
                 detail="、".join(f["name"] for f in follow[:3])),
    ]
    # The yearly check runs all year; it turns into a warning in the last quarter.
    n = eldercare_pension.count_unchecked(ctx.store)
    late = ctx.store.clock.today().month >= 10
    cards.append(HomeCard(title=tr("EldercareUi", "Pension checks not done this year"), count=n,
                          page_key="eldercare.pension", severity="warning" if n and late else "info"))
    return cards


SPEC = register(ModuleSpec(
    key="eldercare", affair="services", role_affair="eldercare", order=10,
    title_source=QT_TRANSLATE_NOOP("nav", "Home elder care"),
    pages=[
        PageSpec("eldercare.roster", QT_TRANSLATE_NOOP("nav", "Elder roster"), _roster, shortcut="Ctrl+4"),
        PageSpec("eldercare.due", QT_TRANSLATE_NOOP("nav", "Visits due"), _due),
        PageSpec("eldercare.meals", QT_TRANSLATE_NOOP("nav", "Meal register"), _meals),
        PageSpec("eldercare.statements", QT_TRANSLATE_NOOP("nav", "Elder-care statements"), _statements),
        PageSpec("eldercare.pension", QT_TRANSLATE_NOOP("nav", "Pension check and allowance"), _pension),
        PageSpec("eldercare.rules", QT_TRANSLATE_NOOP("nav", "Elder-care rules"), _rules),
        PageSpec("eldercare.detail", QT_TRANSLATE_NOOP("nav", "Elder"), _detail, in_nav=False),
    ],
    home_cards=home_cards,
    actions=[ActionSpec("eldercare.meals_now", QT_TRANSLATE_NOOP("nav", "Register today's meals"),
                        lambda ctx: ctx.navigate("eldercare.meals"), shortcut="Ctrl+Shift+M")],
))
