"""`villagedesk setup`: initialise this PC's hall and its administrator."""

from __future__ import annotations

import argparse
from typing import Any

from villagedesk.i18n import tr
from villagedesk.services import auth


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("setup", help="initialise the hall (hall name, code, administrator)")
    common(p)
    p.add_argument("--hall-name", required=True)
    p.add_argument("--hall-code", required=True)
    p.add_argument("--township", default="")
    p.add_argument("--county", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--device-code", default="01",
                   help="this PC's number in the hall, 01 to 99 (the second PC of a hall is 02)")
    p.add_argument("--admin-name", required=True)
    p.add_argument("--admin-password", required=True)
    p.set_defaults(handler=_setup, needs_hall=False)


def _setup(ctx: Any) -> int:
    a: argparse.Namespace = ctx.args
    admin = auth.setup_hall(
        ctx.store, hall_name=a.hall_name, hall_code=a.hall_code, admin_name=a.admin_name,
        admin_password=a.admin_password, township=a.township, county=a.county, phone=a.phone,
        device_code=a.device_code,
    )
    ident = ctx.store.identity
    ctx.out(
        {"hall_id": ident.hall_id, "hall_code": ident.code, "device_id": ident.device_id,
         "device_code": ident.device_code, "admin": admin.name},
        tr("cli", "Hall {name} ({code}) is set up on PC number {device}. Administrator: {admin}").format(
            name=ident.name, code=ident.code, device=ident.device_code, admin=admin.name),
    )
    return 0
