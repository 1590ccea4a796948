"""Teams end to end: real Connect calls to the local runner, authenticated through the
Kratos fake. A team's lead builds the team's library; a company member outside the team
never sees it; a removed member and a member who leaves lose it at their next call; a
member calling an admin RPC is refused; another tenant learns nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from connectrpc.code import Code

from common.db import Database
from common.gen.mirai.v1 import common_pb2, course_connect, course_pb2, team_connect
from common.gen.mirai.v1 import team_pb2 as pb
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Actor, Tenant, make_tenant
from tests.support.rpc_errors import fails
from tests.support.team_actors import add_user

pytestmark = pytest.mark.e2e


class As:
    """The course and team clients with one person's session on every call."""

    def __init__(self, runner_url: str, actor: Actor) -> None:
        self.teams = _Signed(team_connect.TeamServiceClientSync(runner_url), actor.token)
        self.courses = _Signed(course_connect.CourseServiceClientSync(runner_url), actor.token)
        self.user_id = str(actor.principal.user_id)


class _Signed:
    def __init__(self, client: Any, token: str) -> None:
        self._client, self._headers = client, {"Authorization": f"Bearer {token}"}

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._client, name)
        return lambda request: method(request, headers=self._headers)


def _code(action: Any) -> Code:
    return fails(action).code


@pytest.fixture(scope="module")
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)


def test_a_team_library_is_its_members_only(runner_url: str, tenant: Tenant, owner_db: Database,
                                            kratos: FakeKratos) -> None:
    owner = As(runner_url, tenant.owner)
    lead = As(runner_url, add_user(owner_db, kratos, tenant, "lena"))
    member = As(runner_url, add_user(owner_db, kratos, tenant, "max"))
    colleague = As(runner_url, add_user(owner_db, kratos, tenant, "olga"))  # in the company, not in the team

    team = owner.teams.create_team(pb.CreateTeamRequest(name=f"Product {uuid.uuid4().hex[:6]}",
                                                        lead_user_ids=[lead.user_id],
                                                        member_user_ids=[member.user_id])).team
    folder = lead.courses.create_folder(course_pb2.CreateFolderRequest(name="Roadmap", team_id=team.id)).folder
    course = lead.courses.create_course(course_pb2.CreateCourseRequest(title="Team secrets", folder_id=folder.id)).course
    assert course.team_id == team.id

    get = course_pb2.GetCourseRequest(course_id=course.id)
    assert member.courses.get_course(get).course.id == course.id
    assert _code(lambda: colleague.courses.get_course(get)) == Code.NOT_FOUND
    assert course.id not in [c.id for c in colleague.courses.list_courses(course_pb2.ListCoursesRequest()).courses]
    assert _code(lambda: colleague.teams.get_team(pb.GetTeamRequest(team_id=team.id))) == Code.NOT_FOUND
    assert _code(lambda: colleague.teams.list_team_folders(pb.ListTeamFoldersRequest(team_id=team.id))) == Code.NOT_FOUND
    listed = member.teams.list_team_folders(pb.ListTeamFoldersRequest(team_id=team.id)).folders
    assert [f.id for f in listed] == [folder.id]

    # The lead removes the member: gone at the next call.
    lead.teams.remove_team_member(pb.RemoveTeamMemberRequest(team_id=team.id, user_id=member.user_id))
    assert _code(lambda: member.courses.get_course(get)) == Code.NOT_FOUND
    assert _code(lambda: member.teams.get_team(pb.GetTeamRequest(team_id=team.id))) == Code.NOT_FOUND

    # The lead adds the colleague, who sees the course, then leaves and does not.
    lead.teams.add_team_member(pb.AddTeamMemberRequest(team_id=team.id, user_id=colleague.user_id))
    assert colleague.courses.get_course(get).course.id == course.id
    left = colleague.teams.remove_team_member(pb.RemoveTeamMemberRequest(team_id=team.id, user_id=colleague.user_id))
    assert left.team.member_count == 1
    assert _code(lambda: colleague.courses.get_course(get)) == Code.NOT_FOUND

    # Deleting the team hands its library to the company.
    moved = owner.teams.delete_team(pb.DeleteTeamRequest(team_id=team.id)).moved_folder_count
    assert moved == 1
    assert colleague.courses.get_course(get).course.team_id == ""


def test_members_are_refused_admin_rpcs_and_bad_requests_are_named(runner_url: str, tenant: Tenant) -> None:
    lead = As(runner_url, tenant.lead)  # leads the seeded team, a plain member of the company
    team_id = str(tenant.ids["team"])
    assert _code(lambda: lead.teams.create_team(pb.CreateTeamRequest(name="Mine"))) == Code.PERMISSION_DENIED
    assert _code(lambda: lead.teams.delete_team(pb.DeleteTeamRequest(team_id=team_id))) == Code.PERMISSION_DENIED
    owner = As(runner_url, tenant.owner)
    for action in (
        lambda: owner.teams.create_team(pb.CreateTeamRequest()),
        lambda: owner.teams.get_team(pb.GetTeamRequest()),
        lambda: owner.teams.update_team(pb.UpdateTeamRequest(team_id="not-an-id")),
        lambda: owner.teams.add_team_member(pb.AddTeamMemberRequest(team_id=team_id)),
        lambda: owner.teams.change_team_member_role(pb.ChangeTeamMemberRoleRequest(
            team_id=team_id, user_id=lead.user_id, role=common_pb2.TEAM_ROLE_UNSPECIFIED)),
        lambda: owner.teams.list_team_members(pb.ListTeamMembersRequest()),
    ):
        refused = fails(action)
        assert refused.code == Code.INVALID_ARGUMENT and refused.message, refused


def test_another_tenant_learns_nothing_of_a_team(runner_url: str, tenant: Tenant, owner_db: Database,
                                                kratos: FakeKratos) -> None:
    stranger = As(runner_url, make_tenant(owner_db, kratos).owner)
    for team_id in (str(tenant.ids["team"]), str(uuid.uuid4())):
        for action in (
            lambda t=team_id: stranger.teams.get_team(pb.GetTeamRequest(team_id=t)),
            lambda t=team_id: stranger.teams.list_team_members(pb.ListTeamMembersRequest(team_id=t)),
            lambda t=team_id: stranger.teams.delete_team(pb.DeleteTeamRequest(team_id=t)),
        ):
            refused = fails(action)
            assert (refused.code, refused.message) == (Code.NOT_FOUND, "team not found")
    assert As(runner_url, tenant.owner).teams.get_team(pb.GetTeamRequest(team_id=str(tenant.ids["team"]))).team.name == "Authors"
