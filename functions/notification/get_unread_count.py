"""NotificationService.GetUnreadCount. Any signed-in user.

Polled by the UI: the count is one scan of the caller's unread entries in a
partial index (migration 0007), cheap enough not to need a cache entry that
every ``notify`` in every process would have to invalidate after its commit."""

from __future__ import annotations

from common.gen.mirai.v1 import notification_pb2 as pb
from common.rpc.context import Call


def get_unread_count(request: pb.GetUnreadCountRequest, call: Call) -> pb.GetUnreadCountResponse:
    principal = call.require_principal()
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        return pb.GetUnreadCountResponse(unread_count=uow.notifications.unread_count(principal.user_id))
