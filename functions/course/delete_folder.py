"""CourseService.DeleteFolder: refused while non-empty unless told what to do with the contents."""

from __future__ import annotations

from common.errors import InvalidArgument
from common.gen.mirai.v1 import course_pb2
from common.rpc.context import Call
from functions.course import folders
from functions.course import validation as check


def delete_folder(request: course_pb2.DeleteFolderRequest, call: Call) -> course_pb2.DeleteFolderResponse:
    folder_id = check.required_id(request.folder_id, field="folder_id")
    choice = request.WhichOneof("contents")
    target = None
    contents: folders.Contents = "refuse"
    if choice == "move_contents_to_parent" and request.move_contents_to_parent:
        contents = "to_parent"
    elif choice == "delete_contents" and request.delete_contents:
        contents = "delete"
    elif choice == "target_folder_id":
        target = check.optional_id(request.target_folder_id, field="target_folder_id")
        if target is None:
            raise InvalidArgument("must name a folder", field="target_folder_id")
        contents = "to_folder"
    result = folders.delete_folder(call, folder_id, if_match=request.if_match, contents=contents,
                                   target_folder_id=target)
    return course_pb2.DeleteFolderResponse(
        moved_course_count=result.moved_courses, moved_folder_count=result.moved_folders,
        deleted_course_count=result.deleted_courses, deleted_folder_count=result.deleted_folders,
    )
