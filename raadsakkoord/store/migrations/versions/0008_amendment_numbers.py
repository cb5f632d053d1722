"""Amendments get the numbers people use (A1, A3.1), subamendments their amendment, parties their members.

Amendments already submitted are numbered in the order they were submitted,
so a workspace made by an older version gets the numbers its clerks would
have given them by hand.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("parent_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_amendment_parent_id_amendment"), "amendment",
                                    ["parent_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_amendment_parent_id"), ["parent_id"], unique=False)
    op.create_table(
        "member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_member_party_id_party")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("party_id", "name", name="uq_member_party_name"),
    )
    op.create_index(op.f("ix_member_party_id"), "member", ["party_id"], unique=False)
    connection = op.get_bind()
    sent = connection.execute(sa.text(
        "SELECT id, agreement_id FROM amendment WHERE status <> 'draft'"
        " ORDER BY coalesce(submitted_at, created_at), created_at, id")).all()
    numbers: dict = {}
    for row in sent:
        numbers[row.agreement_id] = numbers.get(row.agreement_id, 0) + 1
        connection.execute(sa.text("UPDATE amendment SET number = :n WHERE id = :id"),
                           {"n": numbers[row.agreement_id], "id": row.id})
    if connection.dialect.name == "postgresql":
        groups = dict(connection.execute(sa.text(
            "SELECT kind, role_name FROM login_group WHERE kind IN ('griffie', 'parties', 'reader')")).all())
        quote = connection.dialect.identifier_preparer.quote
        if groups:
            everyone = ", ".join(quote(groups[k]) for k in ("griffie", "parties", "reader") if k in groups)
            connection.exec_driver_sql(f"GRANT SELECT ON member TO {everyone}")
            if "griffie" in groups:
                connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON member TO {quote(groups['griffie'])}")


def downgrade() -> None:
    op.drop_index(op.f("ix_member_party_id"), table_name="member")
    op.drop_table("member")
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendment_parent_id"))
        batch_op.drop_constraint(batch_op.f("fk_amendment_parent_id_amendment"), type_="foreignkey")
        batch_op.drop_column("parent_id")
        batch_op.drop_column("number")
