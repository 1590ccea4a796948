"""UserService.GetProfile: the caller's profile and team memberships. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions.user.messages import AVATAR_URL_TTL_SECONDS, avatar_url, membership_message, user_message

__all__ = ["AVATAR_URL_TTL_SECONDS", "get_profile"]


def get_profile(request: pb.GetProfileRequest, call: Call) -> pb.GetProfileResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user = uow.users.get(principal.user_id)
        memberships = uow.teams.teams_of(principal.user_id)
    return pb.GetProfileResponse(
        user=user_message(user, avatar_url=avatar_url(call.container.storage, user)),
        teams=[membership_message(m) for m in memberships],
    )
