"""CourseService.MoveFolder: re-parents a folder with its subtree; never into itself."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, folders
from functions.course import validation as check


def move_folder(request: course_pb2.MoveFolderRequest, call: Call) -> course_pb2.MoveFolderResponse:
    folder_id = check.required_id(request.folder_id, field="folder_id")
    new_parent_id = check.optional_id(request.new_parent_id, field="new_parent_id")
    team_id = None if new_parent_id else check.optional_id(request.team_id, field="team_id")
    view = folders.move_folder(call, folder_id, new_parent_id=new_parent_id, team_id=team_id,
                               if_match=request.if_match)
    return course_pb2.MoveFolderResponse(folder=convert.folder_to_proto(view.folder, view.stats, view.users))
