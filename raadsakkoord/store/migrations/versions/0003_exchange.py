"""Trusted keys and the record of packages written and read (offline exchange).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_key",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("holder", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_key")),
        sa.UniqueConstraint("agreement_id", "holder", name="uq_trusted_key_holder"),
    )
    op.create_table(
        "package_record",
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("sender", sa.String(length=60), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("base_round", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_package_record")),
    )
    with op.batch_alter_table("package_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_package_record_sender"), ["sender"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("package_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_record_sender"))
    op.drop_table("package_record")
    op.drop_table("trusted_key")
