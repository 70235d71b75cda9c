"""County server tables: halls, devices, enrollment, operation log, records, change feed.

Revision ID: s0001_server
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001_server"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "hall",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_contact", TS, nullable=True),
    )
    op.create_table(
        "enrollment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("hall_id", sa.String(36), sa.ForeignKey("hall.id"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("device_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_enrollment_hall_id", "enrollment", ["hall_id"])
    op.create_table(
        "device",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("hall_id", sa.String(36), sa.ForeignKey("hall.id"), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("enrolled_at", TS, nullable=False),
        sa.Column("last_contact", TS, nullable=True),
        sa.Column("high_water", sa.BigInteger, nullable=False),
        sa.Column("reported_pending", sa.Integer, nullable=False),
        sa.Column("reported_rejected", sa.Integer, nullable=False),
        sa.Column("reported_conflicts", sa.Integer, nullable=False),
        sa.Column("reported_last_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_device_hall_id", "device", ["hall_id"])
    op.create_table(
        "op_log",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hall_id", sa.String(36), nullable=False),
        sa.Column("txid", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("schema_rev", sa.Integer, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("received_at", TS, nullable=False),
        sa.UniqueConstraint("device_id", "seq", name="uq_op_log_device_seq"),
    )
    op.create_index("ix_op_log_hall_status", "op_log", ["hall_id", "status"])
    op.create_table(
        "record",
        sa.Column("hall_id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(64), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("last_device_id", sa.String(36), nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "ref_change",
        sa.Column("cursor", BIGID, primary_key=True, autoincrement=True),
        sa.Column("hall_id", sa.String(36), nullable=True),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_ref_change_hall_id", "ref_change", ["hall_id"])
    op.create_index("ix_ref_change_key", "ref_change", ["entity", "entity_id"])


def downgrade() -> None:
    for table in ("ref_change", "record", "op_log", "device", "enrollment", "hall", "server_meta"):
        op.drop_table(table)
