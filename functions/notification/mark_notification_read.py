"""NotificationService.MarkNotificationRead. Any signed-in user, own notifications only.

An id that is not one of the caller's notifications is ``not_found`` and nothing
is marked; another user's id and an id that never existed answer alike, so the
call tells nobody which ids exist."""

from __future__ import annotations

from common.gen.mirai.v1 import notification_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.notification.messages import MAX_IDS_PER_CALL


def mark_notification_read(request: pb.MarkNotificationReadRequest, call: Call) -> pb.MarkNotificationReadResponse:
    principal = call.require_principal()
    ids = inputs.id_list(request.notification_ids, field="notification_ids", max_items=MAX_IDS_PER_CALL)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        updated = uow.notifications.mark_read(principal.user_id, ids)
        unread = uow.notifications.unread_count(principal.user_id)
    return pb.MarkNotificationReadResponse(updated_count=updated, unread_count=unread)
