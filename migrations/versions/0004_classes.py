"""Teachers and classes: classes with invitation codes, their members, weekly report times.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Every foreign key to learners cascades, so deleting a learner (/forgetme) removes their
memberships, and a teacher's classes with them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def learner_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["learner_id"],
        ["learners.id"],
        name=op.f(f"fk_{table}_learner_id_learners"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "teachers",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("report_weekday", sa.Integer(), nullable=True),
        sa.Column("report_time", sa.Time(), nullable=True),
        sa.Column("next_report_at", sa.DateTime(timezone=True), nullable=True),
        learner_fk("teachers"),
        sa.PrimaryKeyConstraint("learner_id", name=op.f("pk_teachers")),
    )
    op.create_index(op.f("ix_teachers_next_report_at"), "teachers", ["next_report_at"])
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("invite_code", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["learners.id"],
            name=op.f("fk_classes_teacher_id_learners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classes")),
        sa.UniqueConstraint("invite_code", name=op.f("uq_classes_invite_code")),
    )
    op.create_index(op.f("ix_classes_teacher_id"), "classes", ["teacher_id"])
    op.create_table(
        "class_members",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["classes.id"],
            name=op.f("fk_class_members_class_id_classes"),
            ondelete="CASCADE",
        ),
        learner_fk("class_members"),
        sa.PrimaryKeyConstraint("class_id", "learner_id", name=op.f("pk_class_members")),
    )
    op.create_index("ix_class_members_learner", "class_members", ["learner_id"])


def downgrade() -> None:
    op.drop_table("class_members")  # its indexes go with it
    op.drop_table("classes")
    op.drop_table("teachers")
