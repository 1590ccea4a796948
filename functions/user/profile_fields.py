"""Checks of the profile fields a user edits about themselves (UpdateProfile)."""

from __future__ import annotations

import functools
import zoneinfo
from typing import Any

from common.errors import FailedPrecondition, InvalidArgument
from common.rpc.context import Principal
from common.storage_keys import user_avatar
from functions import inputs
from functions.auth.registration_form import MAX_NAME_CHARS


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone(value: str) -> str:
    zone = value.strip()
    if zone not in _zones():
        raise InvalidArgument("must be an IANA time zone such as 'Europe/Paris' or 'UTC'", field="timezone")
    return zone


def avatar_key(value: str, principal: Principal, current: str | None) -> str | None:
    """None removes the avatar; otherwise only the caller's own avatar key, once its upload was accepted."""
    if value == "":
        return None
    if value != user_avatar(principal.tenant_id, principal.user_id):
        raise InvalidArgument("must be the object_key CreateAvatarUploadUrl returned, or empty to remove the avatar",
                              field="avatar_object_key")
    if current != value:
        raise FailedPrecondition("the avatar upload has not been accepted yet; upload it first",
                                 field="avatar_object_key")
    return value


def profile_changes(request: Any) -> dict[str, Any]:
    """The checked fields the request sets (avatar excepted: it needs the stored row)."""
    changes: dict[str, Any] = {}
    for name in ("first_name", "last_name"):
        if request.HasField(name):
            changes[name] = inputs.text(getattr(request, name), field=name, max_chars=MAX_NAME_CHARS)
    if request.HasField("locale"):
        changes["locale"] = inputs.language_tag(request.locale, field="locale")
    if request.HasField("timezone"):
        changes["timezone"] = time_zone(request.timezone)
    return changes
