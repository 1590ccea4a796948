"""CourseService.ListCourses: visible courses, filtered, sorted, keyset-paged."""

from __future__ import annotations

from typing import Any

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2, course_pb2
from common.rpc.context import Call
from functions.course import convert, library
from functions.course import validation as check

_SORT = {
    course_pb2.COURSE_SORT_FIELD_UNSPECIFIED: "updated_at", course_pb2.COURSE_SORT_FIELD_UPDATED_AT: "updated_at",
    course_pb2.COURSE_SORT_FIELD_CREATED_AT: "created_at", course_pb2.COURSE_SORT_FIELD_TITLE: "title",
}


def list_courses(request: course_pb2.ListCoursesRequest, call: Call) -> course_pb2.ListCoursesResponse:
    page = library.list_courses(call, query_of(request))
    return course_pb2.ListCoursesResponse(
        courses=[convert.course_to_proto(c, page.users) for c in page.page.items],
        next_page_token=page.page.next_page_token, total_count=page.total_count,
    )


def query_of(request: course_pb2.ListCoursesRequest) -> library.CourseQuery:
    sort = _SORT.get(request.sort_field)
    if sort is None:
        raise InvalidArgument("is not a CourseSortField", field="sort_field")
    if request.sort_direction not in common_pb2.SortDirection.values():
        raise InvalidArgument("is not a SortDirection", field="sort_direction")
    descending = (request.sort_direction == common_pb2.SORT_DIRECTION_DESCENDING
                  or (request.sort_direction == common_pb2.SORT_DIRECTION_UNSPECIFIED and sort != "title"))
    if request.include_deleted and request.only_deleted:
        raise InvalidArgument("cannot be combined with include_deleted", field="only_deleted")
    folder: Any = "any"
    if request.HasField("folder_id"):
        folder = check.optional_id(request.folder_id, field="folder_id")
    elif request.include_subfolders:
        raise InvalidArgument("needs folder_id", field="include_subfolders")
    return library.CourseQuery(
        folder=folder, include_subfolders=request.include_subfolders and folder is not None,
        team_id=check.optional_id(request.team_id, field="team_id"),
        statuses=tuple(check.statuses(request.statuses)), tag=check.tag_filter(request.tag),
        query=check.query(request.query),
        deleted="trash" if request.only_deleted else "any" if request.include_deleted else "live",
        target_audience_id=check.optional_id(request.target_audience_id, field="target_audience_id"),
        created_by_me=request.created_by_me, sort=sort, descending=descending,  # type: ignore[arg-type]
        page_size=check.page_size(request.page_size), page_token=request.page_token,
    )
