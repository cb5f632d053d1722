"""Co-submitters confirm themselves: a named co-submitter is a request until that party answers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "co_submission",
        sa.Column("amendment_id", sa.Uuid(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.Enum("requested", "confirmed", "declined", name="co_submission_state",
                                   native_enum=False, create_constraint=True, length=24), nullable=False),
        sa.Column("requested_by", sa.String(length=120), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("answered_by", sa.String(length=120), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["amendment_id"], ["amendment.id"],
                                name=op.f("fk_co_submission_amendment_id_amendment")),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_co_submission_party_id_party")),
        sa.PrimaryKeyConstraint("amendment_id", "party_id", name=op.f("pk_co_submission")),
    )
    op.create_index(op.f("ix_co_submission_party_id"), "co_submission", ["party_id"], unique=False)
    # The co-submitters an older version recorded were named by the submitting
    # party alone; no co-submitting party ever confirmed them. They become
    # requests, asked by the amendment's author when it was submitted, which
    # the parties can now confirm or decline.
    op.execute(
        "INSERT INTO co_submission (amendment_id, party_id, state, requested_by, requested_at, answered_by)"
        " SELECT c.amendment_id, c.party_id, 'requested', a.author, COALESCE(a.submitted_at, a.created_at), ''"
        " FROM amendment_co_party c JOIN amendment a ON a.id = c.amendment_id"
    )
    op.drop_table("amendment_co_party")


def downgrade() -> None:
    op.create_table(
        "amendment_co_party",
        sa.Column("amendment_id", sa.Uuid(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["amendment_id"], ["amendment.id"],
                                name=op.f("fk_amendment_co_party_amendment_id_amendment")),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_amendment_co_party_party_id_party")),
        sa.PrimaryKeyConstraint("amendment_id", "party_id", name=op.f("pk_amendment_co_party")),
    )
    # The older version prints every co-submitter it holds: only the confirmed
    # ones may go back, or an unanswered request would be published as consent.
    op.execute(
        "INSERT INTO amendment_co_party (amendment_id, party_id)"
        " SELECT amendment_id, party_id FROM co_submission WHERE state = 'confirmed'"
    )
    op.drop_index(op.f("ix_co_submission_party_id"), table_name="co_submission")
    op.drop_table("co_submission")
