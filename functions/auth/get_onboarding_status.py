"""AuthService.GetOnboardingStatus: the caller's checklist, the steps of their role only."""

from __future__ import annotations

from common.gen.mirai.v1 import auth_pb2 as pb
from common.rpc.context import Call
from functions.auth import onboarding


def get_onboarding_status(request: pb.GetOnboardingStatusRequest, call: Call) -> pb.GetOnboardingStatusResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        recorded = uow.onboarding_steps.of_user(principal.user_id)
    return pb.GetOnboardingStatusResponse(onboarding=onboarding.status(principal.role, recorded))
