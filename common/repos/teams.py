"""Teams and their memberships.

Membership is read from here on every request that decides visibility (it is
never cached), so adding or removing a member takes effect at the next call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import folders, team_members, teams, users
from common.errors import AlreadyExists, Conflict, NotFound
from common.repos.base import TenantRepository
from common.repos.like import LIKE_ESCAPE, contains
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import VersionedRecord, to_record, violated_constraint


@dataclass(frozen=True)
class Team(VersionedRecord):
    id: uuid.UUID
    tenant_id: uuid.UUID
    company_id: uuid.UUID
    name: str
    description: str
    created_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class TeamMember:
    team_id: uuid.UUID
    user_id: uuid.UUID
    role: str
    joined_at: datetime


@dataclass(frozen=True)
class Membership:
    """A user's membership seen from the user: which team, by name, and the role in it."""

    team_id: uuid.UUID
    team_name: str
    role: str
    joined_at: datetime


@dataclass(frozen=True)
class MemberRow:
    """A membership with the user's columns a member list shows and searches."""

    team_id: uuid.UUID
    user_id: uuid.UUID
    role: str
    joined_at: datetime
    email: str
    first_name: str
    last_name: str
    avatar_object_key: str | None
    company_role: str


def _team_conditions(*, member_id: uuid.UUID | None, query: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if member_id is not None:
        where.append(teams.c.id.in_(select(team_members.c.team_id).where(team_members.c.user_id == member_id)))
    if query:
        where.append(teams.c.name.ilike(contains(query), escape=LIKE_ESCAPE))
    return where


def _member_conditions(team_id: uuid.UUID, *, role: str | None, query: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [team_members.c.team_id == team_id]
    if role is not None:
        where.append(team_members.c.role == role)
    if query:
        pattern = contains(query)
        full_name = users.c.first_name + " " + users.c.last_name
        where.append(or_(*(column.ilike(pattern, escape=LIKE_ESCAPE) for column in
                           (users.c.email, users.c.first_name, users.c.last_name, full_name))))
    return where


def _member_select() -> Any:
    return (select(team_members, users.c.email, users.c.first_name, users.c.last_name, users.c.avatar_object_key,
                   users.c.role.label("company_role"))
            .join(users, users.c.id == team_members.c.user_id))


class Teams(TenantRepository):
    # ``list`` is defined last: inside the class body the name would shadow the builtin in annotations.
    def add(self, *, company_id: uuid.UUID, name: str, description: str = "", created_by: uuid.UUID | None = None) -> Team:
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    insert(teams)
                    .values(tenant_id=self.tenant_id, company_id=company_id, name=name, description=description,
                            created_by=created_by)
                    .returning(*teams.c)
                ).one()
        except IntegrityError as err:
            if violated_constraint(err) == "teams_tenant_name_key":
                raise AlreadyExists("a team with this name already exists", field="name") from None
            raise
        return to_record(Team, row)

    def get(self, team_id: uuid.UUID) -> Team:
        row = self._session.execute(select(teams).where(teams.c.id == team_id)).first()
        if row is None:
            raise NotFound("team not found")
        return to_record(Team, row)

    def update(self, team_id: uuid.UUID, changes: dict[str, Any], *, expected_version: int | None = None) -> Team:
        stmt = update(teams).where(teams.c.id == team_id)
        if expected_version is not None:
            stmt = stmt.where(teams.c.version == expected_version)
        try:
            with self._session.begin_nested():
                row = self._session.execute(stmt.values(**changes, version=teams.c.version + 1).returning(*teams.c)).first()
        except IntegrityError as err:
            if violated_constraint(err) == "teams_tenant_name_key":
                raise AlreadyExists("a team with this name already exists", field="name") from None
            raise
        if row is None:
            self.get(team_id)
            raise Conflict("the team was changed by someone else; reload and retry")
        return to_record(Team, row)

    def delete(self, team_id: uuid.UUID) -> None:
        if self._session.execute(delete(teams).where(teams.c.id == team_id)).rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("team not found")

    def add_member(self, team_id: uuid.UUID, user_id: uuid.UUID, *, role: str = "member") -> TeamMember:
        try:
            with self._session.begin_nested():
                row = self._session.execute(
                    insert(team_members)
                    .values(tenant_id=self.tenant_id, team_id=team_id, user_id=user_id, role=role)
                    .returning(*team_members.c)
                ).one()
        except IntegrityError as err:
            if violated_constraint(err) == "team_members_pkey":
                raise AlreadyExists("already a member of this team", field="user_id") from None
            # A foreign key names a team or user this tenant cannot see.
            raise NotFound("team or user not found") from None
        return to_record(TeamMember, row)

    def remove_member(self, team_id: uuid.UUID, user_id: uuid.UUID) -> None:
        stmt = delete(team_members).where(team_members.c.team_id == team_id, team_members.c.user_id == user_id)
        if self._session.execute(stmt).rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("not a member of this team")

    def members(self, team_id: uuid.UUID) -> list[TeamMember]:
        stmt = select(team_members).where(team_members.c.team_id == team_id).order_by(team_members.c.joined_at)
        return [to_record(TeamMember, r) for r in self._session.execute(stmt)]

    def memberships_of(self, user_id: uuid.UUID) -> list[TeamMember]:
        stmt = select(team_members).where(team_members.c.user_id == user_id).order_by(team_members.c.team_id)
        return [to_record(TeamMember, r) for r in self._session.execute(stmt)]

    def teams_of(self, user_id: uuid.UUID) -> list[Membership]:
        stmt = (
            select(team_members.c.team_id, teams.c.name.label("team_name"), team_members.c.role, team_members.c.joined_at)
            .join(teams, teams.c.id == team_members.c.team_id)
            .where(team_members.c.user_id == user_id)
            .order_by(teams.c.name, teams.c.id)
        )
        return [to_record(Membership, r) for r in self._session.execute(stmt)]

    def member_count(self, team_id: uuid.UUID) -> int:
        stmt = select(func.count()).where(team_members.c.team_id == team_id)
        return int(self._session.execute(stmt).scalar_one())

    def lock(self, team_id: uuid.UUID) -> Team:
        """The team, its row locked until the transaction ends (serializes member changes and deletion)."""
        row = self._session.execute(select(teams).where(teams.c.id == team_id).with_for_update()).first()
        if row is None:
            raise NotFound("team not found")
        return to_record(Team, row)

    def member(self, team_id: uuid.UUID, user_id: uuid.UUID) -> TeamMember | None:
        row = self._session.execute(select(team_members).where(
            team_members.c.team_id == team_id, team_members.c.user_id == user_id)).first()
        return None if row is None else to_record(TeamMember, row)

    def set_member_role(self, team_id: uuid.UUID, user_id: uuid.UUID, role: str) -> TeamMember:
        row = self._session.execute(
            update(team_members).where(team_members.c.team_id == team_id, team_members.c.user_id == user_id)
            .values(role=role).returning(*team_members.c)
        ).first()
        if row is None:
            raise NotFound("not a member of this team", field="user_id")
        return to_record(TeamMember, row)

    def member_counts(self, team_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not team_ids:
            return {}
        stmt = (select(team_members.c.team_id, func.count()).where(team_members.c.team_id.in_(team_ids))
                .group_by(team_members.c.team_id))
        return {team_id: int(n) for team_id, n in self._session.execute(stmt)}

    def folder_counts(self, team_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        """Folders of each team's library, every depth (folders_tenant_team_idx)."""
        if not team_ids:
            return {}
        stmt = select(folders.c.team_id, func.count()).where(folders.c.team_id.in_(team_ids)).group_by(folders.c.team_id)
        return {team_id: int(n) for team_id, n in self._session.execute(stmt)}

    def member_row(self, team_id: uuid.UUID, user_id: uuid.UUID) -> MemberRow:
        row = self._session.execute(_member_select().where(
            team_members.c.team_id == team_id, team_members.c.user_id == user_id)).first()
        if row is None:
            raise NotFound("not a member of this team", field="user_id")
        return to_record(MemberRow, row)

    def member_page(self, team_id: uuid.UUID, *, role: str | None = None, query: str | None = None,
                    page_size: int = 0, page_token: str = "") -> Page[MemberRow]:
        """Members by join time (oldest first), keyset-paged on (joined_at, user_id)."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="joined", column=team_members.c.joined_at)
        stmt = _member_select().where(*_member_conditions(team_id, role=role, query=query))
        condition = after(cursor, column=team_members.c.joined_at, id_column=team_members.c.user_id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(team_members.c.joined_at, team_members.c.user_id, descending=False)).limit(size + 1)
        rows = [to_record(MemberRow, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="joined", key=lambda m: (m.joined_at, m.user_id))

    def count_members(self, team_id: uuid.UUID, *, role: str | None = None, query: str | None = None) -> int:
        stmt = (select(func.count()).select_from(team_members.join(users, users.c.id == team_members.c.user_id))
                .where(*_member_conditions(team_id, role=role, query=query)))
        return int(self._session.execute(stmt).scalar_one())

    def count(self, *, member_id: uuid.UUID | None = None, query: str | None = None) -> int:
        stmt = select(func.count()).select_from(teams).where(*_team_conditions(member_id=member_id, query=query))
        return int(self._session.execute(stmt).scalar_one())

    def list(self, *, page_size: int = 0, page_token: str = "", member_id: uuid.UUID | None = None,
             query: str | None = None) -> Page[Team]:
        """By name; ``member_id`` limits to that user's teams, ``query`` matches the name (case-insensitive)."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=teams.c.name)
        stmt = select(teams).where(*_team_conditions(member_id=member_id, query=query))
        condition = after(cursor, column=teams.c.name, id_column=teams.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(teams.c.name, teams.c.id, descending=False)).limit(size + 1)
        rows = [to_record(Team, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda t: (t.name, t.id))
