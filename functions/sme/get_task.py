"""SMEService.GetTask. Its assignee, its creator, or users who can edit the SME."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme.access import visible_task
from functions.sme.messages import task_message


def get_task(request: pb.GetTaskRequest, call: Call) -> pb.GetTaskResponse:
    principal = call.require_principal()
    task_id = inputs.required_id(request.task_id, field="task_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        task, _ = visible_task(uow, load_viewer(uow, principal), task_id)
        people = uow.user_summaries.by_ids([task.assignee_id, task.created_by])
    return pb.GetTaskResponse(task=task_message(task, people, storage=call.container.storage))
