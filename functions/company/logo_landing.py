"""The logo's landing check (``functions.uploads.landing.ROUTES["logo"]``), as the avatar's:
an accepted image becomes the company's logo; anything else is deleted and it has none."""

from __future__ import annotations

from typing import Any

from common.errors import NotFound
from functions.uploads.images import LOGO_TYPES, image_problem
from functions.uploads.landing import LandedUpload, refuse


def accept_logo(container: Any, upload: LandedUpload) -> None:
    try:
        problem = image_problem(container.storage, upload.key, allowed=LOGO_TYPES)
    except NotFound:
        return
    with container.db.tenant_session(upload.destination.tenant_id) as uow:
        try:
            uow.companies.update_profile({"logo_object_key": None if problem else upload.key})
        except NotFound:
            problem = "no such company"
    if problem:
        refuse(container.storage, upload.key, upload.destination, problem)
