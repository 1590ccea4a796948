"""UserService.UpdateProfile: the caller's own names, locale, time zone and avatar. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from functions.uploads.images import discard_removed
from functions.user.messages import avatar_url, user_message
from functions.user.profile_fields import avatar_key, profile_changes


def update_profile(request: pb.UpdateProfileRequest, call: Call) -> pb.UpdateProfileResponse:
    principal = call.require_principal()
    changes = profile_changes(request)
    removed = None
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        if request.HasField("avatar_object_key"):
            current = uow.users.get(principal.user_id).avatar_object_key
            changes["avatar_object_key"] = avatar_key(request.avatar_object_key, principal, current)
            removed = current if changes["avatar_object_key"] is None else None
        user = uow.users.update_profile(principal.user_id, changes) if changes else uow.users.get(principal.user_id)
    discard_removed(call.container.storage, removed)
    return pb.UpdateProfileResponse(user=user_message(user, avatar_url=avatar_url(call.container.storage, user)))
