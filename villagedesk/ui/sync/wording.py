"""How sync facts read to a clerk: times in China Standard Time, errors in plain Chinese, and the
names of records and fields."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from villagedesk.clock import CST
from villagedesk.ui.modules import QT_TRANSLATE_NOOP
from villagedesk.ui.text import tr


def as_instant(value: Any) -> dt.datetime | None:
    """A stored time (aware datetime, naive UTC datetime or ISO text) as an aware instant."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def local_time(value: Any, *, now: dt.datetime) -> str:
    """'今天 09:30', '昨天 17:02', '3月1日 09:30' this year, else '2025-12-01 09:30' (CST)."""
    moment = as_instant(value)
    if moment is None:
        return ""
    local = moment.astimezone(CST)
    today = now.astimezone(CST).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return tr("SyncUi", "today {time}").format(time=clock)
    if local.date() == today - dt.timedelta(days=1):
        return tr("SyncUi", "yesterday {time}").format(time=clock)
    if local.year == today.year:
        return tr("SyncUi", "{month}/{day} {time}").format(month=local.month, day=local.day, time=clock)
    return f"{local:%Y-%m-%d} {clock}"


_REFUSED = re.compile(r"(?:SyncRefused: )?(\d{3}) ([a-z_]+): (.*)", re.S)


def plain_error(raw: str) -> str:
    """A sync error as a clerk can act on it. The raw text stays in the log and a tooltip."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    refused = _REFUSED.search(raw)
    if refused:
        code, detail = refused.group(2), refused.group(3).strip()
        if code in ("unknown_device", "bad_signature", "unsigned"):
            return tr("SyncUi", "The county server does not recognise this PC. Ask the county to check "
                      "this PC's enrollment.")
        if code in ("stale", "bad_timestamp"):
            return tr("SyncUi", "This PC's clock is far off. Set the date and time correctly, then sync again.")
        if code == "other_hall":
            return tr("SyncUi", "The county server refused: this PC may only send its own hall's records.")
        if code == "payload_changed":
            return tr("SyncUi", "The county server already holds a different version of a record from this "
                      "PC. Call the county support.")
        if code == "too_large":
            return tr("SyncUi", "An upload was too large for the county server. Call the county support.")
        return tr("SyncUi", "The county server refused the request: {detail}").format(detail=detail)
    if "not a VillageDesk answer" in raw:
        return tr("SyncUi", "Something other than the county server answered, perhaps a Wi-Fi sign-in "
                  "page. Check the network connection.")
    if "ConnectTimeout" in raw or "ConnectError" in raw or "refused" in raw.lower() \
            or "network down" in raw or "Name or service" in raw or "getaddrinfo" in raw:
        return tr("SyncUi", "Cannot reach the county server. The network may be down, or the server is "
                  "switched off.")
    if "Timeout" in raw:
        return tr("SyncUi", "The county server did not answer in time. The network may be slow.")
    if any(k in raw for k in ("ReadError", "WriteError", "RemoteProtocolError", "reset")):
        return tr("SyncUi", "The connection broke off during sync. It is tried again by itself; nothing "
                  "is lost.")
    http = re.search(r"HTTP (\d{3})", raw)
    if http and http.group(1).startswith("5"):
        return tr("SyncUi", "The county server had a fault. It is tried again by itself.")
    if http:
        return tr("SyncUi", "The county server gave an unexpected answer (code {code}).").format(
            code=http.group(1))
    return tr("SyncUi", "Sync failed. Tell the county support: {detail}").format(detail=raw[:200])


ENTITY_LABELS = {
    "resident": QT_TRANSLATE_NOOP("SyncUi", "Resident"),
    "household": QT_TRANSLATE_NOOP("SyncUi", "Household"),
    "staff": QT_TRANSLATE_NOOP("SyncUi", "Staff account"),
    "proxy_application": QT_TRANSLATE_NOOP("SyncUi", "Proxy application"),
    "proxy_event": QT_TRANSLATE_NOOP("SyncUi", "Proxy application step"),
    "elder_profile": QT_TRANSLATE_NOOP("SyncUi", "Elder profile"),
    "elder_visit": QT_TRANSLATE_NOOP("SyncUi", "Home visit"),
    "elder_meal": QT_TRANSLATE_NOOP("SyncUi", "Meal service"),
    "pension_check": QT_TRANSLATE_NOOP("SyncUi", "Pension eligibility check"),
    "eldercare_setting": QT_TRANSLATE_NOOP("SyncUi", "Elder-care setting"),
    "supply_product": QT_TRANSLATE_NOOP("SyncUi", "Supply product"),
    "supply_move": QT_TRANSLATE_NOOP("SyncUi", "Stock movement"),
    "supply_sale": QT_TRANSLATE_NOOP("SyncUi", "Supply sale"),
    "supply_credit": QT_TRANSLATE_NOOP("SyncUi", "Supply credit"),
    "supply_order": QT_TRANSLATE_NOOP("SyncUi", "Supply order"),
    "supply_order_item": QT_TRANSLATE_NOOP("SyncUi", "Supply order line"),
    "supply_run": QT_TRANSLATE_NOOP("SyncUi", "Delivery run"),
}


def entity_label(entity: str) -> str:
    source = ENTITY_LABELS.get(entity)
    return QCoreApplication.translate("SyncUi", source) if source else entity


def field_label(entity: str, field: str) -> str:
    if entity in ("resident", "household"):
        from villagedesk.services.roster_fields import field_label as roster_label

        return roster_label(field)
    return field


def value_text(value: Any) -> str:
    if value is None or value == "":
        return tr("SyncUi", "(empty)")
    if isinstance(value, bool):
        return tr("SyncUi", "yes") if value else tr("SyncUi", "no")
    return str(value)
