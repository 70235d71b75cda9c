"""The sync module of the main window: its menu (同步) holds the USB sync dialog for a hall
without a network. The network sync's status-bar indicator, problems page and home card
(issue 7's hall UI) belong in this ModuleSpec too when they are built.

The dialog module is light at import (it loads the sync code only when its buttons are used).
"""

from __future__ import annotations

from villagedesk.ui.modules import QT_TRANSLATE_NOOP, ModuleSpec, register
from villagedesk.ui.sync.usb_wizard import USB_ACTION

register(ModuleSpec(
    key="sync", affair="admin_affairs", role_affair="sync", order=90,
    title_source=QT_TRANSLATE_NOOP("nav", "Sync"),
    actions=[USB_ACTION],
))
