"""Amendments that a newer revision collided with are marked as needing rework.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing amendments were never rebased automatically: none needs rework yet.
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("needs_rework", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.drop_column("needs_rework")
