"""Initial schema: agreement, parties, chapters, sections, revisions, rounds,
amendments, endorsements, tasks and the audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-29
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreement',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('municipality', sa.String(length=100), nullable=False),
    sa.Column('term', sa.String(length=40), nullable=False),
    sa.Column('council_seats', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('drafting', 'adopted', name='agreement_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('preamble', sa.Text(), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('contact_phone', sa.String(length=40), nullable=False),
    sa.Column('contact_email', sa.String(length=200), nullable=False),
    sa.Column('broad_support_share', sa.Double(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement'))
    )
    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('party_id', sa.Uuid(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('prev_hash', name=op.f('uq_audit_event_prev_hash'))
    )
    op.create_table('chapter',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('intro', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_chapter_agreement_id_agreement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chapter'))
    )
    op.create_table('party',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('short_name', sa.String(length=40), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('leader', sa.String(length=120), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('seats >= 0', name=op.f('ck_party_seats_not_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_party_agreement_id_agreement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party')),
    sa.UniqueConstraint('agreement_id', 'short_name', name='uq_party_short_name')
    )
    op.create_table('round',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('is_final', sa.Boolean(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=False),
    sa.Column('published_by', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_round_agreement_id_agreement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_round')),
    sa.UniqueConstraint('agreement_id', 'number', name='uq_round_number')
    )
    op.create_table('section',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('chapter_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'adopted', 'withdrawn', 'rejected', name='section_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('proposing_party_id', sa.Uuid(), nullable=True),
    sa.Column('current_revision_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chapter_id'], ['chapter.id'], name=op.f('fk_section_chapter_id_chapter')),
    sa.ForeignKeyConstraint(['proposing_party_id'], ['party.id'], name=op.f('fk_section_proposing_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_section'))
    )
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_section_chapter_id'), ['chapter_id'], unique=False)

    op.create_table('task',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('portfolio_holder', sa.String(length=120), nullable=False),
    sa.Column('participation_level', sa.Enum('informeren', 'raadplegen', 'adviseren', 'coproduceren', 'meebeslissen', name='participation_level', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('stakeholders', sa.JSON(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('budget_eur', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('proposed', 'planned', 'in_progress', 'done', 'dropped', name='task_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('proposed_by_party_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('budget_eur >= 0', name=op.f('ck_task_budget_not_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_task_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['proposed_by_party_id'], ['party.id'], name=op.f('fk_task_proposed_by_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    op.create_table('revision',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('section_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('party_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['revision.id'], name=op.f('fk_revision_parent_id_revision')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_revision_party_id_party')),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_revision_round_id_round')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_revision_section_id_section')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revision')),
    sa.UniqueConstraint('section_id', 'number', name='uq_revision_number')
    )
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revision_section_id'), ['section_id'], unique=False)
    # section and revision point at each other: the pointer to the current
    # revision can only be added once both tables exist.
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f('fk_section_current_revision_id_revision'), 'revision', ['current_revision_id'], ['id']
        )

    op.create_table('task_section',
    sa.Column('task_id', sa.Uuid(), nullable=False),
    sa.Column('section_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_task_section_section_id_section')),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_section_task_id_task')),
    sa.PrimaryKeyConstraint('task_id', 'section_id', name=op.f('pk_task_section'))
    )
    op.create_table('amendment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('agreement_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('modify', 'new_section', 'delete', name='amendment_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('section_id', sa.Uuid(), nullable=True),
    sa.Column('chapter_id', sa.Uuid(), nullable=True),
    sa.Column('base_revision_id', sa.Uuid(), nullable=True),
    sa.Column('proposed_title', sa.String(length=200), nullable=False),
    sa.Column('proposed_text', sa.Text(), nullable=False),
    sa.Column('headline', sa.String(length=200), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('party_id', sa.Uuid(), nullable=False),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'accepted', 'partly_accepted', 'rejected', 'withdrawn', 'superseded', name='amendment_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_amendment_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['base_revision_id'], ['revision.id'], name=op.f('fk_amendment_base_revision_id_revision')),
    sa.ForeignKeyConstraint(['chapter_id'], ['chapter.id'], name=op.f('fk_amendment_chapter_id_chapter')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_amendment_party_id_party')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_amendment_section_id_section')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment'))
    )
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_amendment_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_amendment_section_id'), ['section_id'], unique=False)

    op.create_table('round_section',
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('section_id', sa.Uuid(), nullable=False),
    sa.Column('revision_id', sa.Uuid(), nullable=False),
    sa.Column('chapter_position', sa.Integer(), nullable=False),
    sa.Column('section_position', sa.Integer(), nullable=False),
    sa.Column('chapter_title', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['revision.id'], name=op.f('fk_round_section_revision_id_revision')),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_round_section_round_id_round')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_round_section_section_id_section')),
    sa.PrimaryKeyConstraint('round_id', 'section_id', name=op.f('pk_round_section'))
    )
    op.create_table('amendment_co_party',
    sa.Column('amendment_id', sa.Uuid(), nullable=False),
    sa.Column('party_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['amendment_id'], ['amendment.id'], name=op.f('fk_amendment_co_party_amendment_id_amendment')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_amendment_co_party_party_id_party')),
    sa.PrimaryKeyConstraint('amendment_id', 'party_id', name=op.f('pk_amendment_co_party'))
    )
    op.create_table('endorsement',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('party_id', sa.Uuid(), nullable=False),
    sa.Column('section_id', sa.Uuid(), nullable=True),
    sa.Column('revision_id', sa.Uuid(), nullable=True),
    sa.Column('amendment_id', sa.Uuid(), nullable=True),
    sa.Column('position', sa.Enum('support', 'oppose', 'abstain', name='position', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('minority_position', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('given_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(section_id IS NOT NULL AND revision_id IS NOT NULL AND amendment_id IS NULL) OR (section_id IS NULL AND revision_id IS NULL AND amendment_id IS NOT NULL)', name=op.f('ck_endorsement_one_target')),
    sa.ForeignKeyConstraint(['amendment_id'], ['amendment.id'], name=op.f('fk_endorsement_amendment_id_amendment')),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_endorsement_party_id_party')),
    sa.ForeignKeyConstraint(['revision_id'], ['revision.id'], name=op.f('fk_endorsement_revision_id_revision')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_endorsement_section_id_section')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_endorsement')),
    sa.UniqueConstraint('party_id', 'amendment_id', name='uq_endorsement_party_amendment'),
    sa.UniqueConstraint('party_id', 'section_id', name='uq_endorsement_party_section')
    )
    with op.batch_alter_table('endorsement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_endorsement_amendment_id'), ['amendment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_endorsement_section_id'), ['section_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_section_current_revision_id_revision'), type_='foreignkey')
    with op.batch_alter_table('endorsement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_endorsement_section_id'))
        batch_op.drop_index(batch_op.f('ix_endorsement_amendment_id'))

    op.drop_table('endorsement')
    op.drop_table('amendment_co_party')
    op.drop_table('round_section')
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_amendment_section_id'))
        batch_op.drop_index(batch_op.f('ix_amendment_party_id'))

    op.drop_table('amendment')
    op.drop_table('task_section')
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revision_section_id'))

    op.drop_table('revision')
    op.drop_table('task')
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_section_chapter_id'))

    op.drop_table('section')
    op.drop_table('round')
    op.drop_table('party')
    op.drop_table('chapter')
    op.drop_table('audit_event')
    op.drop_table('agreement')
