"""SMEService.CompleteTask. Its assignee, its creator or an owner/admin; the creator is
told when someone else completes it."""

from __future__ import annotations

from common.errors import PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.notification.notify import Resource, notify
from functions.sme import validation
from functions.sme.access import manages_task, visible_task
from functions.sme.messages import task_message
from functions.sme.tasks import TASK_LINK, closed_meanwhile, require_active


def complete_task(request: pb.CompleteTaskRequest, call: Call) -> pb.CompleteTaskResponse:
    principal = call.require_principal()
    task_id = inputs.required_id(request.task_id, field="task_id")
    note = validation.note(request.completion_note, field="completion_note")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        task, _ = visible_task(uow, viewer, task_id)
        if not (manages_task(viewer, task) or task.assignee_id == principal.user_id):
            raise PermissionDenied("only the task's assignee, its creator, an owner or an admin may complete it")
        require_active(task, doing="completed")
        done = uow.sme_tasks.complete(task_id, note=note)
        if done is None:
            raise closed_meanwhile()
        if done.created_by is not None and done.created_by != principal.user_id:
            notify(uow, user_id=done.created_by, type="sme_task_completed", title=f"Task completed: {done.title}"[:200],
                   message=note, link=TASK_LINK.format(id=done.id), resource=Resource("sme_task", done.id),
                   actor_id=principal.user_id)
        people = uow.user_summaries.by_ids([done.assignee_id, done.created_by])
    return pb.CompleteTaskResponse(task=task_message(done, people, storage=call.container.storage))
