"""The company users a team change names: they must exist in the tenant and be active."""

from __future__ import annotations

import uuid
from typing import Any

from common.errors import FailedPrecondition, NotFound


def require_active_user(uow: Any, user_id: uuid.UUID, *, field: str) -> None:
    try:
        user = uow.users.get(user_id)
    except NotFound:
        raise NotFound("user not found", field=field) from None
    if user.status != "active":
        raise FailedPrecondition("the user is disabled; enable them first", field=field)
