"""Users of the tenant's company."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Text, func, insert, literal, literal_column, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import team_members, users
from common.errors import AlreadyExists, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record, violated_constraint

_PROFILE_FIELDS = frozenset({"first_name", "last_name", "avatar_object_key", "locale", "timezone"})


# NAME_KEY is indexed exactly so (migration 0016_user_search); SEARCH_TEXT filters one tenant's range.
# The separator is SQL text, not a parameter: "first_name || $1 || ..." is not the indexed expression.
_SPACE = literal_column("' '", Text())
SEARCH_TEXT = func.lower(users.c.first_name.concat(_SPACE).concat(users.c.last_name).concat(_SPACE).concat(users.c.email),
                         type_=Text())
NAME_KEY = func.lower(users.c.last_name.concat(_SPACE).concat(users.c.first_name), type_=Text())
# Never-signed-in users sort as the oldest sign-in.
_LAST_LOGIN_KEY = func.coalesce(users.c.last_login_at, literal(datetime(1970, 1, 1, tzinfo=UTC), type_=users.c.last_login_at.type))
SORT_KEYS: dict[str, Any] = {"name": NAME_KEY, "email": users.c.email, "created": users.c.created_at,
                             "last_login": _LAST_LOGIN_KEY}


@dataclass(frozen=True)
class UserFilter:
    query: str = ""  # lower-cased substring of name or email
    role: str | None = None
    status: str | None = None
    team_id: uuid.UUID | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.query:
            escaped = self.query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            found.append(SEARCH_TEXT.like(f"%{escaped}%", escape="\\"))
        if self.role is not None:
            found.append(users.c.role == self.role)
        if self.status is not None:
            found.append(users.c.status == self.status)
        if self.team_id is not None:
            found.append(users.c.id.in_(select(team_members.c.user_id).where(team_members.c.team_id == self.team_id)))
        return found


@dataclass(frozen=True)
class User:
    id: uuid.UUID
    tenant_id: uuid.UUID
    company_id: uuid.UUID
    kratos_id: str | None
    email: str
    first_name: str
    last_name: str
    avatar_object_key: str | None
    role: str
    status: str
    locale: str
    timezone: str
    created_at: datetime
    updated_at: datetime
    last_login_at: datetime | None
    disabled_at: datetime | None


class Users(TenantRepository):
    def get(self, user_id: uuid.UUID) -> User:
        row = self._session.execute(select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise NotFound("user not found")
        return to_record(User, row)

    def add(self, *, company_id: uuid.UUID, email: str, role: str, kratos_id: str | None = None,
            first_name: str = "", last_name: str = "", locale: str = "en-US") -> User:
        values = {
            "tenant_id": self.tenant_id, "company_id": company_id, "kratos_id": kratos_id,
            "email": email.strip().lower(), "role": role, "first_name": first_name, "last_name": last_name,
            "locale": locale,
        }
        try:
            with self._session.begin_nested():
                row = self._session.execute(insert(users).values(**values).returning(*users.c)).one()
        except IntegrityError as err:
            if violated_constraint(err) in ("users_tenant_email_key", "users_kratos_id_key"):
                raise AlreadyExists("a user with this email already exists", field="email") from None
            raise
        return to_record(User, row)

    def update_profile(self, user_id: uuid.UUID, changes: dict[str, Any]) -> User:
        unknown = set(changes) - _PROFILE_FIELDS
        if unknown:
            raise ValueError(f"not profile fields: {sorted(unknown)}")
        return self._update(user_id, changes)

    def set_role(self, user_id: uuid.UUID, role: str) -> User:
        return self._update(user_id, {"role": role})

    def disable(self, user_id: uuid.UUID) -> User:
        return self._update(user_id, {"status": "disabled", "disabled_at": func.now()})

    def enable(self, user_id: uuid.UUID) -> User:
        return self._update(user_id, {"status": "active", "disabled_at": None})

    def active_owners(self) -> list[User]:
        rows = self._session.execute(
            select(users).where(users.c.role == "owner", users.c.status == "active").order_by(users.c.created_at)
        )
        return [to_record(User, r) for r in rows]

    def count_active(self) -> int:
        return int(self._session.execute(select(func.count()).where(users.c.status == "active")).scalar_one())

    def count_disabled(self) -> int:
        return int(self._session.execute(select(func.count()).where(users.c.status == "disabled")).scalar_one())

    def search(self, where: UserFilter, *, sort: str, descending: bool, page_size: int = 0,
               page_token: str = "") -> tuple[Page[User], int]:
        """One page of the users matching ``where`` in (sort key, id) order, and how many match in all."""
        size = clamp_page_size(page_size)
        key = SORT_KEYS[sort]
        cursor = decode_token(page_token, sort=sort, column=key)
        conditions = where.conditions()
        stmt = select(users, key.label("sort_key")).where(*conditions)
        condition = after(cursor, column=key, id_column=users.c.id, descending=descending)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(key, users.c.id, descending=descending)).limit(size + 1)
        rows = list(self._session.execute(stmt))
        keyed = {r.id: r.sort_key for r in rows}
        page = page_of([to_record(User, r) for r in rows], size=size, sort=sort, key=lambda u: (keyed[u.id], u.id))
        total = self._session.execute(select(func.count()).select_from(users).where(*conditions)).scalar_one()
        return page, int(total)

    def list(self, *, page_size: int = 0, page_token: str = "", include_disabled: bool = False) -> Page[User]:
        """Newest first; served by users_tenant_created_idx."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="created", column=users.c.created_at)
        stmt = select(users)
        if not include_disabled:
            stmt = stmt.where(users.c.status == "active")
        condition = after(cursor, column=users.c.created_at, id_column=users.c.id, descending=True)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(users.c.created_at, users.c.id, descending=True)).limit(size + 1)
        rows = [to_record(User, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="created", key=lambda u: (u.created_at, u.id))

    def _update(self, user_id: uuid.UUID, values: dict[str, Any]) -> User:
        row = self._session.execute(update(users).where(users.c.id == user_id).values(**values).returning(*users.c)).first()
        if row is None:
            raise NotFound("user not found")
        return to_record(User, row)

    def summaries(self, user_ids: Sequence[uuid.UUID | None]) -> dict[uuid.UUID, User]:
        """The users among ``user_ids`` (missing ones are simply absent), for ``UserSummary`` fields."""
        wanted = sorted({u for u in user_ids if u is not None})
        if not wanted:
            return {}
        rows = self._session.execute(select(users).where(users.c.id.in_(wanted)))
        return {r.id: to_record(User, r) for r in rows}
