"""CourseService.UpdateFolder: renames a folder (unique among its siblings)."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, folders
from functions.course import validation as check


def update_folder(request: course_pb2.UpdateFolderRequest, call: Call) -> course_pb2.UpdateFolderResponse:
    folder_id = check.required_id(request.folder_id, field="folder_id")
    name = check.title(request.name, field="name", max_len=check.MAX_FOLDER_NAME) if request.HasField("name") else None
    view = folders.rename_folder(call, folder_id, name=name, if_match=request.if_match)
    return course_pb2.UpdateFolderResponse(folder=convert.folder_to_proto(view.folder, view.stats, view.users))
