"""The upload landing of SME submissions: S3 reported an object under
``<tenant>/submissions/<submission_id>/files/<name>`` (``functions/jobs/accept_upload.py``).

The object is accepted when a submission of that tenant awaits exactly this key, and
its size and content type are what the upload URL allowed: the submission moves to
``uploaded`` and, in the same transaction, ``io.mirai.ingestion.requested`` is queued.
The status transition is the idempotency guard: a notification delivered again finds
the submission uploaded and changes nothing, so a file is ingested once.

Anything else is refused (deleted, reason logged without the file name): no submission
awaits the key (another tenant's id under this tenant's prefix reads the same: RLS hides
it), it is larger than SME_SUBMISSION_MAX_BYTES, empty, or of another content type. An
awaited submission whose object is refused fails with a reason its uploader can read.
A second, different write to a URL already used (another size or type) is refused too.
"""

from __future__ import annotations

import logging
from typing import Any

from functions.sme.ingestion import request_ingestion
from functions.uploads.landing import LandedUpload, refuse

log = logging.getLogger("mirai.sme")


def _essence(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _problem(landed: LandedUpload, *, expected_type: str, limit: int) -> str | None:
    if landed.size == 0:
        return "the file is empty"
    if landed.size > limit:
        return f"the file is {landed.size} bytes, more than the {limit} bytes allowed"
    if _essence(landed.content_type) != expected_type:
        return f"the file was sent as {_essence(landed.content_type) or 'no content type'}, not {expected_type}"
    return None


def accept_submission(container: Any, landed: LandedUpload) -> None:
    destination = landed.destination
    if destination.owner_id is None:
        refuse(container.storage, landed.key, destination, "no submission is named by this key")
        return
    storage = container.storage
    object_key = storage.full_key(landed.key)
    limit = container.settings.submission_max_bytes
    reason: str | None = None
    queued = False
    with container.db.tenant_session(destination.tenant_id) as uow:
        submission = uow.sme_submissions.find(destination.owner_id)
        if submission is None or submission.object_key != object_key:
            reason = "no submission awaits this object"
        else:
            reason = _problem(landed, expected_type=submission.content_type, limit=limit)
            if submission.status != "awaiting_upload":
                if reason is None and landed.size == submission.size_bytes:
                    log.info("submission %s already landed; notification ignored", submission.id)
                    return
                reason = reason or "the file was replaced after its upload"
            if reason is not None:
                uow.sme_submissions.fail(submission.id, object_key=object_key, reason=reason)
                uow.smes.refresh_status(submission.sme_id)
            else:
                uploaded = uow.sme_submissions.land(submission.id, object_key=object_key, size_bytes=landed.size)
                if uploaded is not None:
                    request_ingestion(uow, uploaded)
                    queued = True
    if reason is not None:
        refuse(storage, landed.key, destination, reason)
    elif queued:
        container.relay_nudge()
