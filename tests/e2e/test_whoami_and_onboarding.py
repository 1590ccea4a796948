"""AuthService.Whoami and the onboarding checklist through the local runner with the
generated client, sessions from the Kratos fake, two tenants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from connectrpc.code import Code

from common.gen.mirai.v1 import auth_connect, auth_pb2, common_pb2
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, new_user, owner
from tests.support.rpc_errors import fails
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.e2e
pb = auth_pb2
EVERY_STEP = [
    pb.ONBOARDING_STEP_PROFILE, pb.ONBOARDING_STEP_COMPANY_DETAILS, pb.ONBOARDING_STEP_AI_PROVIDER,
    pb.ONBOARDING_STEP_INVITE_TEAM, pb.ONBOARDING_STEP_TARGET_AUDIENCE, pb.ONBOARDING_STEP_FIRST_SME,
    pb.ONBOARDING_STEP_FIRST_COURSE,
]
MEMBER_STEPS = [
    pb.ONBOARDING_STEP_PROFILE, pb.ONBOARDING_STEP_TARGET_AUDIENCE, pb.ONBOARDING_STEP_FIRST_SME,
    pb.ONBOARDING_STEP_FIRST_COURSE,
]


def _client(runner_url: str) -> auth_connect.AuthServiceClientSync:
    return auth_connect.AuthServiceClientSync(runner_url)


def test_whoami_says_who_the_caller_is_and_where_their_session_ends(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant, container: Container
) -> None:
    lead = new_user(container, kratos, tenant, role="member")
    with container.db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        team = uow.teams.add(company_id=tenant.company_id, name="Safety")
        uow.teams.add_member(team.id, lead.user_id, role="lead")
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email, expires_in=timedelta(hours=2))

    me = _client(runner_url).whoami(pb.WhoamiRequest(), headers={"Authorization": f"Bearer {token}"})

    assert (me.user.id, me.user.email, me.tenant_id) == (str(tenant.owner_id), tenant.owner_email, str(tenant.tenant_id))
    assert me.role == common_pb2.ROLE_OWNER == me.user.role
    assert (me.company.id, me.company.name, me.company.plan, me.company.seat_count) == (
        str(tenant.company_id), "Test Co", common_pb2.PLAN_PRO, 5,
    )
    assert list(me.teams) == []
    assert not me.onboarding_completed and not me.ai_configured
    expires = me.session_expires_at.ToDatetime(tzinfo=UTC)
    assert timedelta(hours=1, minutes=55) < expires - datetime.now(UTC) <= timedelta(hours=2)
    # The second call is served from the session cache, which keeps the expiry too.
    cached = _client(runner_url).whoami(pb.WhoamiRequest(), headers={"Authorization": f"Bearer {token}"})
    assert abs(cached.session_expires_at.ToDatetime(tzinfo=UTC) - expires) < timedelta(milliseconds=1)

    lead_me = _client(runner_url).whoami(pb.WhoamiRequest(), headers=lead.headers)
    assert lead_me.role == common_pb2.ROLE_MEMBER
    assert [(t.team_id, t.team_name, t.role) for t in lead_me.teams] == [(str(team.id), "Safety", common_pb2.TEAM_ROLE_LEAD)]


def test_whoami_of_another_tenant_shows_only_that_tenant(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant, other: SeededTenant
) -> None:
    theirs = _client(runner_url).whoami(pb.WhoamiRequest(), headers=owner(kratos, other).headers)
    assert (theirs.tenant_id, theirs.company.id, theirs.user.id) == (str(other.tenant_id), str(other.company_id), str(other.owner_id))
    assert fails(_client(runner_url).whoami, pb.WhoamiRequest()).code == Code.UNAUTHENTICATED


def test_onboarding_lists_only_the_steps_of_the_callers_role(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant, container: Container
) -> None:
    client = _client(runner_url)
    boss = owner(kratos, tenant)
    member = new_user(container, kratos, tenant, role="member")

    owners = client.get_onboarding_status(pb.GetOnboardingStatusRequest(), headers=boss.headers).onboarding
    assert [s.step for s in owners.steps] == EVERY_STEP
    assert owners.next_step == pb.ONBOARDING_STEP_PROFILE and not owners.completed

    members = client.get_onboarding_status(pb.GetOnboardingStatusRequest(), headers=member.headers).onboarding
    assert [s.step for s in members.steps] == MEMBER_STEPS

    refused = fails(client.complete_onboarding_step,
                    pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_INVITE_TEAM), headers=member.headers)
    assert refused.code == Code.PERMISSION_DENIED and refused.message.startswith("step: ")
    assert not _steps_done(client, member)


def _steps_done(client: auth_connect.AuthServiceClientSync, caller: Caller) -> dict[int, tuple[bool, bool]]:
    status = client.get_onboarding_status(pb.GetOnboardingStatusRequest(), headers=caller.headers).onboarding
    return {s.step: (s.completed, s.skipped) for s in status.steps if s.completed}


def test_completing_steps_is_idempotent_and_finishes_the_checklist(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant, container: Container
) -> None:
    client = _client(runner_url)
    member = new_user(container, kratos, tenant, role="member")
    complete = client.complete_onboarding_step

    first = complete(pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_PROFILE), headers=member.headers).onboarding
    again = complete(pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_PROFILE), headers=member.headers).onboarding
    assert first.steps[0].completed_at == again.steps[0].completed_at
    assert again.next_step == pb.ONBOARDING_STEP_TARGET_AUDIENCE

    complete(pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_FIRST_SME, skipped=True), headers=member.headers)
    assert _steps_done(client, member)[pb.ONBOARDING_STEP_FIRST_SME] == (True, True)
    # Doing a skipped step turns it done; skipping a done one changes nothing.
    complete(pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_FIRST_SME), headers=member.headers)
    complete(pb.CompleteOnboardingStepRequest(step=pb.ONBOARDING_STEP_PROFILE, skipped=True), headers=member.headers)
    done = _steps_done(client, member)
    assert done == {pb.ONBOARDING_STEP_PROFILE: (True, False), pb.ONBOARDING_STEP_FIRST_SME: (True, False)}

    for step in (pb.ONBOARDING_STEP_TARGET_AUDIENCE, pb.ONBOARDING_STEP_FIRST_COURSE):
        last = complete(pb.CompleteOnboardingStepRequest(step=step), headers=member.headers).onboarding
    assert last.completed and last.next_step == pb.ONBOARDING_STEP_UNSPECIFIED
    assert client.whoami(pb.WhoamiRequest(), headers=member.headers).onboarding_completed
    # The owner's checklist is their own.
    assert not _steps_done(client, owner(kratos, tenant))


def test_an_unknown_or_missing_step_is_invalid(runner_url: str, kratos: FakeKratos, tenant: SeededTenant) -> None:
    client = _client(runner_url)
    for step in (0, 99):
        err = fails(client.complete_onboarding_step, pb.CompleteOnboardingStepRequest(step=step),  # type: ignore[arg-type]
                    headers=owner(kratos, tenant).headers)
        assert err.code == Code.INVALID_ARGUMENT and err.message == "step: choose one of the onboarding steps"
