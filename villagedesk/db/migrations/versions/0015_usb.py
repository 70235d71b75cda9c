"""usb: USB bundle state (enrollment secret, last bundle, newest acknowledgement applied)

Revision ID: 0015_usb
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

revision = "0015_usb"
down_revision = "0001_foundation"
branch_labels = ("usb",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usb_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrollment_secret", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("enrollment_file_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("last_bundle_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("last_bundle_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_bundle_seq_to", sa.Integer(), nullable=False),
        sa.Column("ack_version", sa.BigInteger(), nullable=False),
        sa.Column("ack_applied_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("usb_state")
