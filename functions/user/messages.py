"""Users and memberships as proto messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from common.gen.mirai.v1 import common_pb2 as common
from common.repos.seats import SeatUsage
from common.repos.teams import Membership
from common.repos.users import User

ROLES = {"owner": common.ROLE_OWNER, "admin": common.ROLE_ADMIN, "member": common.ROLE_MEMBER}
TEAM_ROLES = {"lead": common.TEAM_ROLE_LEAD, "member": common.TEAM_ROLE_MEMBER}
AVATAR_URL_TTL_SECONDS = 3600

STATUSES = {"active": common.USER_STATUS_ACTIVE, "disabled": common.USER_STATUS_DISABLED}


def timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def user_message(user: User, *, avatar_url: str = "") -> common.User:
    return common.User(
        id=str(user.id), tenant_id=str(user.tenant_id), company_id=str(user.company_id), email=user.email,
        first_name=user.first_name, last_name=user.last_name, avatar_url=avatar_url, role=ROLES[user.role],
        status=STATUSES[user.status], locale=user.locale, timezone=user.timezone,
        created_at=timestamp(user.created_at), updated_at=timestamp(user.updated_at),
        last_login_at=timestamp(user.last_login_at), disabled_at=timestamp(user.disabled_at),
    )


def membership_message(membership: Membership) -> common.TeamMembership:
    return common.TeamMembership(
        team_id=str(membership.team_id), team_name=membership.team_name, role=TEAM_ROLES[membership.role],
        joined_at=timestamp(membership.joined_at),
    )


def avatar_url(storage: Any, user: User) -> str:
    """A presigned GET of the accepted avatar (signed locally, no request to S3); empty without one."""
    if not user.avatar_object_key:
        return ""
    url: str = storage.presigned_download_url(user.avatar_object_key, expires_in=AVATAR_URL_TTL_SECONDS)
    return url


def seat_usage_message(seats: SeatUsage) -> common.SeatUsage:
    return common.SeatUsage(total=seats.paid, used=seats.used, reserved=seats.reserved, available=seats.free)
