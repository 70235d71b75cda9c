"""proxy: service catalogue (seeded with the shipped default), applications, their history

Revision ID: 0002_proxy
Revises: 0001_foundation
Create Date: 2026-12-05 08:20:00
"""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

from villagedesk.db.capture import create_append_only_triggers, create_capture_triggers
from villagedesk.resources import resource_path

revision = '0002_proxy'
down_revision = '0001_foundation'
branch_labels = ('proxy',)
depends_on = None

# Frozen here so that this migration seeds the same ids forever (see models.proxy.catalogue_item_id).
_ITEM_NAMESPACE = uuid.UUID("6d1f4a52-3c1e-4f0a-9a57-7d0c2b8e5a10")


def _seed_rows() -> list[dict]:
    doc = json.loads(resource_path("data/service_catalogue.json").read_text(encoding="utf-8"))
    rows = []
    for order, item in enumerate(doc["items"]):
        rows.append({
            "id": str(uuid.uuid5(_ITEM_NAMESPACE, f"service_item:{item['code']}")),
            "code": item["code"], "name": item["name"], "category": item["category"],
            "department": item["department"],
            "materials": json.dumps(item["materials"], ensure_ascii=False),
            "promised_days": int(item["promised_days"]),
            "fee_fen": int(Decimal(item.get("fee") or "0") * 100),
            "guide": item.get("guide", ""), "active": True, "sort_order": order,
            "server_id": None, "server_version": 0, "updated_at": None,
        })
    return rows


def upgrade() -> None:
    service_item = op.create_table('service_item',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('department', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('materials', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('promised_days', sa.Integer(), nullable=False),
    sa.Column('fee_fen', sa.Integer(), nullable=False),
    sa.Column('guide', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('server_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_item', schema=None) as batch_op:
        batch_op.create_index('ix_service_item_code', ['code'], unique=True)
        batch_op.create_index('ix_service_item_server_id', ['server_id'], unique=False)

    op.create_table('proxy_application',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('applicant_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('agent_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('agent_id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('agent_relation', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('service_item_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('service_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('service_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('department', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('promised_days', sa.Integer(), nullable=False),
    sa.Column('fee_fen', sa.Integer(), nullable=False),
    sa.Column('materials', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=False),
    sa.Column('accepted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('accepted_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('forwarded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('forwarded_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('forwarded_to', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('returned_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('returned_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('return_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('completed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('completed_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('collected_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('collected_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('collector_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('satisfaction', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('proxy_application', schema=None) as batch_op:
        batch_op.create_index('ix_proxy_application_accepted_on', ['accepted_on'], unique=False)
        batch_op.create_index('ix_proxy_application_applicant', ['applicant_id'], unique=False)
        batch_op.create_index('ix_proxy_application_completed_on', ['completed_on'], unique=False)
        batch_op.create_index('ix_proxy_application_number', ['receipt_number'], unique=True)
        batch_op.create_index('ix_proxy_application_service', ['service_code', 'accepted_on'], unique=False)
        batch_op.create_index('ix_proxy_application_status_due', ['status', 'due_date'], unique=False)

    op.create_table('proxy_event',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('application_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('staff_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('detail', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['proxy_application.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('proxy_event', schema=None) as batch_op:
        batch_op.create_index('ix_proxy_event_application', ['application_id', 'at'], unique=False)

    # The catalogue belongs to the county: it is reference data, not captured into the outbox.
    op.bulk_insert(service_item, _seed_rows())
    create_capture_triggers(op, "proxy_application")
    create_capture_triggers(op, "proxy_event")
    create_append_only_triggers(op, "proxy_event")


def downgrade() -> None:
    with op.batch_alter_table('proxy_event', schema=None) as batch_op:
        batch_op.drop_index('ix_proxy_event_application')

    op.drop_table('proxy_event')
    with op.batch_alter_table('proxy_application', schema=None) as batch_op:
        batch_op.drop_index('ix_proxy_application_status_due')
        batch_op.drop_index('ix_proxy_application_service')
        batch_op.drop_index('ix_proxy_application_number')
        batch_op.drop_index('ix_proxy_application_completed_on')
        batch_op.drop_index('ix_proxy_application_applicant')
        batch_op.drop_index('ix_proxy_application_accepted_on')

    op.drop_table('proxy_application')
    with op.batch_alter_table('service_item', schema=None) as batch_op:
        batch_op.drop_index('ix_service_item_server_id')
        batch_op.drop_index('ix_service_item_code')

    op.drop_table('service_item')
