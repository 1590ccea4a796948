"""ListUsers sorted by name: a tenant-led index on the name key (email and creation time
have theirs already).

No trigram index for the name-or-email search: under row-level security the planner
uses an index only for leakproof operators, and LIKE is not one, so such an index would
never serve a tenant session. The search filters the caller's tenant's range of a
tenant-led index instead (one company's users, at most a plan's seats and their
disabled colleagues).

Revision ID: 0016_user_search
Revises: 0013_subscription_state
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0016_user_search"
down_revision = "0013_subscription_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The expression must stay identical to common/repos/users.py NAME_KEY, or the planner cannot use it.
    op.execute("create index users_tenant_sort_name_idx on users (tenant_id, (lower(last_name || ' ' || first_name)), id)")


def downgrade() -> None:
    op.execute("drop index if exists users_tenant_sort_name_idx")
