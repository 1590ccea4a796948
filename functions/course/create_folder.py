"""CourseService.CreateFolder: a folder in the company library or a team's."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, folders
from functions.course import validation as check


def create_folder(request: course_pb2.CreateFolderRequest, call: Call) -> course_pb2.CreateFolderResponse:
    parent_id = check.optional_id(request.parent_id, field="parent_id")
    # A subfolder inherits its parent's library; team_id is ignored then (course.proto).
    team_id = None if parent_id else check.optional_id(request.team_id, field="team_id")
    view = folders.create_folder(call, name=check.title(request.name, field="name", max_len=check.MAX_FOLDER_NAME),
                                 parent_id=parent_id, team_id=team_id)
    return course_pb2.CreateFolderResponse(folder=convert.folder_to_proto(view.folder, view.stats, view.users))
