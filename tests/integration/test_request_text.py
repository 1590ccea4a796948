"""The one text rule, through the real Connect application of each RPC: control
characters in any string field are ``invalid_argument`` naming the field, never a
500, and nothing is stored."""

from __future__ import annotations

from typing import Any

import pytest

from common.gen.mirai.v1 import course_pb2 as cpb
from functions import registry
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, owner
from tests.support.rpc_wsgi import Answer, RpcClient
from tests.support.tenants import SeededTenant

NUL = "before\x00after"


def _client(container: Container, name: str) -> RpcClient:
    return RpcClient(registry.find(name), container)


def _course(container: Container, caller: Caller) -> cpb.Course:
    answer = _client(container, "course_create_course").call(cpb.CreateCourseRequest(title="Valid"), caller.headers)
    assert answer.code == "ok", answer
    return cpb.CreateCourseResponse.FromString(answer.body).course


def _refused(answer: Answer, field: str) -> None:
    assert (answer.status, answer.code) == (400, "invalid_argument"), answer
    assert answer.message == f"{field}: must not contain control characters"
    assert "before" not in answer.message


@pytest.fixture
def caller(kratos: FakeKratos, tenant: SeededTenant) -> Caller:
    return owner(kratos, tenant)


@pytest.mark.parametrize(
    ("target", "request_for", "field"),
    [
        ("course_create_course", lambda c: cpb.CreateCourseRequest(title="T", description=NUL), "description"),
        ("course_update_course", lambda c: cpb.UpdateCourseRequest(course_id=c.id, description=NUL), "description"),
        ("course_list_courses", lambda c: cpb.ListCoursesRequest(query=NUL), "query"),
        ("course_list_course_tags", lambda c: cpb.ListCourseTagsRequest(prefix=NUL), "prefix"),
        ("course_save_course_content",
         lambda c: cpb.SaveCourseContentRequest(course_id=c.id, content=cpb.CourseContent(), version_message=NUL),
         "version_message"),
        ("course_restore_course_version",
         lambda c: cpb.RestoreCourseVersionRequest(course_id=c.id, version=1, version_message=NUL), "version_message"),
    ],
)
def test_nul_in_the_six_fields_that_reached_postgres_is_invalid_argument(
    container: Container, caller: Caller, target: str, request_for: Any, field: str
) -> None:
    course = _course(container, caller)
    _refused(_client(container, target).call(request_for(course), caller.headers), field)
    got = _client(container, "course_get_course").call(cpb.GetCourseRequest(course_id=course.id), caller.headers)
    stored = cpb.GetCourseResponse.FromString(got.body).course
    assert (stored.description, stored.title) == ("", "Valid")


def test_nested_and_repeated_strings_are_named_by_their_path(container: Container, caller: Caller) -> None:
    course = _course(container, caller)
    content = cpb.CourseContent(modules=[cpb.CourseModule(title="M"), cpb.CourseModule(title="bad\x1bmodule")])
    answer = _client(container, "course_save_course_content").call(
        cpb.SaveCourseContentRequest(course_id=course.id, content=content), caller.headers)
    _refused(answer, "content.modules[1].title")
    tags = _client(container, "course_create_course").call(
        cpb.CreateCourseRequest(title="T", tags=["ok", "bell\x07"]), caller.headers)
    _refused(tags, "tags[1]")


def test_line_breaks_and_tabs_are_text(container: Container, caller: Caller) -> None:
    answer = _client(container, "course_create_course").call(
        cpb.CreateCourseRequest(title="T", description="two\r\nlines\tand a tab, 日本語 😀"), caller.headers)
    assert answer.code == "ok", answer
