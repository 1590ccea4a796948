"""SMEService.CreateSME. Owners/admins; team leads may create team-scoped SMEs for their own teams."""

from __future__ import annotations

from common.errors import InvalidArgument, PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import check_teams, require_leads_all
from functions.sme.messages import sme_message


def create_sme(request: pb.CreateSMERequest, call: Call) -> pb.CreateSMEResponse:
    principal = call.require_principal()
    values = {"name": validation.name(request.name), "description": validation.description(request.description),
              "domain": validation.domain(request.domain), "scope": validation.scope(request.scope)}
    teams = validation.team_ids(request.team_ids, required=values["scope"] == "team")
    if values["scope"] == "global" and teams:
        raise InvalidArgument("must be empty for a global SME (every team may use it)", field="team_ids")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if values["scope"] == "global" and not viewer.is_admin:
            raise PermissionDenied("only an owner or an admin may create a global SME; team leads create team-scoped ones")
        check_teams(uow, viewer, teams)
        require_leads_all(viewer, teams, doing="create an SME for these teams")
        sme = uow.smes.add(values=values, team_ids=teams, created_by=principal.user_id)
        people = uow.user_summaries.by_ids([sme.created_by])
    return pb.CreateSMEResponse(sme=sme_message(sme, people, storage=call.container.storage))
