"""The one way any area tells a user something: ``notify(uow, ...)``.

It writes through the caller's unit of work, so the notification commits or
rolls back with the change that caused it. Keeping it the only entry point is
what lets email delivery (``notifications.email_sent_at``, an SMTP adapter not
built yet) be added here once, as an outbox event in the same transaction,
without touching the areas that notify.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from common.errors import InvalidArgument
from common.repos.notifications import NewNotification, Notification

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

NotificationType = Literal[
    "outline_ready", "outline_failed", "lessons_ready", "lessons_failed", "export_ready", "export_failed",
    "sme_task_assigned", "sme_task_due_soon", "sme_task_completed", "submission_processed", "submission_failed",
    "invitation_accepted", "team_member_added", "seats_exhausted", "payment_failed", "subscription_updated",
    "quota_warning", "ai_key_invalid", "system",
]
ResourceType = Literal[
    "course", "outline", "job", "export", "sme", "sme_task", "submission", "team", "user", "invitation", "company",
    "subscription",
]
NOTIFICATION_TYPES: tuple[str, ...] = get_args(NotificationType)
RESOURCE_TYPES: tuple[str, ...] = get_args(ResourceType)
SINGLETON_RESOURCES = frozenset({"company", "subscription"})

MAX_TITLE_CHARS = 200
MAX_MESSAGE_CHARS = 2000
MAX_LINK_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# App-relative only: "/courses/<id>", never "//host" or "https://..." (no open redirects from a notification).
_LINK = re.compile(r"/(?![/\\])[^\s\\]*")


@dataclass(frozen=True)
class Resource:
    """What a notification points at. ``id`` is None only for the singletons (company,
    subscription); ``course_id`` is the parent course of an export, job or outline."""

    type: ResourceType
    id: uuid.UUID | None = None
    course_id: uuid.UUID | None = None


def _checked_text(value: str, *, field: str, max_chars: int, required: bool) -> str:
    cleaned = value.strip()
    if (required and not cleaned) or len(cleaned) > max_chars or _CONTROL.search(cleaned):
        raise InvalidArgument(f"must be 1 to {max_chars} characters of text", field=field)
    return cleaned


def _checked_resource(resource: Resource | None) -> Resource | None:
    if resource is None:
        return None
    if resource.type not in RESOURCE_TYPES:
        raise InvalidArgument(f"unknown resource type {resource.type!r}", field="resource")
    if resource.id is None and resource.type not in SINGLETON_RESOURCES:
        raise InvalidArgument(f"a {resource.type} resource needs its id", field="resource")
    return resource


def notify(uow: UnitOfWork, *, user_id: uuid.UUID, type: NotificationType, title: str, message: str,
           link: str | None = None, resource: Resource | None = None, actor_id: uuid.UUID | None = None) -> Notification:
    """Adds an unread notification for ``user_id`` (a user of ``uow``'s tenant) in ``uow``'s transaction.

    ``actor_id`` is the user who caused it (None for system events). A recipient or actor
    that is not a user of the tenant is ``NotFound``; bad text is ``InvalidArgument``. Both
    come from the calling code, not from the end user, so callers normally let them fail.
    """
    if type not in NOTIFICATION_TYPES:
        raise InvalidArgument(f"unknown notification type {type!r}", field="type")
    link = (link or "").strip()
    if link and (len(link) > MAX_LINK_CHARS or not _LINK.fullmatch(link)):
        raise InvalidArgument("must be an app-relative path such as /courses/<id>", field="link")
    checked = _checked_resource(resource)
    return uow.notifications.add(NewNotification(
        user_id=user_id,
        type=type,
        title=_checked_text(title, field="title", max_chars=MAX_TITLE_CHARS, required=True),
        message=_checked_text(message, field="message", max_chars=MAX_MESSAGE_CHARS, required=False),
        link=link,
        resource_type=checked.type if checked else None,
        resource_id=checked.id if checked else None,
        resource_course_id=checked.course_id if checked else None,
        actor_id=actor_id,
    ))
