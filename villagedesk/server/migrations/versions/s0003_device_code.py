"""The PC number a device prints in its receipt numbers (unique within its hall).

Revision ID: s0003_device_code
Revises: s0002_bundles
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003_device_code"
down_revision = "s0002_bundles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("device_code", sa.String(4), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("device_code")
