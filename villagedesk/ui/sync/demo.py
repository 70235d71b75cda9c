"""Screenshots of a demo hall: one rejected record and one conflict, so the sync problems page
shows what it is for. Only ever on a demo database, and only when it has no sync problems yet."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import text


def add_demo_problems(store: Any) -> bool:
    """True if the two problems were added (a demo hall without any)."""
    if not store.identity.is_demo:
        return False
    from villagedesk.db.models.sync import SyncConflict
    from villagedesk.i18n import tr
    from villagedesk.sync.service import list_problems

    if list_problems(store):
        return False
    now = store.clock.now()
    with store.write(None) as s:
        resident = s.execute(text(
            "SELECT id, phone, version FROM resident WHERE phone != '' ORDER BY household_id LIMIT 1")).first()
        household = s.execute(text("SELECT id, version FROM household ORDER BY household_no LIMIT 1")).first()
        if resident is None or household is None:
            return False
        county_phone = resident[1][:-4] + ("0000" if not resident[1].endswith("0000") else "1111")
        s.add(SyncConflict(entity="resident", entity_id=resident[0], field="phone",
                           hall_value=json.dumps(resident[1]), county_value=json.dumps(county_phone),
                           base_version=resident[2], created_at=now - dt.timedelta(hours=2)))
        s.execute(text(
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, "
            "created_at, state, sent_at, reject_reason) VALUES ('demo', 'household', :id, 'upsert', "
            "'{\"address\": \"三组 12 号\"}', :base, :version, 1, :at, 'rejected', :at, :reason)"),
            {"id": household[0], "base": household[1], "version": household[1] + 1,
             "at": (now - dt.timedelta(days=1)).isoformat(timespec="seconds"),
             "reason": tr("SyncServer", "The server does not have this record (its creation was "
                                        "never received or was rejected).")})
    return True
