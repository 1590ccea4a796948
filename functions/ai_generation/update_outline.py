"""AIGenerationService.UpdateOutline: edits a READY outline under if_match. Its creator
or owners/admins. ``sections`` replaces the whole structure."""

from __future__ import annotations

from typing import Any

from common.errors import FailedPrecondition
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.rpc.context import Call
from functions import inputs
from functions.ai_generation.etags import expected_version
from functions.ai_generation.outline_edits import MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS, checked_sections
from functions.ai_generation.outline_reads import outline_message, visible_outline


def update_outline(request: ai_pb.UpdateOutlineRequest, call: Call) -> ai_pb.UpdateOutlineResponse:
    principal = call.require_principal()
    outline_id = inputs.required_id(request.outline_id, field="outline_id")
    changes: dict[str, Any] = {}
    if request.HasField("title"):
        changes["title"] = inputs.text(request.title, field="title", max_chars=MAX_TITLE_CHARS, required=True)
    if request.HasField("description"):
        changes["description"] = inputs.text(request.description, field="description", max_chars=MAX_DESCRIPTION_CHARS)
    sections = checked_sections(request.sections) if request.HasField("sections") else None
    if sections is not None:
        changes["estimated_duration_minutes"] = sum(le.estimated_minutes for s in sections for le in s.lessons)
    with call.container.db.tenant_session(principal.tenant_id, principal.user_id) as uow:
        outline = visible_outline(uow, principal, outline_id, for_update=True)
        expected = expected_version(request.if_match, outline)
        if outline.status != "ready":
            raise FailedPrecondition(f"only a ready outline can be edited; this one is {outline.status}")
        if sections is not None:
            uow.outlines.replace_sections(outline_id, sections)
        outline = uow.outlines.update(outline_id, changes, expected_version=expected)
        message = outline_message(uow, outline, storage=call.container.storage)
    return ai_pb.UpdateOutlineResponse(outline=message)
