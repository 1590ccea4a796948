"""The few user columns a screen shows next to something a user did (UserSummary)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from common.db.tables import users
from common.repos.base import TenantRepository
from common.repos.rows import to_record


@dataclass(frozen=True)
class UserSummaryRow:
    id: uuid.UUID
    email: str
    first_name: str
    last_name: str
    avatar_object_key: str | None


class UserSummaries(TenantRepository):
    def by_ids(self, user_ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, UserSummaryRow]:
        """One query for a page of rows; ids of users that no longer exist are absent."""
        wanted = {u for u in user_ids if u is not None}
        if not wanted:
            return {}
        stmt = select(users.c.id, users.c.email, users.c.first_name, users.c.last_name, users.c.avatar_object_key).where(
            users.c.id.in_(wanted)
        )
        return {row.id: to_record(UserSummaryRow, row) for row in self._session.execute(stmt)}
