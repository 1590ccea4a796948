"""CourseService.ListCourseVersions: versions of a course, newest first."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, versions
from functions.course import validation as check


def list_course_versions(request: course_pb2.ListCourseVersionsRequest,
                         call: Call) -> course_pb2.ListCourseVersionsResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    result = versions.list_versions(call, course_id, page_size=check.page_size(request.page_size),
                                    page_token=request.page_token)
    return course_pb2.ListCourseVersionsResponse(
        versions=[convert.version_to_proto(v, result.users) for v in result.page.items],
        next_page_token=result.page.next_page_token,
    )
