"""NotificationService.ListNotifications: the caller's own, newest first. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import notification_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.enum_names import stored_name
from functions.notification.messages import NOTIFICATION_TYPE, to_proto


def list_notifications(request: pb.ListNotificationsRequest, call: Call) -> pb.ListNotificationsResponse:
    principal = call.require_principal()
    types = {
        stored_name(NOTIFICATION_TYPE, inputs.enum_value(t, NOTIFICATION_TYPE, field="types")) or ""
        for t in request.types
    }
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        page = uow.notifications.list_for(
            principal.user_id, unread_only=request.unread_only, types=types, page_size=request.page_size,
            page_token=request.page_token,
        )
        unread = uow.notifications.unread_count(principal.user_id)
        people = uow.user_summaries.by_ids(n.actor_id for n in page.items)
    storage = call.container.storage
    return pb.ListNotificationsResponse(
        notifications=[to_proto(n, people, storage=storage) for n in page.items],
        next_page_token=page.next_page_token,
        unread_count=unread,
    )
