"""The council's votes (stemmingen): per party, with split and absent members, and the griffie's voting order.

On PostgreSQL everyone reads them; only the griffie writes, and a vote once
recorded is never changed (the griffie may only add one).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_SUBJECTS = ("amendment", "section", "agreement")
_OUTCOMES = ("adopted", "rejected", "tied")


def upgrade() -> None:
    op.create_table(
        "vote",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.Enum(*_SUBJECTS, name="vote_subject", native_enum=False,
                                     create_constraint=True, length=24), nullable=False),
        sa.Column("amendment_id", sa.Uuid(), nullable=True),
        sa.Column("section_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.Enum(*_OUTCOMES, name="vote_outcome", native_enum=False,
                                     create_constraint=True, length=24), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("absent", sa.Integer(), nullable=False),
        sa.Column("meeting", sa.Date(), nullable=True),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=False),
        sa.CheckConstraint("votes_for >= 0 AND votes_against >= 0 AND absent >= 0",
                           name=op.f("ck_vote_counts_not_negative")),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_vote_agreement_id_agreement")),
        sa.ForeignKeyConstraint(["amendment_id"], ["amendment.id"], name=op.f("fk_vote_amendment_id_amendment")),
        sa.ForeignKeyConstraint(["section_id"], ["section.id"], name=op.f("fk_vote_section_id_section")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
    )
    op.create_index(op.f("ix_vote_amendment_id"), "vote", ["amendment_id"], unique=False)
    op.create_index(op.f("ix_vote_section_id"), "vote", ["section_id"], unique=False)
    op.create_table(
        "vote_party",
        sa.Column("vote_id", sa.Uuid(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=8), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("absent_members", sa.Text(), nullable=False),
        sa.Column("split_members", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_vote_party_party_id_party")),
        sa.ForeignKeyConstraint(["vote_id"], ["vote.id"], name=op.f("fk_vote_party_vote_id_vote")),
        sa.PrimaryKeyConstraint("vote_id", "party_id", name=op.f("pk_vote_party")),
    )
    op.create_table(
        "vote_order",
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("item", name=op.f("pk_vote_order")),
    )
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    groups = dict(connection.execute(sa.text(
        "SELECT kind, role_name FROM login_group WHERE kind IN ('griffie', 'parties', 'reader')")).all())
    quote = connection.dialect.identifier_preparer.quote
    if not groups:
        return
    everyone = ", ".join(quote(groups[k]) for k in ("griffie", "parties", "reader") if k in groups)
    connection.exec_driver_sql(f"GRANT SELECT ON vote, vote_party, vote_order TO {everyone}")
    if "griffie" in groups:
        griffie = quote(groups["griffie"])
        # A vote is a record of what happened in the meeting: added, never changed.
        connection.exec_driver_sql(f"GRANT INSERT ON vote, vote_party TO {griffie}")
        connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON vote_order TO {griffie}")


def downgrade() -> None:
    op.drop_table("vote_order")
    op.drop_table("vote_party")
    op.drop_index(op.f("ix_vote_section_id"), table_name="vote")
    op.drop_index(op.f("ix_vote_amendment_id"), table_name="vote")
    op.drop_table("vote")
