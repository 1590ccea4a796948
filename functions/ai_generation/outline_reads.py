"""Loading an outline the caller may see, with everything its message shows."""

from __future__ import annotations

import uuid
from typing import Any

from common.errors import NotFound
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.outlines import Outline
from common.rpc.context import Principal
from functions.ai_generation.job_reads import course_visible
from functions.ai_generation.records import outline_to_proto
from functions.ai_generation.visibility import visible_to


def visible_outline(uow: Any, principal: Principal, outline_id: uuid.UUID, *, for_update: bool = False) -> Outline:
    """Its creator and owners/admins; once approved, whoever can see its course."""
    outline: Outline = uow.outlines.get(outline_id, for_update=for_update)
    if visible_to(principal, outline.created_by):
        return outline
    if outline.status == "approved" and outline.course_id is not None and course_visible(uow, principal, outline.course_id):
        return outline
    raise NotFound("outline not found", field="outline_id")


def outline_message(uow: Any, outline: Outline, *, storage: Any) -> ai_pb.Outline:
    people = uow.user_summaries.by_ids([outline.created_by, outline.approved_by])
    return outline_to_proto(outline, sections=uow.outlines.sections(outline.id), inputs=uow.outlines.inputs(outline.id),
                            people=people, storage=storage)
