"""Teams and members as proto messages."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import common_pb2, team_pb2
from common.repos.teams import MemberRow, Team
from common.repos.user_summaries import UserSummaryRow
from functions.user.messages import ROLES, TEAM_ROLES, timestamp
from functions.user_summary import user_summary


def team_message(team: Team, *, member_count: int, folder_count: int) -> common_pb2.Team:
    return common_pb2.Team(
        id=str(team.id), company_id=str(team.company_id), name=team.name, description=team.description,
        member_count=member_count, folder_count=folder_count, created_at=timestamp(team.created_at),
        updated_at=timestamp(team.updated_at), etag=team.etag,
    )


def described_team(uow: Any, team: Team) -> common_pb2.Team:
    """One team with its counts (two small indexed queries)."""
    return team_message(team, member_count=uow.teams.member_counts([team.id]).get(team.id, 0),
                        folder_count=uow.teams.folder_counts([team.id]).get(team.id, 0))


def member_message(row: MemberRow, *, storage: Any) -> team_pb2.TeamMember:
    person = UserSummaryRow(id=row.user_id, email=row.email, first_name=row.first_name, last_name=row.last_name,
                            avatar_object_key=row.avatar_object_key)
    return team_pb2.TeamMember(
        team_id=str(row.team_id), user=user_summary(row.user_id, {row.user_id: person}, storage=storage),
        role=TEAM_ROLES[row.role], company_role=ROLES[row.company_role], joined_at=timestamp(row.joined_at),
    )
