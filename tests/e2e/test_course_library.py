"""The course library end to end: real Connect calls to the local runner,
authenticated through the Kratos fake, against PostgreSQL, Redis and S3."""

from __future__ import annotations

from typing import Any

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError

from common.db import Database
from common.gen.mirai.v1 import common_pb2, course_connect, course_pb2
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.cache_probe import cached_course
from tests.support.course_actors import Tenant, make_tenant
from tests.support.rpc_errors import fails

pytestmark = [pytest.mark.e2e, pytest.mark.smoke]


class Client:
    """CourseServiceClientSync with the caller's session on every call."""

    def __init__(self, runner_url: str, token: str) -> None:
        self._client = course_connect.CourseServiceClientSync(runner_url)
        self._headers = {"Authorization": f"Bearer {token}"}

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._client, name)
        return lambda request: method(request, headers=self._headers)


@pytest.fixture(scope="module")
def tenant(owner_db: Database, kratos: FakeKratos) -> Tenant:
    return make_tenant(owner_db, kratos)


def _code(action: Any) -> Code:
    return fails(action).code


def test_a_course_from_folder_to_versions_over_http(runner_url: str, tenant: Tenant, container: Container) -> None:
    client = Client(runner_url, tenant.lead.token)
    folder = client.create_folder(course_pb2.CreateFolderRequest(name="Onboarding")).folder
    course = client.create_course(course_pb2.CreateCourseRequest(title="Welcome", folder_id=folder.id,
                                                                 tags=["intro"])).course
    client.save_course_content(course_pb2.SaveCourseContentRequest(course_id=course.id, content=course_pb2.CourseContent(
        modules=[course_pb2.CourseModule(title="Day one", lessons=[course_pb2.Lesson(title="Hello", components=[
            common_pb2.LessonComponent(type=common_pb2.COMPONENT_TYPE_TEXT, text=common_pb2.TextBlock(markdown="Hi"))])])],
    ), version_message="first draft"))

    first = client.get_course(course_pb2.GetCourseRequest(course_id=course.id)).course
    assert cached_course(container.cache, tenant.id, course.id) == first  # the second read is served from here
    assert client.get_course(course_pb2.GetCourseRequest(course_id=course.id)).course == first
    content = client.get_course_content(course_pb2.GetCourseContentRequest(course_id=course.id)).content
    assert [m.title for m in content.modules] == ["Day one"]
    assert content.modules[0].lessons[0].components[0].text.markdown == "Hi"

    updated = client.update_course(course_pb2.UpdateCourseRequest(course_id=course.id, title="Welcome aboard",
                                                                  if_match=first.etag)).course
    stale = _code(lambda: client.update_course(course_pb2.UpdateCourseRequest(course_id=course.id, title="Lost",
                                                                              if_match=first.etag)))
    assert stale == Code.ABORTED
    assert client.get_course(course_pb2.GetCourseRequest(course_id=course.id)).course.title == updated.title

    client.create_module(course_pb2.CreateModuleRequest(course_id=course.id, title="Day two"))
    current = client.get_course_content(course_pb2.GetCourseContentRequest(course_id=course.id)).content
    restored = client.restore_course_version(course_pb2.RestoreCourseVersionRequest(
        course_id=course.id, version=2, if_match=current.etag))
    assert restored.version.version == 4 and restored.version.restored_from_version == 2
    assert [m.title for m in restored.content.modules] == ["Day one"]


def test_listing_by_folder_and_tag_pages_through_everything(runner_url: str, tenant: Tenant) -> None:
    client = Client(runner_url, tenant.lead.token)
    folder = client.create_folder(course_pb2.CreateFolderRequest(name="Paged")).folder
    made = {i: client.create_course(course_pb2.CreateCourseRequest(
        title=f"Paged {i}", folder_id=folder.id, tags=[f"odd-{folder.id}"] if i % 2 else [])).course.id
        for i in range(5)}
    for request, expected in (
        (course_pb2.ListCoursesRequest(folder_id=folder.id, page_size=2), set(made.values())),
        (course_pb2.ListCoursesRequest(tag=f"odd-{folder.id}", page_size=1), {made[1], made[3]}),
    ):
        seen: list[str] = []
        while True:
            page = client.list_courses(request)
            seen += [c.id for c in page.courses]
            assert page.total_count == len(expected)
            if not page.next_page_token:
                break
            request.page_token = page.next_page_token
        assert len(seen) == len(set(seen)) and set(seen) == expected


def test_bad_input_and_other_tenants_over_http(runner_url: str, tenant: Tenant, owner_db: Database,
                                               kratos: FakeKratos) -> None:
    client = Client(runner_url, tenant.lead.token)
    assert _code(lambda: client.get_course(course_pb2.GetCourseRequest(course_id="x"))) == Code.INVALID_ARGUMENT
    with pytest.raises(ConnectError) as caught:
        client.create_course(course_pb2.CreateCourseRequest(title=""))
    assert caught.value.code == Code.INVALID_ARGUMENT and "title" in caught.value.message
    theirs = Client(runner_url, make_tenant(owner_db, kratos).owner.token)
    course = theirs.create_course(course_pb2.CreateCourseRequest(title="Theirs")).course
    assert _code(lambda: client.get_course(course_pb2.GetCourseRequest(course_id=course.id))) == Code.NOT_FOUND
    assert _code(lambda: client.export_course(course_pb2.ExportCourseRequest(
        course_id=course.id, format=common_pb2.EXPORT_FORMAT_PDF))) == Code.NOT_FOUND
    anonymous = course_connect.CourseServiceClientSync(runner_url)
    with pytest.raises(ConnectError) as caught:
        anonymous.list_courses(course_pb2.ListCoursesRequest())
    assert caught.value.code == Code.UNAUTHENTICATED
