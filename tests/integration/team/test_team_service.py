"""TeamService through its handlers and the real Container: who may do what, names,
members, leaving, deleting a team and where its library goes."""

from __future__ import annotations

import uuid

import pytest

from common.db import Database
from common.errors import AlreadyExists, Conflict, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from common.gen.mirai.v1 import common_pb2
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Actor, CourseApi, ServiceApi, Tenant, error_of
from tests.support.team_actors import add_user

pytestmark = pytest.mark.integration

LEAD, MEMBER = common_pb2.TEAM_ROLE_LEAD, common_pb2.TEAM_ROLE_MEMBER


def teams(container: Container, actor: Actor) -> ServiceApi:
    return ServiceApi(container, actor, "team")


def test_an_admin_creates_a_team_with_leads_and_members(container: Container, tenant: Tenant, owner_db: Database,
                                                        kratos: FakeKratos) -> None:
    alice, bob = add_user(owner_db, kratos, tenant, "alice"), add_user(owner_db, kratos, tenant, "bob")
    admin = add_user(owner_db, kratos, tenant, "admin", role="admin")
    team = teams(container, admin).create_team(name="  Safety  ", description="Plant safety",
                                               lead_user_ids=[str(alice.principal.user_id)],
                                               member_user_ids=[str(bob.principal.user_id)]).team
    assert (team.name, team.description, team.member_count, team.folder_count) == ("Safety", "Plant safety", 2, 0)
    members = teams(container, alice).list_team_members(team_id=team.id).members
    assert {(m.user.id, m.role, m.company_role) for m in members} == {
        (str(alice.principal.user_id), LEAD, common_pb2.ROLE_MEMBER),
        (str(bob.principal.user_id), MEMBER, common_pb2.ROLE_MEMBER)}
    got = teams(container, bob).get_team(team_id=team.id)
    assert (got.team.id, got.caller_role) == (team.id, MEMBER)
    assert teams(container, admin).get_team(team_id=team.id).caller_role == common_pb2.TEAM_ROLE_UNSPECIFIED


def test_team_names_are_unique_per_company_ignoring_case(container: Container, tenant: Tenant) -> None:
    owner = teams(container, tenant.owner)
    owner.create_team(name="Writers")
    err = error_of(lambda: owner.create_team(name="wRITERS"))
    assert isinstance(err, AlreadyExists) and err.field == "name"
    other = owner.create_team(name="Editors").team
    err = error_of(lambda: owner.update_team(team_id=other.id, name="writers"))
    assert isinstance(err, AlreadyExists) and err.field == "name"
    assert owner.get_team(team_id=other.id).team.name == "Editors"


def test_bad_requests_get_clear_errors(container: Container, tenant: Tenant) -> None:
    owner = teams(container, tenant.owner)
    cases = [
        (lambda: owner.create_team(name=""), "name"),
        (lambda: owner.create_team(name="x" * 121), "name"),
        (lambda: owner.create_team(name="Ok", lead_user_ids=["not-a-uuid"]), "lead_user_ids"),
        (lambda: owner.create_team(name="Ok", lead_user_ids=[str(tenant.ids["member"])],
                                   member_user_ids=[str(tenant.ids["member"])]), "member_user_ids"),
        (lambda: owner.get_team(), "team_id"),
        (lambda: owner.get_team(team_id="nope"), "team_id"),
        (lambda: owner.update_team(team_id=str(tenant.ids["team"]), name="  "), "name"),
        (lambda: owner.add_team_member(team_id=str(tenant.ids["team"])), "user_id"),
        (lambda: owner.add_team_member(team_id=str(tenant.ids["team"]), user_id=str(tenant.ids["owner"]), role=7), "role"),
        (lambda: owner.change_team_member_role(team_id=str(tenant.ids["team"]), user_id=str(tenant.ids["member"])), "role"),
        (lambda: owner.list_team_members(team_id=str(tenant.ids["team"]), page_token="forged"), "page_token"),
        (lambda: owner.list_teams(page_size=-1), "page_size"),
        (lambda: owner.list_team_folders(team_id=""), "team_id"),
    ]
    for action, field in cases:
        err = error_of(action)
        assert isinstance(err, InvalidArgument) and err.field == field, (field, err.message, err.field)
    err = error_of(lambda: owner.create_team(name="Ghosts", member_user_ids=[str(uuid.uuid4())]))
    assert isinstance(err, NotFound) and err.field == "member_user_ids"
    assert owner.list_teams(query="Ghosts").total_count == 0  # nothing half-made


