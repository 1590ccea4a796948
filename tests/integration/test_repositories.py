"""Repositories against the real database as mirai_app: CRUD, pagination, and
what happens when one tenant names another tenant's rows."""

from __future__ import annotations

import uuid

import pytest

from common.errors import AlreadyExists, Conflict, InvalidArgument, NotFound
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.integration


def test_provisioned_tenant_has_its_company_and_owner(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        assert uow.tenants.current().status == "active"  # type: ignore[union-attr]
        company = uow.companies.current()
        owner = uow.users.get(tenant.owner_id)
    assert company.id == tenant.company_id and company.plan == "pro" and company.seat_count == 5
    assert owner.role == "owner" and owner.email == tenant.owner_email


def test_company_update_with_a_stale_version_is_aborted_and_changes_nothing(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        company = uow.companies.current()
        updated = uow.companies.update_profile({"name": "Renamed"}, expected_version=company.version)
    assert updated.version == company.version + 1
    with pytest.raises(Conflict), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.companies.update_profile({"name": "Lost update"}, expected_version=company.version)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert uow.companies.current().name == "Renamed"


def test_users_are_listed_newest_first_across_pages(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        made = [uow.users.add(company_id=tenant.company_id, email=f"u{i}@example.com", role="member") for i in range(5)]
        uow.users.disable(made[0].id)
    seen: list[uuid.UUID] = []
    token = ""
    while True:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            page = uow.users.list(page_size=2, page_token=token)
        seen += [u.id for u in page.items]
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == len(set(seen)) == 5  # 4 active members + the owner; the disabled one is left out
    assert made[0].id not in seen
    with container.db.tenant_session(tenant.tenant_id) as uow:
        everyone = uow.users.list(page_size=200, include_disabled=True).items
    assert len(everyone) == 6


def test_duplicate_user_email_is_already_exists(container: Container, tenant: SeededTenant) -> None:
    with pytest.raises(AlreadyExists), container.db.tenant_session(tenant.tenant_id) as uow:
        uow.users.add(company_id=tenant.company_id, email=tenant.owner_email.upper(), role="member")


def test_teams_and_members_round_trip(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        team = uow.teams.add(company_id=tenant.company_id, name="Authors", created_by=tenant.owner_id)
        uow.teams.add_member(team.id, tenant.owner_id, role="lead")
        with pytest.raises(AlreadyExists):
            uow.teams.add_member(team.id, tenant.owner_id)
        renamed = uow.teams.update(team.id, {"name": "Writers"}, expected_version=team.version)
        assert uow.teams.member_count(team.id) == 1
        assert [m.role for m in uow.teams.memberships_of(tenant.owner_id)] == ["lead"]
        assert uow.teams.list(member_id=tenant.owner_id).items == [renamed]
        uow.teams.remove_member(team.id, tenant.owner_id)
        uow.teams.delete(team.id)
        with pytest.raises(NotFound):
            uow.teams.get(team.id)


def test_folder_tree_and_course_crud(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        root = uow.folders.add(name="Safety", created_by=tenant.owner_id)
        child = uow.folders.add(name="Helmets", parent_id=root.id)
        assert child.depth == 1
        with pytest.raises(AlreadyExists):
            uow.folders.add(name="safety")
        course = uow.courses.add(title="Helmet basics", folder_id=child.id, created_by=tenant.owner_id, tags=["ppe"])
        edited = uow.courses.update(course.id, {"title": "Helmets 101"}, expected_version=course.version)
        assert edited.title == "Helmets 101" and edited.etag != course.etag
        with pytest.raises(Conflict):
            uow.courses.update(course.id, {"title": "stale"}, expected_version=course.version)
        assert uow.courses.list(folder_id=child.id).items == [edited]
        uow.courses.trash(course.id)
        with pytest.raises(NotFound):
            uow.courses.get(course.id)
        assert uow.courses.list(folder_id=child.id).items == []
        assert uow.courses.restore(course.id).deleted_at is None
        assert [f.id for f in uow.folders.children(root.id).items] == [child.id]


@pytest.mark.parametrize(("sort", "descending"), [("updated_at", True), ("created_at", False), ("title", False)])
def test_course_pages_cover_every_course_once_in_order(container: Container, tenant: SeededTenant, sort: str, descending: bool) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for i in range(7):
            uow.courses.add(title=f"Course {i % 3}", created_by=None)
    seen = []
    token = ""
    while True:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            page = uow.courses.list(sort=sort, descending=descending, page_size=3, page_token=token)  # type: ignore[arg-type]
        seen += page.items
        token = page.next_page_token
        if not token:
            break
    keys = [(getattr(c, sort), c.id) for c in seen]
    assert len({c.id for c in seen}) == 7
    assert keys == sorted(keys, reverse=descending)


def test_a_page_token_from_another_sort_is_invalid_argument(container: Container, tenant: SeededTenant) -> None:
    with container.db.tenant_session(tenant.tenant_id) as uow:
        for i in range(3):
            uow.courses.add(title=f"C{i}", created_by=None)
        token = uow.courses.list(sort="title", descending=False, page_size=1).next_page_token
        with pytest.raises(InvalidArgument) as caught:
            uow.courses.list(sort="updated_at", page_token=token)
        assert caught.value.field == "page_token"
        with pytest.raises(InvalidArgument):
            uow.courses.list(page_token="not-a-token")


def test_another_tenants_rows_are_not_found_and_cannot_be_referenced(
    container: Container, tenant: SeededTenant, other: SeededTenant
) -> None:
    with container.db.tenant_session(other.tenant_id) as uow:
        folder = uow.folders.add(name="Theirs")
        course = uow.courses.add(title="Their course", created_by=None)
        team = uow.teams.add(company_id=other.company_id, name="Their team")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        with pytest.raises(NotFound):
            uow.courses.get(course.id)
        with pytest.raises(NotFound):
            uow.courses.update(course.id, {"title": "hijacked"})
        with pytest.raises(NotFound):
            uow.courses.trash(course.id)
        with pytest.raises(NotFound):
            uow.folders.get(folder.id)
        # A reference to their folder fails the composite foreign key: the course stays in its tenant.
        with pytest.raises(NotFound):
            uow.courses.add(title="Mine", folder_id=folder.id, created_by=None)
        with pytest.raises(NotFound):
            uow.teams.add_member(team.id, tenant.owner_id)
        with pytest.raises(NotFound):
            uow.users.get(other.owner_id)
        assert uow.courses.list().items == []
    with container.db.tenant_session(other.tenant_id) as uow:
        assert uow.courses.get(course.id).title == "Their course"
