"""Agricultural supply (农资配送) in the main window: pages, home cards, actions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from villagedesk.services import supply_reports
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


def _sale(ctx: UiContext) -> QWidget:
    from villagedesk.ui.supply.sale_page import SalePage

    return SalePage(ctx)


def _stock(ctx: UiContext) -> QWidget:
    from villagedesk.ui.supply.pages import StockPage

    return StockPage(ctx)


def _orders(ctx: UiContext) -> QWidget:
    from villagedesk.ui.supply.pages import OrdersPage

    return OrdersPage(ctx)


def _products(ctx: UiContext) -> QWidget:
    from villagedesk.ui.supply.pages import ProductsPage

    return ProductsPage(ctx)


def _ledgers(ctx: UiContext) -> QWidget:
    from villagedesk.ui.supply.pages import LedgersPage

    return LedgersPage(ctx)


def home_cards(ctx: UiContext) -> list[HomeCard]:
    cards = supply_reports.home_cards(ctx.store)
    low, due, expiring = cards["low_stock"], cards["orders_due"], cards["expiring"]
    return [
        HomeCard(title=tr("SupplyUi", "Low stock"), count=low["count"], page_key="supply.stock",
                 severity="warning" if low["count"] else "info", detail="、".join(low["items"][:3]),
                 nav_kwargs={"view": "low"}),
        HomeCard(title=tr("SupplyUi", "Orders due in 2 days"), count=due["count"], page_key="supply.orders",
                 severity="warning" if due["count"] else "info", detail="、".join(due["items"][:3])),
        HomeCard(title=tr("SupplyUi", "Expired or expiring stock"), count=expiring["count"], page_key="supply.stock",
                 severity="danger" if expiring["expired"] else ("warning" if expiring["count"] else "info"),
                 detail="、".join(expiring["items"][:2]), nav_kwargs={"view": "expiring"}),
    ]


SPEC = register(ModuleSpec(
    key="supply", affair="commerce", role_affair="supply", order=10,
    title_source=QT_TRANSLATE_NOOP("nav", "Agricultural supply"),
    pages=[
        PageSpec("supply.sale", QT_TRANSLATE_NOOP("nav", "Counter sale"), _sale, shortcut="Ctrl+5"),
        PageSpec("supply.stock", QT_TRANSLATE_NOOP("nav", "Stock"), _stock),
        PageSpec("supply.orders", QT_TRANSLATE_NOOP("nav", "Orders and delivery"), _orders),
        PageSpec("supply.products", QT_TRANSLATE_NOOP("nav", "Products"), _products),
        PageSpec("supply.ledgers", QT_TRANSLATE_NOOP("nav", "Ledgers and reports"), _ledgers),
    ],
    home_cards=home_cards,
    actions=[ActionSpec("supply.quick_sale", QT_TRANSLATE_NOOP("nav", "Quick sale"),
                        lambda ctx: ctx.navigate("supply.sale"), shortcut="F8")],
))
