"""reports: one index answers a story's state without reading the report rows

Every page view asks how many reports a story has, the newest one's id and its creation
time (``stories.story_state``). On ``(story_id)`` alone that reads every report row of the
story, texts and word counts included; on ``(story_id, id, created_at)`` it is an
index-only scan of a page or two. The new index also serves everything the old one did.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 03:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.create_index("ix_report_story_state", ["story_id", "id", "created_at"],
                              unique=False)
        batch_op.drop_index("ix_report_story_id")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.create_index("ix_report_story_id", ["story_id"], unique=False)
        batch_op.drop_index("ix_report_story_state")
