"""Checking what a course generation is asked for (GenerateOutline's request)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from common.errors import FailedPrecondition, InvalidArgument, NotFound
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.repos.outlines import GenerationInputs
from common.rpc.context import Principal
from functions import inputs
from functions.ai_generation.job_reads import course_visible
from functions.course.courses import require_folder
from functions.course.visibility import load_viewer

if TYPE_CHECKING:
    from common.db.unit_of_work import UnitOfWork

MAX_TITLE_CHARS = 200
MAX_GOALS = 20
MAX_GOAL_CHARS = 500
MAX_SMES = 20
MAX_CONTEXT_CHARS = 8000
MAX_LESSONS = 50
MAX_DURATION_MINUTES = 24 * 60
DEFAULT_LANGUAGE = "en"


def _optional_id(value: str, *, field: str) -> uuid.UUID | None:
    return inputs.required_id(value, field=field) if value else None


def _bounded(value: int, *, field: str, high: int) -> int:
    if not 0 <= value <= high:
        raise InvalidArgument(f"must be between 0 and {high}", field=field)
    return value


def checked_inputs(request: ai_pb.GenerateOutlineRequest, *, uow: UnitOfWork, principal: Principal) -> GenerationInputs:
    """The request's inputs, checked against the tenant's data (audience, SMEs, folder, course).

    ``outline_id`` is a placeholder the caller replaces once the outline row exists."""
    title = inputs.text(request.title, field="title", max_chars=MAX_TITLE_CHARS, required=True)
    goals = inputs.text_list(request.learning_goals, field="learning_goals", max_items=MAX_GOALS, max_chars=MAX_GOAL_CHARS)
    audience_id = _optional_id(request.target_audience_id, field="target_audience_id")
    sme_ids = inputs.id_list(request.sme_ids, field="sme_ids", max_items=MAX_SMES) if request.sme_ids else []
    context = inputs.text(request.additional_context, field="additional_context", max_chars=MAX_CONTEXT_CHARS)
    lessons = _bounded(request.desired_lesson_count, field="desired_lesson_count", high=MAX_LESSONS)
    minutes = _bounded(request.desired_duration_minutes, field="desired_duration_minutes", high=MAX_DURATION_MINUTES)
    language = inputs.language_tag(request.language, field="language") if request.language.strip() else ""
    folder_id = _optional_id(request.folder_id, field="folder_id")
    course_id = _optional_id(request.course_id, field="course_id")

    if audience_id is not None:
        audience = uow.target_audiences.get(audience_id)
        language = language or audience.language
    viewer = load_viewer(uow, principal)
    # An SME or folder the caller may not see answers exactly like one that does not exist.
    missing = set(sme_ids) - uow.knowledge_chunks.visible_smes(sme_ids, visible_teams=viewer.visible_teams())
    if missing:
        raise NotFound(f"SME {sorted(map(str, missing))[0]} not found", field="sme_ids")
    if folder_id is not None:
        try:
            require_folder(uow, viewer, folder_id)
        except NotFound:
            raise NotFound("folder not found", field="folder_id") from None
    if course_id is not None:
        if not course_visible(uow, principal, course_id):
            raise NotFound("course not found", field="course_id")
        if uow.courses.get(course_id).lesson_count:
            raise FailedPrecondition("the course already has lessons; generate into an empty course or a new one")
    return GenerationInputs(
        outline_id=uuid.UUID(int=0), course_id=course_id, title=title, learning_goals=goals,
        target_audience_id=audience_id, sme_ids=sme_ids, additional_context=context, desired_lesson_count=lessons,
        desired_duration_minutes=minutes, language=language or DEFAULT_LANGUAGE, folder_id=folder_id,
        created_by=principal.user_id,
    )
