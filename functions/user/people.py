"""Who may change whom: the rules of DisableUser, EnableUser and ChangeUserRole.

Every change of a user's status or role first locks the company row
(``uow.seats.usage(lock=True)``), so two such changes in one tenant run one after
another: the "last active owner" check and the seat count cannot be raced.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from common.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied, ResourceExhausted
from common.repos.seats import SeatUsage
from common.repos.users import User
from common.rpc.auth import ROLE_RANK
from common.rpc.context import Principal

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork


def visible_user(uow: UnitOfWork, principal: Principal, user_id: uuid.UUID) -> User:
    """The user, or ``NotFound``: members do not see disabled users (as ListUsers)."""
    user = uow.users.get(user_id)
    if user.status != "active" and ROLE_RANK.get(principal.role, 0) < ROLE_RANK["admin"]:
        raise NotFound("user not found")
    return user


def _is_last_active_owner(uow: UnitOfWork, user: User) -> bool:
    if user.role != "owner" or user.status != "active":
        return False
    owners = uow.users.active_owners()
    return [o.id for o in owners] == [user.id]


def _acting_role(uow: UnitOfWork, principal: Principal) -> str:
    """The caller's role now, under the lock: the session cache may hold one up to its TTL old."""
    actor = uow.users.get(principal.user_id)
    if actor.status != "active" or ROLE_RANK[actor.role] < ROLE_RANK["admin"]:
        raise PermissionDenied("this needs the admin role")
    return actor.role


def disable(uow: UnitOfWork, principal: Principal, user_id: uuid.UUID) -> tuple[User, SeatUsage]:
    if user_id == principal.user_id:
        raise FailedPrecondition("you cannot disable your own account; ask another owner or admin", field="user_id")
    uow.seats.usage(lock=True)
    acting = _acting_role(uow, principal)
    user = uow.users.get(user_id)
    if user.role == "owner" and acting != "owner":
        raise PermissionDenied("only an owner can disable an owner")
    if _is_last_active_owner(uow, user):
        raise FailedPrecondition("the company's last active owner cannot be disabled", field="user_id")
    if user.status != "disabled":
        user = uow.users.disable(user_id)
    return user, uow.seats.usage()


def enable(uow: UnitOfWork, principal: Principal, user_id: uuid.UUID) -> tuple[User, SeatUsage]:
    seats = uow.seats.usage(lock=True)
    _acting_role(uow, principal)
    user = uow.users.get(user_id)
    if user.status == "active":
        return user, seats
    if seats.free < 1:
        raise ResourceExhausted(
            f"no seat is free ({seats.used} used and {seats.reserved} reserved of {seats.paid}); "
            "add seats under Billing or disable someone first"
        )
    return uow.users.enable(user_id), uow.seats.usage()


def change_role(uow: UnitOfWork, principal: Principal, user_id: uuid.UUID, role: str) -> User:
    if role not in ROLE_RANK:
        raise InvalidArgument("must be owner, admin or member", field="role")
    uow.seats.usage(lock=True)
    acting = _acting_role(uow, principal)
    if ROLE_RANK[role] > ROLE_RANK[acting]:
        raise PermissionDenied("nobody can grant a role above their own")
    if role == "owner" and acting != "owner":
        raise PermissionDenied("only an owner can make someone an owner")
    user = uow.users.get(user_id)
    if user.role == role:
        return user
    if user.role == "owner" and acting != "owner":
        raise PermissionDenied("only an owner can change an owner's role")
    if _is_last_active_owner(uow, user):
        raise FailedPrecondition("the company's last active owner cannot be demoted; make someone else owner first",
                                 field="role")
    return uow.users.set_role(user_id, role)
