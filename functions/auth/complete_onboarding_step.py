"""AuthService.CompleteOnboardingStep: records a step done or skipped. Idempotent."""

from __future__ import annotations

from common.gen.mirai.v1 import auth_pb2 as pb
from common.rpc.context import Call
from functions.auth import onboarding


def complete_onboarding_step(request: pb.CompleteOnboardingStepRequest, call: Call) -> pb.CompleteOnboardingStepResponse:
    principal = call.require_principal()
    step = onboarding.checked_step(request.step, role=principal.role)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        uow.onboarding_steps.record(principal.user_id, step, skipped=request.skipped)
        recorded = uow.onboarding_steps.of_user(principal.user_id)
    return pb.CompleteOnboardingStepResponse(onboarding=onboarding.status(principal.role, recorded))
