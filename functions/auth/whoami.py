"""AuthService.Whoami: who the caller is (user, company, role, teams) and how far they are set up."""

from __future__ import annotations

from common.gen.mirai.v1 import auth_pb2 as pb
from common.rpc.context import Call
from functions.auth import onboarding
from functions.company.messages import company_message
from functions.user.get_profile import AVATAR_URL_TTL_SECONDS
from functions.user.messages import ROLES, membership_message, timestamp, user_message

# A key the provider refused is not usable; one over quota still is (the quota resets).
_USABLE_KEY_STATUSES = frozenset({"valid", "quota_exceeded"})


def whoami(request: pb.WhoamiRequest, call: Call) -> pb.WhoamiResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user = uow.users.get(principal.user_id)
        company = uow.companies.current()
        memberships = uow.teams.teams_of(principal.user_id)
        recorded = uow.onboarding_steps.of_user(principal.user_id)
        ai_settings = uow.ai_settings.get()
    # Presigning signs locally (no request to S3), after the transaction all the same.
    storage = call.container.storage
    avatar_url = storage.presigned_download_url(user.avatar_object_key, expires_in=AVATAR_URL_TTL_SECONDS) if user.avatar_object_key else ""
    logo_url = storage.presigned_download_url(company.logo_object_key, expires_in=AVATAR_URL_TTL_SECONDS) if company.logo_object_key else ""
    return pb.WhoamiResponse(
        user=user_message(user, avatar_url=avatar_url),
        company=company_message(company, logo_url=logo_url),
        tenant_id=str(principal.tenant_id),
        role=ROLES[user.role],
        teams=[membership_message(m) for m in memberships],
        onboarding_completed=onboarding.status(user.role, recorded).completed,
        session_expires_at=timestamp(principal.session_expires_at),
        ai_configured=ai_settings is not None and ai_settings.has_key and ai_settings.key_status in _USABLE_KEY_STATUSES,
    )