def test_only_active_users_join(container: Container, tenant: Tenant, owner_db: Database, kratos: FakeKratos) -> None:
    gone = add_user(owner_db, kratos, tenant, "gone", status="disabled")
    err = error_of(lambda: teams(container, tenant.owner).add_team_member(
        team_id=str(tenant.ids["team"]), user_id=str(gone.principal.user_id)))
    assert isinstance(err, FailedPrecondition) and err.field == "user_id"
    err = error_of(lambda: teams(container, tenant.owner).add_team_member(
        team_id=str(tenant.ids["team"]), user_id=str(tenant.ids["member"])))
    assert isinstance(err, AlreadyExists)


def test_a_lead_manages_their_own_team_and_no_other(container: Container, tenant: Tenant, owner_db: Database,
                                                    kratos: FakeKratos) -> None:
    team = str(tenant.ids["team"])
    lead = teams(container, tenant.lead)
    newcomer = add_user(owner_db, kratos, tenant, "newcomer")
    added = lead.add_team_member(team_id=team, user_id=str(newcomer.principal.user_id)).member
    assert (added.role, added.user.first_name) == (MEMBER, "Newcomer")
    assert lead.change_team_member_role(team_id=team, user_id=str(newcomer.principal.user_id), role=LEAD).member.role == LEAD
    renamed = lead.update_team(team_id=team, name="Lead's team", description="ours").team
    assert (renamed.name, renamed.description) == ("Lead's team", "ours")
    # The newcomer is notified of being added (not the lead, who did it).
    unread = ServiceApi(container, newcomer, "notification").list_notifications().notifications
    assert [(n.title, n.link) for n in unread] == [("You were added to Authors", f"/teams/{team}")]

    for admin_only in (lambda: lead.create_team(name="Lead's own"), lambda: lead.delete_team(team_id=team)):
        assert isinstance(error_of(admin_only), PermissionDenied)

    other = teams(container, tenant.owner).create_team(name="Others").team
    for action in (
        lambda: lead.update_team(team_id=other.id, name="Mine now"),
        lambda: lead.add_team_member(team_id=other.id, user_id=str(tenant.lead.principal.user_id)),
        lambda: lead.list_team_members(team_id=other.id),
        lambda: lead.get_team(team_id=other.id),
        lambda: lead.list_team_folders(team_id=other.id),
    ):
        assert isinstance(error_of(action), NotFound)
    assert other.id not in [t.id for t in lead.list_teams().teams]


def test_a_plain_member_may_read_and_leave_but_not_manage(container: Container, tenant: Tenant, owner_db: Database,
                                                          kratos: FakeKratos) -> None:
    team = str(tenant.ids["team"])
    member = add_user(owner_db, kratos, tenant, "plain", team_id=tenant.ids["team"])
    api = teams(container, member)
    assert api.get_team(team_id=team).caller_role == MEMBER
    assert len(api.list_team_members(team_id=team).members) == 2
    for action in (
        lambda: api.update_team(team_id=team, name="Hijacked"),
        lambda: api.add_team_member(team_id=team, user_id=str(tenant.outsider.principal.user_id)),
        lambda: api.remove_team_member(team_id=team, user_id=str(tenant.lead.principal.user_id)),
        lambda: api.change_team_member_role(team_id=team, user_id=str(member.principal.user_id), role=LEAD),
    ):
        assert isinstance(error_of(action), PermissionDenied)
    assert api.remove_team_member(team_id=team, user_id=str(member.principal.user_id)).team.member_count == 1
    assert isinstance(error_of(lambda: api.get_team(team_id=team)), NotFound)
    assert api.list_teams().teams == []


def test_removed_members_lose_the_team_library_at_once(container: Container, tenant: Tenant, owner_db: Database,
                                                        kratos: FakeKratos) -> None:
    team = str(tenant.ids["team"])
    member = add_user(owner_db, kratos, tenant, "leaver", team_id=tenant.ids["team"])
    lead = CourseApi(container, tenant.lead)
    folder = lead.create_folder(name="Secrets", team_id=team).folder
    course = lead.create_course(title="Secret course", folder_id=folder.id).course
    mine = CourseApi(container, member)
    assert mine.get_course(course_id=course.id).course.id == course.id  # fills the course cache
    assert course.id in [c.id for c in mine.list_courses().courses]
    teams(container, tenant.lead).remove_team_member(team_id=team, user_id=str(member.principal.user_id))
    assert isinstance(error_of(lambda: mine.get_course(course_id=course.id)), NotFound)  # a cache hit too
    assert course.id not in [c.id for c in mine.list_courses().courses]
    assert isinstance(error_of(lambda: mine.get_folder(folder_id=folder.id)), NotFound)
    assert folder.id not in [f.id for f in mine.list_folders(recursive=True).folders]


