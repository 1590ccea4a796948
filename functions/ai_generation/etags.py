"""If-Match on outlines: an empty if_match skips the check; a stale one is ``aborted``."""

from __future__ import annotations

from common.errors import Conflict
from common.repos.outlines import Outline


def expected_version(if_match: str, outline: Outline) -> int | None:
    if not if_match:
        return None
    if if_match != outline.etag:
        raise Conflict("the outline was changed meanwhile; reload it and try again")
    return outline.version
