"""SMEService.CreateTask: delegates gathering an SME's documents to an active company user,
who is notified in-app and by mail (both committed with the task). Users who can edit the SME."""

from __future__ import annotations

from typing import Any

from common.gen.mirai.v1 import sme_pb2 as pb
from common.rpc.context import Call
from functions import inputs
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import editable_sme
from functions.sme.messages import task_message
from functions.sme.tasks import active_assignee, tell_assignee


def create_task(request: pb.CreateTaskRequest, call: Call) -> pb.CreateTaskResponse:
    principal = call.require_principal()
    sme_id = inputs.required_id(request.sme_id, field="sme_id")
    assignee_id = inputs.required_id(request.assignee_user_id, field="assignee_user_id")
    values: dict[str, Any] = {"title": validation.task_title(request.title),
                              "instructions": validation.instructions(request.instructions),
                              "assignee_id": assignee_id}
    if request.HasField("due_at"):
        values["due_at"] = validation.due_at(request.due_at)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        sme = editable_sme(uow, load_viewer(uow, principal), sme_id, doing="delegate gathering its documents")
        assignee = active_assignee(uow, assignee_id)
        task = uow.sme_tasks.add(sme_id=sme_id, values=values, created_by=principal.user_id)
        tell_assignee(uow, task=task, sme=sme, assignee=assignee, assigner=uow.users.get(principal.user_id))
        people = uow.user_summaries.by_ids([task.assignee_id, task.created_by])
    call.container.relay_nudge()
    return pb.CreateTaskResponse(task=task_message(task, people, storage=call.container.storage))
