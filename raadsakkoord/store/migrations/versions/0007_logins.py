"""People log in: group roles per workspace, and row-level security that keeps each party to its own rows.

On PostgreSQL the workspace gets group roles named after its database: the
griffie, one per party (each a member of the common parties group), and the
readers. A person's own login is put into one of them (``raadsakkoord db
add-user``). Privileges say which tables a group may write; row-level
security says which rows: a party's own amendments, endorsements, task
proposals, drafts and co-submission answers. The audit log is append-only for
everyone, the owner too (a trigger), and every event must name the login
that writes it.

The owner who runs this migration needs the right to create roles
(CREATEROLE): adding a party later creates that party's group, through a
function that runs with the owner's rights. On SQLite only the (empty)
``login_group`` table is made.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# What only the owner may touch: the schema's version and the groups themselves.
OWNER_ONLY = ("alembic_version", "login_group")
# The griffie may only append to these, like everyone who writes: the audit
# log, and the texts and round snapshots that are immutable by design.
APPEND_ONLY = ("audit_event", "audit_anchor")
IMMUTABLE = ("revision", "round_section")
# What a party's members write, each row checked by a policy below.
PARTY_TABLES = ("amendment", "endorsement", "co_submission", "task", "task_section", "autosave")

FUNCTIONS = """
CREATE FUNCTION raadsakkoord_role_prefix() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(coalesce(nullif(trim(both '_' FROM lower(regexp_replace(current_database(), '[^A-Za-z0-9]+', '_', 'g'))), ''), 'raadsakkoord'), 40)
$$;

CREATE FUNCTION raadsakkoord_make_group(role_name text, kind text, party uuid) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
  END IF;
  IF kind = 'party' THEN
    EXECUTE format('GRANT %I TO %I', raadsakkoord_role_prefix() || '_fracties', role_name);
  END IF;
  INSERT INTO login_group (role_name, kind, party_id) VALUES (role_name, kind, party);
END $$;

CREATE FUNCTION raadsakkoord_add_party_group(party uuid, short_name text) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  base text := raadsakkoord_role_prefix() || '_fractie_' || left(coalesce(nullif(trim(both '_' FROM
    lower(regexp_replace(short_name, '[^A-Za-z0-9]+', '_', 'g'))), ''), 'x'), 16);
  candidate text := base;
  n int := 1;
BEGIN
  WHILE EXISTS (SELECT 1 FROM login_group WHERE role_name = candidate) LOOP
    n := n + 1;
    candidate := base || '_' || n;
  END LOOP;
  PERFORM raadsakkoord_make_group(candidate, 'party', party);
END $$;

-- Runs with the owner's rights: the griffie adds a party, the owner's function makes its group.
CREATE FUNCTION raadsakkoord_party_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM raadsakkoord_add_party_group(NEW.id, NEW.short_name);
  RETURN NEW;
END $$;

CREATE TRIGGER party_login_group AFTER INSERT ON party
  FOR EACH ROW EXECUTE FUNCTION raadsakkoord_party_added();

-- The party whose group the logged-in person is in (NULL for the griffie, a reader, the owner).
-- Membership is read from pg_auth_members itself: a superuser counts as a
-- member of every role for pg_has_role, but belongs to no party.
CREATE FUNCTION raadsakkoord_own_party() RETURNS uuid LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT g.party_id FROM login_group g
    JOIN pg_roles r ON r.rolname = g.role_name
    JOIN pg_auth_members m ON m.roleid = r.oid
   WHERE g.kind = 'party' AND m.member = (SELECT oid FROM pg_roles WHERE rolname = session_user)
   LIMIT 1
$$;

CREATE FUNCTION raadsakkoord_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: its events cannot be changed or removed'
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION raadsakkoord_refuse_audit_change();
CREATE TRIGGER audit_event_never_emptied BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION raadsakkoord_refuse_audit_change();
"""

OWN = "(SELECT raadsakkoord_own_party())"
POLICIES = f"""
CREATE POLICY amendment_party ON amendment TO {{parties}}
  USING (party_id = {OWN} AND status IN ('draft', 'submitted'))
  WITH CHECK (party_id = {OWN} AND status IN ('draft', 'submitted', 'withdrawn')
              AND decided_at IS NULL AND decided_by = '');
CREATE POLICY endorsement_party ON endorsement TO {{parties}}
  USING (party_id = {OWN}) WITH CHECK (party_id = {OWN});
CREATE POLICY co_submission_request ON co_submission TO {{parties}}
  USING (EXISTS (SELECT 1 FROM amendment a WHERE a.id = amendment_id AND a.party_id = {OWN}))
  WITH CHECK (EXISTS (SELECT 1 FROM amendment a WHERE a.id = amendment_id AND a.party_id = {OWN}));
CREATE POLICY co_submission_answer ON co_submission FOR UPDATE TO {{parties}}
  USING (party_id = {OWN}) WITH CHECK (party_id = {OWN});
CREATE POLICY task_party ON task TO {{parties}}
  USING (proposed_by_party_id = {OWN} AND status = 'proposed')
  WITH CHECK (proposed_by_party_id = {OWN} AND status = 'proposed');
