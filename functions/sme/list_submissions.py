"""SMEService.ListSubmissions: of an SME or a task, newest first. Users who may use the
SME, or those who see the task (its assignee, its creator)."""

from __future__ import annotations

from common.errors import InvalidArgument, NotFound
from common.gen.mirai.v1 import sme_pb2 as pb
from common.repos.sme_submissions import SubmissionFilter
from common.rpc.context import Call
from functions.course.validation import optional_id
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.access import can_use, sees_task, usable_sme
from functions.sme.messages import submission_message


def list_submissions(request: pb.ListSubmissionsRequest, call: Call) -> pb.ListSubmissionsResponse:
    principal = call.require_principal()
    sme_id = optional_id(request.sme_id, field="sme_id")
    task_id = optional_id(request.task_id, field="task_id")
    if sme_id is None and task_id is None:
        raise InvalidArgument("is required unless task_id is given", field="sme_id")
    statuses = validation.submission_statuses(request.statuses)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        if sme_id is not None:
            usable_sme(uow, viewer, sme_id)
        if task_id is not None:
            task = uow.sme_tasks.get(task_id)
            sme = uow.smes.get(task.sme_id)
            if not (can_use(viewer, sme) or sees_task(viewer, task, sme)):
                raise NotFound("task not found", field="task_id")
        where = SubmissionFilter(sme_id=sme_id, task_id=task_id, statuses=statuses)
        page = uow.sme_submissions.list(where=where, page_size=request.page_size, page_token=request.page_token)
        total = uow.sme_submissions.count(where=where)
        people = uow.user_summaries.by_ids(s.uploaded_by for s in page.items)
    storage = call.container.storage
    return pb.ListSubmissionsResponse(submissions=[submission_message(s, people, storage=storage) for s in page.items],
                                      next_page_token=page.next_page_token, total_count=total)
