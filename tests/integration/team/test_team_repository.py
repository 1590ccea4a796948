"""The team repository and the library triggers of migration 0017, as mirai_app:
a course's team follows its folder and stays when the folder goes, a team's members
page and search, a deleted team's folders and courses land in the company library,
and one tenant's team ids mean nothing to another tenant."""

from __future__ import annotations

import pytest

from common.errors import NotFound
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant, add_user, provision_tenant

pytestmark = pytest.mark.integration


@pytest.fixture
def tenant(container: Container) -> SeededTenant:
    return provision_tenant(container.db)


def test_a_courses_team_follows_its_folder_and_outlives_it(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        team = uow.teams.add(company_id=tenant.company_id, name="Safety")
        other = uow.teams.add(company_id=tenant.company_id, name="Quality")
        top = uow.folders.add(name="Top", team_id=team.id)
        sub = uow.folders.add(name="Sub", parent_id=top.id)
        course = uow.courses.add(title="C", folder_id=sub.id, created_by=None)
        assert course.team_id == team.id  # from the folder, whatever the writer says
        assert uow.courses.add(title="D", folder_id=sub.id, created_by=None, team_id=other.id).team_id == team.id
        uow.folders.move(top.id, new_parent_id=None, team_id=other.id)  # the subtree changes library
        assert uow.courses.get(course.id).team_id == other.id
        uow.courses.move_out_of([sub.id], to_folder=None)  # to the library root: the team stays
        moved = uow.courses.get(course.id)
        assert (moved.folder_id, moved.team_id) == (None, other.id)
        uow.courses.update(course.id, {"folder_id": top.id})
        uow.folders.delete_many([sub.id])
        uow.courses.trash(course.id)
        uow.folders.delete_many([top.id])  # on delete set null (folder_id): the team stays
        restored = uow.courses.restore(course.id)
        assert (restored.folder_id, restored.team_id) == (None, other.id)
        uow.teams.delete(other.id)  # on delete set null (team_id): the company library
        assert uow.courses.get(course.id).team_id is None


def test_releasing_a_team_moves_every_folder_and_renames_clashes(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        team = uow.teams.add(company_id=tenant.company_id, name="Safety")
        uow.folders.add(name="Plans")
        uow.folders.add(name="Plans (Safety)")
        clash = uow.folders.add(name="plans", team_id=team.id)
        free = uow.folders.add(name="Drafts", team_id=team.id)
        child = uow.folders.add(name="Plans", parent_id=free.id)  # not top-level: no clash
        course = uow.courses.add(title="C", folder_id=child.id, created_by=None)
        assert uow.teams.folder_counts([team.id]) == {team.id: 3}
        uow.folders.lock_tree()
        assert uow.folders.release_team(team.id, team_name=team.name) == 3
        assert uow.folders.get(clash.id).name == "plans (Safety) 2"
        assert [uow.folders.get(f.id).name for f in (free, child)] == ["Drafts", "Plans"]
        assert uow.courses.get(course.id).team_id is None
        assert uow.teams.folder_counts([team.id]) == {}


def test_members_page_search_and_count(container: Container, tenant: SeededTenant) -> None:
    ids = [add_user(container.db, tenant, role="member")[0] for _ in range(3)]
    with container.db.tenant_session(tenant.tenant_id) as uow:
        team = uow.teams.add(company_id=tenant.company_id, name="Writers")
        uow.teams.add_member(team.id, tenant.owner_id, role="lead")
        for user_id in ids:
            uow.teams.add_member(team.id, user_id)
        uow.users.update_profile(ids[1], {"first_name": "Zoë", "last_name": "Quill"})
        first = uow.teams.member_page(team.id, page_size=3)
        rest = uow.teams.member_page(team.id, page_size=3, page_token=first.next_page_token)
        assert len(first.items) == 3 and len(rest.items) == 1 and not rest.next_page_token
        assert {m.user_id for m in (*first.items, *rest.items)} == {tenant.owner_id, *ids}
        assert [m.user_id for m in uow.teams.member_page(team.id, query="zoë quill").items] == [ids[1]]
        assert uow.teams.count_members(team.id, query="QUILL") == 1
        assert uow.teams.count_members(team.id, role="lead") == 1
        assert uow.teams.count_members(team.id, query="_") == 0  # LIKE wildcards match only themselves
        assert uow.teams.member_row(team.id, tenant.owner_id).company_role == "owner"
        assert uow.teams.set_member_role(team.id, ids[0], "lead").role == "lead"
        assert uow.teams.member_counts([team.id]) == {team.id: 4}
        assert uow.teams.count(query="writ") == 1 and uow.teams.count(member_id=ids[2]) == 1


def test_another_tenants_team_is_not_found(container: Container, tenant: SeededTenant) -> None:
    other = provision_tenant(container.db)
    with container.db.tenant_session(other.tenant_id) as uow:
        theirs = uow.teams.add(company_id=other.company_id, name="Theirs")
        uow.teams.add_member(theirs.id, other.owner_id)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for action in (lambda: uow.teams.lock(theirs.id), lambda: uow.teams.member_row(theirs.id, other.owner_id),
                       lambda: uow.teams.set_member_role(theirs.id, other.owner_id, "lead")):
            with pytest.raises(NotFound):
                action()
        assert uow.teams.member(theirs.id, other.owner_id) is None
        assert uow.teams.member_counts([theirs.id]) == {} and uow.teams.count() == 0
