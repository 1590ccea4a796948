"""Teams and their memberships."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from common.db.tables import team_members, teams
from common.errors import AlreadyExists, Conflict, NotFound
from common.repos.base import TenantRepository
from common.repos.pagination import Page, after, clamp_page_size, decode_token, order_by, page_of
from common.repos.rows import to_record, violated_constraint


@dataclass(frozen=True)
class Team:
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

    def list(self, *, page_size: int = 0, page_token: str = "", member_id: uuid.UUID | None = None) -> Page[Team]:
        """By name; ``member_id`` limits to that user's teams."""
        size = clamp_page_size(page_size)
        cursor = decode_token(page_token, sort="name", column=teams.c.name)
        stmt = select(teams)
        if member_id is not None:
            stmt = stmt.where(teams.c.id.in_(select(team_members.c.team_id).where(team_members.c.user_id == member_id)))
        condition = after(cursor, column=teams.c.name, id_column=teams.c.id, descending=False)
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(*order_by(teams.c.name, teams.c.id, descending=False)).limit(size + 1)
        rows = [to_record(Team, r) for r in self._session.execute(stmt)]
        return page_of(rows, size=size, sort="name", key=lambda t: (t.name, t.id))
