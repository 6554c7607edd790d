"""Alembic environment: `newsprobe.store.migrate` hands over an open connection."""

from __future__ import annotations

from alembic import context

from newsprobe.store.engine import include_object
from newsprobe.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
