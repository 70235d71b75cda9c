"""merge: one head again after the module branches (proxy, eldercare, supply, sync, usb)

Each module's first migration branched off 0001_foundation. This revision joins them, so the
schema has a single head: `alembic upgrade head`, `downgrade -1` and the drift check all see one
line of history. A new migration revises the current head (this one, or whatever follows it),
never a module branch's own revision, or the schema forks again.

Revision ID: 0016_merge_heads
Revises: 0002_proxy, 0003_eldercare, 0004_supply, 0007_sync, 0015_usb
"""

from __future__ import annotations

revision = "0016_merge_heads"
down_revision = ("0002_proxy", "0003_eldercare", "0004_supply", "0007_sync", "0015_usb")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches' tables are all in place once their revisions ran."""


def downgrade() -> None:
    """Nothing to undo: stepping down leaves the five branch heads applied."""
