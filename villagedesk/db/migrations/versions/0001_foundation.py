"""foundation: hall, staff, capture, residents

Revision ID: 0001_foundation
Revises: 
Create Date: 2026-12-05 07:55:22.376319
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

from villagedesk.db.capture import create_append_only_triggers, create_capture_triggers

revision = '0001_foundation'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('staff_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('before', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('capture_context',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('txid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('staff_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('schema_rev', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('counter',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', 'year')
    )
    op.create_table('hall',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('county', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('receipt_secret', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('household',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('household_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('head_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('village_group', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hamlet', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('grid', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index('ix_household_no', ['household_no'], unique=True)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('txid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('schema_rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('staff_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('reject_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_state_seq', ['state', 'seq'], unique=False)

    op.create_table('resident_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resident_key', schema=None) as batch_op:
        batch_op.create_index('ix_resident_key_key', ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_key_resident_id'), ['resident_id'], unique=False)

    op.create_table('staff',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hall_id', 'name', name='uq_staff_hall_name')
    )
    op.create_table('resident',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('household_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('ethnicity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('relation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_party_member', sa.Boolean(), nullable=False),
    sa.Column('is_dibao', sa.Boolean(), nullable=False),
    sa.Column('is_tekun', sa.Boolean(), nullable=False),
    sa.Column('is_disabled', sa.Boolean(), nullable=False),
    sa.Column('lives_alone', sa.Boolean(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status_changed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('status_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('search_keys', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id_rev', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone_rev', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.create_index('ix_resident_birth_date', ['birth_date'], unique=False)
        batch_op.create_index('ix_resident_household', ['household_id'], unique=False)
        batch_op.create_index('ix_resident_id_number', ['id_number'], unique=True)
        batch_op.create_index('ix_resident_id_rev', ['id_rev'], unique=False)
        batch_op.create_index('ix_resident_name', ['name'], unique=False)
        batch_op.create_index('ix_resident_phone', ['phone'], unique=False)
        batch_op.create_index('ix_resident_phone_rev', ['phone_rev'], unique=False)

    op.create_table('staff_login_state',
    sa.Column('staff_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_login_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('staff_id')
    )

    op.execute("INSERT INTO capture_context (id, schema_rev) VALUES (1, 1)")
    op.execute("""CREATE TRIGGER trg_capture_context_nodel BEFORE DELETE ON capture_context
        BEGIN SELECT RAISE(ABORT, 'capture_context is required'); END""")
    create_append_only_triggers(op, "audit_log")
    create_capture_triggers(op, "staff")
    create_capture_triggers(op, "household")
    create_capture_triggers(op, "resident", exclude=("search_keys", "id_rev", "phone_rev"))
    # resident_key is derived from resident.search_keys (a JSON array of pinyin keys).
    op.execute("""CREATE TRIGGER trg_resident_keys_ins AFTER INSERT ON resident BEGIN
        INSERT INTO resident_key (key, resident_id) SELECT value, NEW.id FROM json_each(NEW.search_keys);
        END""")
    op.execute("""CREATE TRIGGER trg_resident_keys_upd AFTER UPDATE OF search_keys ON resident BEGIN
        DELETE FROM resident_key WHERE resident_id = OLD.id;
        INSERT INTO resident_key (key, resident_id) SELECT value, NEW.id FROM json_each(NEW.search_keys);
        END""")


def downgrade() -> None:
    op.drop_table('staff_login_state')
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index('ix_resident_phone_rev')
        batch_op.drop_index('ix_resident_phone')
        batch_op.drop_index('ix_resident_name')
        batch_op.drop_index('ix_resident_id_rev')
        batch_op.drop_index('ix_resident_id_number')
        batch_op.drop_index('ix_resident_household')
        batch_op.drop_index('ix_resident_birth_date')

    op.drop_table('resident')
    op.drop_table('staff')
    with op.batch_alter_table('resident_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_key_resident_id'))
        batch_op.drop_index('ix_resident_key_key')

    op.drop_table('resident_key')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state_seq')

    op.drop_table('outbox')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index('ix_household_no')

    op.drop_table('household')
    op.drop_table('hall')
    op.drop_table('counter')
    op.drop_table('capture_context')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_log')
