"""UserService.EnableUser: a disabled user may sign in again; takes a free seat
(``resource_exhausted`` when none is). Owner/admin."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.user import people
from functions.user.messages import avatar_url, seat_usage_message, user_message


def enable_user(request: pb.EnableUserRequest, call: Call) -> pb.EnableUserResponse:
    principal = call.require_principal()
    user_id = inputs.required_id(request.user_id, field="user_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user, seats = people.enable(uow, principal, user_id)
    return pb.EnableUserResponse(user=user_message(user, avatar_url=avatar_url(call.container.storage, user)),
                                 seat_usage=seat_usage_message(seats))
