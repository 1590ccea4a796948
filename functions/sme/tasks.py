"""What the task RPCs share: telling an assignee about a task (in-app and by mail, both
in the caller's transaction) and the task states that still take changes."""

from __future__ import annotations

from typing import Any

from common.errors import FailedPrecondition, NotFound
from common.repos.sme_tasks import ACTIVE, SmeTask
from common.repos.smes import Sme
from common.repos.users import User
from functions.mail.messages import Recipient
from functions.mail.requests import request_task_assigned, request_task_due_soon
from functions.notification.notify import Resource, notify

TASK_LINK = "/sme/tasks/{id}"



def active_assignee(uow: Any, user_id: Any) -> User:
    """An active user of the company; another tenant's or an unknown id is ``NotFound``."""
    try:
        user: User = uow.users.get(user_id)
    except NotFound:
        raise NotFound("user not found", field="assignee_user_id") from None
    if user.status != "active":
        raise FailedPrecondition("the assignee's account is disabled; choose an active user", field="assignee_user_id")
    return user


def _display_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".strip() or user.email


def _recipient(user: User) -> Recipient:
    return Recipient(user.email, f"{user.first_name} {user.last_name}".strip()[:200])


def _due(task: SmeTask) -> str:
    return task.due_at.strftime("%Y-%m-%d %H:%M UTC") if task.due_at else ""


def tell_assignee(uow: Any, *, task: SmeTask, sme: Sme, assignee: User, assigner: User) -> None:
    notify(uow, user_id=assignee.id, type="sme_task_assigned", title=f"Documents requested: {task.title}"[:200],
           message=f"{_display_name(assigner)} asked you for documents for {sme.name}.",
           link=TASK_LINK.format(id=task.id), resource=Resource("sme_task", task.id), actor_id=assigner.id)
    request_task_assigned(
        uow, to=_recipient(assignee), locale=assignee.locale, assigner_name=_display_name(assigner)[:200],
        sme_name=sme.name, task_title=task.title, task_id=task.id, due_date=_due(task),
    )


def remind_assignee(uow: Any, *, task: SmeTask, sme: Sme, assignee: User) -> None:
    """A day before the deadline: in-app and by mail, in the transaction that marks it sent."""
    notify(uow, user_id=assignee.id, type="sme_task_due_soon", title=f"Due soon: {task.title}"[:200],
           message=f"The documents for {sme.name} are due {_due(task)}.", link=TASK_LINK.format(id=task.id),
           resource=Resource("sme_task", task.id))
    request_task_due_soon(uow, to=_recipient(assignee), locale=assignee.locale, sme_name=sme.name,
                          task_title=task.title, task_id=task.id, due_date=_due(task))


def require_active(task: SmeTask, *, doing: str) -> None:
    if task.status not in ACTIVE:
        raise FailedPrecondition(f"the task is {task.status}; only an open or submitted task can be {doing}")


def closed_meanwhile() -> FailedPrecondition:
    """The task was completed or cancelled between reading it and the guarded write."""
    return FailedPrecondition("the task was closed meanwhile; only an open or submitted task can change")
