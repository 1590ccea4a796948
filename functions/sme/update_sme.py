"""SMEService.UpdateSME: partial update under if_match. Owners/admins, or its creator
while leading one of its teams. Opening an SME to everyone (global) is for owners/admins."""

from __future__ import annotations

from typing import Any

from common.errors import FailedPrecondition, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.if_match import expected_version
from functions.sme import validation
from functions.sme.access import editable_sme
from functions.sme.messages import sme_message

STALE = "the SME was changed since it was read; reload and retry"


def _changes(request: pb.UpdateSMERequest) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if request.HasField("name"):
        changes["name"] = validation.name(request.name)
    if request.HasField("description"):
        changes["description"] = validation.description(request.description)
    if request.HasField("domain"):
        changes["domain"] = validation.domain(request.domain)
    if request.HasField("scope"):
        changes["scope"] = validation.scope(request.scope, default=None)
    return changes


def update_sme(request: pb.UpdateSMERequest, call: Call) -> pb.UpdateSMEResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    changes = _changes(request)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        sme = editable_sme(uow, viewer, sme_id, doing="change this SME")
        expected = expected_version(request.if_match, sme, conflict=STALE)
        if changes.get("scope") == "global" and sme.scope != "global" and not viewer.is_admin:
            raise PermissionDenied("only an owner or an admin may open an SME to every team")
        if changes.get("scope") == "team" and not sme.team_ids:
            raise FailedPrecondition("grant at least one team access before making the SME team-scoped")
        if changes:
            sme = uow.smes.update(sme_id, changes, expected_version=expected)
        people = uow.user_summaries.by_ids([sme.created_by])
    return pb.UpdateSMEResponse(sme=sme_message(sme, people, storage=call.container.storage))
