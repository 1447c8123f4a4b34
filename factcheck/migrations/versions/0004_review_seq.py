"""reviews: a per-story review counter, and the count each pair's last review made

Pages of a story under review read its reviews on every request. With the counter they
read only the pairs reviewed since the count they kept, not every review again: a story
with thousands of reviews no longer costs more to show than one with none.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_seq", sa.Integer(), server_default="0",
                                      nullable=False))
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_seq", sa.Integer(), server_default="0",
                                      nullable=False))
        batch_op.create_index("ix_pair_story_review_seq", ["story_id", "review_seq"],
                              unique=False)
    # Pairs reviewed before the counter existed count as its first step.
    op.execute("UPDATE pair SET review_seq = 1 WHERE version > 1 OR status <> 'unreviewed'")
    op.execute("UPDATE story SET review_seq = 1 WHERE id IN "
               "(SELECT story_id FROM pair WHERE review_seq = 1)")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pair", schema=None) as batch_op:
        batch_op.drop_index("ix_pair_story_review_seq")
        batch_op.drop_column("review_seq")
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_column("review_seq")
