"""SMEService.GetSubmission. Users who may use the SME, or its uploader."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import visible_submission
from functions.sme.messages import submission_message


def get_submission(request: pb.GetSubmissionRequest, call: Call) -> pb.GetSubmissionResponse:
    principal = call.require_principal()
    submission_id = inputs.required_id(request.submission_id, field="submission_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        submission, _ = visible_submission(uow, load_viewer(uow, principal), submission_id)
        people = uow.user_summaries.by_ids([submission.uploaded_by])
    return pb.GetSubmissionResponse(submission=submission_message(submission, people, storage=call.container.storage))
