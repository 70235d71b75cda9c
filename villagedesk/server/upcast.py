"""Schema-revision window: which operation revisions the server accepts, and upcasters.

An upcaster turns an operation dict of revision ``r`` into revision ``r + 1``. The server
accepts ``[min_rev, max_rev]``; older ones are rejected with a reason, newer ones are
answered "later" and stay on the hall until this server is upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from villagedesk.sync.protocol import SCHEMA_REV

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

# rev -> function producing rev + 1. Empty while SCHEMA_REV is 1.
UPCASTERS: dict[int, Upcaster] = {}


@dataclass(frozen=True)
class SchemaWindow:
    min_rev: int = 1
    max_rev: int = SCHEMA_REV
    upcasters: dict[int, Upcaster] = field(default_factory=lambda: dict(UPCASTERS))

    def classify(self, rev: int) -> str:
        if rev > self.max_rev:
            return "later"
        if rev < self.min_rev:
            return "too_old"
        return "ok"

    def upcast(self, op: dict[str, Any]) -> dict[str, Any]:
        rev = int(op["schema_rev"])
        while rev < self.max_rev:
            step = self.upcasters.get(rev)
            if step is None:
                raise ValueError(f"no upcaster from schema revision {rev}")
            op = step(dict(op))
            rev += 1
            op["schema_rev"] = rev
        return op
