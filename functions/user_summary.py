"""UserSummary, the compact "who did it" shown beside personas, notifications, courses."""

from __future__ import annotations

import uuid
from typing import Any

from common.gen.mirai.v1 import common_pb2
from common.repos.user_summaries import UserSummaryRow

AVATAR_URL_TTL_SECONDS = 3600  # as UserService.GetProfile


def user_summary(user_id: uuid.UUID | None, people: dict[uuid.UUID, UserSummaryRow], *, storage: Any) -> Any:
    """The summary of ``user_id`` from ``people`` (``uow.user_summaries.by_ids``); None when
    there is no user (system events) or the user was deleted."""
    row = people.get(user_id) if user_id is not None else None
    if row is None:
        return None
    avatar = ""
    if row.avatar_object_key:
        avatar = storage.presigned_download_url(row.avatar_object_key, expires_in=AVATAR_URL_TTL_SECONDS)
    return common_pb2.UserSummary(
        id=str(row.id), email=row.email, first_name=row.first_name, last_name=row.last_name, avatar_url=avatar
    )
