"""CourseService.SaveCourseContent: replaces the whole body as a new version."""

from __future__ import annotations

from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import content, convert, edits
from functions.course import validation as check


def save_course_content(request: course_pb2.SaveCourseContentRequest,
                        call: Call) -> course_pb2.SaveCourseContentResponse:
    course_id = check.required_id(request.course_id, field="course_id")
    if not request.HasField("content"):
        raise InvalidArgument("is required", field="content")
    if request.content.course_id and request.content.course_id != str(course_id):
        raise InvalidArgument("must be empty or equal to course_id", field="content.course_id")
    saved, _ = content.edit_content(call, course_id, edits.save_content(request.content, if_match=request.if_match),
                                    source="save", message=check.message(request.version_message),
                                    replaces_body=True)
    users = saved.users
    return course_pb2.SaveCourseContentResponse(
        content=convert.content_to_proto(saved.content, users), version=convert.version_to_proto(saved.version, users),
        course=convert.course_to_proto(saved.course, users),
    )
