"""UserService.DisableUser: the user can no longer sign in and frees their seat. Owner/admin;
admins cannot disable owners, nobody disables themselves, the last active owner never.

Sessions already cached keep working until their cache entry ends (at most
``SESSION_CACHE_TTL_SECONDS``); the next look-up finds the account disabled."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.user import people
from functions.user.messages import avatar_url, seat_usage_message, user_message

MAX_REASON_CHARS = 500


def disable_user(request: pb.DisableUserRequest, call: Call) -> pb.DisableUserResponse:
    principal = call.require_principal()
    user_id = inputs.required_id(request.user_id, field="user_id")
    inputs.text(request.reason, field="reason", max_chars=MAX_REASON_CHARS)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user, seats = people.disable(uow, principal, user_id)
    return pb.DisableUserResponse(user=user_message(user, avatar_url=avatar_url(call.container.storage, user)),
                                  seat_usage=seat_usage_message(seats))
