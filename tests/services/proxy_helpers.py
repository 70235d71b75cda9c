"""Shared helpers for the proxy tests: residents with valid ID numbers."""

from __future__ import annotations

import datetime as dt

from villagedesk.services.idcard import build_id
from villagedesk.services.residents import add_resident


def make_resident(store, actor, name: str = "张三明", seq: int = 123, birth=dt.date(1956, 4, 12)):
    return add_resident(store, actor=actor, name=name, id_number=build_id("420902", birth, seq),
                        phone="13907120001", village_group="三组")
