"""UserService.ListUsers: the company's users, searched by name or email, filtered by role,
status and team, in pages. Any signed-in user; only owners and admins see disabled users."""

from __future__ import annotations

from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import user_pb2 as pb
from common.repos.users import UserFilter
from common.rpc.auth import ROLE_RANK
from common.rpc.context import Call
from functions import inputs
from functions.enum_names import stored_name
from functions.user.messages import avatar_url, user_message

MAX_QUERY_CHARS = 200
_SORTS = {pb.USER_SORT_FIELD_UNSPECIFIED: "name", pb.USER_SORT_FIELD_NAME: "name", pb.USER_SORT_FIELD_EMAIL: "email",
          pb.USER_SORT_FIELD_CREATED_AT: "created", pb.USER_SORT_FIELD_LAST_LOGIN_AT: "last_login"}
# Names and emails read A→Z by default, dates newest first.
_DESCENDING_BY_DEFAULT = frozenset({"created", "last_login"})


def _filter(request: pb.ListUsersRequest, *, sees_disabled: bool) -> UserFilter:
    query = inputs.text(request.query, field="query", max_chars=MAX_QUERY_CHARS).lower()
    role = status = None
    if request.HasField("role"):
        role = stored_name(common.Role.DESCRIPTOR, inputs.enum_value(request.role, common.Role.DESCRIPTOR, field="role"))
    if request.HasField("status"):
        status = stored_name(common.UserStatus.DESCRIPTOR,
                             inputs.enum_value(request.status, common.UserStatus.DESCRIPTOR, field="status"))
    if not sees_disabled:
        # A member asking for disabled users gets none, as if there were none.
        status = "active" if status in (None, "active") else "hidden"
    team_id = inputs.required_id(request.team_id, field="team_id") if request.team_id else None
    return UserFilter(query=query, role=role, status=status, team_id=team_id)


def list_users(request: pb.ListUsersRequest, call: Call) -> pb.ListUsersResponse:
    principal = call.require_principal()
    sort = _SORTS.get(request.sort_field)
    if sort is None:
        inputs.enum_value(request.sort_field, pb.UserSortField.DESCRIPTOR, field="sort_field")
        sort = "name"
    inputs.enum_value(request.sort_direction, common.SortDirection.DESCRIPTOR, field="sort_direction",
                      allow_unspecified=True)
    descending = (sort in _DESCENDING_BY_DEFAULT if request.sort_direction == common.SORT_DIRECTION_UNSPECIFIED
                  else request.sort_direction == common.SORT_DIRECTION_DESCENDING)
    manager = ROLE_RANK.get(principal.role, 0) >= ROLE_RANK["admin"]
    where = _filter(request, sees_disabled=manager)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        # Members see the rosters of their own teams only; another team reads as one with nobody in it.
        if where.team_id is not None and not manager and where.team_id not in {
                m.team_id for m in uow.teams.teams_of(principal.user_id)}:
            return pb.ListUsersResponse()
        page, total = uow.users.search(where, sort=sort, descending=descending, page_size=request.page_size,
                                       page_token=request.page_token)
    storage = call.container.storage
    return pb.ListUsersResponse(users=[user_message(u, avatar_url=avatar_url(storage, u)) for u in page.items],
                                next_page_token=page.next_page_token, total_count=total)
