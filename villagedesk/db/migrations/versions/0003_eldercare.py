"""eldercare: elder profiles, home visits, meals, pension checks, hall settings

Revision ID: 0003_eldercare
Revises: 0001_foundation
Create Date: 2026-12-05 07:59:50.862221
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

from villagedesk.db.capture import create_capture_triggers

revision = '0003_eldercare'
down_revision = '0001_foundation'
branch_labels = ('eldercare',)
depends_on = None

SYNCED_TABLES = ("elder_profile", "elder_visit", "elder_meal", "pension_check", "eldercare_setting")


def upgrade() -> None:
    op.create_table('eldercare_setting',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('eldercare_setting', schema=None) as batch_op:
        batch_op.create_index('ix_eldercare_setting_key', ['key'], unique=True)

    op.create_table('elder_meal',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('meal_date', sa.Date(), nullable=False),
    sa.Column('meal', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('subsidy_fen', sa.Integer(), nullable=False),
    sa.Column('paid_fen', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('elder_meal', schema=None) as batch_op:
        batch_op.create_index('ix_elder_meal_date', ['meal_date'], unique=False)
        batch_op.create_index('ix_elder_meal_unique', ['resident_id', 'meal_date', 'meal'], unique=True)

    op.create_table('elder_profile',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('empty_nest', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('semi_disabled', sa.Boolean(), nullable=False),
    sa.Column('care_level', sa.Integer(), nullable=False),
    sa.Column('emergency_contacts', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('carer_kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('carer_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('carer_phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('carer_ref', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('meal_regular', sa.Boolean(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('elder_profile', schema=None) as batch_op:
        batch_op.create_index('ix_elder_profile_carer', ['carer_name'], unique=False)
        batch_op.create_index('ix_elder_profile_resident', ['resident_id'], unique=True)

    op.create_table('elder_visit',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('visit_type', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('visitor_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('visitor_kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('findings', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('health_notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('follow_up_needed', sa.Boolean(), nullable=False),
    sa.Column('follow_up_open', sa.Boolean(), nullable=False),
    sa.Column('follow_up_closed_on', sa.Date(), nullable=True),
    sa.Column('follow_up_closed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('follow_up_result', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('elder_visit', schema=None) as batch_op:
        batch_op.create_index('ix_elder_visit_date', ['visit_date'], unique=False)
        batch_op.create_index('ix_elder_visit_followup', ['follow_up_open'], unique=False)
        batch_op.create_index('ix_elder_visit_resident_date', ['resident_id', 'status', 'visit_date'], unique=False)

    op.create_table('pension_check',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('check_date', sa.Date(), nullable=True),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('proxy_application_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pension_check', schema=None) as batch_op:
        batch_op.create_index('ix_pension_check_unique', ['resident_id', 'year'], unique=True)

    op.create_table('elder_last_visit',
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('resident_id')
    )
    for table in SYNCED_TABLES:
        create_capture_triggers(op, table)
    # elder_last_visit follows elder_visit whichever way a visit arrives (counter, sync pull).
    op.execute("""CREATE TRIGGER trg_elder_visit_last_ins AFTER INSERT ON elder_visit
        WHEN NEW.status = 'recorded' BEGIN
        INSERT INTO elder_last_visit (resident_id, visit_date) VALUES (NEW.resident_id, NEW.visit_date)
        ON CONFLICT (resident_id) DO UPDATE SET visit_date = excluded.visit_date
        WHERE excluded.visit_date > elder_last_visit.visit_date;
        END""")
    op.execute("""CREATE TRIGGER trg_elder_visit_last_upd
        AFTER UPDATE OF status, visit_date, resident_id ON elder_visit BEGIN
        DELETE FROM elder_last_visit WHERE resident_id IN (OLD.resident_id, NEW.resident_id);
        INSERT INTO elder_last_visit (resident_id, visit_date)
        SELECT resident_id, max(visit_date) FROM elder_visit
        WHERE resident_id IN (OLD.resident_id, NEW.resident_id) AND status = 'recorded'
        GROUP BY resident_id;
        END""")
    op.create_index("ix_resident_elder_roster", "resident",
                    ["birth_date", "status", "id", "name", "id_number", "sex", "lives_alone", "is_dibao",
                     "is_tekun", "phone"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_resident_elder_roster", table_name="resident")
    op.drop_table('elder_last_visit')
    with op.batch_alter_table('pension_check', schema=None) as batch_op:
        batch_op.drop_index('ix_pension_check_unique')

    op.drop_table('pension_check')
    with op.batch_alter_table('elder_visit', schema=None) as batch_op:
        batch_op.drop_index('ix_elder_visit_resident_date')
        batch_op.drop_index('ix_elder_visit_followup')
        batch_op.drop_index('ix_elder_visit_date')

    op.drop_table('elder_visit')
    with op.batch_alter_table('elder_profile', schema=None) as batch_op:
        batch_op.drop_index('ix_elder_profile_resident')
        batch_op.drop_index('ix_elder_profile_carer')

    op.drop_table('elder_profile')
    with op.batch_alter_table('elder_meal', schema=None) as batch_op:
        batch_op.drop_index('ix_elder_meal_unique')
        batch_op.drop_index('ix_elder_meal_date')

    op.drop_table('elder_meal')
    with op.batch_alter_table('eldercare_setting', schema=None) as batch_op:
        batch_op.drop_index('ix_eldercare_setting_key')

    op.drop_table('eldercare_setting')
