"""CourseService.GetFolder: a folder and its breadcrumb."""

from __future__ import annotations

from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import convert, folders
from functions.course import validation as check


def get_folder(request: course_pb2.GetFolderRequest, call: Call) -> course_pb2.GetFolderResponse:
    view, ancestors = folders.get_folder(call, check.required_id(request.folder_id, field="folder_id"))
    return course_pb2.GetFolderResponse(
        folder=convert.folder_to_proto(view.folder, view.stats, view.users),
        ancestors=[convert.folder_to_proto(a.folder, a.stats, a.users) for a in ancestors],
    )
