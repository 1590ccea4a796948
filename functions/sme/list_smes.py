"""SMEService.ListSmes: the SMEs the caller may use, by name, filtered. Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import sme_pb2 as pb
from common.repos.smes import SmeFilter
from common.rpc.context import Call
from functions import inputs
from functions.course.validation import optional_id
from functions.course.visibility import load_viewer
from functions.sme import validation
from functions.sme.messages import sme_message


def list_smes(request: pb.ListSmesRequest, call: Call) -> pb.ListSmesResponse:
    principal = call.require_principal()
    query = inputs.text(request.query, field="query", max_chars=validation.MAX_QUERY_CHARS)
    scope = validation.scope(request.scope, default=None) if request.HasField("scope") else None
    status = validation.sme_status(request.status) if request.HasField("status") else None
    team_id = optional_id(request.team_id, field="team_id")
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        viewer = load_viewer(uow, principal)
        where = SmeFilter(visible_teams=viewer.visible_teams(), query=query, scope=scope, team_id=team_id, status=status)
        page = uow.smes.list(where=where, page_size=request.page_size, page_token=request.page_token)
        total = uow.smes.count(where=where)
        people = uow.user_summaries.by_ids(s.created_by for s in page.items)
    storage = call.container.storage
    return pb.ListSmesResponse(smes=[sme_message(s, people, storage=storage) for s in page.items],
                               next_page_token=page.next_page_token, total_count=total)
