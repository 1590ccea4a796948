"""SMEService.ListTasks: newest first. Tasks assigned to or created by the caller; every
task of the company for owners/admins."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.repos.sme_tasks import TaskFilter
from common.rpc.context import Call
from functions.course.validation import optional_id
from functions.course.visibility import ADMIN_ROLES
from functions.sme import validation
from functions.sme.messages import task_message


def list_tasks(request: pb.ListTasksRequest, call: Call) -> pb.ListTasksResponse:
    principal = call.require_principal()
    assignee = principal.user_id if request.assigned_to_me else optional_id(request.assignee_user_id,
                                                                              field="assignee_user_id")
    where = TaskFilter(
        involving=None if principal.role in ADMIN_ROLES else principal.user_id,
        sme_id=optional_id(request.sme_id, field="sme_id"), assignee_id=assignee,
        statuses=validation.task_statuses(request.statuses),
    )
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        page = uow.sme_tasks.list(where=where, page_size=request.page_size, page_token=request.page_token)
        total = uow.sme_tasks.count(where=where)
        people = uow.user_summaries.by_ids(u for t in page.items for u in (t.assignee_id, t.created_by))
    storage = call.container.storage
    return pb.ListTasksResponse(tasks=[task_message(t, people, storage=storage) for t in page.items],
                                next_page_token=page.next_page_token, total_count=total)