CREATE POLICY task_section_party ON task_section TO {{parties}}
  USING (EXISTS (SELECT 1 FROM task t WHERE t.id = task_id AND t.proposed_by_party_id = {OWN}))
  WITH CHECK (EXISTS (SELECT 1 FROM task t WHERE t.id = task_id AND t.proposed_by_party_id = {OWN}));
CREATE POLICY autosave_own ON autosave TO {{griffie}}, {{parties}}
  USING (owner = coalesce('party:' || {OWN}::text, 'griffie'))
  WITH CHECK (owner = coalesce('party:' || {OWN}::text, 'griffie'));
CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (true);
CREATE POLICY audit_event_append ON audit_event FOR INSERT TO {{griffie}}, {{parties}}
  WITH CHECK (actor = session_user AND party_id IS NOT DISTINCT FROM {OWN});
"""


def _quote(connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def upgrade() -> None:
    op.create_table(
        "login_group",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_login_group_party_id_party")),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_login_group")),
        sa.UniqueConstraint("party_id", name=op.f("uq_login_group_party_id")),
    )
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(FUNCTIONS.replace("%", "%%"))  # the driver reads % as its placeholders
    prefix = connection.exec_driver_sql("SELECT raadsakkoord_role_prefix()").scalar_one()
    groups = {kind: f"{prefix}_{suffix}" for kind, suffix in
              (("griffie", "griffie"), ("parties", "fracties"), ("reader", "lezer"))}
    for kind, name in groups.items():
        connection.execute(sa.text("SELECT raadsakkoord_make_group(:name, :kind, NULL)"),
                           {"name": name, "kind": kind})
    for party in connection.execute(sa.text("SELECT id, short_name FROM party")).all():
        connection.execute(sa.text("SELECT raadsakkoord_add_party_group(:id, :short)"),
                           {"id": party.id, "short": party.short_name})
    q = {kind: _quote(connection, name) for kind, name in groups.items()}
    everyone = f"{q['griffie']}, {q['parties']}, {q['reader']}"
    tables = [t for t in sa.inspect(connection).get_table_names() if t != "alembic_version"]
    statements = [f"GRANT SELECT ON {_quote(connection, t)} TO {everyone}" for t in tables]
    # Anyone may read which schema this is and who is in which group, so that
    # a login in none of the groups is told so, not refused by a table.
    statements.append("GRANT SELECT ON alembic_version, login_group TO PUBLIC")
    for table in tables:
        if table in OWNER_ONLY:
            continue
        if table in (*APPEND_ONLY, *IMMUTABLE):
            rights = "INSERT"
        elif table == "audit_head":  # moved with every append, never removed
            rights = "INSERT, UPDATE"
        else:
            rights = "INSERT, UPDATE, DELETE"
        statements.append(f"GRANT {rights} ON {_quote(connection, table)} TO {q['griffie']}")
    for table in (*PARTY_TABLES, *APPEND_ONLY):
        rights = "INSERT" if table in APPEND_ONLY else "INSERT, UPDATE, DELETE"
        statements.append(f"GRANT {rights} ON {_quote(connection, table)} TO {q['parties']}")
    statements.append(f"GRANT INSERT, UPDATE ON audit_head TO {q['parties']}")
    schema = _quote(connection, connection.exec_driver_sql("SELECT current_schema()").scalar_one())
    statements.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {q['griffie']}, {q['parties']}")
    for table in (*PARTY_TABLES, "audit_event"):
        statements.append(f"ALTER TABLE {_quote(connection, table)} ENABLE ROW LEVEL SECURITY")
        if table != "audit_event":
            if table != "autosave":
                statements.append(f"CREATE POLICY {table}_read ON {_quote(connection, table)} FOR SELECT USING (true)")
            statements.append(f"CREATE POLICY {table}_griffie ON {_quote(connection, table)} TO {q['griffie']} "
                              "USING (true) WITH CHECK (true)")
    for statement in statements:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(POLICIES.format(griffie=q["griffie"], parties=q["parties"]))


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("""
            DROP TRIGGER party_login_group ON party;
            DROP TRIGGER audit_event_append_only ON audit_event;
            DROP TRIGGER audit_event_never_emptied ON audit_event;
            DROP FUNCTION raadsakkoord_party_added(), raadsakkoord_refuse_audit_change(),
                          raadsakkoord_add_party_group(uuid, text), raadsakkoord_make_group(text, text, uuid),
                          raadsakkoord_role_prefix();
        """)
        for table in (*PARTY_TABLES, "audit_event"):
            for policy in connection.exec_driver_sql(
                    f"SELECT policyname FROM pg_policies WHERE tablename = '{table}'").scalars().all():
                connection.exec_driver_sql(f"DROP POLICY {_quote(connection, policy)} ON {_quote(connection, table)}")
            connection.exec_driver_sql(f"ALTER TABLE {_quote(connection, table)} DISABLE ROW LEVEL SECURITY")
        connection.exec_driver_sql("DROP FUNCTION raadsakkoord_own_party()")
    # The group roles stay: roles belong to the server, and people may still be in them.
    op.drop_table("login_group")
