"""supply: products, stock moves (append-only) with derived balances, sales, credit, orders, runs

Revision ID: 0004_supply
Revises: 0001_foundation
Create Date: 2026-12-05 08:20:00
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

from villagedesk.db.capture import create_append_only_triggers, create_capture_triggers

revision = '0004_supply'
down_revision = '0001_foundation'
branch_labels = ('supply',)
depends_on = None

SYNCED_TABLES = ("supply_product", "supply_move", "supply_sale", "supply_credit", "supply_order",
                 "supply_order_item", "supply_run")
APPEND_ONLY_TABLES = ("supply_move", "supply_sale", "supply_credit")
PRODUCT_NAMESPACE = uuid.UUID("6f2b8a52-4a61-4f0e-9a51-7d3c2e1b9a10")


def upgrade() -> None:
    op.create_table('supply_lot',
    sa.Column('lot_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('product_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('expiry_date', sa.Date(), nullable=True),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('lot_id')
    )
    with op.batch_alter_table('supply_lot', schema=None) as batch_op:
        batch_op.create_index('ix_supply_lot_product_expiry', ['product_id', 'expiry_date'], unique=False)
        batch_op.create_index('ix_supply_lot_live_expiry', ['expiry_date', 'product_id'], unique=False, sqlite_where=sa.text('qty > 0'))

    op.create_table('supply_product',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('spec', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('maker', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reg_no', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('restricted', sa.Boolean(), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('server_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('low_stock', sa.Integer(), nullable=False),
    sa.Column('search_text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_product', schema=None) as batch_op:
        batch_op.create_index('ix_supply_product_category', ['category', 'name'], unique=False)
        batch_op.create_index('ix_supply_product_code', ['code'], unique=True)
        batch_op.create_index('ix_supply_product_server', ['server_id'], unique=False)

    op.create_table('supply_run',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('run_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('run_date', sa.Date(), nullable=False),
    sa.Column('groups', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('driver', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_run', schema=None) as batch_op:
        batch_op.create_index('ix_supply_run_date', ['run_date'], unique=False)

    op.create_table('supply_sale',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sale_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('sale_date', sa.Date(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('pay_method', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('total_fen', sa.Integer(), nullable=False),
    sa.Column('buyer_resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('buyer_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('buyer_id_number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('buyer_use', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('order_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('staff_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_sale', schema=None) as batch_op:
        batch_op.create_index('ix_supply_sale_buyer', ['buyer_resident_id'], unique=False)
        batch_op.create_index('ix_supply_sale_date', ['sale_date'], unique=False)
        batch_op.create_index('ix_supply_sale_no', ['sale_no'], unique=True)

    op.create_table('supply_stock',
    sa.Column('product_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('product_id')
    )
    op.create_table('supply_move',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('product_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('move_date', sa.Date(), nullable=False),
    sa.Column('lot_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('supplier', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('lot_no', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('production_date', sa.Date(), nullable=True),
    sa.Column('expiry_date', sa.Date(), nullable=True),
    sa.Column('unit_cost_fen', sa.Integer(), nullable=True),
    sa.Column('unit_price_fen', sa.Integer(), nullable=True),
    sa.Column('sale_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('order_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('corrects_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['supply_product.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_move', schema=None) as batch_op:
        batch_op.create_index('ix_supply_move_corrects', ['corrects_id'], unique=False, sqlite_where=sa.text('corrects_id IS NOT NULL'))
        batch_op.create_index('ix_supply_move_kind_date', ['kind', 'move_date'], unique=False)
        batch_op.create_index('ix_supply_move_lot', ['lot_id'], unique=False)
        batch_op.create_index('ix_supply_move_order', ['order_id'], unique=False, sqlite_where=sa.text('order_id IS NOT NULL'))
        batch_op.create_index('ix_supply_move_product_qty', ['product_id', 'qty'], unique=False)
        batch_op.create_index('ix_supply_move_sale', ['sale_id'], unique=False, sqlite_where=sa.text('sale_id IS NOT NULL'))

    op.create_table('supply_credit',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('sale_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('pay_method', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_credit', schema=None) as batch_op:
        batch_op.create_index('ix_supply_credit_resident', ['resident_id', 'entry_date'], unique=False)

    op.create_table('supply_order',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('order_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('resident_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('wanted_date', sa.Date(), nullable=False),
    sa.Column('fulfilment', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('village_group', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pay_method', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('buyer_use', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('run_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('sale_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('cancel_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_order', schema=None) as batch_op:
        batch_op.create_index('ix_supply_order_no', ['order_no'], unique=True)
        batch_op.create_index('ix_supply_order_run', ['run_id'], unique=False)
        batch_op.create_index('ix_supply_order_status_date', ['status', 'wanted_date'], unique=False)

    op.create_table('supply_order_item',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('hall_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('order_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('product_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('unit_price_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['supply_order.id'], ),
    sa.ForeignKeyConstraint(['product_id'], ['supply_product.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_order_item', schema=None) as batch_op:
        batch_op.create_index('ix_supply_order_item_order', ['order_id'], unique=False)

    _seed_starter_catalogue()
    for table in SYNCED_TABLES:
        create_capture_triggers(op, table, exclude=("low_stock", "search_text") if table == "supply_product" else ())
    for table in APPEND_ONLY_TABLES:
        create_append_only_triggers(op, table)
    _create_balance_triggers()


def _create_balance_triggers() -> None:
    # A move out of stock may never take a product or a lot below zero, whoever writes it.
    op.execute("""CREATE TRIGGER trg_supply_move_no_negative BEFORE INSERT ON supply_move
        WHEN NEW.qty < 0 BEGIN
          SELECT RAISE(ABORT, 'VD_STOCK_SHORT: not enough stock for this move')
          WHERE COALESCE((SELECT qty FROM supply_stock WHERE product_id = NEW.product_id), 0) + NEW.qty < 0
             OR (NEW.lot_id IS NOT NULL AND
                 COALESCE((SELECT qty FROM supply_lot WHERE lot_id = NEW.lot_id), 0) + NEW.qty < 0);
        END""")
    # The balances are derived from the moves, in the same transaction as the move.
    op.execute("""CREATE TRIGGER trg_supply_move_balance AFTER INSERT ON supply_move BEGIN
          INSERT INTO supply_stock (product_id, qty) VALUES (NEW.product_id, NEW.qty)
            ON CONFLICT (product_id) DO UPDATE SET qty = qty + excluded.qty;
          INSERT INTO supply_lot (lot_id, product_id, expiry_date, qty)
            SELECT NEW.lot_id, NEW.product_id, NEW.expiry_date, NEW.qty WHERE NEW.lot_id IS NOT NULL
            ON CONFLICT (lot_id) DO UPDATE SET qty = qty + excluded.qty;
        END""")


def _seed_starter_catalogue() -> None:
    """The starter catalogue (county-owned reference data), inserted before capture exists."""
    from villagedesk.resources import resource_path
    from villagedesk.services.pinyin_keys import search_text

    data = json.loads(resource_path("data/products.json").read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    table = sa.table(
        "supply_product", *(sa.column(c) for c in (
            "id", "hall_id", "device_id", "created_at", "updated_at", "version", "code", "category",
            "name", "spec", "unit", "price_fen", "maker", "reg_no", "restricted", "owner", "server_id",
            "server_version", "status", "note", "low_stock", "search_text")))
    rows = []
    for p in data["products"]:
        pid = str(uuid.uuid5(PRODUCT_NAMESPACE, p["code"]))
        yuan, _, fen = p["price"].partition(".")
        rows.append({
            "id": pid, "hall_id": "", "device_id": "", "created_at": now, "updated_at": now,
            "version": 1, "code": p["code"], "category": p["category"], "name": p["name"],
            "spec": p.get("spec", ""), "unit": p["unit"], "price_fen": int(yuan) * 100 + int((fen + "00")[:2]),
            "maker": p.get("maker", ""), "reg_no": p.get("reg_no", ""),
            "restricted": bool(p.get("restricted", False)), "owner": "county", "server_id": pid,
            "server_version": int(data.get("version", 1)), "status": "active", "note": "",
            "low_stock": int(p.get("low_stock", 5)), "search_text": search_text(p["name"]),
        })
    op.bulk_insert(table, rows)


def downgrade() -> None:
    for name in ("trg_supply_move_no_negative", "trg_supply_move_balance"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('supply_order_item', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_order_item_order')

    op.drop_table('supply_order_item')
    with op.batch_alter_table('supply_order', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_order_status_date')
        batch_op.drop_index('ix_supply_order_run')
        batch_op.drop_index('ix_supply_order_no')

    op.drop_table('supply_order')
    with op.batch_alter_table('supply_credit', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_credit_resident')

    op.drop_table('supply_credit')
    with op.batch_alter_table('supply_move', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_move_sale')
        batch_op.drop_index('ix_supply_move_product_qty')
        batch_op.drop_index('ix_supply_move_order')
        batch_op.drop_index('ix_supply_move_lot')
        batch_op.drop_index('ix_supply_move_kind_date')
        batch_op.drop_index('ix_supply_move_corrects')

    op.drop_table('supply_move')
    op.drop_table('supply_stock')
    with op.batch_alter_table('supply_sale', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_sale_no')
        batch_op.drop_index('ix_supply_sale_date')
        batch_op.drop_index('ix_supply_sale_buyer')

    op.drop_table('supply_sale')
    with op.batch_alter_table('supply_run', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_run_date')

    op.drop_table('supply_run')
    with op.batch_alter_table('supply_product', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_product_server')
        batch_op.drop_index('ix_supply_product_code')
        batch_op.drop_index('ix_supply_product_category')

    op.drop_table('supply_product')
    with op.batch_alter_table('supply_lot', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_lot_product_expiry')
        batch_op.drop_index('ix_supply_lot_live_expiry')

    op.drop_table('supply_lot')
