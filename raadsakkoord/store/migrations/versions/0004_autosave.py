"""Unsaved editor content for crash recovery.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "autosave",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.String(length=60), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("editor_key", sa.String(length=80), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_autosave")),
        sa.UniqueConstraint("owner", "editor_key", name="uq_autosave_owner_editor"),
    )


def downgrade() -> None:
    op.drop_table("autosave")
