"""SMEService.DeleteSubmission: the submission, its file and the chunks drawn from it (the
foreign key cascades; the object goes after the commit). Its uploader or users who can edit the SME."""

from __future__ import annotations

from common.errors import PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import can_edit, visible_submission
from functions.sme.files import remove_objects


def delete_submission(request: pb.DeleteSubmissionRequest, call: Call) -> pb.DeleteSubmissionResponse:
    principal = call.require_principal()
    submission_id = inputs.required_id(request.submission_id, field="submission_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        submission, sme = visible_submission(uow, viewer, submission_id)
        if submission.uploaded_by != principal.user_id and not (sme is not None and can_edit(viewer, sme)):
            raise PermissionDenied("only the file's uploader or an editor of its SME may delete it")
        chunks = uow.sme_submissions.delete(submission_id)
        uow.smes.refresh_status(submission.sme_id)
    remove_objects(call.container.storage, principal.tenant_id, submission_ids=[submission_id])
    return pb.DeleteSubmissionResponse(deleted_chunk_count=chunks)