def test_list_teams_pages_filters_and_counts(container: Container, tenant: Tenant) -> None:
    owner = teams(container, tenant.owner)
    for name in ("Alpha", "Beta", "Gamma", "alpine"):
        owner.create_team(name=name)
    first = owner.list_teams(page_size=2)
    assert ([t.name for t in first.teams], first.total_count) == (["Alpha", "Authors"], 5)
    second = owner.list_teams(page_size=2, page_token=first.next_page_token)
    assert [t.name for t in second.teams] == ["Beta", "Gamma"]
    assert [t.name for t in owner.list_teams(query="ALP").teams] == ["Alpha", "alpine"]
    assert [t.name for t in owner.list_teams(query="%").teams] == []
    assert owner.list_teams(mine_only=True).teams == []
    lead_teams = teams(container, tenant.lead).list_teams().teams
    assert [(t.name, t.member_count, t.folder_count) for t in lead_teams] == [("Authors", 1, 1)]


def test_list_team_members_filters_by_role_and_text(container: Container, tenant: Tenant, owner_db: Database,
                                                    kratos: FakeKratos) -> None:
    team = tenant.ids["team"]
    for name in ("carol", "dave", "erin"):
        add_user(owner_db, kratos, tenant, name, team_id=team)
    api = teams(container, tenant.lead)
    page = api.list_team_members(team_id=str(team), page_size=2)
    assert (len(page.members), page.total_count) == (2, 4)
    rest = api.list_team_members(team_id=str(team), page_size=2, page_token=page.next_page_token)
    assert len({m.user.id for m in (*page.members, *rest.members)}) == 4
    assert [m.user.first_name for m in api.list_team_members(team_id=str(team), query="DAV").members] == ["Dave"]
    leads = api.list_team_members(team_id=str(team), role=LEAD)
    assert [m.user.id for m in leads.members] == [str(tenant.lead.principal.user_id)]


def test_update_team_checks_the_etag(container: Container, tenant: Tenant) -> None:
    owner = teams(container, tenant.owner)
    team = owner.get_team(team_id=str(tenant.ids["team"])).team
    updated = owner.update_team(team_id=team.id, description="new", if_match=team.etag).team
    assert updated.etag != team.etag
    err = error_of(lambda: owner.update_team(team_id=team.id, description="stale", if_match=team.etag))
    assert isinstance(err, Conflict)
    assert isinstance(error_of(lambda: owner.delete_team(team_id=team.id, if_match=team.etag)), Conflict)
    assert owner.get_team(team_id=team.id).team.description == "new"


def test_delete_team_moves_its_library_to_the_company(container: Container, tenant: Tenant) -> None:
    team = str(tenant.ids["team"])
    lead, outsider = CourseApi(container, tenant.lead), CourseApi(container, tenant.outsider)
    # The seed has a company folder "Safety": the team's "safety" must not clash with it when it moves.
    clash = lead.create_folder(name="safety", team_id=team).folder
    sub = lead.create_folder(name="Sub", parent_id=clash.id).folder
    filed = lead.create_course(title="Filed", folder_id=sub.id).course
    rooted = lead.create_course(title="Rooted", folder_id=str(tenant.ids["team_folder"])).course
    lead.delete_folder(folder_id=str(tenant.ids["team_folder"]), move_contents_to_parent=True)  # to the team root
    for course in (filed, rooted):
        assert isinstance(error_of(lambda c=course: outsider.get_course(course_id=c.id)), NotFound)

    moved = teams(container, tenant.owner).delete_team(team_id=team)
    assert moved.moved_folder_count == 2
    for course in (filed, rooted):
        assert outsider.get_course(course_id=course.id).course.team_id == ""
    assert outsider.get_folder(folder_id=clash.id).folder.name == "safety (Authors)"
    folder = outsider.get_folder(folder_id=sub.id).folder
    assert (folder.team_id, folder.name, folder.parent_id) == ("", "Sub", clash.id)
    assert isinstance(error_of(lambda: teams(container, tenant.owner).get_team(team_id=team)), NotFound)
    assert teams(container, tenant.lead).list_teams().teams == []


def test_list_team_folders_lists_the_whole_library_by_path(container: Container, tenant: Tenant) -> None:
    team = str(tenant.ids["team"])
    lead = CourseApi(container, tenant.lead)
    top = lead.create_folder(name="A top", team_id=team).folder
    lead.create_folder(name="Child", parent_id=top.id)
    lead.create_folder(name="Company only")  # another library: not listed
    names = [f.name for f in teams(container, tenant.lead).list_team_folders(team_id=team).folders]
    assert names == ["A top", "Child", "Team"]
    first = teams(container, tenant.owner).list_team_folders(team_id=team, page_size=1)
    assert [f.name for f in first.folders] == ["A top"] and first.next_page_token
