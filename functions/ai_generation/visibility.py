"""Who sees and changes outlines and jobs before a course exists: their creator and
the tenant's owners/admins (RLS already keeps every other tenant out). A row the
caller may not see answers ``not_found``, exactly like a row of another tenant."""

from __future__ import annotations

import uuid

from common.errors import NotFound
from common.rpc.context import Principal

MANAGERS = frozenset({"owner", "admin"})


def is_manager(principal: Principal) -> bool:
    return principal.role in MANAGERS


def visible_to(principal: Principal, created_by: uuid.UUID | None) -> bool:
    return is_manager(principal) or created_by == principal.user_id


def require_visible(principal: Principal, created_by: uuid.UUID | None, *, what: str, field: str) -> None:
    if not visible_to(principal, created_by):
        raise NotFound(f"{what} not found", field=field)


def creator_filter(principal: Principal, *, created_by_me: bool = False) -> uuid.UUID | None:
    """The ``created_by`` a list must be limited to (None: every row of the tenant)."""
    return principal.user_id if created_by_me or not is_manager(principal) else None
