"""The Connect layer's message limit and the course body limit (S3_MAX_BODY_BYTES) agree:
a body the storage accepts is never refused earlier as a too-large message, and a body
over the limit gets the body check's clear invalid_argument, over real HTTP."""

from __future__ import annotations

import pytest
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_binary_codec, google_protobuf_json_codec

from common.db import Database
from common.gen.mirai.v1 import common_pb2, course_connect, course_pb2
from common.rpc.limits import max_request_bytes
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import make_tenant
from tests.support.rpc_errors import fails

pytestmark = pytest.mark.e2e

DEFAULT_CONNECT_LIMIT = 4 * 1024 * 1024  # connectrpc's default, which used to apply


def _body(markdown_bytes: int) -> course_pb2.CourseContent:
    text = common_pb2.LessonComponent(type=common_pb2.COMPONENT_TYPE_TEXT,
                                      text=common_pb2.TextBlock(markdown="x" * markdown_bytes))
    return course_pb2.CourseContent(modules=[course_pb2.CourseModule(title="M", lessons=[
        course_pb2.Lesson(title="L", components=[text])])])


@pytest.mark.parametrize("json", [False, True], ids=["proto", "json"])
def test_bodies_up_to_the_storage_limit_are_judged_by_the_body_check(
    json: bool, runner_url: str, container: Container, owner_db: Database, kratos: FakeKratos
) -> None:
    limit = container.settings.s3.max_body_bytes
    assert limit > DEFAULT_CONNECT_LIMIT and max_request_bytes(limit) > limit
    tenant = make_tenant(owner_db, kratos)
    headers = {"Authorization": f"Bearer {tenant.lead.token}"}
    # Uncompressed, so the message arrives at its full size.
    client = course_connect.CourseServiceClientSync(
        runner_url, codec=google_protobuf_json_codec() if json else google_protobuf_binary_codec(), send_compression=None, timeout_ms=60_000)
    course = client.create_course(course_pb2.CreateCourseRequest(title="Big"), headers=headers).course

    fits = _body(limit - 64 * 1024)  # over Connect's 4 MiB default, under the body limit
    assert fits.ByteSize() > DEFAULT_CONNECT_LIMIT
    saved = client.save_course_content(course_pb2.SaveCourseContentRequest(course_id=course.id, content=fits),
                                       headers=headers)
    assert saved.content.version == 2

    too_big = fails(client.save_course_content, course_pb2.SaveCourseContentRequest(
        course_id=course.id, content=_body(limit + 64 * 1024)), headers=headers)
    assert too_big.code == Code.INVALID_ARGUMENT and too_big.message.startswith("content")
