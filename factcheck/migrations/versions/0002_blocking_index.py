"""blocking index: claim keys, report word counts, story blocking version

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "claim_key",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=1), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"],
                                name=op.f("fk_claim_key_claim_id_claim"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"],
                                name=op.f("fk_claim_key_report_id_report"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["story_id"], ["story.id"],
                                name=op.f("fk_claim_key_story_id_story"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id", "role", "key", name=op.f("pk_claim_key")),
    )
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.create_index("ix_claim_key_lookup", ["story_id", "role", "key"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_key_report_id"), ["report_id"], unique=False)
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terms", sa.JSON(), nullable=True))
    # Existing stories get version 0: their keys are built before their next report is added.
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.add_column(sa.Column("blocking_version", sa.Integer(), server_default="0",
                                      nullable=False))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_column("blocking_version")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("terms")
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_key_report_id"))
        batch_op.drop_index("ix_claim_key_lookup")
    op.drop_table("claim_key")
