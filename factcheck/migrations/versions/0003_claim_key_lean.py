"""claim keys: drop the story and report foreign keys and the report index

Each report stores about a thousand keys. Their claim's foreign key already removes them
with their report or story, and the two extra constraints (and the report_id index, which
no query reads) made storing them cost more than matching the report.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 23:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_key_report_id"))
        batch_op.drop_constraint(batch_op.f("fk_claim_key_report_id_report"),
                                 type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_claim_key_story_id_story"),
                                 type_="foreignkey")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f("fk_claim_key_story_id_story"), "story",
                                    ["story_id"], ["id"], ondelete="CASCADE")
        batch_op.create_foreign_key(batch_op.f("fk_claim_key_report_id_report"), "report",
                                    ["report_id"], ["id"], ondelete="CASCADE")
        batch_op.create_index(batch_op.f("ix_claim_key_report_id"), ["report_id"],
                              unique=False)
