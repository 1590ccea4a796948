"""If-Match on outlines: an empty if_match skips the check; a stale one is ``aborted``."""

from __future__ import annotations

from common.repos.outlines import Outline
from functions.if_match import expected_version as if_match_version


def expected_version(if_match: str, outline: Outline) -> int | None:
    return if_match_version(if_match, outline, conflict="the outline was changed meanwhile; reload it and try again")
