"""NotificationService.MarkAllNotificationsRead. Any signed-in user, own notifications only."""

from __future__ import annotations

from common.gen.mirai.v1 import notification_pb2 as pb
from common.rpc.context import Call
from functions import inputs


def mark_all_notifications_read(
    request: pb.MarkAllNotificationsReadRequest, call: Call
) -> pb.MarkAllNotificationsReadResponse:
    principal = call.require_principal()
    before = inputs.timestamp(request.before, field="before") if request.HasField("before") else None
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        updated = uow.notifications.mark_all_read(principal.user_id, created_before=before)
        unread = uow.notifications.unread_count(principal.user_id)
    return pb.MarkAllNotificationsReadResponse(updated_count=updated, unread_count=unread)
