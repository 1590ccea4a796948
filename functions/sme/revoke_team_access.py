"""SMEService.RevokeTeamAccess. Owners/admins (access.py); a team-scoped SME keeps at least one team."""

from __future__ import annotations

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.if_match import expected_version
from functions.sme import validation
from functions.sme.access import check_teams, usable_sme
from functions.sme.messages import sme_message
from functions.sme.update_sme import STALE


def revoke_team_access(request: pb.RevokeTeamAccessRequest, call: Call) -> pb.RevokeTeamAccessResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    teams = validation.team_ids(request.team_ids, required=True)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        usable_sme(uow, viewer, sme_id)
        # Locked before counting what remains: two revokes at once cannot both leave "one other team".
        sme = uow.smes.lock(sme_id)
        check_teams(uow, viewer, teams)
        if sme.scope == "team" and not set(sme.team_ids) - set(teams):
            raise FailedPrecondition("a team-scoped SME keeps at least one team; grant another first or delete it")
        expected = expected_version(request.if_match, sme, conflict=STALE)
        sme = uow.smes.change_access(sme_id, revoke=teams, granted_by=None, expected_version=expected)
        people = uow.user_summaries.by_ids([sme.created_by])
    return pb.RevokeTeamAccessResponse(sme=sme_message(sme, people, storage=call.container.storage))
