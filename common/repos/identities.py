"""Identity → user lookup, before any tenant is known (SECURITY DEFINER function)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class IdentityUser:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    role: str
    status: str
    email: str
    subscription_status: str


class Identities:
    def __init__(self, session: Session) -> None:
        self._session = session

    def find_user(self, kratos_id: str) -> IdentityUser | None:
        row = self._session.execute(
            text("select user_id, tenant_id, role, status, email, subscription_status"
                 " from mirai_find_user_by_identity(:kratos_id)"),
            {"kratos_id": kratos_id},
        ).first()
        return IdentityUser(**row._mapping) if row else None
