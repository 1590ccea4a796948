"""Rows ↔ the contract's Notification, and the rules the NotificationService RPCs share."""

from __future__ import annotations

import uuid
from typing import Any

from common.gen.mirai.v1 import notification_pb2
from common.repos.notifications import Notification
from common.repos.user_summaries import UserSummaryRow
from functions.enum_names import enum_number
from functions.user_summary import user_summary

NOTIFICATION_TYPE = notification_pb2.NotificationType.DESCRIPTOR
RESOURCE_TYPE = notification_pb2.ResourceType.DESCRIPTOR

MAX_IDS_PER_CALL = 200  # one page at the largest page size


def to_proto(row: Notification, people: dict[uuid.UUID, UserSummaryRow], *, storage: Any) -> Any:
    message = notification_pb2.Notification(
        id=str(row.id),
        type=notification_pb2.NotificationType.ValueType(enum_number(NOTIFICATION_TYPE, row.type)),
        title=row.title,
        message=row.message,
        link=row.link,
        read=row.read_at is not None,
    )
    if row.resource_type is not None:
        message.resource.CopyFrom(notification_pb2.ResourceRef(
            type=notification_pb2.ResourceType.ValueType(enum_number(RESOURCE_TYPE, row.resource_type)),
            id=str(row.resource_id) if row.resource_id else "",
            course_id=str(row.resource_course_id) if row.resource_course_id else "",
        ))
    if row.read_at is not None:
        message.read_at.FromDatetime(row.read_at)
    message.created_at.FromDatetime(row.created_at)
    actor = user_summary(row.actor_id, people, storage=storage)
    if actor is not None:
        message.actor.CopyFrom(actor)
    return message
