"""Request checks of this area; each failure is ``InvalidArgument`` naming its field."""

from __future__ import annotations

import uuid

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2
from functions import inputs

MAX_NAME = 120  # teams.name check (migration 0001)
MAX_DESCRIPTION = 2000
MAX_QUERY = 200
MAX_INITIAL_MEMBERS = 200

ROLE_NAMES: dict[int, str] = {common_pb2.TEAM_ROLE_LEAD: "lead", common_pb2.TEAM_ROLE_MEMBER: "member"}


def team_name(value: str, *, field: str = "name") -> str:
    return inputs.text(value, field=field, max_chars=MAX_NAME, required=True)


def description(value: str, *, field: str = "description") -> str:
    return inputs.text(value, field=field, max_chars=MAX_DESCRIPTION)


def query(value: str, *, field: str = "query") -> str | None:
    return inputs.text(value, field=field, max_chars=MAX_QUERY) or None


def team_role(value: int, *, field: str = "role", default: str | None = None) -> str:
    """``lead`` or ``member``; TEAM_ROLE_UNSPECIFIED is ``default`` when there is one."""
    if value == common_pb2.TEAM_ROLE_UNSPECIFIED and default is not None:
        return default
    inputs.enum_value(value, common_pb2.TeamRole.DESCRIPTOR, field=field)
    return ROLE_NAMES[value]


def user_ids(values: list[str], *, field: str) -> list[uuid.UUID]:
    """Distinct ids in the order given (none is fine)."""
    return inputs.id_list(values, field=field, max_items=MAX_INITIAL_MEMBERS) if values else []


def no_overlap(leads: list[uuid.UUID], members: list[uuid.UUID]) -> None:
    if set(leads) & set(members):
        raise InvalidArgument("names a user who is also in lead_user_ids; give each user one role",
                              field="member_user_ids")
