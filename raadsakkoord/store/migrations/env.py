"""Alembic environment: always run in-process by raadsakkoord.store.workspace with a live connection."""

from alembic import context

from raadsakkoord.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only alter tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
