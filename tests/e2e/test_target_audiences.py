"""TargetAudienceService through the local runner with the generated client:
the persona lifecycle, optimistic concurrency and who may change what."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError

from common.gen.mirai.v1 import common_pb2, course_connect, course_pb2, target_audience_connect
from common.gen.mirai.v1 import target_audience_pb2 as pb
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.cache_probe import cached_course
from tests.support.callers import Caller, new_user, owner
from tests.support.rpc_errors import fails
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.e2e

Client = target_audience_connect.TargetAudienceServiceClientSync


@pytest.fixture(scope="module")
def tenant(container: Container) -> SeededTenant:
    return provision_tenant(container.db)


@pytest.fixture
def client(runner_url: str) -> Iterator[Client]:
    with Client(runner_url) as built:
        yield built


def _create(client: Client, caller: Caller, name: str, **fields: object) -> pb.TargetAudience:
    request = pb.CreateTargetAudienceRequest(name=name, **fields)  # type: ignore[arg-type]
    return client.create_target_audience(request, headers=caller.headers).target_audience


def _code(action: object) -> Code:
    return fails(action).code


def test_persona_crud_round_trip(client: Client, kratos: FakeKratos, tenant: SeededTenant) -> None:
    me = owner(kratos, tenant)
    created = _create(
        client, me, "  Warehouse starters ", description="First month on the floor", job_role="Forklift operator",
        experience_level=common_pb2.EXPERIENCE_LEVEL_BEGINNER, prior_knowledge=["Driving licence"], language="de-de",
        reading_level=pb.READING_LEVEL_SIMPLE, goals=["Drive safely"], challenges=["Shift work"], industry="Logistics",
    )
    assert created.name == "Warehouse starters" and created.language == "de-DE"
    assert created.experience_level == common_pb2.EXPERIENCE_LEVEL_BEGINNER
    assert created.reading_level == pb.READING_LEVEL_SIMPLE
    assert list(created.goals) == ["Drive safely"] and list(created.challenges) == ["Shift work"]
    assert created.created_by.id == str(me.user_id) and created.created_by.email == tenant.owner_email
    assert created.etag and created.course_count == 0 and created.created_at.seconds > 0

    got = client.get_target_audience(pb.GetTargetAudienceRequest(target_audience_id=created.id), headers=me.headers)
    assert got.target_audience == created

    updated = client.update_target_audience(
        pb.UpdateTargetAudienceRequest(
            target_audience_id=created.id, name="Warehouse veterans",
            experience_level=common_pb2.EXPERIENCE_LEVEL_ADVANCED, goals=common_pb2.StringList(values=[]),
            if_match=created.etag,
        ),
        headers=me.headers,
    ).target_audience
    assert updated.name == "Warehouse veterans" and updated.experience_level == common_pb2.EXPERIENCE_LEVEL_ADVANCED
    assert list(updated.goals) == [] and list(updated.challenges) == ["Shift work"]  # unset lists are kept
    assert updated.job_role == "Forklift operator" and updated.etag != created.etag

    listed = client.list_target_audiences(pb.ListTargetAudiencesRequest(query="veterans"), headers=me.headers)
    assert [a.id for a in listed.target_audiences] == [created.id] and listed.total_count == 1

    deleted = client.delete_target_audience(
        pb.DeleteTargetAudienceRequest(target_audience_id=created.id, if_match=updated.etag), headers=me.headers
    )
    assert deleted.detached_course_count == 0
    assert _code(lambda: client.get_target_audience(
        pb.GetTargetAudienceRequest(target_audience_id=created.id), headers=me.headers)) == Code.NOT_FOUND


def test_stale_etag_update_is_aborted_and_changes_nothing(client: Client, kratos: FakeKratos, tenant: SeededTenant) -> None:
    me = owner(kratos, tenant)
    created = _create(client, me, "Stale check")
    fresh = client.update_target_audience(
        pb.UpdateTargetAudienceRequest(target_audience_id=created.id, description="Edited first"), headers=me.headers
    ).target_audience
    stale = pb.UpdateTargetAudienceRequest(target_audience_id=created.id, name="Overwritten", if_match=created.etag)
    with pytest.raises(ConnectError) as caught:
        client.update_target_audience(stale, headers=me.headers)
    assert caught.value.code == Code.ABORTED and "if_match" in str(caught.value)
    now = client.get_target_audience(pb.GetTargetAudienceRequest(target_audience_id=created.id), headers=me.headers)
    assert now.target_audience == fresh


def test_stale_etag_delete_is_aborted_and_keeps_the_persona(client: Client, kratos: FakeKratos, tenant: SeededTenant) -> None:
    me = owner(kratos, tenant)
    created = _create(client, me, "Delete check")
    client.update_target_audience(pb.UpdateTargetAudienceRequest(target_audience_id=created.id, industry="Retail"),
                                  headers=me.headers)
    stale = pb.DeleteTargetAudienceRequest(target_audience_id=created.id, if_match=created.etag)
    assert _code(lambda: client.delete_target_audience(stale, headers=me.headers)) == Code.ABORTED
    kept = client.get_target_audience(pb.GetTargetAudienceRequest(target_audience_id=created.id), headers=me.headers)
    assert kept.target_audience.industry == "Retail"


def test_deleting_a_persona_detaches_its_courses_and_drops_their_cached_copies(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant, runner_url: str
) -> None:
    me = owner(kratos, tenant)
    created = _create(client, me, "Used by courses")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        courses = [uow.courses.add(title=f"C{i}", created_by=me.user_id, target_audience_id=uuid.UUID(created.id))
                   for i in range(2)]
    reader = course_connect.CourseServiceClientSync(runner_url)
    for course in courses:
        reader.get_course(course_pb2.GetCourseRequest(course_id=str(course.id)), headers=me.headers)
        cached = cached_course(container.cache, tenant.tenant_id, course.id)
        assert cached is not None and cached.target_audience_id == created.id
    got = client.get_target_audience(pb.GetTargetAudienceRequest(target_audience_id=created.id), headers=me.headers)
    assert got.target_audience.course_count == 2
    deleted = client.delete_target_audience(pb.DeleteTargetAudienceRequest(target_audience_id=created.id),
                                            headers=me.headers)
    assert deleted.detached_course_count == 2
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert all(uow.courses.get(c.id).target_audience_id is None for c in courses)
    assert [c.id for c in courses if cached_course(container.cache, tenant.tenant_id, c.id) is not None] == []
    for course in courses:
        read = reader.get_course(course_pb2.GetCourseRequest(course_id=str(course.id)), headers=me.headers)
        assert read.course.target_audience_id == ""
    reader.close()


def test_only_the_creator_or_an_owner_or_admin_may_change_a_persona(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    creator = new_user(container, kratos, tenant, role="member")
    colleague = new_user(container, kratos, tenant, role="member")
    admin = new_user(container, kratos, tenant, role="admin")
    created = _create(client, creator, "Guarded")

    rename = pb.UpdateTargetAudienceRequest(target_audience_id=created.id, name="Taken over")
    assert _code(lambda: client.update_target_audience(rename, headers=colleague.headers)) == Code.PERMISSION_DENIED
    remove = pb.DeleteTargetAudienceRequest(target_audience_id=created.id)
    assert _code(lambda: client.delete_target_audience(remove, headers=colleague.headers)) == Code.PERMISSION_DENIED
    # Everyone in the company may read and use it.
    seen = client.get_target_audience(pb.GetTargetAudienceRequest(target_audience_id=created.id),
                                      headers=colleague.headers)
    assert seen.target_audience.name == "Guarded"

    by_creator = client.update_target_audience(
        pb.UpdateTargetAudienceRequest(target_audience_id=created.id, name="Creator's edit"), headers=creator.headers)
    assert by_creator.target_audience.name == "Creator's edit"
    by_admin = client.update_target_audience(
        pb.UpdateTargetAudienceRequest(target_audience_id=created.id, name="Admin's edit"), headers=admin.headers)
    assert by_admin.target_audience.name == "Admin's edit"
    assert client.delete_target_audience(remove, headers=admin.headers).detached_course_count == 0


def test_list_pages_through_filtered_personas(client: Client, kratos: FakeKratos, container: Container) -> None:
    me = owner(kratos, provision_tenant(container.db))
    for i in range(5):
        _create(client, me, f"Persona {i}", language="fr" if i % 2 else "en",
                experience_level=common_pb2.EXPERIENCE_LEVEL_EXPERT)
    names, token = [], ""
    while True:
        page = client.list_target_audiences(
            pb.ListTargetAudiencesRequest(page_size=1, page_token=token, language="fr",
                                          experience_level=common_pb2.EXPERIENCE_LEVEL_EXPERT),
            headers=me.headers,
        )
        assert page.total_count == 2
        names += [a.name for a in page.target_audiences]
        token = page.next_page_token
        if not token:
            break
    assert names == ["Persona 1", "Persona 3"]


def test_the_creator_summary_carries_a_presigned_avatar(
    client: Client, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    creator = new_user(container, kratos, tenant, role="member")
    avatar_key = f"{tenant.tenant_id}/avatars/{creator.user_id}.png"
    with container.db.tenant_session(tenant.tenant_id) as uow:
        uow.users.update_profile(creator.user_id, {"avatar_object_key": avatar_key, "first_name": "Ada"})
    created = _create(client, creator, "With avatar")
    assert created.created_by.first_name == "Ada"
    assert avatar_key in created.created_by.avatar_url and "Signature" in created.created_by.avatar_url
