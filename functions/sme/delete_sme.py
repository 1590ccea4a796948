"""SMEService.DeleteSME: the SME with its tasks, submissions, files and knowledge. Owners/admins
(access.py). Courses generated from it keep their content. Objects go after the commit."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.if_match import expected_version
from functions.sme.access import usable_sme
from functions.sme.files import remove_objects
from functions.sme.update_sme import STALE


def delete_sme(request: pb.DeleteSMERequest, call: Call) -> pb.DeleteSMEResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        sme = usable_sme(uow, load_viewer(uow, principal), sme_id)
        expected = expected_version(request.if_match, sme, conflict=STALE)
        submissions, chunks = uow.smes.delete(sme_id, expected_version=expected)
    remove_objects(call.container.storage, principal.tenant_id, submission_ids=submissions, sme_id=sme_id)
    return pb.DeleteSMEResponse(deleted_submission_count=len(submissions), deleted_chunk_count=chunks)
