"""Helpers for the elder-care tests: register residents with a given birth date."""

from __future__ import annotations

import datetime as dt
import itertools

from villagedesk.services import residents
from villagedesk.services.idcard import build_id

_seq = itertools.count(1)


def add_person(store, actor, name: str, birth: dt.date, **flags: bool):
    """A resident born on `birth`, with a valid ID number; flags like is_dibao=True, lives_alone=True."""
    id_number = build_id("420902", birth, next(_seq) % 1000)
    return residents.add_resident(store, actor=actor, name=name, id_number=id_number,
                                  village_group="一组", flags=flags)
