"""Daily prompts: when each learner's next prompt is due.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("learners") as batch:
        batch.add_column(sa.Column("next_prompt_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f("ix_learners_next_prompt_at"), ["next_prompt_at"])


def downgrade() -> None:
    with op.batch_alter_table("learners") as batch:
        batch.drop_index(batch.f("ix_learners_next_prompt_at"))
        batch.drop_column("next_prompt_at")
