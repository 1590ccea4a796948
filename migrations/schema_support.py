"""SQL building blocks shared by the revisions: the tenant policy, grants, roles.

Kept beside the revisions (and imported by them) so that every table gets the
same policy text; a revision must still read as plain SQL when printed.
"""

from __future__ import annotations

from alembic import op

APP_ROLE = "mirai_app"

# Compared directly so the planner treats it as a STABLE expression and can use it
# as an index condition. missing_ok=true makes a never-set tenant NULL; on a pooled
# connection where an earlier transaction set it, the value reverts to '' instead,
# hence nullif: either way no tenant matches nothing (and never errors).
TENANT_PREDICATE = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid"


def protect_tenant_table(table: str, *, privileges: str = "select, insert, update, delete", key: str = "tenant_id") -> None:
    """RLS enabled and forced, one policy for every command, and the app role's privileges."""
    predicate = TENANT_PREDICATE.replace("tenant_id", key, 1)
    op.execute(f"alter table {table} enable row level security")
    op.execute(f"alter table {table} force row level security")
    op.execute(f"create policy tenant_isolation on {table} using ({predicate}) with check ({predicate})")
    if privileges:
        op.execute(f"grant {privileges} on {table} to {APP_ROLE}")


def lock_system_table(table: str) -> None:
    """System data: RLS on with no policy, so only the owner (through SECURITY DEFINER functions) sees it."""
    op.execute(f"alter table {table} enable row level security")
    op.execute(f"alter table {table} force row level security")


def revoke_app(table: str) -> None:
    op.execute(f"revoke all on {table} from {APP_ROLE}")


def touch_trigger(table: str) -> None:
    """Keeps updated_at honest whatever code path writes the row."""
    op.execute(
        f"create trigger {table}_touch before update on {table} for each row execute function mirai_touch_updated_at()"
    )


def definer_function(signature: str, body: str) -> None:
    """A SECURITY DEFINER function callable by the app role only.

    ``signature`` is ``name(arg types...)`` as used in GRANT; ``body`` is the
    full CREATE FUNCTION statement. search_path is pinned so a caller cannot
    shadow a table or operator with objects of their own.
    """
    op.execute(body)
    op.execute(f"alter function {signature} owner to current_user")
    op.execute(f"revoke all on function {signature} from public")
    op.execute(f"grant execute on function {signature} to {APP_ROLE}")
