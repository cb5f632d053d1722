"""A party that withdraws its amendment lets the open subamendments of other parties on it lapse.

Row-level security keeps each party to its own rows, so on PostgreSQL the
lapse runs in a function with the owner's rights. It does only that: the
amendment must be withdrawn and be the calling party's own (or the caller is
the griffie), and it sets nothing but the status and the note of the
subamendments still open. On SQLite there is nothing to make.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE FUNCTION raadsakkoord_lapse_subamendments(withdrawn uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  label text;
  lapsed integer;
BEGIN
  SELECT 'A' || a.number INTO label FROM amendment a
   WHERE a.id = withdrawn AND a.parent_id IS NULL AND a.status = 'withdrawn'
     AND (raadsakkoord_own_party() IS NULL OR a.party_id = raadsakkoord_own_party());
  IF NOT FOUND THEN
    RAISE EXCEPTION 'only the withdrawing party or the griffie lets its subamendments lapse'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE amendment SET status = 'superseded', version = version + 1,
         decision_note = 'Vervallen: amendement ' || coalesce(label, '') || ' is ingetrokken.'
   WHERE parent_id = withdrawn AND status IN ('draft', 'submitted');
  GET DIAGNOSTICS lapsed = ROW_COUNT;
  RETURN lapsed;
END $$;
"""


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(FUNCTION.replace("%", "%%"))


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("DROP FUNCTION raadsakkoord_lapse_subamendments(uuid)")
