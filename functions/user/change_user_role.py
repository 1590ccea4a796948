"""UserService.ChangeUserRole. Owner only; only owners make owners, nobody grants a role
above their own, and the last active owner cannot be demoted."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.enum_names import stored_name
from functions.user import people
from functions.user.messages import avatar_url, user_message


def change_user_role(request: pb.ChangeUserRoleRequest, call: Call) -> pb.ChangeUserRoleResponse:
    principal = call.require_principal()
    user_id = inputs.required_id(request.user_id, field="user_id")
    role = stored_name(common.Role.DESCRIPTOR, inputs.enum_value(request.role, common.Role.DESCRIPTOR, field="role"))
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        user = people.change_role(uow, principal, user_id, role or "")
    return pb.ChangeUserRoleResponse(user=user_message(user, avatar_url=avatar_url(call.container.storage, user)))
