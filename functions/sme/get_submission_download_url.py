"""SMEService.GetSubmissionDownloadUrl: a presigned GET of the original file (S3_PRESIGN_TTL_SECONDS).
Users who may use the SME, or its uploader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import visible_submission


def get_submission_download_url(request: pb.GetSubmissionDownloadUrlRequest,
                                call: Call) -> pb.GetSubmissionDownloadUrlResponse:
    principal = call.require_principal()
    submission_id = inputs.required_id(request.submission_id, field="submission_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        submission, _ = visible_submission(uow, load_viewer(uow, principal), submission_id)
    if submission.uploaded_at is None:
        raise FailedPrecondition("the file has not arrived in storage; there is nothing to download")
    storage = call.container.storage
    key = storage.relative_key(storage.bucket, submission.object_key)
    if key is None:
        raise FailedPrecondition("the file is kept outside this deployment's storage")
    ttl = call.container.settings.s3.presign_ttl_seconds
    response = pb.GetSubmissionDownloadUrlResponse(
        download_url=storage.presigned_download_url(key, expires_in=ttl), file_name=submission.file_name,
        size_bytes=submission.size_bytes,
    )
    response.expires_at.FromDatetime(datetime.now(UTC) + timedelta(seconds=ttl))
    return response
