"""SMEService.ReprocessSubmission: a failed (or processed, to refresh) submission whose file
is in storage is queued for ingestion again. Users who can edit the SME."""

from __future__ import annotations

from common.errors import FailedPrecondition, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import require_editor, visible_submission
from functions.sme.ingestion import request_ingestion
from functions.sme.messages import submission_message

REPROCESSABLE = ("failed", "processed")


def reprocess_submission(request: pb.ReprocessSubmissionRequest, call: Call) -> pb.ReprocessSubmissionResponse:
    principal = call.require_principal()
    submission_id = inputs.required_id(request.submission_id, field="submission_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        submission, sme = visible_submission(uow, viewer, submission_id)
        if sme is None:
            raise PermissionDenied("only users who can edit the SME may reprocess its files")
        require_editor(viewer, sme, doing="reprocess its files")
        if submission.uploaded_at is None:
            raise FailedPrecondition("the file never arrived in storage; upload it again with a new upload URL")
        queued = uow.sme_submissions.requeue(submission_id, from_statuses=REPROCESSABLE)
        if queued is None:
            raise FailedPrecondition(f"the submission is {submission.status}; only a failed or processed one is reprocessed")
        request_ingestion(uow, queued)
        people = uow.user_summaries.by_ids([queued.uploaded_by])
    call.container.relay_nudge()
    return pb.ReprocessSubmissionResponse(submission=submission_message(queued, people, storage=call.container.storage))
