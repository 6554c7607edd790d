"""Each article's word count, for technique rates per 1,000 words on outlet profiles.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newsprobe.store.rows import word_count

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    # Added with a default so existing rows stay valid, then counted from the stored text in Python: the same
    # function the writer uses, so migrated and new rows agree.
    op.add_column("articles", sa.Column("word_count", sa.Integer(), nullable=False, server_default="0"))
    bind = op.get_bind()
    articles = sa.table("articles", sa.column("id"), sa.column("text"), sa.column("word_count"))
    ids = list(bind.execute(sa.select(articles.c.id)).scalars())
    update = sa.update(articles).where(articles.c.id == sa.bindparam("key")).values(word_count=sa.bindparam("n"))
    for start in range(0, len(ids), _BATCH):
        rows = bind.execute(sa.select(articles.c.id, articles.c.text).where(
            articles.c.id.in_(ids[start:start + _BATCH])))
        bind.execute(update, [{"key": key, "n": word_count(body)} for key, body in rows])
