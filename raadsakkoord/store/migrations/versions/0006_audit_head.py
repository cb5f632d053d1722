"""The audit log's head, and the anchors of it that went out in rounds and packages.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("verified_from", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("issued", sa.Boolean(), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    with op.batch_alter_table("round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audit_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))
    # The chain as it stands becomes the head. Its events were written by a
    # version that left some values out of them: those are not verified.
    newest = op.get_bind().execute(sa.text(
        "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")).first()
    if newest is not None:
        op.get_bind().execute(
            sa.text("INSERT INTO audit_head (id, seq, hash, verified_from) VALUES (1, :seq, :hash, :next)"),
            {"seq": newest.seq, "hash": newest.hash, "next": newest.seq + 1})


def downgrade() -> None:
    with op.batch_alter_table("round", schema=None) as batch_op:
        batch_op.drop_column("audit_hash")
        batch_op.drop_column("audit_seq")
    op.drop_table("audit_anchor")
    op.drop_table("audit_head")
