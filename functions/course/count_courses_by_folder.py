"""CourseService.CountCoursesByFolder: course counts for the library tree."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import library
from functions.course import validation as check


def count_courses_by_folder(request: course_pb2.CountCoursesByFolderRequest,
                            call: Call) -> course_pb2.CountCoursesByFolderResponse:
    counts = library.count_by_folder(call, team_id=check.optional_id(request.team_id, field="team_id"),
                                     statuses=tuple(check.statuses(request.statuses)))
    return course_pb2.CountCoursesByFolderResponse(
        counts=[
            course_pb2.FolderCourseCount(folder_id=str(folder_id), course_count=counts.direct.get(folder_id, 0),
                                         total_course_count=total)
            for folder_id, total in sorted(counts.total.items(), key=lambda item: str(item[0]))
        ],
        unfiled_count=counts.unfiled, total_count=counts.total_count, deleted_count=counts.deleted_count,
    )
