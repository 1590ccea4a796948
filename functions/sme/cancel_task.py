"""SMEService.CancelTask: files already uploaded are kept. Its creator or an owner/admin."""

from __future__ import annotations

from common.errors import PermissionDenied
from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import manages_task, visible_task
from functions.sme.messages import task_message
from functions.sme.tasks import closed_meanwhile, require_active


def cancel_task(request: pb.CancelTaskRequest, call: Call) -> pb.CancelTaskResponse:
    principal = call.require_principal()
    task_id = inputs.required_id(request.task_id, field="task_id")
    reason = validation.note(request.reason, field="reason")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        task, _ = visible_task(uow, viewer, task_id)
        if not manages_task(viewer, task):
            raise PermissionDenied("only the task's creator, an owner or an admin may cancel it")
        require_active(task, doing="cancelled")
        cancelled = uow.sme_tasks.cancel(task_id, reason=reason)
        if cancelled is None:
            raise closed_meanwhile()
        people = uow.user_summaries.by_ids([cancelled.assignee_id, cancelled.created_by])
    return pb.CancelTaskResponse(task=task_message(cancelled, people, storage=call.container.storage))
