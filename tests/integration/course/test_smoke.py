from __future__ import annotations

import pytest

from common.gen.mirai.v1 import course_pb2
from functions.bootstrap import Container
from functions.course.create_course import create_course
from functions.course.create_module import create_module
from functions.course.get_course import get_course
from functions.course.get_course_content import get_course_content
from tests.support.course_actors import Tenant

pytestmark = pytest.mark.integration


def test_smoke(container: Container, tenant: Tenant) -> None:
    call = tenant.lead.call(container)
    course = create_course(course_pb2.CreateCourseRequest(title="Hello"), call).course
    assert course.content_version == 1
    got = get_course(course_pb2.GetCourseRequest(course_id=course.id), call).course
    assert got == course
    created = create_module(course_pb2.CreateModuleRequest(course_id=course.id, title="M1"), call)
    assert created.content_version == 2
    content = get_course_content(course_pb2.GetCourseContentRequest(course_id=course.id), call).content
    assert [m.title for m in content.modules] == ["M1"]
