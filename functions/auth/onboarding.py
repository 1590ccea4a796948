"""The onboarding checklist: which steps apply to which role, and the caller's progress."""

from __future__ import annotations

from collections.abc import Mapping

from common.errors import InvalidArgument, PermissionDenied
from common.gen.mirai.v1 import auth_pb2 as pb
from common.repos.onboarding_steps import StepState
from functions.enum_names import stored_name
from functions.user.messages import timestamp

_STEP = pb.OnboardingStep.DESCRIPTOR
_MANAGERS = frozenset({"owner", "admin"})
# Steps about the company itself are the managers'; the rest are everyone's (the contract's comments).
_MANAGER_ONLY = frozenset({pb.ONBOARDING_STEP_COMPANY_DETAILS, pb.ONBOARDING_STEP_AI_PROVIDER, pb.ONBOARDING_STEP_INVITE_TEAM})


def steps_for(role: str) -> list[int]:
    """The steps of ``role``, in display order (the enum's order)."""
    every = [value.number for value in _STEP.values if value.number != 0]
    return [step for step in every if role in _MANAGERS or step not in _MANAGER_ONLY]


def checked_step(step: int, *, role: str) -> str:
    """The stored name of a step the caller may record."""
    if step not in _STEP.values_by_number or step == 0:
        raise InvalidArgument("choose one of the onboarding steps", field="step")
    if step not in steps_for(role):
        raise PermissionDenied(f"{stored_name(_STEP, step)} is for owners and admins", field="step")
    return str(stored_name(_STEP, step))


def status(role: str, recorded: Mapping[str, StepState]) -> pb.OnboardingStatus:
    states = []
    for step in steps_for(role):
        done = recorded.get(str(stored_name(_STEP, step)))
        states.append(pb.OnboardingStepState(
            step=pb.OnboardingStep.ValueType(step), completed=done is not None, skipped=done is not None and done.state == "skipped",
            completed_at=timestamp(done.completed_at if done else None),
        ))
    pending = [state.step for state in states if not state.completed]
    return pb.OnboardingStatus(steps=states, next_step=pending[0] if pending else pb.ONBOARDING_STEP_UNSPECIFIED, completed=not pending)
