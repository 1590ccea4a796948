"""SMEService.CreateUploadUrl: records a submission awaiting its file and returns a presigned
PUT for it. The assignee of an open task, or users who can edit the SME (direct upload).

The URL fixes the content type (the PUT must send it; landing.py refuses an object of
another type) and lives S3_PRESIGN_TTL_SECONDS. Presigning is local computation, done
after the commit; ingestion starts when storage reports the object (landing.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from common import storage_keys
from common.errors import InvalidArgument, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions.course.validation import optional_id
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import editable_sme, require_editor, visible_task
from functions.sme.messages import submission_message
from functions.sme.tasks import require_active


def create_upload_url(request: pb.CreateUploadUrlRequest, call: Call) -> pb.CreateUploadUrlResponse:
    principal = call.require_principal()
    task_id = optional_id(request.task_id, field="task_id")
    sme_id = optional_id(request.sme_id, field="sme_id")
    if task_id is None and sme_id is None:
        raise InvalidArgument("is required for an upload without a task", field="sme_id")
    content_type = validation.content_type(request.content_type)
    file_name = validation.document_name(request.file_name, content_type)
    size = validation.size_bytes(request.size_bytes, limit=call.container.settings.submission_max_bytes)
    submission_id = uuid.uuid4()
    key = storage_keys.submission_file(principal.tenant_id, submission_id, file_name)
    storage = call.container.storage
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if task_id is not None:
            task, sme = visible_task(uow, viewer, task_id)
            if sme_id is not None and sme_id != task.sme_id:
                raise InvalidArgument("names another SME than the task's; leave it empty", field="sme_id")
            if task.assignee_id != principal.user_id:
                if sme is None:
                    raise PermissionDenied("only the task's assignee or an editor of its SME may upload for it")
                require_editor(viewer, sme, doing="upload for this task")
            require_active(task, doing="answered with files")
            sme_id = task.sme_id
        else:
            assert sme_id is not None
            editable_sme(uow, viewer, sme_id, doing="upload documents to it")
        submission = uow.sme_submissions.add(
            submission_id=submission_id, sme_id=sme_id, task_id=task_id, file_name=file_name,
            content_type=content_type, size_bytes=size, object_key=storage.full_key(key), uploaded_by=principal.user_id,
        )
        people = uow.user_summaries.by_ids([submission.uploaded_by])
    ttl = call.container.settings.s3.presign_ttl_seconds
    url = storage.presigned_upload_url(key, content_type=content_type, expires_in=ttl)
    response = pb.CreateUploadUrlResponse(
        submission_id=str(submission.id), upload_url=url, required_headers={"Content-Type": content_type},
        submission=submission_message(submission, people, storage=storage),
    )
    response.expires_at.FromDatetime(datetime.now(UTC) + timedelta(seconds=ttl))
    return response
