"""SMEService.UpdateTask: title, instructions, deadline, assignee of a task not yet closed.
Its creator or an owner/admin; a new assignee is notified (in-app and mail)."""

from __future__ import annotations

from typing import Any

from common.errors import PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.repos.sme_tasks import ACTIVE
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import manages_task, visible_task
from functions.sme.messages import task_message
from functions.sme.tasks import active_assignee, closed_meanwhile, require_active, tell_assignee


def _changes(request: pb.UpdateTaskRequest) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if request.HasField("title"):
        changes["title"] = validation.task_title(request.title)
    if request.HasField("instructions"):
        changes["instructions"] = validation.instructions(request.instructions)
    if request.HasField("due_at"):
        changes["due_at"] = validation.due_at(request.due_at)
    elif request.clear_due_at:
        changes["due_at"] = None
    if request.HasField("assignee_user_id"):
        changes["assignee_id"] = inputs.required_id(request.assignee_user_id, field="assignee_user_id")
    return changes


def update_task(request: pb.UpdateTaskRequest, call: Call) -> pb.UpdateTaskResponse:
    principal = call.require_principal()
    task_id = inputs.required_id(request.task_id, field="task_id")
    changes = _changes(request)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        task, _ = visible_task(uow, viewer, task_id)
        if not manages_task(viewer, task):
            raise PermissionDenied("only the task's creator, an owner or an admin may change it")
        require_active(task, doing="changed")
        reassigned = "assignee_id" in changes and changes["assignee_id"] != task.assignee_id
        assignee = active_assignee(uow, changes["assignee_id"]) if reassigned else None
        if changes:
            updated = uow.sme_tasks.change(task_id, changes, from_statuses=ACTIVE)
            if updated is None:
                raise closed_meanwhile()
            task = updated
        if assignee is not None:
            tell_assignee(uow, task=task, sme=uow.smes.get(task.sme_id), assignee=assignee,
                          assigner=uow.users.get(principal.user_id))
        people = uow.user_summaries.by_ids([task.assignee_id, task.created_by])
    if assignee is not None:
        call.container.relay_nudge()
    return pb.UpdateTaskResponse(task=task_message(task, people, storage=call.container.storage))
