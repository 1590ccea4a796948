"""Who may do what to a team, the request checks, and the names a deleted team's folders get."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from common.errors import Conflict, NotFound, PermissionDenied
from common.gen.mirai.v1 import common_pb2
from common.repos.folders import MAX_NAME_CHARS, released_name
from common.repos.teams import Team
from functions.team import validation as check
from functions.team.access import TeamAccess, require_manages, require_may_remove, require_visible
from tests.support.refusals import refused

ME, SOMEONE = uuid.uuid4(), uuid.uuid4()
NOW = datetime.now(UTC)
TEAM = Team(id=uuid.uuid4(), tenant_id=uuid.uuid4(), company_id=uuid.uuid4(), name="Safety", description="",
            created_by=None, version=1, created_at=NOW, updated_at=NOW)


def access(*, admin: bool = False, role: str | None = None) -> TeamAccess:
    return TeamAccess(team=TEAM, user_id=ME, is_admin=admin, role=role)


@pytest.mark.parametrize(("admin", "role", "sees", "manages"), [
    (True, None, True, True),       # owners/admins manage every team
    (False, "lead", True, True),    # a lead manages their own
    (False, "member", True, False),  # a member reads
    (False, None, False, False),    # anyone else: not found
])
def test_who_sees_and_who_manages(admin: bool, role: str | None, sees: bool, manages: bool) -> None:
    who = access(admin=admin, role=role)
    if sees:
        require_visible(who)
    else:
        with pytest.raises(NotFound):
            require_visible(who)
    if manages:
        require_manages(who)
        require_may_remove(who, SOMEONE)
    else:
        with pytest.raises(PermissionDenied):
            require_manages(who)
        with pytest.raises(PermissionDenied):
            require_may_remove(who, SOMEONE)


def test_every_member_may_leave() -> None:
    require_may_remove(access(role="member"), ME)


def test_names_are_trimmed_required_and_bounded() -> None:
    assert check.team_name("  Safety ") == "Safety"
    refused(lambda: check.team_name(" "), "name")
    refused(lambda: check.team_name("x" * (check.MAX_NAME + 1)), "name")
    refused(lambda: check.team_name("bad\x00name"), "name")
    assert check.description("") == ""
    refused(lambda: check.description("d" * (check.MAX_DESCRIPTION + 1)), "description")


def test_roles() -> None:
    assert check.team_role(common_pb2.TEAM_ROLE_LEAD) == "lead"
    assert check.team_role(common_pb2.TEAM_ROLE_UNSPECIFIED, default="member") == "member"
    refused(lambda: check.team_role(common_pb2.TEAM_ROLE_UNSPECIFIED), "role")
    refused(lambda: check.team_role(99, default="member"), "role")


def test_initial_members() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    assert check.user_ids([], field="lead_user_ids") == []
    assert check.user_ids([str(a), str(a).upper(), str(b)], field="lead_user_ids") == [a, b]
    refused(lambda: check.user_ids(["nope"], field="lead_user_ids"), "lead_user_ids")
    refused(lambda: check.user_ids([str(uuid.uuid4()) for _ in range(check.MAX_INITIAL_MEMBERS + 1)],
                                    field="member_user_ids"), "member_user_ids")
    check.no_overlap([a], [b])
    refused(lambda: check.no_overlap([a], [b, a]), "member_user_ids")


def test_a_released_folder_keeps_its_name_unless_the_company_library_uses_it() -> None:
    assert released_name("Plans", "Safety", {"other"}) == "Plans"
    assert released_name("Plans", "Safety", {"plans"}) == "Plans (Safety)"
    assert released_name("Plans", "Safety", {"plans", "plans (safety)"}) == "Plans (Safety) 2"
    long = released_name("p" * MAX_NAME_CHARS, "t" * 120, {"p" * MAX_NAME_CHARS})
    assert len(long) == MAX_NAME_CHARS and long.endswith(f" ({'t' * 120})")
    taken = {"plans", "plans (safety)", *(f"plans (safety) {n}" for n in range(2, 1000))}
    with pytest.raises(Conflict):
        released_name("Plans", "Safety", taken)
