"""CourseService.ListFolders: children of a folder (or the top level), or a whole subtree."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, folders
from functions.course import validation as check


def list_folders(request: course_pb2.ListFoldersRequest, call: Call) -> course_pb2.ListFoldersResponse:
    library: Any = "any"
    if request.HasField("team_id"):
        library = check.optional_id(request.team_id, field="team_id")
    result = folders.list_folders(
        call, parent_id=check.optional_id(request.parent_id, field="parent_id"), recursive=request.recursive,
        library=library, page_size=check.page_size(request.page_size), page_token=request.page_token,
    )
    return course_pb2.ListFoldersResponse(
        folders=[convert.folder_to_proto(f, result.stats.get(f.id), result.users) for f in result.page.items],
        next_page_token=result.page.next_page_token,
    )
