"""UserService.GetUser: one user of the company and their teams. Any signed-in user;
a disabled user is visible to owners and admins only."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.user.messages import avatar_url, membership_message, user_message
from functions.user.people import visible_user


def get_user(request: pb.GetUserRequest, call: Call) -> pb.GetUserResponse:
    principal = call.require_principal()
    user_id = inputs.required_id(request.user_id, field="user_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user = visible_user(uow, principal, user_id)
        memberships = uow.teams.teams_of(user_id)
    return pb.GetUserResponse(
        user=user_message(user, avatar_url=avatar_url(call.container.storage, user)),
        teams=[membership_message(m) for m in memberships],
    )
