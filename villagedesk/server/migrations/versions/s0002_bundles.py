"""USB bundles: receipts, held bundles, device cursors, ack versions, township users.

Revision ID: s0002_bundles
Revises: s0001_server
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002_bundles"
down_revision = "s0001_server"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "bundle_receipt",
        sa.Column("bundle_id", sa.String(36), primary_key=True),
        sa.Column("hall_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq_from", sa.BigInteger, nullable=False),
        sa.Column("seq_to", sa.BigInteger, nullable=False),
        sa.Column("op_count", sa.Integer, nullable=False),
        sa.Column("previous_bundle_id", sa.String(36), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("applied", sa.Integer, nullable=False),
        sa.Column("duplicates", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("later", sa.Integer, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("uploaded_by", sa.String(40), nullable=False),
    )
    op.create_index("ix_bundle_receipt_hall_id", "bundle_receipt", ["hall_id"])
    op.create_table(
        "bundle_held",
        sa.Column("bundle_id", sa.String(36), primary_key=True),
        sa.Column("hall_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("schema_rev", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("released_at", TS, nullable=True),
    )
    op.create_table(
        "bundle_device",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("hall_id", sa.String(36), nullable=False),
        sa.Column("ref_cursor", sa.BigInteger, nullable=False),
        sa.Column("last_bundle_id", sa.String(36), nullable=False),
        sa.Column("last_bundle_created", sa.String(40), nullable=False),
    )
    op.create_table(
        "ack_issue",
        sa.Column("hall_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("issued_at", TS, nullable=False),
    )
    op.create_table(
        "township_user",
        sa.Column("username", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )


def downgrade() -> None:
    for table in ("township_user", "ack_issue", "bundle_device", "bundle_held", "bundle_receipt"):
        op.drop_table(table)
