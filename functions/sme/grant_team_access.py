"""SMEService.GrantTeamAccess: more teams may use a team-scoped SME. Owners/admins, or a
lead of every team granted. A global SME may be granted teams too: they take effect when
it becomes team-scoped (UpdateSME needs at least one granted team for that)."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.if_match import expected_version
from functions.sme import validation
from functions.sme.access import check_teams, require_leads_all, usable_sme
from functions.sme.messages import sme_message
from functions.sme.update_sme import STALE


def grant_team_access(request: pb.GrantTeamAccessRequest, call: Call) -> pb.GrantTeamAccessResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    teams = validation.team_ids(request.team_ids, required=True)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        sme = usable_sme(uow, viewer, sme_id)
        check_teams(uow, viewer, teams)
        require_leads_all(viewer, teams, doing="grant these teams access")
        expected = expected_version(request.if_match, sme, conflict=STALE)
        sme = uow.smes.change_access(sme_id, grant=teams, granted_by=principal.user_id, expected_version=expected)
        people = uow.user_summaries.by_ids([sme.created_by])
    return pb.GrantTeamAccessResponse(sme=sme_message(sme, people, storage=call.container.storage))
