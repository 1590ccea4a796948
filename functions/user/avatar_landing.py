"""The avatar's landing check (``functions.uploads.landing.ROUTES["avatar"]``): an accepted
image becomes the user's avatar; anything else is deleted and the user has none.

Idempotent on the object: a redelivered event checks the same object again and records
the same key. The object at the key is what is checked (not the event's claims), so an
event that arrives after a newer upload checks the newer one."""

from __future__ import annotations

from typing import Any

from common.errors import NotFound
from functions.uploads.images import AVATAR_TYPES, image_problem
from functions.uploads.landing import LandedUpload, refuse


def accept_avatar(container: Any, upload: LandedUpload) -> None:
    tenant, user_id = upload.destination.tenant_id, upload.destination.owner_id
    try:
        problem = image_problem(container.storage, upload.key, allowed=AVATAR_TYPES)
    except NotFound:
        return  # replaced or removed since; its own event (if any) decides
    with container.db.tenant_session(tenant) as uow:
        try:
            uow.users.update_profile(user_id, {"avatar_object_key": None if problem else upload.key})
        except NotFound:
            problem = "no such user"
    if problem:
        refuse(container.storage, upload.key, upload.destination, problem)
