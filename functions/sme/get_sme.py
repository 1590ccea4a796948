"""SMEService.GetSME. Users who may use it (others get not_found)."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import can_edit, usable_sme
from functions.sme.messages import sme_message


def get_sme(request: pb.GetSMERequest, call: Call) -> pb.GetSMEResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        sme = usable_sme(uow, viewer, sme_id)
        people = uow.user_summaries.by_ids([sme.created_by])
    return pb.GetSMEResponse(sme=sme_message(sme, people, storage=call.container.storage), can_edit=can_edit(viewer, sme))
